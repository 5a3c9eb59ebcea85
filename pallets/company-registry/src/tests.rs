//! Unit tests: every call's success (state, history and event) and every error path.

use crate::{
	mock::*, Actor, Amendment, AnnualReports, Change, ChangeRecord, Companies, CompanyKind,
	CompanyOfficer, Contact, Error, Event, History, HistoryLength, OfficerRole, Particulars,
	ReportFigures, Shareholding, StatusChange, Text,
};
use codec::{Decode, Encode};
use govchain_domain_types::{
	calendar::annual_report_deadline, AbnormalReason, AgencyOfficer, CivilDate,
	CompanyRegistry as CompanyRegistryTrait, CompanyStatus, CurrencyCode, DivisionCode,
	IndustryCode, Lei, Money, PartyRef, Uscc, UsccError,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::Get, BoundedVec},
	pallet_balances,
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult},
};

// Codes computed here with the weights 3^(i-1) mod 31 of the shared domain reference §1.
// 91110105MA01ABCD0: weighted sum 1736 = 56 * 31, remainder 0, so 31 - 0 = 31 means `0`.
const COMPANY: &[u8; 18] = b"91110105MA01ABCD00";
// 91110108MA00XYW12: weighted sum 2238, remainder 6, 31 - 6 = 25 = `R`.
const OTHER_COMPANY: &[u8; 18] = b"91110108MA00XYW12R";
// Individual business (category 2): sum 2268, remainder 5, 26 = `T`.
const INDIVIDUAL_BUSINESS: &[u8; 18] = b"92110105MA02GHJK3T";
// Farmers' cooperative (category 3): sum 2565, remainder 23, 8 = `8`.
const COOPERATIVE: &[u8; 18] = b"93110112MA03LMNP48";
// Sum 2951, remainder 6: the check character is `R`; `T` is a pilot-era legacy code.
const LEGACY_COMPANY: &[u8; 18] = b"91110105MA04QRTU6T";

const STRANGER: u64 = 200;

/// 2024-07-01 00:00 China time: the 2023 reports' deadline has passed, 2024's is a year off.
const DEADLINE_2024: u64 = 1_751_299_200_000;

/// A value decoded from raw bytes, skipping the checks its constructors make.
fn raw<T: Decode>(bytes: &[u8]) -> T {
	T::decode(&mut &bytes[..]).expect("bytes decode")
}

fn text<L: Get<u32>>(value: &[u8]) -> BoundedVec<u8, L> {
	value.to_vec().try_into().expect("test text within bounds")
}

fn bounded<T, L: Get<u32>>(items: Vec<T>) -> BoundedVec<T, L> {
	items.try_into().map_err(|_| ()).expect("test list within bounds")
}

fn reason(value: &str) -> Text<<Test as crate::Config>::MaxReasonLength> {
	text(value.as_bytes())
}

fn person(byte: u8) -> PartyRef {
	PartyRef::Person(H256::repeat_byte(byte))
}

/// Valid particulars of a Beijing company established on 1 March 2024.
fn particulars(kind: CompanyKind) -> Particulars<Test> {
	Particulars {
		legal_name: text("北京链政科技有限公司".as_bytes()),
		english_name: Some(text(b"Beijing Govchain Technology Co., Ltd.")),
		kind,
		// 10 million yuan, in fen.
		registered_capital: Money { currency: CurrencyCode::CNY, amount: 1_000_000_000 },
		registered_address: text("北京市朝阳区建国路1号".as_bytes()),
		division: DivisionCode(*b"110105"),
		business_scope: text("软件开发；区块链技术服务".as_bytes()),
		industry: IndustryCode(*b"I6513"),
		established_on: CivilDate { year: 2024, month: 3, day: 1 },
		legal_representative: H256::repeat_byte(0x11),
		shareholders: bounded(vec![
			Shareholding { party: person(0x11), basis_points: 6_000 },
			Shareholding { party: PartyRef::Entity(uscc(OTHER_COMPANY)), basis_points: 4_000 },
		]),
		officers: bounded(vec![
			CompanyOfficer { role: OfficerRole::ExecutiveDirector, party: person(0x11) },
			CompanyOfficer { role: OfficerRole::Supervisor, party: person(0x31) },
		]),
	}
}

fn register_with(
	code: &[u8; 18],
	particulars: Particulars<Test>,
	controllers: Vec<u64>,
	accept_legacy_code: bool,
) -> DispatchResult {
	CompanyRegistry::register(
		RuntimeOrigin::signed(REGISTRAR),
		raw(code),
		particulars,
		bounded(controllers),
		accept_legacy_code,
		reason("Decision 2024-001"),
	)
}

/// Registers an enterprise controlled by [`CONTROLLER`].
fn register(code: &[u8; 18]) -> DispatchResult {
	register_with(code, particulars(CompanyKind::LimitedLiabilityCompany), vec![CONTROLLER], false)
}

