//! A test runtime with pallet-session (and its historical proofs) driven by the validators
//! pallet. Agencies are stood in for by a fixed admin-to-agency table.

use crate::{self as pallet_validators, SessionLength, UnitIdentification};
use govchain_domain_types::{
	fixtures::agencies::{CUSTOMS, HUMAN_RESOURCES, MARKET_REGULATOR, SECURITIES_REGULATOR},
	testing::CheckedExternalities,
	AgencyOfficer, Uscc,
};
use polkadot_sdk::{
	frame_support::{
		construct_runtime, derive_impl, parameter_types,
		traits::{ConstU32, ConstU64, EnsureOrigin, OnInitialize},
	},
	frame_system::{self, EnsureRoot, RawOrigin},
	pallet_balances,
	sp_io::TestExternalities,
	sp_runtime::{
		impl_opaque_keys, testing::UintAuthorityId, traits::OpaqueKeys, BuildStorage, KeyTypeId,
		RuntimeAppPublic,
	},
};

type Block = frame_system::mocking::MockBlock<Test>;

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		// Before Session: the session's genesis asks this pallet for the first set.
		Validators: pallet_validators,
		Session: pallet_session,
		Historical: pallet_session::historical,
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

impl_opaque_keys! {
	pub struct MockSessionKeys {
		pub dummy: UintAuthorityId,
	}
}

/// Session keys of account `account`: a dummy key numbered like the account.
pub fn keys(account: u64) -> MockSessionKeys {
	MockSessionKeys { dummy: UintAuthorityId(account) }
}

/// The authorities are read back from pallet-session; the handler has nothing to do.
pub struct NoSessionHandler;

impl pallet_session::SessionHandler<u64> for NoSessionHandler {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[UintAuthorityId::ID];
	fn on_genesis_session<Ks: OpaqueKeys>(_: &[(u64, Ks)]) {}
	fn on_new_session<Ks: OpaqueKeys>(_: bool, _: &[(u64, Ks)], _: &[(u64, Ks)]) {}
	fn on_disabled(_: u32) {}
}

/// Blocks per session in the tests.
pub const SESSION_BLOCKS: u64 = 5;

type Rotation = pallet_session::PeriodicSessions<SessionLength<Test>, ConstU64<0>>;

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = pallet_validators::ProposedOrApproved<Test>;
	type ShouldEndSession = Rotation;
	type NextSessionRotation = Rotation;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Test, Validators>;
	type SessionHandler = NoSessionHandler;
	type Keys = MockSessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<0>;
}

impl pallet_session::historical::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = UnitIdentification;
}

/// Admins of the four test agencies: 1 market regulator, 2 customs, 3 securities
/// regulator, 4 human resources (which operates no validator at genesis).
pub const ADMINS: [(u64, &[u8; 18]); 4] =
	[(1, MARKET_REGULATOR), (2, CUSTOMS), (3, SECURITIES_REGULATOR), (4, HUMAN_RESOURCES)];

/// The agency's code.
pub fn agency(code: &[u8; 18]) -> Uscc {
	Uscc::parse_format(code).expect("test code is well formed")
}

/// Stands in for the agencies pallet's admin origin.
pub struct AgencyAdmin;

impl EnsureOrigin<RuntimeOrigin> for AgencyAdmin {
	type Success = AgencyOfficer<u64>;

	fn try_origin(origin: RuntimeOrigin) -> Result<Self::Success, RuntimeOrigin> {
		let admin = match origin.clone().into() {
			Ok(RawOrigin::Signed(who)) => who,
			_ => return Err(origin),
		};
		ADMINS
			.iter()
			.find(|(account, _)| *account == admin)
			.map(|(_, code)| AgencyOfficer { agency: agency(code), officer: admin })
			.ok_or(origin)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RawOrigin::Signed(4).into())
	}
}

parameter_types! {
	pub const MinValidators: u32 = 3;
	pub const MaxValidators: u32 = 6;
}

impl pallet_validators::Config for Test {
	type AgencyAdminOrigin = AgencyAdmin;
	type CouncilOrigin = EnsureRoot<u64>;
	type Session = Session;
	type MinValidators = MinValidators;
	type MaxValidators = MaxValidators;
	type MaxValidatorsPerAgency = ConstU32<2>;
	type HistoryDepth = ConstU32<3>;
	type DefaultSessionBlocks = ConstU64<20>;
	type WeightInfo = ();
}

/// Genesis validators: 11 (market regulator), 21 (customs), 31 (securities regulator).
pub const GENESIS_VALIDATORS: [(u64, &[u8; 18]); 3] =
	[(11, MARKET_REGULATOR), (21, CUSTOMS), (31, SECURITIES_REGULATOR)];

/// Genesis as described above, at block 1; the invariants are checked after every test.
pub fn new_test_ext() -> CheckedExternalities {
	new_test_ext_with(&GENESIS_VALIDATORS)
}

/// Genesis with the given validators (account, agency), each with its keys set.
pub fn new_test_ext_with(validators: &[(u64, &[u8; 18])]) -> CheckedExternalities {
	let mut storage =
		frame_system::GenesisConfig::<Test>::default().build_storage().expect("system");
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=60).map(|account| (account, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.expect("balances genesis");
	pallet_validators::GenesisConfig::<Test> {
		validators: validators.iter().map(|(v, code)| (agency(code), *v)).collect(),
		session_blocks: SESSION_BLOCKS,
	}
	.assimilate_storage(&mut storage)
	.expect("validators genesis");
	pallet_session::GenesisConfig::<Test> {
		keys: validators.iter().map(|(v, _)| (*v, *v, keys(*v))).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.expect("session genesis");
	let mut ext = TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	CheckedExternalities::new(ext, Validators::do_try_state)
}

/// Runs blocks up to the start of session `index` (session rotations happen in
/// `on_initialize`).
pub fn start_session(index: u32) {
	while Session::current_index() < index {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}
