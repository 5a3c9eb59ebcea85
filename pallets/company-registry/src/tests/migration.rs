//! The storage migration from version 0: every company, history entry and report carried
//! over, and the try-runtime checks that guard it.

use super::*;
use crate::{
	migrations::v1::{self, v0},
	AnnualReport, AnnualReports, Change, Pallet,
};
use govchain_domain_types::{AbnormalListing, CompanyStatus};
use polkadot_sdk::frame_support::{
	assert_ok,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

/// A version 0 history entry at `at`.
fn v0_entry(at: u64, change: v0::Change<Test>) -> v0::ChangeRecord<Test> {
	v0::ChangeRecord { at, block: 1, actor: registrar(), change, reason: reason("v0") }
}

/// The register as version 0 left it: a sound company listed as abnormal with its history
/// (registration, listing), a pilot-era company whose code fails position 18 only (the
/// override of version 0) and also position 17 (which version 0 did not check), revoked
/// after a listing and a restoration, and one annual report.
fn populate_version_0() {
	StorageVersion::new(0).put::<Pallet<Test>>();
	let kind = CompanyKind::LimitedLiabilityCompany;
	let listed = v0::CompanyStatus::Abnormal { reason: unreachable(), since: START + 5 };
	let v0_company = |status, legacy_code| v0::Company::<Test> {
		particulars: particulars(kind),
		status,
		legacy_code,
		registered_by: officer(REGISTRAR),
		registered_at: START,
		controllers: bounded(vec![CONTROLLER]),
		contact: contact(b"010-1234"),
		next_report_year: 2024,
	};
	let registered = |legacy_code| v0::Change::Registered {
		particulars: particulars(kind),
		controllers: bounded(vec![CONTROLLER]),
		legacy_code,
	};
	v0::Companies::<Test>::insert(uscc(COMPANY), v0_company(listed, false));
	v0::History::<Test>::insert(uscc(COMPANY), 0, v0_entry(START, registered(false)));
	v0::History::<Test>::insert(
		uscc(COMPANY),
		1,
		v0_entry(
			START + 5,
			v0::Change::StatusChanged { from: v0::CompanyStatus::Active, to: listed },
		),
	);
	HistoryLength::<Test>::insert(uscc(COMPANY), 2);

	let revoked = v0::CompanyStatus::Revoked { since: START + 9 };
	v0::Companies::<Test>::insert(uscc(BOTH_CHECKS_FAILING), v0_company(revoked, true));
	let changes = [
		registered(true),
		v0::Change::StatusChanged { from: v0::CompanyStatus::Active, to: listed },
		v0::Change::StatusChanged { from: listed, to: v0::CompanyStatus::Active },
		v0::Change::StatusChanged { from: v0::CompanyStatus::Active, to: listed },
		v0::Change::StatusChanged { from: listed, to: revoked },
	];
	for (index, change) in changes.into_iter().enumerate() {
		v0::History::<Test>::insert(
			uscc(BOTH_CHECKS_FAILING),
			index as u32,
			v0_entry(START + index as u64, change),
		);
	}
	HistoryLength::<Test>::insert(uscc(BOTH_CHECKS_FAILING), 5);
	AnnualReports::<Test>::insert(
		uscc(COMPANY),
		2023,
		AnnualReport {
			figures: figures(),
			document_hash: H256::repeat_byte(0xAB),
			filed_by: CONTROLLER,
			filed_at: START,
			late: false,
		},
	);
}

/// Fails positions 17 and 18; version 0 accepted it with the legacy override.
use govchain_domain_types::fixtures::companies::BOTH_CHECKS_FAILING;

#[test]
fn version_0_records_are_carried_into_version_1() {
	new_test_ext().without_invariant_checks().execute_with(|| {
		populate_version_0();
		let state = v1::pre_upgrade_state::<Test>().expect("version 0 records read");
		v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(1));
		assert_ok!(v1::check_post_upgrade::<Test>(state));

		// The abnormal status became a listing; the company is active.
		let sound = company(COMPANY);
		let listing = AbnormalListing { reason: unreachable(), since: START + 5 };
		assert_eq!(sound.status, CompanyStatus::Active);
		assert_eq!(sound.abnormal_listings.to_vec(), vec![listing]);
		assert_eq!(sound.accepted_check_failures, NO_OVERRIDE);
		assert_eq!(sound.particulars, particulars(CompanyKind::LimitedLiabilityCompany));
		assert_eq!(sound.contact, contact(b"010-1234"));
		assert_eq!(history(COMPANY)[1].change, Change::Listed(listing));
		// The pilot-era code records both failing checks as accepted.
		let pilot = company(BOTH_CHECKS_FAILING);
		let both = CheckFailures { organisation_check: true, code_check: true };
		assert_eq!(pilot.accepted_check_failures, both);
		assert_eq!(pilot.status, CompanyStatus::Revoked { since: START + 9 });
		assert_eq!(pilot.abnormal_listings.to_vec(), vec![listing]);
		let changes: Vec<_> =
			history(BOTH_CHECKS_FAILING).into_iter().map(|record| record.change).collect();
		assert!(matches!(
			changes[0],
			Change::Registered { accepted_check_failures, .. } if accepted_check_failures == both
		));
		assert_eq!(
			changes[1..],
			[
				Change::Listed(listing),
				Change::ListingRemoved(listing),
				Change::Listed(listing),
				Change::StatusChanged {
					from: CompanyStatus::Active,
					to: CompanyStatus::Revoked { since: START + 9 }
				},
			]
		);
		assert!(AnnualReports::<Test>::get(uscc(COMPANY), 2023).is_some());
		assert_ok!(CompanyRegistry::do_try_state());

		// The migration runs once: a second upgrade leaves everything as it is.
		let after = state_root();
		v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
		assert_eq!(state_root(), after);
		// And the register works on: the listing is removed, a new company registered.
		assert_ok!(remove_listing(COMPANY, unreachable()));
		assert_ok!(register(OTHER_COMPANY));
	});
}

#[test]
fn the_post_upgrade_check_catches_a_lost_record() {
	new_test_ext().without_invariant_checks().execute_with(|| {
		populate_version_0();
		let state = v1::pre_upgrade_state::<Test>().expect("version 0 records read");
		v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
		crate::History::<Test>::remove(uscc(BOTH_CHECKS_FAILING), 4);
		assert!(v1::check_post_upgrade::<Test>(state).is_err());
	});
}

#[test]
fn the_pre_upgrade_check_refuses_records_version_1_cannot_read() {
	new_test_ext().without_invariant_checks().execute_with(|| {
		populate_version_0();
		assert_ok!(v1::pre_upgrade_state::<Test>());
		// A shareholder code version 0 accepted (`Y` with any category) that the full GB
		// 32100 table refuses: version 1 cannot decode the record, so the upgrade must not
		// run before it is corrected.
		let mut bytes =
			codec::Encode::encode(&v0::Companies::<Test>::get(uscc(COMPANY)).expect("stored"));
		let shareholder = codec::Encode::encode(&uscc(OTHER_COMPANY));
		let at = bytes
			.windows(shareholder.len())
			.position(|window| window == &shareholder[..])
			.expect("the shareholder is encoded");
		bytes[at..at + 2].copy_from_slice(b"YA");
		polkadot_sdk::sp_io::storage::set(
			&v0::Companies::<Test>::hashed_key_for(uscc(COMPANY)),
			&bytes,
		);
		assert!(v1::pre_upgrade_state::<Test>().is_err());
	});
}