fn company(code: &[u8; 18]) -> crate::Company<Test> {
	Companies::<Test>::get(uscc(code)).expect("company registered")
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::CompanyRegistry(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn last_event() -> Event<Test> {
	events().pop().expect("a company-registry event")
}

fn history(code: &[u8; 18]) -> Vec<ChangeRecord<Test>> {
	(0..HistoryLength::<Test>::get(uscc(code)))
		.map(|index| History::<Test>::get(uscc(code), index).expect("entry exists"))
		.collect()
}

fn last_change(code: &[u8; 18]) -> ChangeRecord<Test> {
	history(code).pop().expect("a history entry")
}

fn registrar() -> Actor<u64> {
	Actor::Officer(AgencyOfficer { agency: uscc(MARKET_REGULATOR), officer: REGISTRAR })
}

fn figures() -> ReportFigures {
	ReportFigures {
		currency: CurrencyCode::CNY,
		total_assets: 2_500_000_000,
		total_liabilities: 700_000_000,
		revenue: 1_800_000_000,
		net_profit: -35_000_000,
		tax_paid: 90_000_000,
		employees: 23,
	}
}

fn file_report(who: u64, code: &[u8; 18], year: u16) -> DispatchResult {
	CompanyRegistry::file_annual_report(
		RuntimeOrigin::signed(who),
		uscc(code),
		year,
		figures(),
		H256::repeat_byte(0xAB),
	)
}

fn change_status(code: &[u8; 18], change: StatusChange) -> DispatchResult {
	CompanyRegistry::change_status(
		RuntimeOrigin::signed(REGISTRAR),
		uscc(code),
		change,
		reason("Decision 2024-002"),
	)
}

fn restore(code: &[u8; 18]) -> DispatchResult {
	CompanyRegistry::restore(
		RuntimeOrigin::signed(REGISTRAR),
		uscc(code),
		reason("Decision 2024-003"),
	)
}

fn amend(code: &[u8; 18], amendment: Amendment<Test>) -> DispatchResult {
	CompanyRegistry::amend(
		RuntimeOrigin::signed(REGISTRAR),
		uscc(code),
		amendment,
		reason("Amendment"),
	)
}

fn set_controllers(code: &[u8; 18], controllers: Vec<u64>) -> DispatchResult {
	CompanyRegistry::set_controllers(
		RuntimeOrigin::signed(REGISTRAR),
		uscc(code),
		bounded(controllers),
		reason("Application"),
	)
}

fn contact(phone: &[u8]) -> Contact<Test> {
	Contact {
		phone: text(phone),
		email: text(b"office@example.cn"),
		website: text(b"https://example.cn"),
		postal_address: text("北京市朝阳区".as_bytes()),
	}
}

fn update_contact(who: u64, code: &[u8; 18], contact: Contact<Test>) -> DispatchResult {
	CompanyRegistry::update_contact(RuntimeOrigin::signed(who), uscc(code), contact)
}

fn abnormal_unreachable() -> StatusChange {
	StatusChange::ListAbnormal(AbnormalReason::UnreachableAtRegisteredAddress)
}

// ---- Registration ----

#[test]
fn register_stores_the_record_its_history_and_an_event() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		let record = company(COMPANY);
		assert_eq!(record.particulars, particulars(CompanyKind::LimitedLiabilityCompany));
		assert_eq!(record.status, CompanyStatus::Active);
		assert!(!record.legacy_code);
		assert_eq!(
			record.registered_by,
			AgencyOfficer { agency: uscc(MARKET_REGULATOR), officer: REGISTRAR }
		);
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
					legacy_code: false,
				},
				reason: reason("Decision 2024-001"),
			}]
		);
		assert_eq!(
			last_event(),
			Event::CompanyRegistered {
				uscc: uscc(COMPANY),
				agency: uscc(MARKET_REGULATOR),
				legacy_code: false,
				entry: 0,
			}
		);
		assert!(<CompanyRegistry as CompanyRegistryTrait<u64>>::is_active(&uscc(COMPANY)));
	});
}

#[test]
fn each_legal_form_needs_its_code_category() {
	new_test_ext().execute_with(|| {
		let individual = particulars(CompanyKind::IndividualBusiness);
		let cooperative = particulars(CompanyKind::FarmersCooperative);
		assert_noop!(
			register_with(INDIVIDUAL_BUSINESS, cooperative.clone(), vec![], false),
			Error::<Test>::KindDoesNotMatchCode
		);
		assert_noop!(
			register_with(COMPANY, individual.clone(), vec![], false),
			Error::<Test>::KindDoesNotMatchCode
		);
		assert_ok!(register_with(INDIVIDUAL_BUSINESS, individual, vec![], false));
		assert_ok!(register_with(COOPERATIVE, cooperative, vec![], false));
		assert_eq!(company(COOPERATIVE).particulars.kind, CompanyKind::FarmersCooperative);
	});
}

