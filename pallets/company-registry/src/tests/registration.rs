//! Registration, codes and their overrides, jurisdiction, amendments, controllers and the
//! history.

use super::*;
use crate::{Change, Error, Particular, MAX_HISTORY_PAGE};
use govchain_domain_types::{CompanyStatus, Lei, Uscc};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, dispatch::DispatchResultWithPostInfo},
	sp_runtime::DispatchError,
};

#[test]
fn register_stores_the_record_its_history_and_an_event() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		let record = company(COMPANY);
		assert_eq!(record.particulars, particulars(CompanyKind::LimitedLiabilityCompany));
		assert_eq!(record.status, CompanyStatus::Active);
		assert!(record.abnormal_listings.is_empty());
		assert_eq!(record.serious_violation_since, None);
		assert_eq!(record.accepted_check_failures, NO_OVERRIDE);
		assert_eq!(record.registered_by, officer(REGISTRAR));
		assert_eq!(record.registered_at, START);
		assert_eq!(record.controllers.to_vec(), vec![CONTROLLER]);
		assert_eq!(record.contact, Contact::default());
		// Established in 2024: the first report is for 2024.
		assert_eq!(record.next_report_year, 2024);
		assert_eq!(
			history(COMPANY),
			vec![ChangeRecord {
				at: START,
				block: 1,
				actor: registrar(),
				change: Change::Registered {
					particulars: particulars(CompanyKind::LimitedLiabilityCompany),
					controllers: bounded(vec![CONTROLLER]),
					accepted_check_failures: NO_OVERRIDE,
				},
				reason: reason("Decision 2024-001"),
			}]
		);
		assert_eq!(
			last_event(),
			Event::CompanyRegistered {
				uscc: uscc(COMPANY),
				agency: uscc(MARKET_REGULATOR),
				accepted_check_failures: NO_OVERRIDE,
				entry: 0,
			}
		);
		assert!(<CompanyRegistry as CompanyRegistryTrait<u64>>::is_in_good_standing(&uscc(
			COMPANY
		)));
	});
}

#[test]
fn each_legal_form_needs_its_code_category() {
	new_test_ext().execute_with(|| {
		let individual = particulars(CompanyKind::IndividualBusiness);
		let cooperative = particulars(CompanyKind::FarmersCooperative);
		assert_noop!(
			register_with(INDIVIDUAL_BUSINESS, cooperative.clone(), vec![], NO_OVERRIDE),
			Error::<Test>::KindDoesNotMatchCode
		);
		assert_noop!(
			register_with(COMPANY, individual.clone(), vec![], NO_OVERRIDE),
			Error::<Test>::KindDoesNotMatchCode
		);
		assert_ok!(register_with(INDIVIDUAL_BUSINESS, individual, vec![], NO_OVERRIDE));
		assert_ok!(register_with(COOPERATIVE, cooperative, vec![], NO_OVERRIDE));
		assert_eq!(company(COOPERATIVE).particulars.kind, CompanyKind::FarmersCooperative);
	});
}

#[test]
fn malformed_codes_cannot_reach_the_pallet() {
	// A call carries a code as 18 bytes; decoding refuses every malformed one, so the pallet
	// never sees it.
	for malformed in [
		&b"91110105MA01IBCD5F"[..],
		b"91110105ma01abcd5f",
		b"94110105MA01ABCD5F",
		b"B1110105MA01ABCD5F",
		b"9111A105MA01ABCD5F",
		b"91110105MA01ABCD5",
	] {
		assert!(decoded::<Uscc>(malformed).is_err(), "{malformed:?}");
	}
	assert!(decoded::<Uscc>(COMPANY).is_ok());
	// Codes of the whole GB 32100 table are well formed: trade unions, law firms, village
	// collectives, military public institutions.
	for code in [b"81110108500000015H", b"31110108310000022R", b"N2110108M00000035P"] {
		assert!(Uscc::parse(code).is_ok());
	}
}

#[test]
fn only_market_entity_codes_are_registered() {
	new_test_ext().execute_with(|| {
		// A valid code of a government agency, and a trade union's, are not market entities'.
		assert_noop!(register(MARKET_REGULATOR), Error::<Test>::NotAMarketEntityCode);
		assert_noop!(
			register(govchain_domain_types::fixtures::companies::TRADE_UNION),
			Error::<Test>::NotAMarketEntityCode
		);
	});
}

