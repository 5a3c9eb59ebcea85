//! The lifecycle: abnormal listings and the serious-violation list, suspension,
//! liquidation and the four-eyes closing decisions, each rule on both sides of its boundary.

use super::*;
use crate::{Change, Error, PendingDecision, PendingDecisions};
use govchain_domain_types::{
	calendar::{years_after, CivilDate},
	fixtures::companies::MUNICIPAL_ENTERPRISE,
	AbnormalListing, CompanyStatus, UnixMillis,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

fn suspend(who: u64, code: &[u8; 18], until: CivilDate) -> DispatchResult {
	CompanyRegistry::suspend_business(
		RuntimeOrigin::signed(who),
		uscc(code),
		until,
		reason("Suspension"),
	)
}

fn resume(who: u64, code: &[u8; 18]) -> DispatchResult {
	CompanyRegistry::resume_business(RuntimeOrigin::signed(who), uscc(code), reason("Resumption"))
}

fn withdraw(who: u64, code: &[u8; 18]) -> DispatchResult {
	CompanyRegistry::withdraw_closure(RuntimeOrigin::signed(who), uscc(code))
}

fn status_now(code: &[u8; 18]) -> CompanyStatus {
	standing(code).expect("registered").status
}

fn overdue_2024() -> AbnormalListing {
	AbnormalListing {
		reason: AbnormalReason::AnnualReportOverdue { year: 2024 },
		since: DEADLINE_2024,
	}
}

// ---- Abnormal listings ----

#[test]
fn listing_as_abnormal_records_ground_and_time_and_the_event_says_so() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(START + 1_000);
		assert_ok!(list(COMPANY, unreachable()));
		let listing = AbnormalListing { reason: unreachable(), since: START + 1_000 };
		assert_eq!(company(COMPANY).abnormal_listings.to_vec(), vec![listing]);
		assert_eq!(company(COMPANY).status, CompanyStatus::Active);
		assert_eq!(
			standing(COMPANY),
			Some(Standing {
				status: CompanyStatus::Active,
				abnormal_listings: 1,
				serious_violation_since: None
			})
		);
		assert!(!<CompanyRegistry as CompanyRegistryTrait<u64>>::is_in_good_standing(&uscc(
			COMPANY
		)));
		assert_eq!(last_event(), Event::ListedAbnormal { uscc: uscc(COMPANY), listing, entry: 1 });
		let change = last_change(COMPANY);
		assert_eq!(change.change, Change::Listed(listing));
		assert_eq!(change.at, START + 1_000);
		assert_eq!(change.reason, reason("Decision 2024-002"));
		assert_noop!(list(COMPANY, unreachable()), Error::<Test>::AlreadyListed);
		assert_noop!(list(OTHER_COMPANY, unreachable()), Error::<Test>::UnknownCompany);
	});
}

#[test]
fn a_company_stands_listed_on_several_grounds_each_removed_on_its_own() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(list(COMPANY, unreachable()));
		assert_ok!(list(COMPANY, AbnormalReason::FalseInformation));
		assert_eq!(standing(COMPANY).map(|standing| standing.abnormal_listings), Some(2));
		assert_noop!(
			remove_listing(COMPANY, AbnormalReason::InformationNotDisclosedAsOrdered),
			Error::<Test>::NotListed
		);
		assert_ok!(remove_listing(COMPANY, unreachable()));
		let remaining = AbnormalListing { reason: AbnormalReason::FalseInformation, since: START };
		assert_eq!(company(COMPANY).abnormal_listings.to_vec(), vec![remaining]);
		assert_eq!(
			last_event(),
			Event::ListingRemoved {
				uscc: uscc(COMPANY),
				listing: AbnormalListing { reason: unreachable(), since: START },
				entry: 3
			}
		);
		assert_noop!(remove_listing(COMPANY, unreachable()), Error::<Test>::NotListed);
		assert_ok!(remove_listing(COMPANY, AbnormalReason::FalseInformation));
		assert!(<CompanyRegistry as CompanyRegistryTrait<u64>>::is_in_good_standing(&uscc(
			COMPANY
		)));
		assert_noop!(remove_listing(OTHER_COMPANY, unreachable()), Error::<Test>::UnknownCompany);
	});
}

#[test]
fn overdue_reports_are_listed_by_the_rule_not_by_officers() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(
			list(COMPANY, AbnormalReason::AnnualReportOverdue { year: 2023 }),
			Error::<Test>::OverdueListingIsAutomatic
		);
	});
}

