//! Annual reports and contact data, and what controllers pay for them.

use super::*;
use crate::{AnnualReports, Change, Error, SupersededReports};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	pallet_balances,
};

#[test]
fn controllers_file_annual_reports_in_year_order() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(file_report(CONTROLLER, COMPANY, 2024), Error::<Test>::ReportYearNotEnded);
		set_time(NEW_YEAR_2025);
		assert_noop!(file_report(STRANGER, COMPANY, 2024), Error::<Test>::NotController);
		assert_noop!(file_report(CONTROLLER, COMPANY, 2023), Error::<Test>::ReportPredatesRegistry);
		assert_noop!(file_report(CONTROLLER, COMPANY, 2025), Error::<Test>::EarlierReportMissing);
		assert_noop!(file_report(CONTROLLER, OTHER_COMPANY, 2024), Error::<Test>::UnknownCompany);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		let report = AnnualReports::<Test>::get(uscc(COMPANY), 2024).expect("filed");
		assert_eq!(report.figures, FiguresDisclosure::Published(figures()));
		assert_eq!(report.public, Some(public_data()));
		assert_eq!(report.corrections, 0);
		assert_eq!(report.document_hash, H256::repeat_byte(0xAB));
		assert_eq!(report.filed_by, CONTROLLER);
		assert_eq!(report.filed_at, NEW_YEAR_2025);
		assert!(!report.late);
		assert_eq!(company(COMPANY).next_report_year, 2025);
		assert_eq!(
			last_event(),
			Event::AnnualReportFiled { uscc: uscc(COMPANY), year: 2024, late: false, entry: 1 }
		);
		let change = last_change(COMPANY);
		assert_eq!(change.actor, Actor::Controller(CONTROLLER));
		assert_eq!(change.change, Change::AnnualReportFiled { year: 2024, late: false });
		assert_noop!(file_report(CONTROLLER, COMPANY, 2024), Error::<Test>::ReportAlreadyFiled);
		assert_noop!(file_report(CONTROLLER, COMPANY, 2025), Error::<Test>::ReportYearNotEnded);
	});
}

#[test]
fn controllers_keep_contact_data_current() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(update_contact(CONTROLLER, COMPANY, contact(b"+86 10 1234 5678")));
		assert_eq!(company(COMPANY).contact, contact(b"+86 10 1234 5678"));
		assert_eq!(last_event(), Event::ContactUpdated { uscc: uscc(COMPANY), entry: 1 });
		let change = last_change(COMPANY);
		assert_eq!(change.actor, Actor::Controller(CONTROLLER));
		assert_eq!(change.change, Change::ContactUpdated(contact(b"+86 10 1234 5678")));
		assert!(change.reason.is_empty());
		assert_noop!(
			update_contact(STRANGER, COMPANY, contact(b"1")),
			Error::<Test>::NotController
		);
		assert_noop!(update_contact(CONTROLLER, COMPANY, contact(&[0xFF])), Error::<Test>::NotUtf8);
		assert_noop!(
			update_contact(CONTROLLER, OTHER_COMPANY, contact(b"1")),
			Error::<Test>::UnknownCompany
		);
	});
}

#[test]
fn controllers_pay_for_the_bytes_they_store_and_the_fee_is_burned() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		let issuance = pallet_balances::TotalIssuance::<Test>::get();
		assert_ok!(update_contact(CONTROLLER, COMPANY, contact(b"010-1234")));
		let fee = STORAGE_BASE_FEE + last_change(COMPANY).encoded_size() as u64;
		assert_eq!(Balances::free_balance(CONTROLLER), ENDOWMENT - fee);
		assert_eq!(pallet_balances::TotalIssuance::<Test>::get(), issuance - fee);

		// A report costs its own bytes and those of its history entry.
		set_time(NEW_YEAR_2025);
		let before = Balances::free_balance(CONTROLLER);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		let report = AnnualReports::<Test>::get(uscc(COMPANY), 2024).expect("filed");
		let stored = report.encoded_size() + last_change(COMPANY).encoded_size();
		assert_eq!(Balances::free_balance(CONTROLLER), before - STORAGE_BASE_FEE - stored as u64);
	});
}