#[test]
fn a_failing_check_needs_its_own_override_which_is_recorded() {
	new_test_ext().execute_with(|| {
		let kind = CompanyKind::LimitedLiabilityCompany;
		let code_check = CheckFailures { organisation_check: false, code_check: true };
		let organisation_check = CheckFailures { organisation_check: true, code_check: false };
		// Position 18 fails: refused without its override, and with the wrong one.
		assert_noop!(
			register_with(LEGACY_COMPANY, particulars(kind), vec![], NO_OVERRIDE),
			Error::<Test>::CodeCheckCharacterMismatch
		);
		assert_noop!(
			register_with(LEGACY_COMPANY, particulars(kind), vec![], organisation_check),
			Error::<Test>::CodeCheckCharacterMismatch
		);
		assert_ok!(register_with(LEGACY_COMPANY, particulars(kind), vec![], code_check));
		assert_eq!(company(LEGACY_COMPANY).accepted_check_failures, code_check);
		assert_eq!(
			last_event(),
			Event::CompanyRegistered {
				uscc: uscc(LEGACY_COMPANY),
				agency: uscc(MARKET_REGULATOR),
				accepted_check_failures: code_check,
				entry: 0,
			}
		);
		assert!(matches!(
			last_change(LEGACY_COMPANY).change,
			Change::Registered { accepted_check_failures, .. } if accepted_check_failures == code_check
		));
		// Position 17 fails: the same with its own override.
		assert_noop!(
			register_with(ORGANISATION_CHECK_FAILING, particulars(kind), vec![], NO_OVERRIDE),
			Error::<Test>::CodeOrganisationCheckMismatch
		);
		assert_noop!(
			register_with(ORGANISATION_CHECK_FAILING, particulars(kind), vec![], code_check),
			Error::<Test>::CodeOrganisationCheckMismatch
		);
		assert_ok!(register_with(
			ORGANISATION_CHECK_FAILING,
			particulars(kind),
			vec![],
			organisation_check
		));
		assert_eq!(company(ORGANISATION_CHECK_FAILING).accepted_check_failures, organisation_check);
		// An override for a check that passes is refused: the record says only what is true.
		assert_noop!(
			register_with(COMPANY, particulars(kind), vec![], code_check),
			Error::<Test>::CheckOverrideNotNeeded
		);
		assert_noop!(
			register_with(
				COMPANY,
				particulars(kind),
				vec![],
				CheckFailures { organisation_check: true, code_check: true }
			),
			Error::<Test>::CheckOverrideNotNeeded
		);
	});
}

#[test]
fn a_regulator_registers_and_manages_only_within_its_territory() {
	new_test_ext().execute_with(|| {
		let kind = CompanyKind::LimitedLiabilityCompany;
		let district = |call: &dyn Fn(RuntimeOrigin) -> DispatchResult| {
			call(RuntimeOrigin::signed(DISTRICT_REGISTRAR))
		};
		let register_as = |code: &'static [u8; 18]| {
			move |origin: RuntimeOrigin| {
				CompanyRegistry::register(
					origin,
					uscc(code),
					particulars(kind),
					bounded(vec![]),
					NO_OVERRIDE,
					reason("x"),
				)
				.map(drop)
				.map_err(|failed| failed.error)
			}
		};
		// Haidian's regulator (110108) registers a Haidian company, not a Chaoyang one
		// (110105); the municipal regulator (110000) registers both, not a Shanghai one.
		assert_noop!(district(&register_as(COMPANY)), Error::<Test>::OutsideJurisdiction);
		assert_ok!(district(&register_as(OTHER_COMPANY)));
		assert_eq!(company(OTHER_COMPANY).registered_by, officer(DISTRICT_REGISTRAR));
		assert_ok!(register(COMPANY));
		assert_noop!(register(SHANGHAI_COMPANY), Error::<Test>::OutsideJurisdiction);
		// Every officer call on a company checks the territory.
		let amend_kind = |origin| {
			CompanyRegistry::amend(origin, uscc(COMPANY), Amendment::Kind(kind), reason("x"))
				.map(drop)
				.map_err(|failed| failed.error)
		};
		assert_noop!(district(&amend_kind), Error::<Test>::OutsideJurisdiction);
		assert_noop!(
			district(&|origin| CompanyRegistry::list_abnormal(
				origin,
				uscc(COMPANY),
				unreachable(),
				reason("x")
			)),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			district(&|origin| CompanyRegistry::propose_closure(
				origin,
				uscc(COMPANY),
				ClosingDecision::Revoke,
				reason("x")
			)),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			district(&|origin| CompanyRegistry::enter_liquidation(
				origin,
				uscc(COMPANY),
				reason("x")
			)),
			Error::<Test>::OutsideJurisdiction
		);
		assert_ok!(CompanyRegistry::amend(
			RuntimeOrigin::signed(DISTRICT_REGISTRAR),
			uscc(OTHER_COMPANY),
			Amendment::Kind(CompanyKind::JointStockCompany),
			reason("x")
		));
		assert_ok!(amend_kind(RuntimeOrigin::signed(REGISTRAR)));
	});
}

