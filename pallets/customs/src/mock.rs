//! A test runtime: the timestamp pallet as the chain's clock, customs officers by account,
//! and a register of companies the tests set up (the pallet sees it only through the
//! `CompanyRegistry` trait, as it sees the real registry in the runtime).

use crate as pallet_customs;
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
		Customs: pallet_customs,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

impl pallet_customs::Config for Test {
	type CustomsOrigin = EnsureOfficerOf<CustomsOfficers, CustomsAgency>;
	type Registry = TestRegistry;
	type Time = Timestamp;
	type MaxNameLength = ConstU32<64>;
	type MaxItems = ConstU32<4>;
	type MaxDocuments = ConstU32<4>;
	type MaxRiskRules = ConstU32<4>;
	type MaxReasonLength = ConstU32<32>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = govchain_domain_types::testing::BenchmarkCompanies<Test>;
}

/// The customs agency's code.
pub use govchain_domain_types::fixtures::agencies::CUSTOMS;
/// Customs officers.
pub const OFFICER: u64 = 2;
pub const SECOND_OFFICER: u64 = 3;

polkadot_sdk::frame_support::parameter_types! {
	/// Customs officers: [`OFFICER`] and [`SECOND_OFFICER`].
	pub CustomsOfficers: Vec<u64> = vec![OFFICER, SECOND_OFFICER];
	pub const CustomsAgency: &'static [u8; 18] = CUSTOMS;
}

govchain_domain_types::mock_clock_and_externalities!(Test, Customs::do_try_state);