#[test]
fn codes_failing_the_uscc_rules_are_refused_with_a_clear_error() {
	new_test_ext().execute_with(|| {
		let refused = |code: &[u8; 18], error: Error<Test>| {
			assert_noop!(register(code), error);
		};
		// Wrong check character: `1` instead of `0`.
		refused(b"91110105MA01ABCD01", Error::<Test>::CodeCheckCharacterMismatch);
		// The forbidden letters I, O, S, V, Z, anywhere.
		for code in [
			b"91110105MA01IBCD00",
			b"91110105MO01ABCD00",
			b"91110105MA01ABCS00",
			b"91110105MA01ABCD0V",
			b"91110105ZA01ABCD00",
		] {
			refused(code, Error::<Test>::CodeHasInvalidCharacter);
		}
		// Lower case.
		refused(b"91110105ma01abcd00", Error::<Test>::CodeHasInvalidCharacter);
		// Authority 9 has categories 1-3 only; `4` is no authority at all.
		refused(b"94110105MA01ABCD00", Error::<Test>::CodeHasUnknownAuthorityOrCategory);
		refused(b"41110105MA01ABCD00", Error::<Test>::CodeHasUnknownAuthorityOrCategory);
		// Positions 3-8 must be digits.
		refused(b"9111A105MA01ABCD00", Error::<Test>::CodeHasInvalidDivision);
		// A valid code of a government agency is not a market entity's.
		refused(MARKET_REGULATOR, Error::<Test>::NotAMarketEntityCode);
	});
}

#[test]
fn codes_of_the_wrong_length_cannot_reach_the_chain() {
	// Calls carry exactly 18 bytes; shorter input does not decode and parsing refuses both.
	assert!(Uscc::decode(&mut &b"91110105MA01ABCD0"[..]).is_err());
	assert_eq!(Uscc::parse(b"91110105MA01ABCD0"), Err(UsccError::WrongLength));
	assert_eq!(Uscc::parse(b"91110105MA01ABCD000"), Err(UsccError::WrongLength));
	assert_eq!(Uscc::parse(b""), Err(UsccError::WrongLength));
	assert!(Uscc::parse(COMPANY).is_ok());
}

#[test]
fn legacy_codes_need_the_override_which_is_recorded() {
	new_test_ext().execute_with(|| {
		let kind = CompanyKind::LimitedLiabilityCompany;
		assert_noop!(
			register_with(LEGACY_COMPANY, particulars(kind), vec![], false),
			Error::<Test>::CodeCheckCharacterMismatch
		);
		assert_ok!(register_with(LEGACY_COMPANY, particulars(kind), vec![], true));
		assert!(company(LEGACY_COMPANY).legacy_code);
		assert_eq!(
			last_event(),
			Event::CompanyRegistered {
				uscc: uscc(LEGACY_COMPANY),
				agency: uscc(MARKET_REGULATOR),
				legacy_code: true,
				entry: 0,
			}
		);
		assert!(matches!(
			last_change(LEGACY_COMPANY).change,
			Change::Registered { legacy_code: true, .. }
		));
		// The override does not mark a code that passes the check.
		assert_ok!(register_with(COMPANY, particulars(kind), vec![], true));
		assert!(!company(COMPANY).legacy_code);
		// It does not excuse any other fault.
		assert_noop!(
			register_with(b"91110105MA01IBCD00", particulars(kind), vec![], true),
			Error::<Test>::CodeHasInvalidCharacter
		);
	});
}

#[test]
fn a_code_is_registered_once() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(register(COMPANY), Error::<Test>::AlreadyRegistered);
	});
}

#[test]
fn revoked_and_deregistered_codes_stay_and_cannot_be_reused() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(change_status(COMPANY, StatusChange::Deregister));
		assert_noop!(register(COMPANY), Error::<Test>::AlreadyRegistered);
		assert_eq!(company(COMPANY).status, CompanyStatus::Deregistered { since: START });
		assert_ok!(register(OTHER_COMPANY));
		assert_ok!(change_status(OTHER_COMPANY, StatusChange::Revoke));
		assert_noop!(register(OTHER_COMPANY), Error::<Test>::AlreadyRegistered);
	});
}

#[test]
fn the_clock_of_the_chain_runs_in_china_time_for_establishment_dates() {
	new_test_ext().execute_with(|| {
		let mut tomorrow = particulars(CompanyKind::LimitedLiabilityCompany);
		tomorrow.established_on = CivilDate { year: 2024, month: 3, day: 16 };
		assert_noop!(
			register_with(COMPANY, tomorrow.clone(), vec![], false),
			Error::<Test>::EstablishedInFuture
		);
		// START is 15 March 00:00 in Beijing: 16 March begins a day later.
		set_time(START + 86_400_000 - 1);
		assert_noop!(
			register_with(COMPANY, tomorrow.clone(), vec![], false),
			Error::<Test>::EstablishedInFuture
		);
		set_time(START + 86_400_000);
		assert_ok!(register_with(COMPANY, tomorrow, vec![], false));
	});
}