#[test]
fn a_code_is_registered_once_and_never_reused() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(register(COMPANY), Error::<Test>::AlreadyRegistered);
		assert_ok!(close(COMPANY, ClosingDecision::Cancel));
		assert_noop!(register(COMPANY), Error::<Test>::AlreadyRegistered);
	});
}

#[test]
fn the_clock_of_the_chain_runs_in_china_time_for_establishment_dates() {
	new_test_ext().execute_with(|| {
		let mut tomorrow = particulars(CompanyKind::LimitedLiabilityCompany);
		tomorrow.established_on = CivilDate { year: 2024, month: 3, day: 16 };
		assert_noop!(
			register_with(COMPANY, tomorrow.clone(), vec![], NO_OVERRIDE),
			Error::<Test>::EstablishedInFuture
		);
		// START is 15 March 00:00 in Beijing: 16 March begins a day later.
		set_time(START + 86_400_000 - 1);
		assert_noop!(
			register_with(COMPANY, tomorrow.clone(), vec![], NO_OVERRIDE),
			Error::<Test>::EstablishedInFuture
		);
		set_time(START + 86_400_000);
		assert_ok!(register_with(COMPANY, tomorrow, vec![], NO_OVERRIDE));
	});
}

#[test]
fn a_company_brought_on_chain_before_july_owes_last_years_report() {
	let established_2005 = || {
		let mut old = particulars(CompanyKind::LimitedLiabilityCompany);
		old.established_on = CivilDate { year: 2005, month: 6, day: 1 };
		old
	};
	// 15 March 2024: the 2023 report is due by 30 June 2024.
	new_test_ext().execute_with(|| {
		assert_ok!(register_with(COMPANY, established_2005(), vec![CONTROLLER], NO_OVERRIDE));
		assert_eq!(company(COMPANY).next_report_year, 2023);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2023));
	});
	// On 1 July 2024 (the 2023 deadline) the first report owed is 2024's.
	new_test_ext().execute_with(|| {
		set_time(govchain_domain_types::calendar::annual_report_deadline(2023));
		assert_ok!(register_with(COMPANY, established_2005(), vec![CONTROLLER], NO_OVERRIDE));
		assert_eq!(company(COMPANY).next_report_year, 2024);
		assert_eq!(standing(COMPANY).map(|standing| standing.abnormal_listings), Some(0));
	});
	// One millisecond earlier it is still 2023's, already overdue at the next instant.
	new_test_ext().execute_with(|| {
		set_time(govchain_domain_types::calendar::annual_report_deadline(2023) - 1);
		assert_ok!(register_with(COMPANY, established_2005(), vec![CONTROLLER], NO_OVERRIDE));
		assert_eq!(company(COMPANY).next_report_year, 2023);
	});
}

/// Each way particulars can be wrong, with the error it gives.
fn faulty_particulars() -> Vec<(&'static str, Particulars<Test>, Error<Test>)> {
	let valid = || particulars(CompanyKind::LimitedLiabilityCompany);
	let with = |change: &dyn Fn(&mut Particulars<Test>)| {
		let mut particulars = valid();
		change(&mut particulars);
		particulars
	};
	vec![
		(
			"wrong form",
			with(&|p| p.kind = CompanyKind::IndividualBusiness),
			Error::KindDoesNotMatchCode,
		),
		("empty name", with(&|p| p.legal_name = text(b"")), Error::EmptyName),
		("empty English name", with(&|p| p.english_name = Some(text(b""))), Error::EmptyName),
		("name not UTF-8", with(&|p| p.legal_name = text(&[0xE5, 0x8C])), Error::NotUtf8),
		("English name not UTF-8", with(&|p| p.english_name = Some(text(&[0xFF]))), Error::NotUtf8),
		("empty address", with(&|p| p.registered_address = text(b"")), Error::EmptyAddress),
		("address not UTF-8", with(&|p| p.registered_address = text(&[0xC0])), Error::NotUtf8),
		("empty scope", with(&|p| p.business_scope = text(b"")), Error::EmptyBusinessScope),
		("scope not UTF-8", with(&|p| p.business_scope = text(&[0x80])), Error::NotUtf8),
		(
			"no 30 February",
			with(&|p| p.established_on = CivilDate { year: 2024, month: 2, day: 30 }),
			Error::InvalidDate,
		),
		(
			"established in the future",
			with(&|p| p.established_on = CivilDate { year: 2025, month: 1, day: 1 }),
			Error::EstablishedInFuture,
		),
		(
			"no legal representative",
			with(&|p| p.legal_representative = H256::zero()),
			Error::MissingLegalRepresentative,
		),
		("zero subscription", with(&|p| p.shareholders[1].subscribed = 0), Error::ZeroSubscription),
		(
			"paid in more than subscribed",
			with(&|p| p.shareholders[0].paid_in = 600_000_001),
			Error::PaidInExceedsSubscription,
		),
		(
			"subscriptions short of the capital",
			with(&|p| p.registered_capital.amount += 1),
			Error::SubscriptionsDoNotMatchCapital,
		),
		(
			"subscriptions beyond the capital",
			with(&|p| p.shareholders[0].subscribed = u128::MAX),
			Error::SubscriptionsDoNotMatchCapital,
		),
		(
			"no form of contribution",
			with(&|p| p.shareholders[1].form = None),
			Error::MissingContributionForm,
		),
		(
			"capital unpaid without a deadline",
			with(&|p| p.shareholders[0].subscription_deadline = None),
			Error::MissingSubscriptionDeadline,
		),
		(
			"deadline on no real day",
			with(&|p| {
				p.shareholders[0].subscription_deadline =
					Some(CivilDate { year: 2027, month: 2, day: 29 })
			}),
			Error::InvalidDate,
		),
		(
			"two investors in a sole proprietorship",
			with(&|p| p.kind = CompanyKind::SoleProprietorship),
			Error::TooManyShareholdersForKind,
		),
		(
			"shareholder twice",
			with(&|p| p.shareholders[1].party = p.shareholders[0].party),
			Error::DuplicateShareholder,
		),
		(
			"shareholder with no hash",
			with(&|p| p.shareholders[1].party = PartyRef::Person(H256::zero())),
			Error::InvalidPartyReference,
		),
		(
			"key person with no hash",
			with(&|p| p.key_personnel[1].party = PartyRef::Person(H256::zero())),
			Error::InvalidPartyReference,
		),
		(
			"same key person twice",
			with(&|p| p.key_personnel[1] = p.key_personnel[0]),
			Error::DuplicateKeyPerson,
		),
	]
}

