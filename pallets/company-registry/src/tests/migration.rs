//! The storage migration from version 1: every company, history entry and report carried
//! over, the indexes built, and the try-runtime checks that guard it.

use super::*;
use crate::{
	migrations::v2::{self, v1},
	AnnualReport, AnnualReports, Change, CompanyList, ListLength, Pallet, ReportsOwed,
};
use govchain_domain_types::{AbnormalListing, CompanyStatus};
use polkadot_sdk::frame_support::{
	assert_noop, assert_ok,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

/// Version 1 particulars: the sample company with its shares in basis points, capital
/// 1,000,000,001 fen (so that rounding leaves a remainder), the second share a person's.
fn v1_particulars() -> v1::Particulars<Test> {
	let mut sample =
		crate::testing::sample_particulars_v1::<Test>(CompanyKind::LimitedLiabilityCompany);
	sample.registered_capital.amount = 1_000_000_001;
	sample.shareholders[1].party = person(0x12);
	sample
}

fn v1_entry(at: u64, change: v1::Change<Test>) -> v1::ChangeRecord<Test> {
	v1::ChangeRecord { at, block: 1, actor: registrar(), change, reason: reason("v1") }
}

/// The register as version 1 left it: a company listed as abnormal whose history has its
/// registration, a new capital, new shares and the listing; a revoked company; one report.
fn populate_version_1() {
	StorageVersion::new(1).put::<Pallet<Test>>();
	let listing = AbnormalListing { reason: unreachable(), since: START + 5 };
	let v1_company = |status, listings: Vec<AbnormalListing>| v1::Company::<Test> {
		particulars: v1_particulars(),
		status,
		abnormal_listings: bounded(listings),
		serious_violation_since: None,
		accepted_check_failures: NO_OVERRIDE,
		registered_by: officer(REGISTRAR),
		registered_at: START,
		controllers: bounded(vec![CONTROLLER]),
		contact: contact(b"010-1234"),
		next_report_year: 2025,
	};
	let mut listed = v1_company(CompanyStatus::Active, vec![listing]);
	// After the history below: capital 2,000 fen, one shareholder with everything.
	listed.particulars.registered_capital.amount = 2_000;
	listed.particulars.shareholders =
		bounded(vec![v1::Shareholding { party: person(0x13), basis_points: 10_000 }]);
	v1::Companies::<Test>::insert(uscc(COMPANY), listed);
	let changes = [
		v1::Change::Registered {
			particulars: v1_particulars(),
			controllers: bounded(vec![CONTROLLER]),
			accepted_check_failures: NO_OVERRIDE,
		},
		v1::Change::Amended(v1::Amendment::RegisteredCapital(Money {
			currency: CurrencyCode::CNY,
			amount: 2_000,
		})),
		v1::Change::Amended(v1::Amendment::Shareholders(bounded(vec![v1::Shareholding {
			party: person(0x13),
			basis_points: 10_000,
		}]))),
		v1::Change::Listed(listing),
	];
	for (index, change) in changes.into_iter().enumerate() {
		v1::History::<Test>::insert(
			uscc(COMPANY),
			index as u32,
			v1_entry(START + index as u64, change),
		);
	}
	HistoryLength::<Test>::insert(uscc(COMPANY), 4);

	let revoked = CompanyStatus::Revoked { since: START + 9 };
	v1::Companies::<Test>::insert(uscc(OTHER_COMPANY), v1_company(revoked, vec![]));
	v1::History::<Test>::insert(
		uscc(OTHER_COMPANY),
		0,
		v1_entry(
			START,
			v1::Change::Registered {
				particulars: v1_particulars(),
				controllers: bounded(vec![CONTROLLER]),
				accepted_check_failures: NO_OVERRIDE,
			},
		),
	);
	v1::History::<Test>::insert(
		uscc(OTHER_COMPANY),
		1,
		v1_entry(START + 9, v1::Change::StatusChanged { from: CompanyStatus::Active, to: revoked }),
	);
	HistoryLength::<Test>::insert(uscc(OTHER_COMPANY), 2);
	crate::RepresentedCompanies::<Test>::insert(
		H256::repeat_byte(0x11),
		bounded::<_, <Test as crate::Config>::MaxRepresentedCompanies>(vec![
			uscc(COMPANY),
			uscc(OTHER_COMPANY),
		]),
	);
	v1::AnnualReports::<Test>::insert(
		uscc(COMPANY),
		2024,
		v1::AnnualReport {
			figures: figures(),
			document_hash: H256::repeat_byte(0xAB),
			filed_by: CONTROLLER,
			filed_at: START,
			late: false,
		},
	);
}

/// Converted shares: paid-in, form and deadline not recorded.
fn converted(party: PartyRef, subscribed: u128) -> Shareholding {
	Shareholding { party, subscribed, paid_in: 0, form: None, subscription_deadline: None }
}

#[test]
fn version_1_records_are_carried_into_version_2() {
	new_test_ext().without_invariant_checks().execute_with(|| {
		populate_version_1();
		let state = v2::pre_upgrade_state::<Test>().expect("version 1 records read");
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
		assert_ok!(v2::check_post_upgrade::<Test>(state));

		// Shares became subscriptions of the capital as it stands.
		let listed = company(COMPANY);
		assert_eq!(listed.particulars.registered_capital.amount, 2_000);
		assert_eq!(listed.particulars.shareholders.to_vec(), vec![converted(person(0x13), 2_000)]);
		assert_eq!(listed.abnormal_listings.len(), 1);
		assert_eq!(listed.contact, contact(b"010-1234"));
		// The history replays the capital of its time: 60 % and 40 % of 1,000,000,001
		// fen, the odd fen to the first shareholder; then a new capital with those shares
		// scaled; then the new shares of that capital.
		let changes: Vec<Change<Test>> =
			history(COMPANY).into_iter().map(|record| record.change).collect();
		let Change::Registered { particulars: registered, .. } = &changes[0] else {
			panic!("the registration comes first")
		};
		assert_eq!(
			registered.shareholders.to_vec(),
			vec![converted(person(0x11), 600_000_001), converted(person(0x12), 400_000_000)]
		);
		let capital = |amount| Money { currency: CurrencyCode::CNY, amount };
		assert_eq!(
			changes[1],
			Change::Amended(Amendment::Capital {
				registered_capital: capital(2_000),
				shareholders: bounded(vec![
					converted(person(0x11), 1_200),
					converted(person(0x12), 800)
				]),
			})
		);
		assert_eq!(
			changes[2],
			Change::Amended(Amendment::Capital {
				registered_capital: capital(2_000),
				shareholders: bounded(vec![converted(person(0x13), 2_000)]),
			})
		);
		assert!(matches!(changes[3], Change::Listed(_)));
		// The report's figures stay published; it has no public data.
		let report: AnnualReport<Test> =
			AnnualReports::<Test>::get(uscc(COMPANY), 2024).expect("carried over");
		assert_eq!(report.figures, FiguresDisclosure::Published(figures()));
		assert_eq!((report.public, report.corrections), (None, 0));
		// The indexes: each company on its lists, the open one under the report it owes.
		assert_eq!(ListLength::<Test>::get(CompanyList::Active), 1);
		assert_eq!(ListLength::<Test>::get(CompanyList::Abnormal), 1);
		assert_eq!(ListLength::<Test>::get(CompanyList::Revoked), 1);
		assert!(ReportsOwed::<Test>::contains_key(2025, uscc(COMPANY)));
		assert!(!ReportsOwed::<Test>::contains_key(2025, uscc(OTHER_COMPANY)));
		assert_ok!(CompanyRegistry::do_try_state());

		// The migration runs once: a second upgrade leaves everything as it is.
		let after = state_root();
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(state_root(), after);
		// And the register works on: an unrelated amendment needs no contribution details,
		// the capital amendment does; a new company is registered.
		assert_ok!(amend(COMPANY, Amendment::BusinessScope(text("技术咨询".as_bytes()))));
		assert_noop!(
			amend(
				COMPANY,
				Amendment::Capital {
					registered_capital: capital(2_000),
					shareholders: bounded(vec![converted(person(0x13), 2_000)]),
				}
			),
			crate::Error::<Test>::MissingContributionForm
		);
		assert_ok!(register(MUNICIPAL_ENTERPRISE));
	});
}

#[test]
fn the_post_upgrade_check_catches_a_lost_record() {
	new_test_ext().without_invariant_checks().execute_with(|| {
		populate_version_1();
		let state = v2::pre_upgrade_state::<Test>().expect("version 1 records read");
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		crate::History::<Test>::remove(uscc(COMPANY), 3);
		assert!(v2::check_post_upgrade::<Test>(state).is_err());
	});
}

#[test]
fn the_pre_upgrade_check_refuses_records_it_cannot_read() {
	new_test_ext().without_invariant_checks().execute_with(|| {
		populate_version_1();
		assert_ok!(v2::pre_upgrade_state::<Test>());
		// A truncated report would be dropped by the migration: the upgrade must not run.
		polkadot_sdk::sp_io::storage::set(
			&v1::AnnualReports::<Test>::hashed_key_for(uscc(COMPANY), 2024),
			&[1, 2, 3],
		);
		assert!(v2::pre_upgrade_state::<Test>().is_err());
	});
}
