//! Customs clearance: declarations lodged by companies and brokers, controlled by customs
//! officers, checked against the company registry through its trait.

use crate::{configs::governance::CustomsOfficer, CompanyRegistry, Runtime, Timestamp};
use polkadot_sdk::frame_support::traits::ConstU32;

impl pallet_customs::Config for Runtime {
	type CustomsOrigin = CustomsOfficer;
	type Registry = CompanyRegistry;
	type Time = Timestamp;
	type MaxNameLength = ConstU32<256>;
	// China's declaration form takes up to 50 lines of goods.
	type MaxItems = ConstU32<50>;
	type MaxDocuments = ConstU32<16>;
	// Every rule is evaluated for every lane assignment: 64 bounds that work.
	type MaxRiskRules = ConstU32<64>;
	type MaxReasonLength = ConstU32<256>;
	type WeightInfo = pallet_customs::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::registers::RegistryBenchmarkHelper;
}