#[test]
fn faulty_particulars_are_refused() {
	new_test_ext().execute_with(|| {
		for (case, faulty, error) in faulty_particulars() {
			assert_eq!(
				register_with(COMPANY, faulty, vec![], NO_OVERRIDE),
				Err(error.into()),
				"{case}"
			);
		}
		// And nothing was written (assert_noop for each case, checked on the whole storage).
		for (_, faulty, error) in faulty_particulars() {
			assert_noop!(register_with(COMPANY, faulty, vec![], NO_OVERRIDE), error);
		}
	});
}

#[test]
fn malformed_codes_inside_particulars_cannot_be_decoded() {
	// Currency, division, industry, a party's USCC or LEI: refused when the call is decoded.
	assert!(decoded::<CurrencyCode>(b"XTS").is_err());
	assert!(decoded::<DivisionCode>(b"990105").is_err());
	assert!(decoded::<IndustryCode>(b"J6513").is_err());
	assert!(decoded::<Lei>(b"529900T8BM49AURSDO56").is_err());
	let mut encoded = codec::Encode::encode(&particulars(CompanyKind::LimitedLiabilityCompany));
	let valid = codec::Encode::encode(&division(b"110105"));
	let at = encoded
		.windows(valid.len())
		.position(|window| window == &valid[..])
		.expect("the division is encoded");
	encoded[at..at + 6].copy_from_slice(b"990105");
	assert!(decoded::<Particulars<Test>>(&encoded).is_err());
}

#[test]
fn fully_paid_shareholders_need_no_deadline_and_foreign_parties_use_leis() {
	new_test_ext().execute_with(|| {
		let mut paid = particulars(CompanyKind::JointStockCompany);
		let lei = Lei::parse(b"529900T8BM49AURSDO55").expect("valid LEI");
		paid.shareholders = bounded(vec![
			holding(person(0x11), 250_000_000, 250_000_000),
			holding(PartyRef::ForeignEntity(lei), 750_000_000, 750_000_000),
		]);
		assert!(paid.shareholders.iter().all(|holding| holding.subscription_deadline.is_none()));
		assert_ok!(register_with(COMPANY, paid.clone(), vec![], NO_OVERRIDE));
		assert_eq!(company(COMPANY).particulars.shareholders, paid.shareholders);
	});
}

/// `count` shareholders subscribing 1 yuan each, fully paid, and the capital they make.
fn shareholders_of(kind: CompanyKind, count: u8) -> Particulars<Test> {
	let mut many = particulars(kind);
	many.shareholders =
		bounded((0..count).map(|index| holding(person(index + 1), 100, 100)).collect());
	many.registered_capital.amount = 100 * u128::from(count);
	many
}