#[test]
fn companies_older_than_the_chain_report_from_the_year_they_join_it() {
	new_test_ext().execute_with(|| {
		let mut old = particulars(CompanyKind::LimitedLiabilityCompany);
		old.established_on = CivilDate { year: 2005, month: 6, day: 1 };
		assert_ok!(register_with(COMPANY, old, vec![CONTROLLER], false));
		// Reports up to 2023 were filed in the paper register.
		assert_eq!(company(COMPANY).next_report_year, 2024);
		assert_eq!(CompanyRegistry::status_now(&uscc(COMPANY)), Some(CompanyStatus::Active));
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
		(
			"unknown currency",
			with(&|p| p.registered_capital.currency = raw(b"XXX")),
			Error::UnknownCurrency,
		),
		("empty address", with(&|p| p.registered_address = text(b"")), Error::EmptyAddress),
		("address not UTF-8", with(&|p| p.registered_address = text(&[0xC0])), Error::NotUtf8),
		(
			"bad division",
			with(&|p| p.division = DivisionCode(*b"990105")),
			Error::InvalidDivisionCode,
		),
		("empty scope", with(&|p| p.business_scope = text(b"")), Error::EmptyBusinessScope),
		("scope not UTF-8", with(&|p| p.business_scope = text(&[0x80])), Error::NotUtf8),
		(
			"bad industry",
			with(&|p| p.industry = IndustryCode(*b"J6513")),
			Error::InvalidIndustryCode,
		),
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
		("zero share", with(&|p| p.shareholders[1].basis_points = 0), Error::ZeroShare),
		(
			"shares over 100 %",
			with(&|p| p.shareholders[1].basis_points = 4_001),
			Error::SharesExceedWhole,
		),
		(
			"shareholder twice",
			with(&|p| p.shareholders[1].party = p.shareholders[0].party),
			Error::DuplicateShareholder,
		),
		(
			"shareholder with a malformed USCC",
			with(&|p| p.shareholders[1].party = PartyRef::Entity(raw(b"91110105MA01IBCD00"))),
			Error::InvalidPartyReference,
		),
		(
			"shareholder with a bad LEI",
			with(&|p| {
				p.shareholders[1].party = PartyRef::ForeignEntity(Lei(*b"529900T8BM49AURSDO56"))
			}),
			Error::InvalidPartyReference,
		),
		(
			"shareholder with no hash",
			with(&|p| p.shareholders[1].party = PartyRef::Person(H256::zero())),
			Error::InvalidPartyReference,
		),
		(
			"officer with no hash",
			with(&|p| p.officers[1].party = PartyRef::Person(H256::zero())),
			Error::InvalidPartyReference,
		),
		("same officer twice", with(&|p| p.officers[1] = p.officers[0]), Error::DuplicateOfficer),
	]
}

#[test]
fn faulty_particulars_are_refused() {
	new_test_ext().execute_with(|| {
		for (case, faulty, error) in faulty_particulars() {
			assert_eq!(register_with(COMPANY, faulty, vec![], false), Err(error.into()), "{case}");
		}
		// And nothing was written (assert_noop for each case, checked on the whole storage).
		for (_, faulty, error) in faulty_particulars() {
			assert_noop!(register_with(COMPANY, faulty, vec![], false), error);
		}
	});
}

#[test]
fn shares_may_add_up_to_exactly_100_percent_and_foreign_parties_use_leis() {
	new_test_ext().execute_with(|| {
		let mut whole = particulars(CompanyKind::JointStockCompany);
		whole.shareholders = bounded(vec![
			Shareholding { party: person(0x11), basis_points: 2_500 },
			Shareholding {
				party: PartyRef::ForeignEntity(Lei(*b"529900T8BM49AURSDO55")),
				basis_points: 7_500,
			},
		]);
		assert_ok!(register_with(COMPANY, whole, vec![], false));
	});
}

#[test]
fn controllers_may_not_repeat() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			register_with(
				COMPANY,
				particulars(CompanyKind::LimitedLiabilityCompany),
				vec![CONTROLLER, CONTROLLER],
				false
			),
			Error::<Test>::DuplicateController
		);
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

