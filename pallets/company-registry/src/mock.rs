//! A test runtime with the real agencies pallet (so the registrar origin is the one the
//! chain uses) and the timestamp pallet as the chain's clock.

use crate as pallet_company_registry;
use govchain_domain_types::{Role, UnixMillis, Uscc};
use polkadot_sdk::{
	frame_support::{construct_runtime, derive_impl, parameter_types, traits::ConstU32},
	frame_system::{self, EnsureRoot},
	pallet_timestamp,
	sp_io::TestExternalities,
	sp_runtime::BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Agencies: pallet_agencies,
		CompanyRegistry: pallet_company_registry,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

impl pallet_agencies::Config for Test {
	type AdmissionOrigin = EnsureRoot<u64>;
	type CouncilSeats = ();
	type CouncilSeatsWeight = ();
	type MaxNameLength = ConstU32<64>;
	type MaxOfficers = ConstU32<4>;
	type MaxActiveAgencies = ConstU32<8>;
	type WeightInfo = ();
}

parameter_types! {
	pub const MarketRegulatorRole: Role = Role::MarketRegulator;
}

impl pallet_company_registry::Config for Test {
	type RegistrarOrigin = pallet_agencies::EnsureAgencyOfficer<Test, MarketRegulatorRole>;
	type Time = Timestamp;
	type MaxNameLength = ConstU32<64>;
	type MaxAddressLength = ConstU32<64>;
	type MaxScopeLength = ConstU32<128>;
	type MaxShareholders = ConstU32<4>;
	type MaxCompanyOfficers = ConstU32<4>;
	type MaxControllers = ConstU32<3>;
	type MaxContactLength = ConstU32<32>;
	type MaxReasonLength = ConstU32<32>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestClock;
}

/// Moves the test chain's clock for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestClock;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for TestClock {
	fn set_time(now: UnixMillis) {
		set_time(now);
	}
}

/// Makes `now` the chain's time.
pub fn set_time(now: UnixMillis) {
	pallet_timestamp::Now::<Test>::put(now);
}

/// The market regulator: admin 1, officer 11.
pub const MARKET_REGULATOR: &[u8; 18] = b"11110000MB0013426L";
/// Customs (admin 2): an active agency without the market-regulator role.
pub const CUSTOMS: &[u8; 18] = b"11110000MB0013434F";
/// Officer of the market regulator.
pub const REGISTRAR: u64 = 11;
/// Officer of customs.
pub const CUSTOMS_OFFICER: u64 = 2;

/// 2024-03-15 00:00 China time, when the tests start.
pub const START: UnixMillis = 1_710_432_000_000;

/// A code the tests know to be well formed.
pub fn uscc(code: &[u8; 18]) -> Uscc {
	Uscc::parse_legacy(code).expect("test code is well formed")
}

/// Genesis: the market regulator and customs are admitted; the clock reads [`START`].
pub fn new_test_ext() -> TestExternalities {
	let mut storage =
		frame_system::GenesisConfig::<Test>::default().build_storage().expect("system");
	pallet_agencies::GenesisConfig::<Test> {
		agencies: vec![
			(
				uscc(MARKET_REGULATOR),
				"Beijing Market Regulation".into(),
				1,
				vec![Role::MarketRegulator],
				vec![REGISTRAR],
			),
			(uscc(CUSTOMS), "Beijing Customs".into(), CUSTOMS_OFFICER, vec![Role::Customs], vec![]),
		],
	}
	.assimilate_storage(&mut storage)
	.expect("agencies genesis");
	let mut ext = TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_time(START);
	});
	ext
}