#[test]
fn the_annual_report_deadline_on_both_sides_of_the_boundary() {
	// One millisecond before 2025-07-01 00:00 China time, 2024's report is on time.
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(DEADLINE_2024 - 1);
		assert_eq!(standing(COMPANY).map(|standing| standing.abnormal_listings), Some(0));
		assert_noop!(record_lazy_rules(COMPANY), Error::<Test>::NothingToRecord);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		assert!(!crate::AnnualReports::<Test>::get(uscc(COMPANY), 2024).expect("filed").late);
		assert!(company(COMPANY).abnormal_listings.is_empty());
	});
	// At the deadline itself, the unfiled company is listed at once, before anyone acts.
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(DEADLINE_2024);
		assert_eq!(standing(COMPANY).map(|standing| standing.abnormal_listings), Some(1));
		assert_eq!(
			CompanyRegistry::listings_at(&company(COMPANY), DEADLINE_2024),
			vec![overdue_2024()]
		);
		assert!(company(COMPANY).abnormal_listings.is_empty());
		// Anyone records it; the listing dates from the deadline.
		set_time(DEADLINE_2024 + 5_000);
		assert_ok!(record_lazy_rules(COMPANY));
		assert_eq!(company(COMPANY).abnormal_listings.to_vec(), vec![overdue_2024()]);
		assert_eq!(
			last_event(),
			Event::ListedAbnormal { uscc: uscc(COMPANY), listing: overdue_2024(), entry: 1 }
		);
		let change = last_change(COMPANY);
		assert_eq!(change.actor, Actor::AnnualReportRule { applied_by: STRANGER });
		assert_eq!(change.at, DEADLINE_2024 + 5_000);
		assert_noop!(record_lazy_rules(COMPANY), Error::<Test>::NothingToRecord);
	});
}

#[test]
fn record_lazy_rules_needs_a_signed_caller_and_a_known_company() {
	new_test_ext().execute_with(|| {
		assert_noop!(record_lazy_rules(COMPANY), Error::<Test>::UnknownCompany);
		assert_ok!(register(COMPANY));
		set_time(DEADLINE_2024);
		assert_noop!(
			CompanyRegistry::record_lazy_rules(RuntimeOrigin::none(), uscc(COMPANY)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_overdue_listing_is_recorded_even_when_already_listed_on_another_ground() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(list(COMPANY, unreachable()));
		set_time(DEADLINE_2024);
		assert_eq!(standing(COMPANY).map(|standing| standing.abnormal_listings), Some(2));
		assert_ok!(record_lazy_rules(COMPANY));
		let unreachable_listing = AbnormalListing { reason: unreachable(), since: START };
		assert_eq!(
			company(COMPANY).abnormal_listings.to_vec(),
			vec![unreachable_listing, overdue_2024()]
		);
		// A listing on another ground goes; the overdue one stays until the report is filed.
		assert_ok!(remove_listing(COMPANY, unreachable()));
		assert_noop!(
			remove_listing(COMPANY, overdue_2024().reason),
			Error::<Test>::AnnualReportOverdue
		);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		assert_ok!(remove_listing(COMPANY, overdue_2024().reason));
		assert!(company(COMPANY).abnormal_listings.is_empty());
	});
}

#[test]
fn a_late_report_records_the_listing_first_and_the_regulator_removes_it() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(DEADLINE_2024 + 1);
		System::reset_events();
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		assert_eq!(
			events(),
			vec![
				Event::ListedAbnormal { uscc: uscc(COMPANY), listing: overdue_2024(), entry: 1 },
				Event::AnnualReportFiled { uscc: uscc(COMPANY), year: 2024, late: true, entry: 2 },
			]
		);
		// Filing does not end the listing; the regulator does, now that nothing is overdue.
		assert_eq!(company(COMPANY).abnormal_listings.to_vec(), vec![overdue_2024()]);
		assert_ok!(remove_listing(COMPANY, overdue_2024().reason));
		assert!(<CompanyRegistry as CompanyRegistryTrait<u64>>::is_in_good_standing(&uscc(
			COMPANY
		)));
	});
}

// ---- Serious violations ----

