//! Annual reports and contact data, and what controllers pay for them.

use super::*;
use crate::{AnnualReports, Change, Error};
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
		assert_eq!(report.figures, figures());
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
		mutate(&|company| company.abnormal_listings = bounded(vec![listing]));
		assert_ok!(CompanyRegistry::do_try_state());
	});
}