/// Every officer call made with `origin` fails with `BadOrigin` and changes nothing.
fn assert_officer_calls_refused(origin: RuntimeOrigin) {
	let kind = CompanyKind::LimitedLiabilityCompany;
	assert_noop!(
		CompanyRegistry::register(
			origin.clone(),
			uscc(OTHER_COMPANY),
			particulars(kind),
			bounded(vec![]),
			false,
			reason("x")
		),
		DispatchError::BadOrigin
	);
	assert_noop!(
		CompanyRegistry::amend(origin.clone(), uscc(COMPANY), Amendment::Kind(kind), reason("x")),
		DispatchError::BadOrigin
	);
	assert_noop!(
		CompanyRegistry::change_status(
			origin.clone(),
			uscc(COMPANY),
			StatusChange::Revoke,
			reason("x")
		),
		DispatchError::BadOrigin
	);
	assert_noop!(
		CompanyRegistry::restore(origin.clone(), uscc(COMPANY), reason("x")),
		DispatchError::BadOrigin
	);
	assert_noop!(
		CompanyRegistry::set_controllers(
			origin,
			uscc(COMPANY),
			bounded(vec![STRANGER]),
			reason("x")
		),
		DispatchError::BadOrigin
	);
}

#[test]
fn a_suspended_market_regulator_can_do_nothing() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(change_status(COMPANY, abnormal_unreachable()));
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(MARKET_REGULATOR)));
		assert_officer_calls_refused(RuntimeOrigin::signed(REGISTRAR));
		assert_officer_calls_refused(RuntimeOrigin::signed(1));
		// Reinstated, its officers act again.
		assert_ok!(Agencies::reinstate_agency(RuntimeOrigin::root(), uscc(MARKET_REGULATOR)));
		assert_ok!(restore(COMPANY));
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
fn each_amendment_replaces_its_part_and_is_recorded() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		let new_shareholders =
			bounded(vec![Shareholding { party: person(0x41), basis_points: 10_000 }]);
		let new_officers =
			bounded(vec![CompanyOfficer { role: OfficerRole::Chairperson, party: person(0x41) }]);
		let amendments: Vec<(Amendment<Test>, &dyn Fn(&Particulars<Test>) -> bool)> = vec![
			(
				Amendment::Name {
					legal_name: text("北京新名称有限公司".as_bytes()),
					english_name: None,
				},
				&|p| {
					p.legal_name.to_vec() == "北京新名称有限公司".as_bytes()
						&& p.english_name.is_none()
				},
			),
			(Amendment::Kind(CompanyKind::JointStockCompany), &|p| {
				p.kind == CompanyKind::JointStockCompany
			}),
			(
				Amendment::RegisteredCapital(Money { currency: CurrencyCode::CNY, amount: 5 }),
				&|p| p.registered_capital.amount == 5,
			),
			(
				Amendment::RegisteredAddress {
					address: text("北京市海淀区".as_bytes()),
					division: DivisionCode(*b"110108"),
				},
				&|p| p.division == DivisionCode(*b"110108"),
			),
			(Amendment::BusinessScope(text("技术咨询".as_bytes())), &|p| {
				p.business_scope.to_vec() == "技术咨询".as_bytes()
			}),
			(Amendment::Industry(IndustryCode(*b"M7511")), &|p| {
				p.industry == IndustryCode(*b"M7511")
			}),
			(Amendment::LegalRepresentative(H256::repeat_byte(0x41)), &|p| {
				p.legal_representative == H256::repeat_byte(0x41)
			}),
			(Amendment::Shareholders(new_shareholders.clone()), &|p| p.shareholders.len() == 1),
			(Amendment::Officers(new_officers.clone()), &|p| {
				p.officers[0].role == OfficerRole::Chairperson
			}),
		];
		for (index, (amendment, applied)) in amendments.into_iter().enumerate() {
			let entry = index as u32 + 1;
			assert_ok!(amend(COMPANY, amendment.clone()));
			assert!(applied(&company(COMPANY).particulars), "amendment {entry}");
			assert_eq!(last_event(), Event::ParticularsAmended { uscc: uscc(COMPANY), entry });
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
				Amendment::Shareholders(bounded(vec![
					Shareholding { party: person(1), basis_points: 9_000 },
					Shareholding { party: person(2), basis_points: 1_001 },
				]))
			),
			Error::<Test>::SharesExceedWhole
		);
		assert_noop!(
			amend(COMPANY, Amendment::Industry(IndustryCode(*b"Z0000"))),
			Error::<Test>::InvalidIndustryCode
		);
		assert_noop!(
			amend(OTHER_COMPANY, Amendment::Kind(CompanyKind::JointStockCompany)),
			Error::<Test>::UnknownCompany
		);
		assert_ok!(change_status(COMPANY, StatusChange::Revoke));
		assert_noop!(
			amend(COMPANY, Amendment::Kind(CompanyKind::JointStockCompany)),
			Error::<Test>::CompanyClosed
		);
	});
}

// ---- Status ----