#[test]
fn the_legal_form_bounds_the_shareholders_on_both_sides() {
	new_test_ext().execute_with(|| {
		let limited = CompanyKind::LimitedLiabilityCompany;
		assert_noop!(
			register_with(COMPANY, shareholders_of(limited, 51), vec![], NO_OVERRIDE),
			Error::<Test>::TooManyShareholdersForKind
		);
		assert_ok!(register_with(COMPANY, shareholders_of(limited, 50), vec![], NO_OVERRIDE));
		let joint_stock = CompanyKind::JointStockCompany;
		assert_noop!(
			register_with(OTHER_COMPANY, shareholders_of(joint_stock, 201), vec![], NO_OVERRIDE),
			Error::<Test>::TooManyShareholdersForKind
		);
		assert_ok!(register_with(
			OTHER_COMPANY,
			shareholders_of(joint_stock, 200),
			vec![],
			NO_OVERRIDE
		));
		// Converting a joint-stock company of 200 to a limited company is refused too.
		assert_noop!(
			amend(OTHER_COMPANY, Amendment::Kind(limited)),
			Error::<Test>::TooManyShareholdersForKind
		);
	});
}

/// 1 July 2024: the 2023 Company Law's five-year rule applies from this day.
const LAW_IN_FORCE: CivilDate = CivilDate { year: 2024, month: 7, day: 1 };

/// A limited company established on `established_on` whose first shareholder owes capital
/// until `deadline`.
fn owing_until(established_on: CivilDate, deadline: CivilDate) -> Particulars<Test> {
	let mut owing = particulars(CompanyKind::LimitedLiabilityCompany);
	owing.established_on = established_on;
	owing.shareholders[0].subscription_deadline = Some(deadline);
	owing
}

#[test]
fn a_limited_company_established_under_the_2023_law_pays_in_within_five_years() {
	new_test_ext().execute_with(|| {
		set_time(CivilDate { year: 2024, month: 8, day: 1 }.start_in_cst());
		let five_years = CivilDate { year: 2029, month: 7, day: 1 };
		let a_day_more = CivilDate { year: 2029, month: 7, day: 2 };
		assert_noop!(
			register_with(COMPANY, owing_until(LAW_IN_FORCE, a_day_more), vec![], NO_OVERRIDE),
			Error::<Test>::SubscriptionDeadlineBeyondFiveYears
		);
		assert_ok!(register_with(
			COMPANY,
			owing_until(LAW_IN_FORCE, five_years),
			vec![],
			NO_OVERRIDE
		));
		// A company established the day before is not bound by the rule.
		let day_before = CivilDate { year: 2024, month: 6, day: 30 };
		let later = CivilDate { year: 2035, month: 12, day: 31 };
		assert_ok!(register_with(
			OTHER_COMPANY,
			owing_until(day_before, later),
			vec![],
			NO_OVERRIDE
		));
		// A joint-stock company is not bound by it either.
		let mut joint_stock = owing_until(LAW_IN_FORCE, later);
		joint_stock.kind = CompanyKind::JointStockCompany;
		assert_ok!(register_with(MUNICIPAL_ENTERPRISE, joint_stock, vec![], NO_OVERRIDE));
	});
}

#[test]
fn the_capital_reads_overdue_from_the_day_after_a_deadline() {
	new_test_ext().execute_with(|| {
		set_time(CivilDate { year: 2024, month: 8, day: 1 }.start_in_cst());
		let five_years = CivilDate { year: 2029, month: 7, day: 1 };
		let owing = owing_until(LAW_IN_FORCE, five_years);
		assert_ok!(register_with(COMPANY, owing, vec![CONTROLLER], NO_OVERRIDE));
		// The sample company, established before the law: bound by its own deadlines only.
		assert_ok!(register(OTHER_COMPANY));
		let capital = |at: u64| {
			set_time(at);
			CompanyRegistry::company_details(uscc(COMPANY)).expect("registered").capital
		};
		let last_moment = five_years.end_in_cst() - 1;
		let before = capital(last_moment);
		assert_eq!(before.due_by, Some(five_years));
		assert_eq!((before.subscribed, before.paid_in), (1_000_000_000, 600_000_000));
		assert!(!before.overdue);
		assert!(capital(five_years.end_in_cst()).overdue);
		// Paid in, it is no longer overdue.
		assert_ok!(record_paid_in(CONTROLLER, COMPANY, person(0x11), 600_000_000));
		assert!(!capital(five_years.end_in_cst()).overdue);
		// The sample company's first shareholder owes by 31 December 2028.
		let own_deadline = CivilDate { year: 2028, month: 12, day: 31 };
		let details = |at: u64| {
			set_time(at);
			CompanyRegistry::company_details(uscc(OTHER_COMPANY))
				.expect("registered")
				.capital
		};
		assert_eq!(details(own_deadline.end_in_cst() - 1).due_by, None);
		assert!(!details(own_deadline.end_in_cst() - 1).overdue);
		assert!(details(own_deadline.end_in_cst()).overdue);
	});
}

