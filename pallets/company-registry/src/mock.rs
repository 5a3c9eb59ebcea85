//! A test runtime with the real agencies pallet (so the registrar origin is the one the
//! chain uses), the timestamp pallet as the chain's clock, and balances to pay storage fees.

use crate as pallet_company_registry;
use govchain_domain_types::{
	storage_fee::BurnPerByte, testing::CheckedExternalities, Role, UnixMillis, Uscc,
};
use polkadot_sdk::{
	frame_support::{
		construct_runtime, derive_impl, parameter_types,
		traits::{ConstU32, ConstU64},
	},
	frame_system::{self, EnsureRoot},
	pallet_balances, pallet_timestamp,
	sp_io::TestExternalities,
	sp_runtime::BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Agencies: pallet_agencies,
		CompanyRegistry: pallet_company_registry,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

impl pallet_agencies::Config for Test {
	type AdmissionOrigin = EnsureRoot<u64>;
	type CouncilSeats = pallet_agencies::testing::TestCouncil;
	type CouncilSeatsWeight = ();
	type MaxNameLength = ConstU32<64>;
	type MaxOfficers = ConstU32<4>;
	type MaxActiveAgencies = ConstU32<8>;
	type MinActiveAgencies = ConstU32<1>;
	type Departures = ();
	type WeightInfo = ();
}

parameter_types! {
	pub const MarketRegulatorRole: Role = Role::MarketRegulator;
}

impl pallet_company_registry::Config for Test {
	type RegistrarOrigin = pallet_agencies::EnsureAgencyOfficer<Test, MarketRegulatorRole>;
	type Time = Timestamp;
	type StorageFee = RegistryStorageFee;
	type DecisionWindow = ConstU64<DECISION_WINDOW>;
	type MaxNameLength = ConstU32<64>;
	type MaxAddressLength = ConstU32<64>;
	type MaxScopeLength = ConstU32<128>;
	// One above a joint-stock company's 200 promoters: the legal form's bound is what refuses.
	type MaxShareholders = ConstU32<201>;
	type MaxKeyPersonnel = ConstU32<4>;
	type MaxControllers = ConstU32<3>;
	type MaxRepresentedCompanies = ConstU32<3>;
	type MaxContactLength = ConstU32<32>;
	type MaxReasonLength = ConstU32<32>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestBenchmarkHelper;
}

/// Fee for storing a report or a contact update: [`STORAGE_BASE_FEE`] plus one per byte.
pub type RegistryStorageFee = BurnPerByte<Balances, ConstU64<STORAGE_BASE_FEE>, ConstU64<1>, ()>;
/// The part of the storage fee that does not depend on the size.
pub const STORAGE_BASE_FEE: u64 = 10;
/// What the funded test accounts start with.
pub const ENDOWMENT: u64 = 1_000_000;

/// How long a closing decision waits for its second officer: one day.
pub const DECISION_WINDOW: UnixMillis = 86_400_000;

/// Moves the test chain's clock and adds officers for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for TestBenchmarkHelper {
	fn set_time(now: UnixMillis) {
		set_time(now);
	}

	fn second_officer(officer: &govchain_domain_types::AgencyOfficer<u64>) -> u64 {
		let second = 999;
		// A failure shows as the benchmark's confirmation being refused.
		let _ = Agencies::add_officer(RuntimeOrigin::signed(officer.officer), second);
		second
	}
}

/// Makes `now` the chain's time.
pub fn set_time(now: UnixMillis) {
	pallet_timestamp::Now::<Test>::put(now);
}

/// The municipal market regulator (division 110000, all of Beijing: admin 1, officers 11
/// and 12), Haidian district's (division 110108 only: admin 3, officer 31) and customs
/// (admin 2), an active agency without the market-regulator role.
pub use govchain_domain_types::fixtures::agencies::{
	CUSTOMS, HAIDIAN_MARKET_REGULATOR as DISTRICT_REGULATOR, MARKET_REGULATOR,
};
/// Officer of the market regulator.
pub const REGISTRAR: u64 = 11;
/// A second officer of the market regulator, for four-eyes decisions.
pub const SECOND_REGISTRAR: u64 = 12;
/// Officer of the district regulator.
pub const DISTRICT_REGISTRAR: u64 = 31;
/// Officer of customs.
pub const CUSTOMS_OFFICER: u64 = 2;

/// 2024-03-15 00:00 China time, when the tests start.
pub const START: UnixMillis = 1_710_432_000_000;

/// A code the tests know to be well formed.
pub fn uscc(code: &[u8; 18]) -> Uscc {
	Uscc::parse_format(code).expect("test code is well formed")
}

/// Genesis: the municipal and district market regulators and customs are admitted; `funded` accounts hold
/// [`ENDOWMENT`]; the clock reads [`START`]. The registry's and the agencies' invariants are
/// checked after every test.
pub fn new_test_ext_funding(funded: &[u64]) -> CheckedExternalities {
	let mut storage =
		frame_system::GenesisConfig::<Test>::default().build_storage().expect("system");
	pallet_agencies::GenesisConfig::<Test> {
		agencies: vec![
			(
				uscc(MARKET_REGULATOR),
				"Beijing Market Regulation".into(),
				1,
				vec![Role::MarketRegulator],
				vec![REGISTRAR, SECOND_REGISTRAR],
			),
			(
				uscc(DISTRICT_REGULATOR),
				"Haidian Market Regulation".into(),
				3,
				vec![Role::MarketRegulator],
				vec![DISTRICT_REGISTRAR],
			),
			(uscc(CUSTOMS), "Beijing Customs".into(), CUSTOMS_OFFICER, vec![Role::Customs], vec![]),
		],
	}
	.assimilate_storage(&mut storage)
	.expect("agencies genesis");
	pallet_balances::GenesisConfig::<Test> {
		balances: funded.iter().map(|account| (*account, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.expect("balances genesis");
	let mut ext = TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_time(START);
	});
	CheckedExternalities::new(ext, || {
		Agencies::do_try_state()?;
		CompanyRegistry::do_try_state()
	})
}

/// The controller the tests register companies with.
pub const CONTROLLER: u64 = 100;
/// A second controller.
pub const OTHER_CONTROLLER: u64 = 101;

/// [`new_test_ext_funding`] with [`CONTROLLER`] and [`OTHER_CONTROLLER`] funded.
pub fn new_test_ext() -> CheckedExternalities {
	new_test_ext_funding(&[CONTROLLER, OTHER_CONTROLLER])
}