#[test]
fn listing_as_abnormal_records_reason_and_time() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(START + 1_000);
		assert_ok!(change_status(COMPANY, abnormal_unreachable()));
		let listed = CompanyStatus::Abnormal {
			reason: AbnormalReason::UnreachableAtRegisteredAddress,
			since: START + 1_000,
		};
		assert_eq!(company(COMPANY).status, listed);
		assert!(!<CompanyRegistry as CompanyRegistryTrait<u64>>::is_active(&uscc(COMPANY)));
		assert_eq!(
			last_event(),
			Event::StatusChanged {
				uscc: uscc(COMPANY),
				from: CompanyStatus::Active,
				to: listed,
				entry: 1
			}
		);
		let change = last_change(COMPANY);
		assert_eq!(
			change.change,
			Change::StatusChanged { from: CompanyStatus::Active, to: listed }
		);
		assert_eq!(change.at, START + 1_000);
		assert_eq!(change.reason, reason("Decision 2024-002"));
		assert_noop!(
			change_status(COMPANY, abnormal_unreachable()),
			Error::<Test>::AlreadyAbnormal
		);
	});
}

#[test]
fn overdue_reports_are_listed_by_the_rule_not_by_officers() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(
			change_status(
				COMPANY,
				StatusChange::ListAbnormal(AbnormalReason::AnnualReportOverdue { year: 2023 })
			),
			Error::<Test>::OverdueListingIsAutomatic
		);
	});
}

#[test]
fn revocation_and_deregistration_follow_the_lifecycle() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(change_status(COMPANY, abnormal_unreachable()));
		let abnormal = company(COMPANY).status;
		assert_ok!(change_status(COMPANY, StatusChange::Revoke));
		let revoked = CompanyStatus::Revoked { since: START };
		assert_eq!(company(COMPANY).status, revoked);
		assert_eq!(
			last_event(),
			Event::StatusChanged { uscc: uscc(COMPANY), from: abnormal, to: revoked, entry: 2 }
		);
		assert_noop!(change_status(COMPANY, StatusChange::Revoke), Error::<Test>::CompanyClosed);
		assert_noop!(change_status(COMPANY, abnormal_unreachable()), Error::<Test>::CompanyClosed);
		assert_noop!(restore(COMPANY), Error::<Test>::NotAbnormal);
		// A revoked company is deregistered after liquidation.
		assert_ok!(change_status(COMPANY, StatusChange::Deregister));
		let deregistered = CompanyStatus::Deregistered { since: START };
		assert_eq!(company(COMPANY).status, deregistered);
		assert_eq!(
			last_event(),
			Event::StatusChanged { uscc: uscc(COMPANY), from: revoked, to: deregistered, entry: 3 }
		);
		assert_noop!(
			change_status(COMPANY, StatusChange::Deregister),
			Error::<Test>::CompanyClosed
		);
		assert_noop!(change_status(COMPANY, StatusChange::Revoke), Error::<Test>::CompanyClosed);
		assert_noop!(
			change_status(OTHER_COMPANY, StatusChange::Revoke),
			Error::<Test>::UnknownCompany
		);
	});
}

#[test]
fn restoring_takes_a_company_off_the_abnormal_list() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(restore(COMPANY), Error::<Test>::NotAbnormal);
		assert_ok!(change_status(COMPANY, abnormal_unreachable()));
		let abnormal = company(COMPANY).status;
		assert_ok!(restore(COMPANY));
		assert_eq!(company(COMPANY).status, CompanyStatus::Active);
		assert_eq!(
			last_event(),
			Event::StatusChanged {
				uscc: uscc(COMPANY),
				from: abnormal,
				to: CompanyStatus::Active,
				entry: 2
			}
		);
		assert_eq!(
			last_change(COMPANY).change,
			Change::StatusChanged { from: abnormal, to: CompanyStatus::Active }
		);
		assert_noop!(restore(OTHER_COMPANY), Error::<Test>::UnknownCompany);
	});
}

// ---- Controllers, contact data ----