#[test]
fn a_controller_who_cannot_pay_the_storage_fee_stores_nothing() {
	new_test_ext_funding(&[]).execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(
			update_contact(CONTROLLER, COMPANY, contact(b"1")),
			Error::<Test>::StorageFeeUnpaid
		);
		assert_noop!(enter_liquidation(CONTROLLER, COMPANY), Error::<Test>::StorageFeeUnpaid);
		set_time(NEW_YEAR_2025);
		assert_noop!(file_report(CONTROLLER, COMPANY, 2024), Error::<Test>::StorageFeeUnpaid);

		// Exactly the fee is not enough: the account must stay alive after paying it.
		let record = ChangeRecord::<Test> {
			at: NEW_YEAR_2025,
			block: 1,
			actor: Actor::Controller(CONTROLLER),
			change: Change::ContactUpdated(contact(b"1")),
			reason: Default::default(),
		};
		let fee = STORAGE_BASE_FEE + record.encoded_size() as u64;
		let existential_deposit: u64 = <Test as pallet_balances::Config>::ExistentialDeposit::get();
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), CONTROLLER, fee));
		assert_noop!(
			update_contact(CONTROLLER, COMPANY, contact(b"1")),
			Error::<Test>::StorageFeeUnpaid
		);
		assert_ok!(Balances::force_set_balance(
			RuntimeOrigin::root(),
			CONTROLLER,
			fee + existential_deposit
		));
		assert_ok!(update_contact(CONTROLLER, COMPANY, contact(b"1")));
		assert_eq!(last_change(COMPANY), record);
		assert_eq!(Balances::free_balance(CONTROLLER), existential_deposit);
		// Publishing a payment and correcting a report are paid for too.
		assert_noop!(
			record_paid_in(CONTROLLER, COMPANY, person(0x11), 300_000_000),
			Error::<Test>::StorageFeeUnpaid
		);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), CONTROLLER, ENDOWMENT));
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		assert_ok!(Balances::force_set_balance(
			RuntimeOrigin::root(),
			CONTROLLER,
			existential_deposit
		));
		assert_noop!(
			CompanyRegistry::correct_annual_report(
				RuntimeOrigin::signed(CONTROLLER),
				uscc(COMPANY),
				2024,
				public_data(),
				FiguresDisclosure::Published(figures()),
				H256::repeat_byte(0xCD),
				reason("Correction"),
			),
			Error::<Test>::StorageFeeUnpaid
		);
	});
}

#[test]
fn invariant_checks_catch_records_out_of_step() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(NEW_YEAR_2025);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		assert_ok!(CompanyRegistry::do_try_state());
		// A history counter that does not match its entries.
		HistoryLength::<Test>::insert(uscc(COMPANY), 5);
		assert!(CompanyRegistry::do_try_state().is_err());
		HistoryLength::<Test>::insert(uscc(COMPANY), 2);
		// A next report year that does not follow the last report.
		let mutate = |change: &dyn Fn(&mut crate::Company<Test>)| {
			Companies::<Test>::mutate(uscc(COMPANY), |company| {
				change(company.as_mut().expect("registered"))
			})
		};
		mutate(&|company| company.next_report_year = 2027);
		assert!(CompanyRegistry::do_try_state().is_err());
		mutate(&|company| company.next_report_year = 2025);
		assert_ok!(CompanyRegistry::do_try_state());
		// Two listings on one ground.
		let listing = govchain_domain_types::AbnormalListing { reason: unreachable(), since: 1 };
		mutate(&|company| company.abnormal_listings = bounded(vec![listing, listing]));
		assert!(CompanyRegistry::do_try_state().is_err());
		// One listing, but not on the abnormal list's index.
		mutate(&|company| company.abnormal_listings = bounded(vec![listing]));
		assert!(CompanyRegistry::do_try_state().is_err());
		mutate(&|company| company.abnormal_listings = bounded(vec![]));
		assert_ok!(CompanyRegistry::do_try_state());
		// Owing a report under a wrong year.
		crate::ReportsOwed::<Test>::remove(2025, uscc(COMPANY));
		crate::ReportsOwed::<Test>::insert(2026, uscc(COMPANY), ());
		assert!(CompanyRegistry::do_try_state().is_err());
		crate::ReportsOwed::<Test>::remove(2026, uscc(COMPANY));
		crate::ReportsOwed::<Test>::insert(2025, uscc(COMPANY), ());
		assert_ok!(CompanyRegistry::do_try_state());
		// A superseded version of a report never corrected.
		let report = AnnualReports::<Test>::get(uscc(COMPANY), 2024).expect("filed");
		crate::SupersededReports::<Test>::insert((uscc(COMPANY), 2024, 0), report);
		assert!(CompanyRegistry::do_try_state().is_err());
		crate::SupersededReports::<Test>::remove((uscc(COMPANY), 2024, 0));
	});
}