#[test]
fn controllers_may_not_repeat_nor_include_the_officer() {
	new_test_ext().execute_with(|| {
		let kind = CompanyKind::LimitedLiabilityCompany;
		assert_noop!(
			register_with(COMPANY, particulars(kind), vec![CONTROLLER, CONTROLLER], NO_OVERRIDE),
			Error::<Test>::DuplicateController
		);
		assert_noop!(
			register_with(COMPANY, particulars(kind), vec![CONTROLLER, REGISTRAR], NO_OVERRIDE),
			Error::<Test>::OfficerAsController
		);
		assert_ok!(register(COMPANY));
		assert_noop!(set_controllers(COMPANY, vec![REGISTRAR]), Error::<Test>::OfficerAsController);
	});
}

// ---- Who may act ----

#[test]
fn only_market_regulator_officers_may_register_and_manage() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		for origin in [
			RuntimeOrigin::signed(CUSTOMS_OFFICER),
			RuntimeOrigin::signed(CONTROLLER),
			RuntimeOrigin::signed(STRANGER),
			RuntimeOrigin::root(),
			RuntimeOrigin::none(),
		] {
			assert_officer_calls_refused(origin);
		}
	});
}

/// Every officer-only call made with `origin` fails with `BadOrigin` and changes nothing.
fn assert_officer_calls_refused(origin: RuntimeOrigin) {
	let kind = CompanyKind::LimitedLiabilityCompany;
	let code = uscc(COMPANY);
	let refused = |result: DispatchResult| assert_eq!(result, Err(DispatchError::BadOrigin));
	let refused_with_post_info = |result: DispatchResultWithPostInfo| {
		refused(result.map(drop).map_err(|failed| failed.error))
	};
	refused_with_post_info(CompanyRegistry::register(
		origin.clone(),
		uscc(OTHER_COMPANY),
		particulars(kind),
		bounded(vec![]),
		NO_OVERRIDE,
		reason("x"),
	));
	refused_with_post_info(CompanyRegistry::amend(
		origin.clone(),
		code,
		Amendment::Kind(kind),
		reason("x"),
	));
	refused(CompanyRegistry::list_abnormal(origin.clone(), code, unreachable(), reason("x")));
	refused(CompanyRegistry::remove_listing(origin.clone(), code, unreachable(), reason("x")));
	refused(CompanyRegistry::propose_closure(
		origin.clone(),
		code,
		ClosingDecision::Revoke,
		reason("x"),
	));
	refused(CompanyRegistry::confirm_closure(origin.clone(), code));
	refused(CompanyRegistry::withdraw_closure(origin.clone(), code));
	refused(CompanyRegistry::set_controllers(origin, code, bounded(vec![STRANGER]), reason("x")));
}

#[test]
fn a_suspended_market_regulator_can_do_nothing() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(list(COMPANY, unreachable()));
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(MARKET_REGULATOR)));
		let state = state_root();
		assert_officer_calls_refused(RuntimeOrigin::signed(REGISTRAR));
		assert_officer_calls_refused(RuntimeOrigin::signed(1));
		assert_eq!(state_root(), state);
		// Reinstated, its officers act again.
		assert_ok!(Agencies::reinstate_agency(RuntimeOrigin::root(), uscc(MARKET_REGULATOR)));
		assert_ok!(remove_listing(COMPANY, unreachable()));
	});
}

#[test]
fn an_agency_stripped_of_the_market_regulator_role_can_do_nothing() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(Agencies::grant_role(
			RuntimeOrigin::root(),
			uscc(MARKET_REGULATOR),
			govchain_domain_types::Role::OtherAgency
		));
		assert_ok!(Agencies::revoke_role(
			RuntimeOrigin::root(),
			uscc(MARKET_REGULATOR),
			govchain_domain_types::Role::MarketRegulator
		));
		assert_officer_calls_refused(RuntimeOrigin::signed(REGISTRAR));
	});
}

// ---- Amendments ----