#[test]
fn three_years_on_the_abnormal_list_is_a_serious_violation_on_both_sides_of_the_boundary() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(START + 3_600_000);
		assert_ok!(list(COMPANY, unreachable()));
		let moved: UnixMillis = years_after(START + 3_600_000, 3);
		// 2027-03-15 01:00 China time.
		assert_eq!(moved, CivilDate { year: 2027, month: 3, day: 15 }.start_in_cst() + 3_600_000);
		set_time(moved - 1);
		assert_eq!(standing(COMPANY).and_then(|s| s.serious_violation_since), None);
		set_time(moved);
		assert_eq!(standing(COMPANY).and_then(|s| s.serious_violation_since), Some(moved));
		let details = CompanyRegistry::company_details(uscc(COMPANY)).expect("registered");
		assert_eq!(details.standing.serious_violation_since, Some(moved));
		// Recorded lazily, dated from the moment the rule took effect.
		set_time(moved + 10_000);
		assert_ok!(record_lazy_rules(COMPANY));
		assert_eq!(company(COMPANY).serious_violation_since, Some(moved));
		assert_eq!(
			last_event(),
			Event::SeriousViolationListed { uscc: uscc(COMPANY), since: moved, entry: 3 }
		);
		assert_eq!(
			last_change(COMPANY).actor,
			Actor::SeriousViolationRule { applied_by: STRANGER }
		);
		// Removing the listing that led there does not take the company off the list.
		assert_ok!(remove_listing(COMPANY, unreachable()));
		assert_eq!(standing(COMPANY).and_then(|s| s.serious_violation_since), Some(moved));
	});
}

#[test]
fn a_listing_removed_before_three_years_leads_to_no_serious_violation() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(list(COMPANY, unreachable()));
		set_time(years_after(START, 3) - 1);
		assert_ok!(remove_listing(COMPANY, unreachable()));
		set_time(years_after(START, 4));
		assert_eq!(standing(COMPANY).and_then(|s| s.serious_violation_since), None);
	});
}

#[test]
fn a_removal_after_three_years_records_the_serious_violation_first() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(list(COMPANY, unreachable()));
		// The annual reports are kept filed, so only the officer's listing stands.
		for year in [2024, 2025, 2026] {
			set_time(annual(year + 1));
			assert_ok!(file_report(CONTROLLER, COMPANY, year));
		}
		set_time(years_after(START, 3));
		assert_ok!(remove_listing(COMPANY, unreachable()));
		assert_eq!(company(COMPANY).serious_violation_since, Some(years_after(START, 3)));
	});
}

/// 1 January of `year`, 00:00 China time.
fn annual(year: u16) -> UnixMillis {
	CivilDate { year, month: 1, day: 1 }.start_in_cst()
}

// ---- Suspension ----

#[test]
fn a_controller_or_the_regulator_suspends_for_at_most_three_years() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		// START is 2024-03-15: three years run to 2027-03-15.
		let too_long = CivilDate { year: 2027, month: 3, day: 16 };
		let longest = CivilDate { year: 2027, month: 3, day: 15 };
		assert_noop!(suspend(CONTROLLER, COMPANY, too_long), Error::<Test>::SuspensionTooLong);
		assert_noop!(
			suspend(CONTROLLER, COMPANY, CivilDate { year: 2024, month: 3, day: 15 }),
			Error::<Test>::SuspensionEndNotInFuture
		);
		assert_noop!(
			suspend(CONTROLLER, COMPANY, CivilDate { year: 2025, month: 2, day: 29 }),
			Error::<Test>::InvalidDate
		);
		assert_noop!(suspend(STRANGER, COMPANY, longest), Error::<Test>::NotController);
		assert_noop!(
			suspend(DISTRICT_REGISTRAR, COMPANY, longest),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(suspend(CONTROLLER, OTHER_COMPANY, longest), Error::<Test>::UnknownCompany);
		let balance = Balances::free_balance(CONTROLLER);
		assert_ok!(suspend(CONTROLLER, COMPANY, longest));
		let suspended = CompanyStatus::Suspended { since: START, until: longest.start_in_cst() };
		assert_eq!(company(COMPANY).status, suspended);
		assert_eq!(
			last_event(),
			Event::StatusChanged {
				uscc: uscc(COMPANY),
				from: CompanyStatus::Active,
				to: suspended,
				entry: 1
			}
		);
		assert_eq!(last_change(COMPANY).actor, Actor::Controller(CONTROLLER));
		assert!(Balances::free_balance(CONTROLLER) < balance, "the controller paid the fee");
		// A suspended company is not in good standing, and still owes its reports.
		assert!(!<CompanyRegistry as CompanyRegistryTrait<u64>>::is_in_good_standing(&uscc(
			COMPANY
		)));
		// The regulator moves the end, still within three years of the start.
		set_time(NEW_YEAR_2025);
		assert_noop!(suspend(REGISTRAR, COMPANY, too_long), Error::<Test>::SuspensionTooLong);
		let earlier = CivilDate { year: 2026, month: 1, day: 1 };
		assert_ok!(suspend(REGISTRAR, COMPANY, earlier));
		assert_eq!(
			company(COMPANY).status,
			CompanyStatus::Suspended { since: START, until: earlier.start_in_cst() }
		);
	});
}