#[test]
fn officers_replace_controllers_and_old_ones_lose_their_rights() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_ok!(set_controllers(COMPANY, vec![OTHER_CONTROLLER, STRANGER]));
		assert_eq!(company(COMPANY).controllers.to_vec(), vec![OTHER_CONTROLLER, STRANGER]);
		assert_eq!(last_event(), Event::ControllersSet { uscc: uscc(COMPANY), entry: 1 });
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
		assert_ok!(change_status(COMPANY, StatusChange::Deregister));
		assert_noop!(set_controllers(COMPANY, vec![CONTROLLER]), Error::<Test>::CompanyClosed);
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
		assert_ok!(change_status(COMPANY, StatusChange::Revoke));
		assert!(!<CompanyRegistry as CompanyRegistryTrait<u64>>::is_controller(
			&uscc(COMPANY),
			&CONTROLLER
		));
		assert_noop!(
			update_contact(CONTROLLER, COMPANY, contact(b"1")),
			Error::<Test>::CompanyClosed
		);
		assert_noop!(file_report(CONTROLLER, COMPANY, 2024), Error::<Test>::CompanyClosed);
		assert_eq!(
			<CompanyRegistry as CompanyRegistryTrait<u64>>::status(&uscc(OTHER_COMPANY)),
			None
		);
		assert!(!<CompanyRegistry as CompanyRegistryTrait<u64>>::is_active(&uscc(OTHER_COMPANY)));
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
		set_time(1_735_660_800_000);
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
		set_time(1_735_660_800_000);
		assert_noop!(file_report(CONTROLLER, COMPANY, 2024), Error::<Test>::StorageFeeUnpaid);

		// Exactly the fee is not enough: the account must stay alive after paying it.
		let record = ChangeRecord::<Test> {
			at: 1_735_660_800_000,
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
fn invariant_checks_catch_a_history_or_reports_out_of_step() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(1_735_660_800_000);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		assert_ok!(CompanyRegistry::do_try_state());
		// A history counter that does not match its entries.
		HistoryLength::<Test>::insert(uscc(COMPANY), 5);
		assert!(CompanyRegistry::do_try_state().is_err());
		HistoryLength::<Test>::insert(uscc(COMPANY), 2);
		// A next report year that does not follow the last report.
		Companies::<Test>::mutate(uscc(COMPANY), |company| {
			company.as_mut().expect("registered").next_report_year = 2027
		});
		assert!(CompanyRegistry::do_try_state().is_err());
		Companies::<Test>::mutate(uscc(COMPANY), |company| {
			company.as_mut().expect("registered").next_report_year = 2025
		});
		assert_ok!(CompanyRegistry::do_try_state());
	});
}

// ---- Annual reports ----

#[test]
fn controllers_file_annual_reports_in_year_order() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_noop!(file_report(CONTROLLER, COMPANY, 2024), Error::<Test>::ReportYearNotEnded);
		// 2025-01-01 00:00 China time: 2024 has ended.
		set_time(1_735_660_800_000);
		assert_noop!(file_report(STRANGER, COMPANY, 2024), Error::<Test>::NotController);
		assert_noop!(file_report(CONTROLLER, COMPANY, 2023), Error::<Test>::ReportPredatesRegistry);
		assert_noop!(file_report(CONTROLLER, COMPANY, 2025), Error::<Test>::EarlierReportMissing);
		assert_noop!(file_report(CONTROLLER, OTHER_COMPANY, 2024), Error::<Test>::UnknownCompany);
		assert_noop!(
			CompanyRegistry::file_annual_report(
				RuntimeOrigin::signed(CONTROLLER),
				uscc(COMPANY),
				2024,
				ReportFigures { currency: raw(b"XTS"), ..figures() },
				H256::repeat_byte(0xAB),
			),
			Error::<Test>::UnknownCurrency
		);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		let report = AnnualReports::<Test>::get(uscc(COMPANY), 2024).expect("filed");
		assert_eq!(report.figures, figures());
		assert_eq!(report.document_hash, H256::repeat_byte(0xAB));
		assert_eq!(report.filed_by, CONTROLLER);
		assert_eq!(report.filed_at, 1_735_660_800_000);
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
fn the_annual_report_deadline_on_both_sides_of_the_boundary() {
	// One millisecond before 2025-07-01 00:00 China time, 2024's report is on time.
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		assert_eq!(annual_report_deadline(2024), DEADLINE_2024);
		set_time(DEADLINE_2024 - 1);
		assert_eq!(CompanyRegistry::status_now(&uscc(COMPANY)), Some(CompanyStatus::Active));
		assert_noop!(
			CompanyRegistry::mark_overdue(RuntimeOrigin::signed(STRANGER), uscc(COMPANY)),
			Error::<Test>::NotOverdue
		);
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		assert!(!AnnualReports::<Test>::get(uscc(COMPANY), 2024).expect("filed").late);
		assert_eq!(company(COMPANY).status, CompanyStatus::Active);
	});
	// At the deadline itself, the unfiled company is abnormal at once, before anyone acts.
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(DEADLINE_2024);
		let overdue = CompanyStatus::Abnormal {
			reason: AbnormalReason::AnnualReportOverdue { year: 2024 },
			since: DEADLINE_2024,
		};
		assert_eq!(
			<CompanyRegistry as CompanyRegistryTrait<u64>>::status(&uscc(COMPANY)),
			Some(overdue)
		);
		assert!(!<CompanyRegistry as CompanyRegistryTrait<u64>>::is_active(&uscc(COMPANY)));
		assert_eq!(company(COMPANY).status, CompanyStatus::Active);
		// Anyone records it; the listing dates from the deadline.
		set_time(DEADLINE_2024 + 5_000);
		assert_ok!(CompanyRegistry::mark_overdue(RuntimeOrigin::signed(STRANGER), uscc(COMPANY)));
		assert_eq!(company(COMPANY).status, overdue);
		assert_eq!(
			last_event(),
			Event::StatusChanged {
				uscc: uscc(COMPANY),
				from: CompanyStatus::Active,
				to: overdue,
				entry: 1
			}
		);
		let change = last_change(COMPANY);
		assert_eq!(change.actor, Actor::AnnualReportRule { applied_by: STRANGER });
		assert_eq!(change.at, DEADLINE_2024 + 5_000);
		assert_noop!(
			CompanyRegistry::mark_overdue(RuntimeOrigin::signed(STRANGER), uscc(COMPANY)),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn mark_overdue_needs_a_signed_caller_and_a_known_company() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			CompanyRegistry::mark_overdue(RuntimeOrigin::signed(STRANGER), uscc(COMPANY)),
			Error::<Test>::UnknownCompany
		);
		assert_ok!(register(COMPANY));
		set_time(DEADLINE_2024);
		assert_noop!(
			CompanyRegistry::mark_overdue(RuntimeOrigin::none(), uscc(COMPANY)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_late_report_records_the_listing_first_and_the_regulator_restores() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(DEADLINE_2024 + 1);
		assert_noop!(restore(COMPANY), Error::<Test>::AnnualReportOverdue);
		System::reset_events();
		assert_ok!(file_report(CONTROLLER, COMPANY, 2024));
		let overdue = CompanyStatus::Abnormal {
			reason: AbnormalReason::AnnualReportOverdue { year: 2024 },
			since: DEADLINE_2024,
		};
		assert_eq!(
			events(),
			vec![
				Event::StatusChanged {
					uscc: uscc(COMPANY),
					from: CompanyStatus::Active,
					to: overdue,
					entry: 1
				},
				Event::AnnualReportFiled { uscc: uscc(COMPANY), year: 2024, late: true, entry: 2 },
			]
		);
		assert!(AnnualReports::<Test>::get(uscc(COMPANY), 2024).expect("filed").late);
		// Filing does not end the listing; the regulator does, now that nothing is overdue.
		assert_eq!(company(COMPANY).status, overdue);
		assert_ok!(restore(COMPANY));
		assert_eq!(CompanyRegistry::status_now(&uscc(COMPANY)), Some(CompanyStatus::Active));
	});
}

