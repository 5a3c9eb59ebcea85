//! A test runtime: the timestamp pallet as the chain's clock, human-resources officers by
//! account, and the shared test register (the pallet sees it only through the
//! `CompanyRegistry` trait, as it sees the real registry in the runtime).

use crate as pallet_certification;
use govchain_domain_types::testing::EnsureOfficerOf;
pub use govchain_domain_types::testing::{uscc, TestRegistry};
use polkadot_sdk::{
	frame_support::{construct_runtime, derive_impl, traits::ConstU32},
	frame_system, pallet_timestamp,
};

type Block = frame_system::mocking::MockBlock<Test>;

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Certification: pallet_certification,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

impl pallet_certification::Config for Test {
	type MinistryOrigin = EnsureOfficerOf<MinistryOfficers, Ministry>;
	type Registry = TestRegistry;
	type Time = Timestamp;
	type MaxProfessionLength = ConstU32<64>;
	type MaxReasonLength = ConstU32<32>;
	type MaxOperators = ConstU32<2>;
	type MaxBatch = ConstU32<4>;
	type MaxRenewals = ConstU32<2>;
	type MaxRevocationsPerCall = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = govchain_domain_types::testing::BenchmarkCompanies<Test>;
}

/// The human-resources ministry's code.
pub use govchain_domain_types::fixtures::agencies::HUMAN_RESOURCES;
/// A ministry officer.
pub const OFFICER: u64 = 2;

polkadot_sdk::frame_support::parameter_types! {
	/// The ministry's only officer in the tests.
	pub MinistryOfficers: Vec<u64> = vec![OFFICER];
	pub const Ministry: &'static [u8; 18] = HUMAN_RESOURCES;
}

govchain_domain_types::mock_clock_and_externalities!(Test, Certification::do_try_state);
