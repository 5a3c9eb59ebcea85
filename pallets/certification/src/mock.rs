//! A test runtime: the timestamp pallet as the chain's clock, human-resources officers by
//! account, and the shared test register (the pallet sees it only through the
//! `CompanyRegistry` trait, as it sees the real registry in the runtime).

use crate as pallet_certification;
pub use govchain_domain_types::testing::{uscc, TestRegistry};
use govchain_domain_types::{
	testing::{CheckedExternalities, EnsureOfficerOf},
	UnixMillis,
};
use polkadot_sdk::{
	frame_support::{construct_runtime, derive_impl, traits::ConstU32},
	frame_system, pallet_timestamp,
	sp_io::TestExternalities,
	sp_runtime::BuildStorage,
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

/// Makes `now` the chain's time.
pub fn set_time(now: UnixMillis) {
	pallet_timestamp::Now::<Test>::put(now);
}

impl govchain_domain_types::testing::SetClock for Test {
	fn set_clock(now: UnixMillis) {
		set_time(now);
	}
}

/// 2026-11-27 00:00 China time, when the tests start.
pub const START: UnixMillis = 1_795_708_800_000;

/// An empty chain at [`START`], block 1; the pallet's invariants are checked after every
/// test. The test register starts empty.
pub fn new_test_ext() -> CheckedExternalities {
	TestRegistry::clear();
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().expect("system");
	let mut ext = TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_time(START);
	});
	CheckedExternalities::new(ext, Certification::do_try_state)
}