#[test]
fn a_suspension_ends_at_its_end_date_on_both_sides_of_the_boundary() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		let end = CivilDate { year: 2024, month: 6, day: 1 };
		assert_ok!(suspend(CONTROLLER, COMPANY, end));
		let until = end.start_in_cst();
		set_time(until - 1);
		assert!(matches!(status_now(COMPANY), CompanyStatus::Suspended { .. }));
		set_time(until);
		assert_eq!(status_now(COMPANY), CompanyStatus::Active);
		// Recorded by anyone, dated now, the rule named.
		assert_ok!(record_lazy_rules(COMPANY));
		assert_eq!(company(COMPANY).status, CompanyStatus::Active);
		assert_eq!(last_change(COMPANY).actor, Actor::SuspensionEndRule { applied_by: STRANGER });
		assert_noop!(resume(CONTROLLER, COMPANY), Error::<Test>::NotSuspended);
	});
}

#[test]
fn a_suspended_company_resumes_early() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(resume(CONTROLLER, COMPANY), Error::<Test>::NotSuspended);
		assert_ok!(suspend(CONTROLLER, COMPANY, CivilDate { year: 2025, month: 1, day: 1 }));
		let suspended = company(COMPANY).status;
		assert_ok!(resume(REGISTRAR, COMPANY));
		assert_eq!(company(COMPANY).status, CompanyStatus::Active);
		assert_eq!(
			last_event(),
			Event::StatusChanged {
				uscc: uscc(COMPANY),
				from: suspended,
				to: CompanyStatus::Active,
				entry: 2
			}
		);
		assert_eq!(last_change(COMPANY).actor, registrar());
	});
}

// ---- Liquidation and closing decisions ----

#[test]
fn liquidation_precedes_deregistration() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(
			propose(REGISTRAR, COMPANY, ClosingDecision::Deregister),
			Error::<Test>::NotInLiquidation
		);
		assert_noop!(enter_liquidation(STRANGER, COMPANY), Error::<Test>::NotController);
		assert_ok!(enter_liquidation(CONTROLLER, COMPANY));
		assert_eq!(company(COMPANY).status, CompanyStatus::Liquidating { since: START });
		assert_noop!(enter_liquidation(CONTROLLER, COMPANY), Error::<Test>::AlreadyInLiquidation);
		assert_noop!(
			suspend(CONTROLLER, COMPANY, CivilDate { year: 2025, month: 1, day: 1 }),
			Error::<Test>::InLiquidation
		);
		assert_noop!(
			propose(REGISTRAR, COMPANY, ClosingDecision::Revoke),
			Error::<Test>::InLiquidation
		);
		assert_ok!(close(COMPANY, ClosingDecision::Deregister));
		assert_eq!(company(COMPANY).status, CompanyStatus::Deregistered { since: START });
		assert_noop!(enter_liquidation(REGISTRAR, COMPANY), Error::<Test>::CompanyClosed);
		assert_noop!(
			propose(REGISTRAR, COMPANY, ClosingDecision::Cancel),
			Error::<Test>::CompanyClosed
		);
	});
}

#[test]
fn a_revoked_company_is_liquidated_by_the_regulator_and_then_deregistered() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(close(COMPANY, ClosingDecision::Revoke));
		assert_noop!(enter_liquidation(CONTROLLER, COMPANY), Error::<Test>::CompanyClosed);
		assert_noop!(
			propose(REGISTRAR, COMPANY, ClosingDecision::Revoke),
			Error::<Test>::CompanyClosed
		);
		assert_ok!(enter_liquidation(REGISTRAR, COMPANY));
		assert_ok!(close(COMPANY, ClosingDecision::Deregister));
		let statuses: Vec<_> = history(COMPANY)
			.into_iter()
			.filter_map(|record| match record.change {
				Change::StatusChanged { to, .. } => Some(to),
				_ => None,
			})
			.collect();
		assert_eq!(
			statuses,
			vec![
				CompanyStatus::Revoked { since: START },
				CompanyStatus::Liquidating { since: START },
				CompanyStatus::Deregistered { since: START },
			]
		);
	});
}

