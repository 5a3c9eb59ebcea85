//! A test runtime with the agencies pallet and a council that records its members.

pub use crate::testing::council;

use crate::{self as pallet_agencies, testing::TestCouncil};
use govchain_domain_types::{testing::CheckedExternalities, Uscc};
use polkadot_sdk::{
	frame_support::{construct_runtime, derive_impl, parameter_types, traits::ConstU32},
	frame_system::{self, EnsureRoot},
	sp_io::TestExternalities,
	sp_runtime::BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Agencies: pallet_agencies,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	/// Whether the test's departure check refuses every suspension and dissolution.
	pub static DepartureRefused: bool = false;
	/// The agencies the departure hook heard of, in order.
	pub static Departed: Vec<Uscc> = Vec::new();
}

/// Stands in for the validator set: refuses departures when told to, records them.
pub struct TestDepartures;

impl govchain_domain_types::AgencyDepartures for TestDepartures {
	fn can_depart(_agency: &Uscc) -> polkadot_sdk::sp_runtime::DispatchResult {
		if DepartureRefused::get() {
			Err(polkadot_sdk::sp_runtime::DispatchError::Other("validators needed"))
		} else {
			Ok(())
		}
	}
	fn departed(agency: &Uscc) {
		Departed::mutate(|departed| departed.push(*agency));
	}
	fn weight() -> polkadot_sdk::frame_support::weights::Weight {
		polkadot_sdk::frame_support::weights::Weight::zero()
	}
}

parameter_types! {
	pub const MaxOfficers: u32 = 3;
	pub const MaxActiveAgencies: u32 = 3;
	pub const MinActiveAgencies: u32 = 1;
}

impl pallet_agencies::Config for Test {
	type AdmissionOrigin = EnsureRoot<u64>;
	type CouncilSeats = TestCouncil;
	type CouncilSeatsWeight = ();
	type MaxNameLength = ConstU32<32>;
	type MaxOfficers = MaxOfficers;
	type MaxActiveAgencies = MaxActiveAgencies;
	type MinActiveAgencies = MinActiveAgencies;
	type Departures = TestDepartures;
	type WeightInfo = ();
}

/// The shared fixture codes: government agencies, a public institution, and an enterprise's
/// code (not a government code).
pub use govchain_domain_types::fixtures::{
	agencies::{
		CUSTOMS, HUMAN_RESOURCES as HR_MINISTRY, MARKET_REGULATOR, PUBLIC_INSTITUTION,
		SECURITIES_REGULATOR,
	},
	companies::MUNICIPAL_ENTERPRISE as ENTERPRISE,
};

/// A code the tests know to be well formed.
pub fn uscc(code: &[u8; 18]) -> Uscc {
	Uscc::parse_format(code).expect("test code is well formed")
}

/// Genesis: the market regulator (admin 1, officer 11) and customs (admin 2) are admitted.
/// The register's invariants are checked after every test.
pub fn new_test_ext() -> CheckedExternalities {
	use govchain_domain_types::Role;
	let mut storage =
		frame_system::GenesisConfig::<Test>::default().build_storage().expect("system");
	pallet_agencies::GenesisConfig::<Test> {
		agencies: vec![
			(
				uscc(MARKET_REGULATOR),
				"Beijing Market Regulation".into(),
				1,
				vec![Role::MarketRegulator],
				vec![11],
			),
			(uscc(CUSTOMS), "Beijing Customs".into(), 2, vec![Role::Customs], vec![]),
		],
	}
	.assimilate_storage(&mut storage)
	.expect("agencies genesis");
	let mut ext = TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	CheckedExternalities::new(ext, Agencies::do_try_state)
}