#[test]
fn each_amendment_replaces_its_part_and_the_event_names_it() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		let new_shareholders = bounded(vec![holding(person(0x41), 500, 500)]);
		let new_key_personnel =
			bounded(vec![KeyPerson { role: KeyPersonRole::Chairperson, party: person(0x41) }]);
		type Applied = dyn Fn(&Particulars<Test>) -> bool;
		let amendments: Vec<(Amendment<Test>, Particular, &Applied)> = vec![
			(
				Amendment::Name {
					legal_name: text("北京新名称有限公司".as_bytes()),
					english_name: None,
				},
				Particular::Name,
				&|p| {
					p.legal_name.to_vec() == "北京新名称有限公司".as_bytes()
						&& p.english_name.is_none()
				},
			),
			(Amendment::Kind(CompanyKind::JointStockCompany), Particular::Kind, &|p| {
				p.kind == CompanyKind::JointStockCompany
			}),
			(
				Amendment::Capital {
					registered_capital: Money { currency: CurrencyCode::CNY, amount: 500 },
					shareholders: new_shareholders.clone(),
				},
				Particular::Capital,
				&|p| p.registered_capital.amount == 500 && p.shareholders.len() == 1,
			),
			(
				Amendment::RegisteredAddress {
					address: text("北京市海淀区".as_bytes()),
					division: division(b"110108"),
				},
				Particular::RegisteredAddress,
				&|p| p.division == division(b"110108"),
			),
			(
				Amendment::BusinessScope(text("技术咨询".as_bytes())),
				Particular::BusinessScope,
				&|p| p.business_scope.to_vec() == "技术咨询".as_bytes(),
			),
			(Amendment::Industry(industry(b"M7511")), Particular::Industry, &|p| {
				p.industry == industry(b"M7511")
			}),
			(
				Amendment::LegalRepresentative(H256::repeat_byte(0x41)),
				Particular::LegalRepresentative,
				&|p| p.legal_representative == H256::repeat_byte(0x41),
			),
			(Amendment::KeyPersonnel(new_key_personnel.clone()), Particular::KeyPersonnel, &|p| {
				p.key_personnel[0].role == KeyPersonRole::Chairperson
			}),
		];
		for (index, (amendment, particular, applied)) in amendments.into_iter().enumerate() {
			let entry = index as u32 + 1;
			assert_ok!(amend(COMPANY, amendment.clone()));
			assert!(applied(&company(COMPANY).particulars), "amendment {entry}");
			assert_eq!(
				last_event(),
				Event::ParticularsAmended { uscc: uscc(COMPANY), particular, entry }
			);
			let change = last_change(COMPANY);
			assert_eq!(change.change, Change::Amended(amendment));
			assert_eq!(change.actor, registrar());
			assert_eq!(change.reason, reason("Amendment"));
		}
	});
}

#[test]
fn amendments_are_checked_like_registrations() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(
			amend(COMPANY, Amendment::Kind(CompanyKind::FarmersCooperative)),
			Error::<Test>::KindDoesNotMatchCode
		);
		assert_noop!(
			amend(
				COMPANY,
				Amendment::Capital {
					registered_capital: Money { currency: CurrencyCode::CNY, amount: 1_000 },
					shareholders: bounded(vec![
						holding(person(1), 900, 900),
						holding(person(2), 101, 101),
					]),
				}
			),
			Error::<Test>::SubscriptionsDoNotMatchCapital
		);
		assert_noop!(
			amend(OTHER_COMPANY, Amendment::Kind(CompanyKind::JointStockCompany)),
			Error::<Test>::UnknownCompany
		);
		assert_ok!(close(COMPANY, ClosingDecision::Revoke));
		assert_noop!(
			amend(COMPANY, Amendment::Kind(CompanyKind::JointStockCompany)),
			Error::<Test>::CompanyClosed
		);
	});
}

// ---- Controllers ----

#[test]
fn officers_replace_controllers_and_old_ones_lose_their_rights() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(set_controllers(COMPANY, vec![OTHER_CONTROLLER, STRANGER]));
		assert_eq!(company(COMPANY).controllers.to_vec(), vec![OTHER_CONTROLLER, STRANGER]);
		assert_eq!(
			last_event(),
			Event::ControllersSet {
				uscc: uscc(COMPANY),
				controllers: bounded(vec![OTHER_CONTROLLER, STRANGER]),
				entry: 1
			}
		);
		assert_eq!(
			last_change(COMPANY).change,
			Change::ControllersSet(bounded(vec![OTHER_CONTROLLER, STRANGER]))
		);
		assert!(!<CompanyRegistry as CompanyRegistryTrait<u64>>::is_controller(
			&uscc(COMPANY),
			&CONTROLLER
		));
		assert!(<CompanyRegistry as CompanyRegistryTrait<u64>>::is_controller(
			&uscc(COMPANY),
			&STRANGER
		));
		assert_noop!(
			update_contact(CONTROLLER, COMPANY, contact(b"1")),
			Error::<Test>::NotController
		);
		assert_noop!(
			set_controllers(COMPANY, vec![CONTROLLER, CONTROLLER]),
			Error::<Test>::DuplicateController
		);
		assert_noop!(
			set_controllers(OTHER_COMPANY, vec![CONTROLLER]),
			Error::<Test>::UnknownCompany
		);
		// An empty list leaves no one acting for the company.
		assert_ok!(set_controllers(COMPANY, vec![]));
		assert!(company(COMPANY).controllers.is_empty());
		assert_ok!(close(COMPANY, ClosingDecision::Cancel));
		assert_noop!(set_controllers(COMPANY, vec![CONTROLLER]), Error::<Test>::CompanyClosed);
	});
}