#[test]
fn a_closing_decision_needs_a_second_officer_of_the_same_agency() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(register(OTHER_COMPANY));
		assert_noop!(confirm(SECOND_REGISTRAR, COMPANY), Error::<Test>::NoPendingDecision);
		set_time(START + 1_000);
		assert_ok!(propose(REGISTRAR, COMPANY, ClosingDecision::Revoke));
		let expires_at = START + 1_000 + DECISION_WINDOW;
		assert_eq!(
			last_event(),
			Event::ClosureProposed {
				uscc: uscc(COMPANY),
				decision: ClosingDecision::Revoke,
				proposed_by: officer(REGISTRAR),
				expires_at,
			}
		);
		assert_eq!(
			PendingDecisions::<Test>::get(uscc(COMPANY)),
			Some(PendingDecision {
				decision: ClosingDecision::Revoke,
				proposed_by: officer(REGISTRAR),
				expires_at,
				reason: reason("Decision 2024-004"),
			})
		);
		// Proposing alone changes nothing.
		assert_eq!(company(COMPANY).status, CompanyStatus::Active);
		assert_noop!(
			propose(SECOND_REGISTRAR, COMPANY, ClosingDecision::Cancel),
			Error::<Test>::DecisionPending
		);
		assert_noop!(confirm(REGISTRAR, COMPANY), Error::<Test>::SameOfficer);
		// The district regulator's officer is of another agency: outside its territory for
		// this company, and another agency for a company it does cover.
		assert_noop!(confirm(DISTRICT_REGISTRAR, COMPANY), Error::<Test>::OutsideJurisdiction);
		assert_ok!(propose(REGISTRAR, OTHER_COMPANY, ClosingDecision::Revoke));
		assert_noop!(confirm(DISTRICT_REGISTRAR, OTHER_COMPANY), Error::<Test>::NotSameAgency);
		assert_noop!(withdraw(DISTRICT_REGISTRAR, OTHER_COMPANY), Error::<Test>::NotSameAgency);

		set_time(START + 2_000);
		assert_ok!(confirm(SECOND_REGISTRAR, COMPANY));
		let revoked = CompanyStatus::Revoked { since: START + 2_000 };
		assert_eq!(company(COMPANY).status, revoked);
		assert_eq!(PendingDecisions::<Test>::get(uscc(COMPANY)), None);
		let change = last_change(COMPANY);
		assert_eq!(
			change.actor,
			Actor::FourEyes {
				proposed_by: officer(REGISTRAR),
				confirmed_by: officer(SECOND_REGISTRAR)
			}
		);
		assert_eq!(
			change.change,
			Change::StatusChanged { from: CompanyStatus::Active, to: revoked }
		);
		assert_eq!(change.reason, reason("Decision 2024-004"));
		assert_eq!(
			last_event(),
			Event::StatusChanged {
				uscc: uscc(COMPANY),
				from: CompanyStatus::Active,
				to: revoked,
				entry: 1
			}
		);
	});
}

#[test]
fn a_proposal_expires_at_the_end_of_its_window_on_both_sides_of_the_boundary() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(propose(REGISTRAR, COMPANY, ClosingDecision::Cancel));
		let expires_at = START + DECISION_WINDOW;
		set_time(expires_at);
		assert_noop!(confirm(SECOND_REGISTRAR, COMPANY), Error::<Test>::DecisionExpired);
		// An expired proposal is replaced by a new one.
		assert_ok!(propose(SECOND_REGISTRAR, COMPANY, ClosingDecision::Cancel));
		set_time(expires_at + DECISION_WINDOW - 1);
		assert_ok!(confirm(REGISTRAR, COMPANY));
		assert_eq!(
			company(COMPANY).status,
			CompanyStatus::Cancelled { since: expires_at + DECISION_WINDOW - 1 }
		);
	});
}

