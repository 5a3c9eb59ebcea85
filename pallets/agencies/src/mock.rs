//! A test runtime with the agencies pallet and a council that records its members.

use crate as pallet_agencies;
use core::cell::RefCell;
use govchain_domain_types::Uscc;
use polkadot_sdk::{
	frame_support::{
		construct_runtime, derive_impl, parameter_types,
		traits::{ChangeMembers, ConstU32, InitializeMembers},
	},
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

thread_local! {
	/// The council's members as the pallet last told them.
	static COUNCIL: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Stands in for pallet-collective: keeps the member list it is given.
pub struct TestCouncil;

impl ChangeMembers<u64> for TestCouncil {
	fn change_members_sorted(_incoming: &[u64], _outgoing: &[u64], sorted_new: &[u64]) {
		COUNCIL.with(|council| *council.borrow_mut() = sorted_new.to_vec());
	}
}

impl InitializeMembers<u64> for TestCouncil {
	fn initialize_members(members: &[u64]) {
		COUNCIL.with(|council| *council.borrow_mut() = members.to_vec());
	}
}

/// The council's current members.
pub fn council() -> Vec<u64> {
	COUNCIL.with(|council| council.borrow().clone())
}

parameter_types! {
	pub const MaxOfficers: u32 = 3;
	pub const MaxActiveAgencies: u32 = 3;
}

impl pallet_agencies::Config for Test {
	type AdmissionOrigin = EnsureRoot<u64>;
	type CouncilSeats = TestCouncil;
	type CouncilSeatsWeight = ();
	type MaxNameLength = ConstU32<32>;
	type MaxOfficers = MaxOfficers;
	type MaxActiveAgencies = MaxActiveAgencies;
	type WeightInfo = ();
}

/// Valid government codes, check characters computed independently (weights 3^(i-1) mod 31).
pub const MARKET_REGULATOR: &[u8; 18] = b"11110000MB0013426L";
pub const CUSTOMS: &[u8; 18] = b"11110000MB0013434F";
pub const SECURITIES_REGULATOR: &[u8; 18] = b"11110000MB0013442A";
pub const HR_MINISTRY: &[u8; 18] = b"11110000MB00134505";
/// A valid public institution's code (authority 1, category 2).
pub const PUBLIC_INSTITUTION: &[u8; 18] = b"12110000MB0013469Y";
/// A valid enterprise's code: not a government code.
pub const ENTERPRISE: &[u8; 18] = b"91110000MA01ABCD1M";

/// A code the tests know to be well formed.
pub fn uscc(code: &[u8; 18]) -> Uscc {
	Uscc::parse_legacy(code).expect("test code is well formed")
}

/// Genesis: the market regulator (admin 1, officer 11) and customs (admin 2) are admitted.
pub fn new_test_ext() -> TestExternalities {
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
	ext
}