#[test]
fn officer_orders_on_an_overdue_company_record_the_listing_first() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(COMPANY));
		set_time(DEADLINE_2024);
		assert_noop!(
			change_status(COMPANY, abnormal_unreachable()),
			Error::<Test>::AlreadyAbnormal
		);
		assert_ok!(change_status(COMPANY, StatusChange::Revoke));
		let changes: Vec<_> = history(COMPANY).into_iter().map(|record| record.change).collect();
		let overdue = CompanyStatus::Abnormal {
			reason: AbnormalReason::AnnualReportOverdue { year: 2024 },
			since: DEADLINE_2024,
		};
		assert_eq!(
			changes[1..],
			[
				Change::StatusChanged { from: CompanyStatus::Active, to: overdue },
				Change::StatusChanged {
					from: overdue,
					to: CompanyStatus::Revoked { since: DEADLINE_2024 }
				},
			]
		);
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
		assert_ok!(change_status(COMPANY, abnormal_unreachable()));
		assert_ok!(amend(COMPANY, Amendment::Industry(IndustryCode(*b"M7511"))));
		let mut rebuilt = None;
		for record in history(COMPANY) {
			rebuilt = Some(match (rebuilt, record.change) {
				(None, Change::Registered { particulars, controllers, .. }) => {
					(particulars, controllers, CompanyStatus::Active, Contact::default())
				},
				(
					Some((mut particulars, controllers, status, contact)),
					Change::Amended(amendment),
				) => {
					CompanyRegistry::apply_amendment(&mut particulars, amendment);
					(particulars, controllers, status, contact)
				},
				(Some((particulars, _, status, contact)), Change::ControllersSet(controllers)) => {
					(particulars, controllers, status, contact)
				},
				(
					Some((particulars, controllers, _, contact)),
					Change::StatusChanged { to, .. },
				) => (particulars, controllers, to, contact),
				(Some((particulars, controllers, status, _)), Change::ContactUpdated(contact)) => {
					(particulars, controllers, status, contact)
				},
				(state, change) => panic!("unexpected {change:?} after {state:?}"),
			});
		}
		let (particulars, controllers, status, contact) = rebuilt.expect("history not empty");
		let record = company(COMPANY);
		assert_eq!(particulars, record.particulars);
		assert_eq!(controllers, record.controllers);
		assert_eq!(status, record.status);
		assert_eq!(contact, record.contact);
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
		assert_eq!(details.status_now, CompanyStatus::Active);
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
		assert_eq!(page.records.len() as u32, crate::MAX_HISTORY_PAGE);
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