#[test]
fn a_proposal_is_withdrawn_by_its_agency() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(withdraw(REGISTRAR, COMPANY), Error::<Test>::NoPendingDecision);
		assert_ok!(propose(REGISTRAR, COMPANY, ClosingDecision::Revoke));
		assert_ok!(withdraw(SECOND_REGISTRAR, COMPANY));
		assert_eq!(
			last_event(),
			Event::ClosureWithdrawn {
				uscc: uscc(COMPANY),
				decision: ClosingDecision::Revoke,
				withdrawn_by: officer(SECOND_REGISTRAR),
			}
		);
		assert_eq!(PendingDecisions::<Test>::get(uscc(COMPANY)), None);
		assert_noop!(confirm(SECOND_REGISTRAR, COMPANY), Error::<Test>::NoPendingDecision);
		assert_eq!(company(COMPANY).status, CompanyStatus::Active);
	});
}

#[test]
fn a_decision_no_longer_allowed_when_confirmed_is_refused() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(propose(REGISTRAR, COMPANY, ClosingDecision::Revoke));
		assert_ok!(enter_liquidation(CONTROLLER, COMPANY));
		assert_noop!(confirm(SECOND_REGISTRAR, COMPANY), Error::<Test>::InLiquidation);
		assert_noop!(
			propose(REGISTRAR, OTHER_COMPANY, ClosingDecision::Revoke),
			Error::<Test>::UnknownCompany
		);
	});
}

#[test]
fn a_fraudulent_registration_is_cancelled_even_after_revocation() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(close(COMPANY, ClosingDecision::Revoke));
		assert_ok!(close(COMPANY, ClosingDecision::Cancel));
		assert_eq!(company(COMPANY).status, CompanyStatus::Cancelled { since: START });
		assert!(company(COMPANY).status.is_final());
		assert_noop!(
			propose(REGISTRAR, COMPANY, ClosingDecision::Cancel),
			Error::<Test>::CompanyClosed
		);
	});
}

#[test]
fn closing_records_an_overdue_listing_first() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(DEADLINE_2024);
		assert_ok!(close(COMPANY, ClosingDecision::Revoke));
		let changes: Vec<_> = history(COMPANY).into_iter().map(|record| record.change).collect();
		assert_eq!(
			changes[1..],
			[
				Change::Listed(overdue_2024()),
				Change::StatusChanged {
					from: CompanyStatus::Active,
					to: CompanyStatus::Revoked { since: DEADLINE_2024 }
				},
			]
		);
		// A closed company owes no more reports and reads as closed, its listing kept.
		let standing = standing(COMPANY).expect("registered");
		assert_eq!(standing.status, CompanyStatus::Revoked { since: DEADLINE_2024 });
		assert_eq!(standing.abnormal_listings, 1);
	});
}

#[test]
fn controllers_of_closed_companies_act_no_more() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert!(<CompanyRegistry as CompanyRegistryTrait<u64>>::is_controller(
			&uscc(COMPANY),
			&CONTROLLER
		));
		assert_ok!(close(COMPANY, ClosingDecision::Revoke));
		assert!(!<CompanyRegistry as CompanyRegistryTrait<u64>>::is_controller(
			&uscc(COMPANY),
			&CONTROLLER
		));
		assert_noop!(
			update_contact(CONTROLLER, COMPANY, contact(b"1")),
			Error::<Test>::CompanyClosed
		);
		assert_noop!(file_report(CONTROLLER, COMPANY, 2024), Error::<Test>::CompanyClosed);
		assert_noop!(resume(CONTROLLER, COMPANY), Error::<Test>::CompanyClosed);
		assert_eq!(standing(OTHER_COMPANY), None);
		assert!(!<CompanyRegistry as CompanyRegistryTrait<u64>>::is_in_good_standing(&uscc(
			OTHER_COMPANY
		)));
	});
}

// ---- The serious violator's legal representative ----

