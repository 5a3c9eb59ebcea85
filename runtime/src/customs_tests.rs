//! Runtime-level customs tests with the real agencies and registry pallets: customs reads
//! the register through its trait, so a company the market regulator revokes cannot lodge
//! its next declaration, while its released declarations keep their record.

use crate::{tests::externalities, CompanyRegistry, Customs, Runtime, RuntimeCall, RuntimeOrigin};
use govchain_domain_types::testing::text;
use govchain_domain_types::{fixtures::companies::CHAOYANG_ENTERPRISE, Ucr, Uscc};
use pallet_company_registry::{testing::sample_particulars, ClosingDecision, CompanyKind};
use pallet_customs::{testing::sample_import, DeclarationStatus, Declarations, Lane};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	pallet_timestamp,
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_keyring::Sr25519Keyring::{Alice, Dave, Eve, Ferdie},
	sp_runtime::traits::Dispatchable,
};

/// 2026-11-27 00:00 China time.
const NOW: u64 = 1_795_708_800_000;

fn lodge(reference: &str, declarant: Uscc) -> Result<(), polkadot_sdk::sp_runtime::DispatchError> {
	RuntimeCall::Customs(pallet_customs::Call::lodge {
		ucr: Ucr::parse(reference.as_bytes()).expect("valid"),
		declarant,
		broker: None,
		content: sample_import(declarant),
		pre_arrival: false,
	})
	.dispatch(RuntimeOrigin::signed(Dave.to_account_id()))
	.map(|_| ())
	.map_err(|error| error.error)
}

#[test]
fn a_company_revoked_in_the_registry_cannot_lodge_and_its_released_declarations_stay() {
	externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(NOW);
		let company = Uscc::parse(CHAOYANG_ENTERPRISE).expect("valid");
		// Eve, the market regulator's officer, registers the company; Dave controls it.
		assert_ok!(CompanyRegistry::register(
			RuntimeOrigin::signed(Eve.to_account_id()),
			company,
			sample_particulars(CompanyKind::LimitedLiabilityCompany),
			vec![Dave.to_account_id()].try_into().expect("one"),
			Default::default(),
			text("Decision 2026-130"),
		));
		// Its first declaration goes blue and is released at once.
		assert_ok!(lodge("CN-0001", company));
		let first = Ucr::parse(b"CN-0001").expect("valid");
		let released = Declarations::<Runtime>::get(&first).expect("lodged");
		assert_eq!(
			(released.status, released.lane),
			(DeclarationStatus::Released, Some(Lane::Blue))
		);
		// Only customs officers act as customs: the market regulator's officer cannot.
		assert_noop!(
			Customs::release(RuntimeOrigin::signed(Eve.to_account_id()), first.clone()),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);
		// Ferdie, customs' officer, can; the declaration is final already.
		assert_noop!(
			Customs::release(RuntimeOrigin::signed(Ferdie.to_account_id()), first.clone()),
			pallet_customs::Error::<Runtime>::NotUnderControl
		);

		// The market regulator revokes the licence: Eve proposes, Alice confirms.
		assert_ok!(CompanyRegistry::propose_closure(
			RuntimeOrigin::signed(Eve.to_account_id()),
			company,
			ClosingDecision::Revoke,
			text("Decision 2026-131"),
		));
		assert_ok!(CompanyRegistry::confirm_closure(
			RuntimeOrigin::signed(Alice.to_account_id()),
			company
		));
		// The next declaration is refused...
		assert_noop!(lodge("CN-0002", company), pallet_customs::Error::<Runtime>::CompanyClosed);
		// ...and the released one keeps its record and history.
		assert_eq!(Declarations::<Runtime>::get(&first), Some(released));
		assert_eq!(Customs::history_of(&first).len(), 3);
		assert_eq!(pallet_customs::LaneStatistics::<Runtime>::get(Lane::Blue).count, 1);
	});
}
