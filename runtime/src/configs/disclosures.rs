//! Investment disclosures: companies file through their controllers, audit firms attest,
//! the securities regulator supervises; companies are read through the registry's trait.

use crate::{configs::governance::SecuritiesRegulatorOfficer, CompanyRegistry, Runtime, Timestamp};
use polkadot_sdk::frame_support::traits::ConstU32;

impl pallet_disclosures::Config for Runtime {
	type SecuritiesOrigin = SecuritiesRegulatorOfficer;
	type Registry = CompanyRegistry;
	type Time = Timestamp;
	// A report's headline statements run to a few dozen line items beyond the key figures.
	type MaxFacts = ConstU32<64>;
	// The longest concept names of the IFRS taxonomy are about 200 characters.
	type MaxConceptLength = ConstU32<256>;
	type MaxUriLength = ConstU32<256>;
	type MaxReasonLength = ConstU32<256>;
	// Restatements are rare; 32 versions leaves room for years of corrections.
	type MaxVersions = ConstU32<32>;
	// A joint audit has two firms; room for reviewers and a successor auditor.
	type MaxAttestations = ConstU32<8>;
	type MaxAnnotations = ConstU32<32>;
	type WeightInfo = pallet_disclosures::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::registers::RegistryBenchmarkHelper;
}