#[test]
fn a_serious_violators_representative_is_barred_for_three_years_on_both_sides() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(list(COMPANY, unreachable()));
		let violation = years_after(START, 3);
		let bar_ends = years_after(violation, 3);
		// Until the company is on the list, its representative (0x11) may represent others.
		set_time(violation - 1);
		assert_ok!(register(MUNICIPAL_ENTERPRISE));
		let representative = company(COMPANY).particulars.legal_representative;
		assert_eq!(
			crate::RepresentedCompanies::<Test>::get(representative).to_vec(),
			vec![uscc(COMPANY), uscc(MUNICIPAL_ENTERPRISE)]
		);
		// From the listing on, for three years, not.
		set_time(violation);
		assert_noop!(register(OTHER_COMPANY), Error::<Test>::RepresentativeBarred);
		assert_ok!(register_with(
			OTHER_COMPANY,
			{
				let mut other = particulars(CompanyKind::LimitedLiabilityCompany);
				other.legal_representative = H256::repeat_byte(0x77);
				other
			},
			vec![],
			NO_OVERRIDE
		));
		assert_noop!(
			amend(OTHER_COMPANY, crate::Amendment::LegalRepresentative(representative)),
			Error::<Test>::RepresentativeBarred
		);
		set_time(bar_ends - 1);
		assert_noop!(
			amend(OTHER_COMPANY, crate::Amendment::LegalRepresentative(representative)),
			Error::<Test>::RepresentativeBarred
		);
		set_time(bar_ends);
		assert_ok!(amend(OTHER_COMPANY, crate::Amendment::LegalRepresentative(representative)));
		assert_eq!(crate::RepresentedCompanies::<Test>::get(representative).len(), 3);
		assert!(crate::RepresentedCompanies::<Test>::get(H256::repeat_byte(0x77)).is_empty());
	});
}

#[test]
fn a_person_represents_a_bounded_number_of_companies() {
	new_test_ext().execute_with(|| {
		// The mock allows three per person.
		for code in [COMPANY, OTHER_COMPANY, MUNICIPAL_ENTERPRISE] {
			assert_ok!(register(code));
		}
		let fourth = *govchain_domain_types::Uscc::numbered(b"91110105", 42)
			.expect("valid")
			.as_bytes();
		assert_noop!(register(&fourth), Error::<Test>::RepresentsTooManyCompanies);
	});
}

#[test]
fn the_bar_is_charged_for_the_companies_it_read() {
	use crate::weights::WeightInfo;
	use polkadot_sdk::{
		frame_support::dispatch::GetDispatchInfo, sp_runtime::traits::Dispatchable,
	};
	type Weights = <Test as crate::Config>::WeightInfo;
	new_test_ext().execute_with(|| {
		let registration = |code| {
			RuntimeCall::CompanyRegistry(crate::Call::register {
				uscc: uscc(code),
				particulars: particulars(CompanyKind::LimitedLiabilityCompany),
				controllers: bounded(vec![CONTROLLER]),
				accepted_check_failures: NO_OVERRIDE,
				reason: reason("x"),
			})
		};
		let amendment = |code, amendment| {
			RuntimeCall::CompanyRegistry(crate::Call::amend {
				uscc: uscc(code),
				amendment,
				reason: reason("x"),
			})
		};
		let charged = |call: RuntimeCall| {
			call.dispatch(RuntimeOrigin::signed(REGISTRAR))
				.expect("dispatched")
				.actual_weight
		};
		// Declared for a representative at the mock's bound of three companies, less one.
		let most = CompanyRegistry::most_bar_reads();
		assert_eq!(most, 2);
		assert_eq!(registration(COMPANY).get_dispatch_info().call_weight, Weights::register(most));
		assert!(Weights::register(0).all_lt(Weights::register(most)));
		// Charged for what the bar read: nothing for a newcomer, then one and two companies.
		for (code, read) in [(COMPANY, 0), (OTHER_COMPANY, 1), (MUNICIPAL_ENTERPRISE, 2)] {
			assert_eq!(charged(registration(code)), Some(Weights::register(read)));
		}
		let representative = company(COMPANY).particulars.legal_representative;
		assert_eq!(crate::RepresentedCompanies::<Test>::get(representative).len(), 3);

		// A new legal representative: declared at the most, charged for what they represent.
		let newcomer = H256::repeat_byte(0x77);
		let change = |code| amendment(code, Amendment::LegalRepresentative(newcomer));
		assert_eq!(
			change(COMPANY).get_dispatch_info().call_weight,
			Weights::amend_legal_representative(most)
		);
		assert_eq!(charged(change(COMPANY)), Some(Weights::amend_legal_representative(0)));
		assert_eq!(charged(change(OTHER_COMPANY)), Some(Weights::amend_legal_representative(1)));
		assert_eq!(crate::RepresentedCompanies::<Test>::get(newcomer).len(), 2);
		// Any other amendment is charged what it declared.
		let kind = amendment(COMPANY, Amendment::Kind(CompanyKind::JointStockCompany));
		assert_eq!(kind.get_dispatch_info().call_weight, Weights::amend());
		assert_eq!(charged(kind), None);
	});
}
