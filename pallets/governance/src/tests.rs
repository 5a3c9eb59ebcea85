//! Unit tests. The whole upgrade flow, with real code, is tested in the runtime.

use crate::mock::*;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system,
	sp_core::H256,
	sp_runtime::DispatchError,
};

#[test]
fn upgrade_origin_authorizes_a_code_hash_with_version_checks() {
	new_test_ext().execute_with(|| {
		let code_hash = H256::repeat_byte(7);
		assert_ok!(Governance::authorize_upgrade(RuntimeOrigin::root(), code_hash));
		let authorization = frame_system::Pallet::<Test>::authorized_upgrade().expect("authorized");
		assert_eq!(authorization.code_hash(), &code_hash);
		System::assert_last_event(
			frame_system::Event::UpgradeAuthorized { code_hash, check_version: true }.into(),
		);
	});
}

#[test]
fn others_cannot_authorize_upgrades() {
	new_test_ext().execute_with(|| {
		let code_hash = H256::repeat_byte(7);
		assert_noop!(
			Governance::authorize_upgrade(RuntimeOrigin::signed(1), code_hash),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Governance::authorize_upgrade(RuntimeOrigin::none(), code_hash),
			DispatchError::BadOrigin
		);
	});
}