// ---- Public data, withheld figures, corrections ----

/// A salt a company keeps for the figures it withholds.
const SALT: [u8; 32] = [7; 32];

fn withheld() -> FiguresDisclosure {
	FiguresDisclosure::Withheld { figures_hash: figures().salted_hash(&SALT) }
}

#[test]
fn withheld_figures_leave_only_their_salted_hash_which_the_regulator_can_check() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(NEW_YEAR_2025);
		assert_ok!(file_report_with(CONTROLLER, COMPANY, 2024, public_data(), withheld()));
		let report = AnnualReports::<Test>::get(uscc(COMPANY), 2024).expect("filed");
		assert_eq!(report.figures, withheld());
		// Nothing of the figures is on chain in clear.
		let stored = report.encode();
		let revenue = figures().revenue.encode();
		assert!(!stored.windows(revenue.len()).any(|window| window == &revenue[..]));
		let check = |figures: &ReportFigures, salt: &[u8; 32]| {
			CompanyRegistry::withheld_figures_match(uscc(COMPANY), 2024, figures, salt)
		};
		assert_eq!(check(&figures(), &SALT), Some(true));
		let mut other = figures();
		other.employees += 1;
		assert_eq!(check(&other, &SALT), Some(false));
		assert_eq!(check(&figures(), &[8; 32]), Some(false));
		// No report, or published figures: nothing to check.
		assert_eq!(
			CompanyRegistry::withheld_figures_match(uscc(COMPANY), 2023, &figures(), &SALT),
			None
		);
		set_time(NEW_YEAR_2025 + 365 * 86_400_000);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2025));
		assert_eq!(
			CompanyRegistry::withheld_figures_match(uscc(COMPANY), 2025, &figures(), &SALT),
			None
		);
	});
}

#[test]
fn a_report_s_public_data_is_checked() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(NEW_YEAR_2025);
		let mut overpaid = public_data();
		overpaid.paid_in_capital = overpaid.subscribed_capital + 1;
		let published = FiguresDisclosure::Published(figures());
		assert_noop!(
			file_report_with(CONTROLLER, COMPANY, 2024, overpaid, published),
			Error::<Test>::PaidInExceedsSubscription
		);
		let mut garbled = public_data();
		garbled.website = text(&[0xFF, 0xFE]);
		assert_noop!(
			file_report_with(CONTROLLER, COMPANY, 2024, garbled, published),
			Error::<Test>::NotUtf8
		);
	});
}

fn correct(who: u64, code: &[u8; 18], year: u16, public: ReportPublicData<Test>) -> DispatchResult {
	CompanyRegistry::correct_annual_report(
		RuntimeOrigin::signed(who),
		uscc(code),
		year,
		public,
		withheld(),
		H256::repeat_byte(0xCD),
		reason("Employees miscounted"),
	)
}

#[test]
fn a_correction_replaces_the_report_and_keeps_the_version_it_replaces() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(NEW_YEAR_2025);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		let original = AnnualReports::<Test>::get(uscc(COMPANY), 2024).expect("filed");
		let mut corrected = public_data();
		corrected.equity_transferred = true;
		set_time(NEW_YEAR_2025 + 1_000);
		assert_ok!(correct(CONTROLLER, COMPANY, 2024, corrected.clone()));
		let report = AnnualReports::<Test>::get(uscc(COMPANY), 2024).expect("filed");
		assert_eq!(report.public, Some(corrected));
		assert_eq!(report.figures, withheld());
		assert_eq!(report.document_hash, H256::repeat_byte(0xCD));
		assert_eq!(report.corrections, 1);
		assert_eq!(report.filed_at, NEW_YEAR_2025 + 1_000);
		assert!(!report.late);
		assert_eq!(SupersededReports::<Test>::get((uscc(COMPANY), 2024, 0)), Some(original));
		assert_eq!(
			last_event(),
			Event::AnnualReportCorrected {
				uscc: uscc(COMPANY),
				year: 2024,
				correction: 1,
				entry: 2
			}
		);
		let change = last_change(COMPANY);
		assert_eq!(change.change, Change::AnnualReportCorrected { year: 2024, correction: 1 });
		assert_eq!(change.reason, reason("Employees miscounted"));
		// Each further correction keeps the one before.
		assert_ok!(correct(CONTROLLER, COMPANY, 2024, public_data()));
		assert_eq!(
			SupersededReports::<Test>::get((uscc(COMPANY), 2024, 1))
				.map(|version| version.corrections),
			Some(1)
		);
		assert_eq!(company(COMPANY).next_report_year, 2025);
	});
}

