//! The indexes kept on write (lists by status, reports owed) and the pages read from them.

use super::*;
use crate::{CompanyList, ListLength, ReportsOwed, ReportsOwedCount, MAX_COMPANY_PAGE};
use govchain_domain_types::{calendar::years_after, Uscc};
use polkadot_sdk::frame_support::assert_ok;

fn sorted(mut codes: Vec<Uscc>) -> Vec<Uscc> {
	codes.sort();
	codes
}

fn on_list(list: CompanyList) -> Vec<Uscc> {
	let page = CompanyRegistry::list_page(list, None, MAX_COMPANY_PAGE);
	assert_eq!(page.next, None);
	assert_eq!(page.total as usize, page.companies.len());
	sorted(page.companies.into_iter().map(|(code, _)| code).collect())
}

fn codes(list: &[&[u8; 18]]) -> Vec<Uscc> {
	sorted(list.iter().map(|code| uscc(code)).collect())
}

#[test]
fn every_write_keeps_the_lists_in_step() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(register(OTHER_COMPANY));
		assert_eq!(on_list(CompanyList::Active), codes(&[COMPANY, OTHER_COMPANY]));
		assert_ok!(list(COMPANY, unreachable()));
		assert_eq!(on_list(CompanyList::Abnormal), codes(&[COMPANY]));
		assert_ok!(enter_liquidation(CONTROLLER, OTHER_COMPANY));
		assert_eq!(on_list(CompanyList::Active), codes(&[COMPANY]));
		assert_eq!(on_list(CompanyList::Liquidating), codes(&[OTHER_COMPANY]));
		assert_ok!(close(OTHER_COMPANY, ClosingDecision::Deregister));
		assert_eq!(on_list(CompanyList::Liquidating), vec![]);
		assert_eq!(on_list(CompanyList::Deregistered), codes(&[OTHER_COMPANY]));
		assert_eq!(ListLength::<Test>::get(CompanyList::Liquidating), 0);
		assert_eq!(ListLength::<Test>::get(CompanyList::Deregistered), 1);
		// Three years on the abnormal list: once recorded, on the serious-violation list.
		set_time(years_after(START, 3));
		assert_eq!(on_list(CompanyList::SeriousViolation), vec![]);
		assert_ok!(record_lazy_rules(COMPANY));
		assert_eq!(on_list(CompanyList::SeriousViolation), codes(&[COMPANY]));
		assert_ok!(remove_listing(COMPANY, unreachable()));
		// Still listed for its overdue reports, which the lazy rule recorded.
		assert_eq!(on_list(CompanyList::Abnormal), codes(&[COMPANY]));
	});
}

#[test]
fn pages_continue_after_the_last_code_and_show_the_standing_now() {
	new_test_ext().execute_with(|| {
		for code in [COMPANY, OTHER_COMPANY, MUNICIPAL_ENTERPRISE] {
			assert_ok!(register(code));
		}
		let first = CompanyRegistry::list_page(CompanyList::Active, None, 2);
		assert_eq!((first.companies.len(), first.total), (2, 3));
		let cursor = first.next.expect("a third company follows");
		assert_eq!(Some(cursor), first.companies.last().map(|(code, _)| *code));
		let second = CompanyRegistry::list_page(CompanyList::Active, Some(cursor), 2);
		assert_eq!((second.companies.len(), second.next), (1, None));
		let all: Vec<Uscc> =
			first.companies.iter().chain(&second.companies).map(|(code, _)| *code).collect();
		assert_eq!(sorted(all), codes(&[COMPANY, OTHER_COMPANY, MUNICIPAL_ENTERPRISE]));
		// The 2024 reports overdue: each standing shows the listing the rule implies.
		set_time(DEADLINE_2024);
		let page = CompanyRegistry::list_page(CompanyList::Active, None, MAX_COMPANY_PAGE);
		assert!(page.companies.iter().all(|(_, standing)| standing.abnormal_listings == 1));
	});
}

#[test]
fn companies_are_listed_under_the_report_they_owe_until_they_file_or_close() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(register(OTHER_COMPANY));
		assert!(ReportsOwed::<Test>::contains_key(2024, uscc(COMPANY)));
		assert_eq!(ReportsOwedCount::<Test>::get(2024), 2);
		set_time(NEW_YEAR_2025);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		assert_eq!(ReportsOwedCount::<Test>::get(2024), 1);
		let owing_2025 = CompanyRegistry::owing_report_page(2025, None, MAX_COMPANY_PAGE);
		assert_eq!(
			owing_2025.companies.iter().map(|(code, _)| *code).collect::<Vec<_>>(),
			vec![uscc(COMPANY)]
		);
		// After the deadline, the companies owing 2024's report are the ones the rule lists,
		// though nothing was recorded.
		set_time(DEADLINE_2024);
		let owing_2024 = CompanyRegistry::owing_report_page(2024, None, MAX_COMPANY_PAGE);
		assert_eq!(owing_2024.total, 1);
		let (code, standing) = owing_2024.companies[0];
		assert_eq!(code, uscc(OTHER_COMPANY));
		assert_eq!(standing.abnormal_listings, 1);
		assert!(company(OTHER_COMPANY).abnormal_listings.is_empty());
		// A closed company owes no report.
		assert_ok!(close(OTHER_COMPANY, ClosingDecision::Revoke));
		assert_eq!(ReportsOwedCount::<Test>::get(2024), 0);
		assert!(!ReportsOwed::<Test>::contains_key(2024, uscc(OTHER_COMPANY)));
	});
}
