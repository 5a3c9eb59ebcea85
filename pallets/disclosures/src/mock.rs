//! A test runtime: the timestamp pallet as the chain's clock, securities-regulator officers
//! by account, and the shared test register (the pallet sees it only through the
//! `CompanyRegistry` trait, as it sees the real registry in the runtime).

use crate as pallet_disclosures;
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
		Disclosures: pallet_disclosures,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

impl pallet_disclosures::Config for Test {
	type SecuritiesOrigin = EnsureOfficerOf<SecuritiesOfficers, SecuritiesAgency>;
	type Registry = TestRegistry;
	type Time = Timestamp;
	type MaxFacts = ConstU32<4>;
	type MaxConceptLength = ConstU32<48>;
	type MaxUriLength = ConstU32<64>;
	type MaxReasonLength = ConstU32<32>;
	type MaxVersions = ConstU32<5>;
	type MaxAttestations = ConstU32<2>;
	type MaxAnnotations = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = govchain_domain_types::testing::BenchmarkCompanies<Test>;
}

/// The securities regulator's code.
pub use govchain_domain_types::fixtures::agencies::SECURITIES_REGULATOR;
/// A securities-regulator officer.
pub const OFFICER: u64 = 2;

polkadot_sdk::frame_support::parameter_types! {
	/// The securities regulator's only officer in the tests.
	pub SecuritiesOfficers: Vec<u64> = vec![OFFICER];
	pub const SecuritiesAgency: &'static [u8; 18] = SECURITIES_REGULATOR;
}

govchain_domain_types::mock_clock_and_externalities!(Test, Disclosures::do_try_state);