#[test]
fn corrections_are_refused_after_30_june_beyond_the_bound_and_to_strangers() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(NEW_YEAR_2025);
		assert_noop!(
			correct(CONTROLLER, COMPANY, 2024, public_data()),
			Error::<Test>::ReportNotFiled
		);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		assert_noop!(correct(STRANGER, COMPANY, 2024, public_data()), Error::<Test>::NotController);
		assert_noop!(
			correct(CONTROLLER, OTHER_COMPANY, 2024, public_data()),
			Error::<Test>::UnknownCompany
		);
		let mut overpaid = public_data();
		overpaid.paid_in_capital = overpaid.subscribed_capital + 1;
		assert_noop!(
			correct(CONTROLLER, COMPANY, 2024, overpaid),
			Error::<Test>::PaidInExceedsSubscription
		);
		for _ in 0..crate::MAX_REPORT_CORRECTIONS {
			assert_ok!(correct(CONTROLLER, COMPANY, 2024, public_data()));
		}
		assert_noop!(
			correct(CONTROLLER, COMPANY, 2024, public_data()),
			Error::<Test>::TooManyCorrections
		);
		// The last moment of 30 June and the first of 1 July, on a fresh company.
		assert_ok!(register(MUNICIPAL_ENTERPRISE));
		set_time(DEADLINE_2024 - 2);
		assert_ok!(file_report(CONTROLLER, MUNICIPAL_ENTERPRISE, 2024));
		set_time(DEADLINE_2024 - 1);
		assert_ok!(correct(CONTROLLER, MUNICIPAL_ENTERPRISE, 2024, public_data()));
		set_time(DEADLINE_2024);
		assert_noop!(
			correct(CONTROLLER, MUNICIPAL_ENTERPRISE, 2024, public_data()),
			Error::<Test>::CorrectionPeriodOver
		);
		assert_ok!(close(MUNICIPAL_ENTERPRISE, ClosingDecision::Cancel));
		assert_noop!(
			correct(CONTROLLER, MUNICIPAL_ENTERPRISE, 2024, public_data()),
			Error::<Test>::CompanyClosed
		);
	});
}

// ---- Paid-in capital ----

#[test]
fn controllers_publish_paid_in_capital() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(record_paid_in(CONTROLLER, COMPANY, person(0x11), 450_000_000));
		let holding = company(COMPANY).particulars.shareholders[0];
		assert_eq!((holding.subscribed, holding.paid_in), (600_000_000, 450_000_000));
		assert_eq!(
			last_event(),
			Event::CapitalPaidIn {
				uscc: uscc(COMPANY),
				shareholder: person(0x11),
				paid_in: 450_000_000,
				entry: 1
			}
		);
		let change = last_change(COMPANY);
		assert_eq!(change.actor, Actor::Controller(CONTROLLER));
		assert_eq!(
			change.change,
			Change::CapitalPaidIn { shareholder: person(0x11), paid_in: 450_000_000 }
		);
		assert_ok!(record_paid_in(CONTROLLER, COMPANY, person(0x11), 600_000_000));
	});
}

#[test]
fn paid_in_capital_only_grows_up_to_the_subscription() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		let first = person(0x11);
		assert_noop!(
			record_paid_in(STRANGER, COMPANY, first, 300_000_000),
			Error::<Test>::NotController
		);
		assert_noop!(
			record_paid_in(CONTROLLER, OTHER_COMPANY, first, 300_000_000),
			Error::<Test>::UnknownCompany
		);
		assert_noop!(
			record_paid_in(CONTROLLER, COMPANY, person(0x99), 300_000_000),
			Error::<Test>::NotAShareholder
		);
		assert_noop!(
			record_paid_in(CONTROLLER, COMPANY, first, 200_000_000),
			Error::<Test>::PaidInNotIncreased
		);
		assert_noop!(
			record_paid_in(CONTROLLER, COMPANY, first, 600_000_001),
			Error::<Test>::PaidInExceedsSubscription
		);
		assert_ok!(close(COMPANY, ClosingDecision::Revoke));
		assert_noop!(
			record_paid_in(CONTROLLER, COMPANY, first, 300_000_000),
			Error::<Test>::CompanyClosed
		);
	});
}
