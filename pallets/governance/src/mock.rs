//! A test runtime where root stands for the council's two-thirds origin.

use crate as pallet_governance;
use polkadot_sdk::{
	frame_support::{construct_runtime, derive_impl},
	frame_system::{self, EnsureRoot},
	sp_io::TestExternalities,
	sp_runtime::BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Governance: pallet_governance,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_governance::Config for Test {
	type UpgradeOrigin = EnsureRoot<u64>;
	type WeightInfo = ();
}

pub fn new_test_ext() -> TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().expect("system");
	let mut ext = TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
