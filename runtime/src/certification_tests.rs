//! Runtime-level certification tests with the real agencies and registry pallets: the
//! human-resources ministry (Dave) accredits a training company the market regulator
//! registered, which certifies a blockchain application operator that anyone can verify;
//! once the regulator revokes the company's licence, it issues nothing more.

use crate::{tests::externalities, Certification, CompanyRegistry, Runtime, RuntimeOrigin};
use govchain_domain_types::testing::text;
use govchain_domain_types::{fixtures::companies::CHAOYANG_ENTERPRISE, Uscc};
use pallet_certification::{holder_commitment, Level, Recipient, VerificationStatus};
use pallet_company_registry::{testing::sample_particulars, ClosingDecision, CompanyKind};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	pallet_timestamp,
	sp_core::H256,
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_keyring::Sr25519Keyring::{Alice, Dave, Eve, Ferdie},
	sp_runtime::DispatchError,
};

/// 2026-11-27 00:00 China time.
const NOW: u64 = 1_795_708_800_000;
const DAY: u64 = 86_400_000;

#[test]
fn a_training_company_certifies_an_operator_until_its_licence_is_revoked() {
	externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(NOW);
		let trainer = Uscc::parse(CHAOYANG_ENTERPRISE).expect("valid");
		let ministry = RuntimeOrigin::signed(Dave.to_account_id());
		// Not in the register yet: a market entity cannot be registered as a body.
		assert_noop!(
			Certification::register_body(
				ministry.clone(),
				trainer,
				vec![Ferdie.to_account_id()].try_into().expect("one")
			),
			pallet_certification::Error::<Runtime>::UnknownCompany
		);
		assert_ok!(CompanyRegistry::register(
			RuntimeOrigin::signed(Eve.to_account_id()),
			trainer,
			sample_particulars(CompanyKind::LimitedLiabilityCompany),
			vec![Ferdie.to_account_id()].try_into().expect("one"),
			Default::default(),
			text("Decision 2026-160"),
		));
		// The market regulator's officer is not the ministry.
		assert_noop!(
			Certification::define_scheme(
				RuntimeOrigin::signed(Eve.to_account_id()),
				text("区块链应用操作员"),
				Level::Vocational(4),
				Some(1_095),
				None
			),
			DispatchError::BadOrigin
		);
		assert_ok!(Certification::define_scheme(
			ministry.clone(),
			text("区块链应用操作员"),
			Level::Vocational(4),
			Some(1_095),
			None
		));
		assert_ok!(Certification::register_body(
			ministry.clone(),
			trainer,
			vec![Ferdie.to_account_id()].try_into().expect("one")
		));
		assert_ok!(Certification::accredit(ministry, trainer, 0, NOW, NOW + 365 * DAY));

		let salt = [7u8; 32];
		let holder = holder_commitment(&salt, b"110105199001011234");
		let recipient =
			|holder| Recipient::<Runtime> { holder, account: None, document: H256::repeat_byte(4) };
		assert_ok!(Certification::issue(
			RuntimeOrigin::signed(Ferdie.to_account_id()),
			trainer,
			0,
			recipient(holder)
		));
		let verification = Certification::verify(0).expect("issued");
		assert_eq!(
			verification.status,
			VerificationStatus::Valid { until: Some(NOW + 1_095 * DAY) }
		);
		assert_eq!(
			verification.certificate.holder,
			holder_commitment(&salt, b"110105199001011234")
		);

		// The regulator revokes the company's licence: Eve proposes, Alice confirms.
		assert_ok!(CompanyRegistry::propose_closure(
			RuntimeOrigin::signed(Eve.to_account_id()),
			trainer,
			ClosingDecision::Revoke,
			text("Decision 2026-161"),
		));
		assert_ok!(CompanyRegistry::confirm_closure(
			RuntimeOrigin::signed(Alice.to_account_id()),
			trainer
		));
		assert_noop!(
			Certification::issue(
				RuntimeOrigin::signed(Ferdie.to_account_id()),
				trainer,
				0,
				recipient(H256::repeat_byte(9))
			),
			pallet_certification::Error::<Runtime>::CompanyClosed
		);
		// What it certified before stays valid.
		assert!(matches!(
			Certification::verify(0).expect("kept").status,
			VerificationStatus::Valid { .. }
		));
		assert_ok!(Certification::do_try_state());
	});
}
