//! Talent certification: the human-resources ministry defines schemes and accredits bodies,
//! whose operators issue certificates anyone can verify; bodies that are market entities are
//! read through the registry's trait.

use crate::{configs::governance::HumanResourcesOfficer, CompanyRegistry, Runtime, Timestamp};
use polkadot_sdk::frame_support::traits::ConstU32;

impl pallet_certification::Config for Runtime {
	type MinistryOrigin = HumanResourcesOfficer;
	type Registry = CompanyRegistry;
	type Time = Timestamp;
	type MaxProfessionLength = ConstU32<128>;
	type MaxReasonLength = ConstU32<256>;
	// A university's examination office or a training company's certification desk.
	type MaxOperators = ConstU32<8>;
	// A graduating class; larger cohorts take several calls.
	type MaxBatch = ConstU32<100>;
	// A three-year certificate renewed every cycle for a working life.
	type MaxRenewals = ConstU32<16>;
	type MaxRevocationsPerCall = ConstU32<100>;
	type WeightInfo = pallet_certification::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::registers::RegistryBenchmarkHelper;
}
