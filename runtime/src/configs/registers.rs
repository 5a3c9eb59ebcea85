//! The shared registers the domain agencies keep: for now the company registry, kept by
//! market-regulator officers and read by every other agency.

use crate::{configs::governance::MarketRegulatorOfficer, Runtime, Timestamp};
use polkadot_sdk::frame_support::traits::ConstU32;

impl pallet_company_registry::Config for Runtime {
	type RegistrarOrigin = MarketRegulatorOfficer;
	type Time = Timestamp;
	// A Chinese name of 80 characters takes 240 bytes; English names are longer.
	type MaxNameLength = ConstU32<256>;
	type MaxAddressLength = ConstU32<256>;
	// Business scopes run to several hundred Chinese characters.
	type MaxScopeLength = ConstU32<3072>;
	// The Company Law caps a limited liability company at 50 shareholders; joint-stock
	// companies keep their full register with the securities depository.
	type MaxShareholders = ConstU32<50>;
	type MaxCompanyOfficers = ConstU32<32>;
	type MaxControllers = ConstU32<8>;
	type MaxContactLength = ConstU32<128>;
	type MaxReasonLength = ConstU32<256>;
	type WeightInfo = pallet_company_registry::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkClock;
}

/// Sets the chain's time in benchmarks without going through the timestamp inherent, whose
/// hook (Aura's slot check) would refuse arbitrary times.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkClock;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_company_registry::BenchmarkHelper for BenchmarkClock {
	fn set_time(now: govchain_domain_types::UnixMillis) {
		polkadot_sdk::pallet_timestamp::Now::<Runtime>::put(now);
	}
}