// ---- History ----

#[test]
fn replaying_the_history_rebuilds_the_record() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(amend(COMPANY, Amendment::Kind(CompanyKind::JointStockCompany)));
		assert_ok!(set_controllers(COMPANY, vec![OTHER_CONTROLLER]));
		assert_ok!(update_contact(OTHER_CONTROLLER, COMPANY, contact(b"010-1234")));
		assert_ok!(list(COMPANY, unreachable()));
		assert_ok!(amend(COMPANY, Amendment::Industry(industry(b"M7511"))));
		assert_ok!(enter_liquidation(OTHER_CONTROLLER, COMPANY));
		let mut rebuilt: Option<crate::Company<Test>> = None;
		for record in history(COMPANY) {
			let Some(mut state) = rebuilt.take() else {
				let (particulars, controllers, accepted_check_failures) = match record.change {
					Change::Registered { particulars, controllers, accepted_check_failures } => {
						(particulars, controllers, accepted_check_failures)
					},
					other => panic!("history starts with {other:?}"),
				};
				rebuilt = Some(crate::Company {
					particulars,
					status: CompanyStatus::Active,
					abnormal_listings: Default::default(),
					serious_violation_since: None,
					accepted_check_failures,
					registered_by: officer(REGISTRAR),
					registered_at: record.at,
					controllers,
					contact: Contact::default(),
					next_report_year: company(COMPANY).next_report_year,
				});
				continue;
			};
			match record.change {
				Change::Amended(amendment) => {
					CompanyRegistry::apply_amendment(&mut state.particulars, amendment)
				},
				Change::ControllersSet(controllers) => state.controllers = controllers,
				Change::StatusChanged { to, .. } => state.status = to,
				Change::ContactUpdated(contact) => state.contact = contact,
				Change::Listed(listing) => {
					state.abnormal_listings.try_push(listing).expect("room for listings")
				},
				change => panic!("unexpected {change:?}"),
			}
			rebuilt = Some(state);
		}
		assert_eq!(rebuilt, Some(company(COMPANY)));
	});
}

#[test]
fn history_is_read_page_by_page() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		for phone in 0..5u8 {
			assert_ok!(update_contact(CONTROLLER, COMPANY, contact(&[b'0' + phone])));
		}
		let all = history(COMPANY);
		assert_eq!(all.len(), 6);
		let page = CompanyRegistry::history_page(uscc(COMPANY), 2, 3);
		assert_eq!(page.total, 6);
		assert_eq!(page.records, all[2..5].to_vec());
		let tail = CompanyRegistry::history_page(uscc(COMPANY), 4, 10);
		assert_eq!(tail.records, all[4..].to_vec());
		assert!(CompanyRegistry::history_page(uscc(COMPANY), 6, 10).records.is_empty());
		assert!(CompanyRegistry::history_page(uscc(COMPANY), u32::MAX, u32::MAX)
			.records
			.is_empty());
		assert_eq!(CompanyRegistry::history_page(uscc(OTHER_COMPANY), 0, 10).total, 0);
		let details = CompanyRegistry::company_details(uscc(COMPANY)).expect("registered");
		assert_eq!(details.history_length, 6);
		assert!(details.standing.is_in_good_standing());
		assert_eq!(details.company, company(COMPANY));
		assert!(CompanyRegistry::company_details(uscc(OTHER_COMPANY)).is_none());
	});
}

#[test]
fn history_pages_are_capped() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		// Pretend a long history: only the length matters for the cap.
		HistoryLength::<Test>::insert(uscc(COMPANY), 1_000);
		let first = History::<Test>::get(uscc(COMPANY), 0).expect("registration entry");
		for index in 1..1_000 {
			History::<Test>::insert(uscc(COMPANY), index, first.clone());
		}
		let page = CompanyRegistry::history_page(uscc(COMPANY), 0, 1_000);
		assert_eq!(page.records.len() as u32, MAX_HISTORY_PAGE);
		assert_eq!(page.total, 1_000);
	});
}

#[test]
fn a_history_whose_numbering_is_exhausted_takes_no_more_changes() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		// Planted: 2³² entries cannot be written in a test.
		HistoryLength::<Test>::insert(uscc(COMPANY), u32::MAX);
		assert_noop!(
			update_contact(CONTROLLER, COMPANY, contact(b"1")),
			Error::<Test>::HistoryFull
		);
		// The invariant checks rightly reject the planted counter; put the true one back.
		assert!(CompanyRegistry::do_try_state().is_err());
		HistoryLength::<Test>::insert(uscc(COMPANY), 1);
	});
}
