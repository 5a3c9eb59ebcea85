//! Unit tests: filing and its checks, amendment chains, deadlines on both sides, auditors'
//! accreditation and attestation, the regulator's annotations and flags, and reading.

use crate::{
	mock::*,
	testing::{balanced, content_with, document, fact, sample_filing},
	*,
};
use govchain_domain_types::testing::{bounded, text};
use govchain_domain_types::{
	fixtures::companies::{
		CHAOYANG_ENTERPRISE as COMPANY, HAIDIAN_ENTERPRISE as AUDIT_FIRM,
		INDIVIDUAL_BUSINESS as UNREGISTERED, MUNICIPAL_ENTERPRISE as SECOND_AUDIT_FIRM,
		SHANGHAI_ENTERPRISE as THIRD_AUDIT_FIRM,
	},
	CivilDate, CompanyStatus, Uscc,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::Get},
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult},
};

/// Controls [`COMPANY`].
const CONTROLLER: u64 = 10;
/// Controls [`AUDIT_FIRM`].
const AUDITOR: u64 = 20;
/// Controls [`SECOND_AUDIT_FIRM`].
const SECOND_AUDITOR: u64 = 30;
/// Controls [`THIRD_AUDIT_FIRM`].
const THIRD_AUDITOR: u64 = 40;
const STRANGER: u64 = 99;
const DAY: u64 = 86_400_000;

/// Fiscal year 2025: ended 2026-01-01 00:00 China time, before the tests' start.
const FY2025: Period = Period::FiscalYear(2025);

fn content() -> FilingContent<Test> {
	sample_filing()
}

fn company() -> Uscc {
	uscc(COMPANY)
}

fn id(period: Period, version: Version) -> FilingId {
	FilingId { company: company(), period, version }
}

fn file_as(who: u64, period: Period, content: FilingContent<Test>) -> DispatchResult {
	Disclosures::file(RuntimeOrigin::signed(who), company(), period, content)
}

fn file(period: Period) -> DispatchResult {
	file_as(CONTROLLER, period, content())
}

fn amend(period: Period, amends: Version, byte: u8, reason: &str) -> DispatchResult {
	Disclosures::amend(
		RuntimeOrigin::signed(CONTROLLER),
		company(),
		period,
		amends,
		content_with(balanced(), byte),
		text(reason),
	)
}

fn officer() -> RuntimeOrigin {
	RuntimeOrigin::signed(OFFICER)
}

fn regulator() -> govchain_domain_types::AgencyOfficer<u64> {
	govchain_domain_types::AgencyOfficer { agency: uscc(SECURITIES_REGULATOR), officer: OFFICER }
}

fn accredit(firm: &[u8; 18]) {
	assert_ok!(Disclosures::accredit_auditor(officer(), uscc(firm)));
}

fn attest_as(who: u64, firm: &[u8; 18], filing: FilingId, byte: u8) -> DispatchResult {
	Disclosures::attest(
		RuntimeOrigin::signed(who),
		uscc(firm),
		filing,
		document(byte),
		Opinion::Unqualified,
	)
}

/// The company, three audit firms and nothing filed.
fn with_companies(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		TestRegistry::add(COMPANY, &[CONTROLLER]);
		TestRegistry::add(AUDIT_FIRM, &[AUDITOR]);
		TestRegistry::add(SECOND_AUDIT_FIRM, &[SECOND_AUDITOR]);
		TestRegistry::add(THIRD_AUDIT_FIRM, &[THIRD_AUDITOR]);
		test()
	})
}

#[test]
fn a_controller_files_the_original_stamped_with_chain_time() {
	with_companies(|| {
		assert_ok!(file(FY2025));
		let filing = Filings::<Test>::get((company(), FY2025, 1)).expect("stored");
		assert_eq!(filing.content, content());
		assert_eq!(filing.filed_by, CONTROLLER);
		assert_eq!(filing.filed_at, START);
		assert_eq!((filing.deadline, filing.late, filing.amends), (None, false, None));
		assert!(filing.reason.is_empty());
		assert_eq!(LatestVersion::<Test>::get(company(), FY2025), Some(1));
		System::assert_last_event(Event::Filed { filing: id(FY2025, 1), late: false }.into());
	});
}

#[test]
fn every_kind_of_period_can_be_filed_once_it_has_ended() {
	with_companies(|| {
		let today = CivilDate { year: 2026, month: 11, day: 27 };
		for period in [
			Period::HalfYear { year: 2026, half: 1 },
			Period::Quarter { year: 2026, quarter: 3 },
			Period::Event { date: today, sequence: 0 },
			Period::Event { date: today, sequence: 1 },
		] {
			assert_ok!(file(period));
			assert_eq!(LatestVersion::<Test>::get(company(), period), Some(1));
		}
	});
}

#[test]
fn only_a_controller_of_an_active_company_in_good_standing_files() {
	with_companies(|| {
		assert_noop!(
			Disclosures::file(RuntimeOrigin::none(), company(), FY2025, content()),
			DispatchError::BadOrigin
		);
		assert_noop!(file_as(STRANGER, FY2025, content()), Error::<Test>::NotController);
		assert_noop!(
			Disclosures::file(
				RuntimeOrigin::signed(CONTROLLER),
				uscc(UNREGISTERED),
				FY2025,
				content()
			),
			Error::<Test>::UnknownCompany
		);
		TestRegistry::set_standing(COMPANY, |standing| standing.abnormal_listings = 1);
		assert_noop!(file(FY2025), Error::<Test>::CompanyListedAbnormal);
		TestRegistry::set_standing(COMPANY, |standing| {
			standing.abnormal_listings = 0;
			standing.serious_violation_since = Some(START);
		});
		assert_noop!(file(FY2025), Error::<Test>::CompanyListedAbnormal);
		TestRegistry::set_standing(COMPANY, |standing| standing.serious_violation_since = None);
		for status in [
			CompanyStatus::Suspended { since: START, until: START + DAY },
			CompanyStatus::Liquidating { since: START },
			CompanyStatus::Revoked { since: START },
			CompanyStatus::Cancelled { since: START },
			CompanyStatus::Deregistered { since: START },
		] {
			TestRegistry::set_standing(COMPANY, |standing| standing.status = status);
			assert_noop!(file(FY2025), Error::<Test>::CompanyNotActive);
		}
	});
}

#[test]
fn a_period_must_exist_and_have_ended_and_be_filed_once() {
	with_companies(|| {
		for period in [
			Period::FiscalYear(1948),
			Period::HalfYear { year: 2025, half: 0 },
			Period::HalfYear { year: 2025, half: 3 },
			Period::Quarter { year: 2025, quarter: 0 },
			Period::Quarter { year: 2025, quarter: 5 },
			Period::Event { date: CivilDate { year: 2026, month: 2, day: 29 }, sequence: 0 },
		] {
			assert_noop!(file(period), Error::<Test>::InvalidPeriod);
		}
		let tomorrow = CivilDate { year: 2026, month: 11, day: 28 };
		for period in [
			Period::FiscalYear(2026),
			Period::HalfYear { year: 2026, half: 2 },
			Period::Quarter { year: 2026, quarter: 4 },
			Period::Event { date: tomorrow, sequence: 0 },
		] {
			assert_noop!(file(period), Error::<Test>::PeriodNotEnded);
		}
		assert_ok!(file(FY2025));
		assert_noop!(file(FY2025), Error::<Test>::AlreadyFiled);
	});
}

#[test]
fn a_quarter_can_be_filed_from_the_first_moment_after_it_ends_in_china_time() {
	with_companies(|| {
		let q4 = Period::Quarter { year: 2026, quarter: 4 };
		// 2027-01-01 00:00 China time is 2026-12-31 16:00 UTC.
		assert_eq!(q4.end(), 1_798_732_800_000);
		set_time(q4.end() - 1);
		assert_noop!(file(q4), Error::<Test>::PeriodNotEnded);
		set_time(q4.end());
		assert_ok!(file(q4));
	});
}

#[test]
fn revenue_assets_and_liabilities_are_never_negative() {
	with_companies(|| {
		for change in [
			|f: &mut KeyFigures| f.revenue = Some(-1),
			|f: &mut KeyFigures| {
				f.total_assets = Some(-1);
				f.equity = Some(-400_000_001);
			},
			|f: &mut KeyFigures| {
				f.total_liabilities = Some(-1);
				f.equity = Some(900_000_001);
			},
		] {
			let mut figures = balanced();
			change(&mut figures);
			assert_noop!(
				file_as(CONTROLLER, FY2025, content_with(figures, 1)),
				Error::<Test>::NegativeFigure
			);
		}
		// A loss and negative equity are facts of life.
		let insolvent = KeyFigures {
			revenue: Some(0),
			net_profit: Some(-300_000_000),
			total_assets: Some(100_000_000),
			total_liabilities: Some(400_000_000),
			equity: Some(-300_000_000),
		};
		assert_ok!(file_as(CONTROLLER, FY2025, content_with(insolvent, 1)));
	});
}

#[test]
fn equity_must_equal_assets_minus_liabilities_when_all_three_are_given() {
	with_companies(|| {
		let mut off_by_one = balanced();
		off_by_one.equity = Some(500_000_001);
		assert_noop!(
			file_as(CONTROLLER, FY2025, content_with(off_by_one, 1)),
			Error::<Test>::EquityMismatch
		);
		// With one of the three missing there is nothing to check.
		let mut no_liabilities = off_by_one;
		no_liabilities.total_liabilities = None;
		assert_ok!(file_as(CONTROLLER, FY2025, content_with(no_liabilities, 1)));
		let unaudited = KeyFigures { revenue: Some(5), ..Default::default() };
		assert_ok!(file_as(
			CONTROLLER,
			Period::Quarter { year: 2026, quarter: 3 },
			content_with(unaudited, 1)
		));
	});
}

#[test]
fn facts_need_distinct_xbrl_names() {
	with_companies(|| {
		for concept in [
			"Revenue",
			":Revenue",
			"ifrs-full:",
			"1fr:Revenue",
			"ifrs full:Revenue",
			"ifrs:Rev:enue",
			"ifrs:Révenue",
			"ifrs:-Revenue",
		] {
			let mut bad = content();
			bad.facts = bounded(vec![fact(concept, 1)]);
			assert_noop!(file_as(CONTROLLER, FY2025, bad), Error::<Test>::InvalidConcept);
		}
		let mut twice = content();
		twice.facts = bounded(vec![fact("cas:Inventories", 1), fact("cas:Inventories", 2)]);
		assert_noop!(file_as(CONTROLLER, FY2025, twice), Error::<Test>::DuplicateConcept);
		let mut good = content();
		good.facts = bounded(vec![
			fact("cas:Inventories", 1),
			fact("_x:a.b-c_d", -2),
			Fact { concept: text("dei:EntityNumberOfEmployees"), value: 120, unit: FactUnit::Pure },
			Fact {
				concept: text("cas:SharesOutstanding"),
				value: 10_000_000,
				unit: FactUnit::Shares,
			},
		]);
		assert_ok!(file_as(CONTROLLER, FY2025, good));
	});
}

#[test]
fn the_document_needs_a_hash_and_a_well_formed_uri() {
	with_companies(|| {
		let mut unhashed = content();
		unhashed.document.digest = H256::zero();
		assert_noop!(file_as(CONTROLLER, FY2025, unhashed), Error::<Test>::EmptyDocumentHash);
		for uri in [
			"disclosure.example.cn/a.pdf",
			"https://a b",
			"1https://x",
			"https:",
			"https://例子.cn",
			"",
		] {
			let mut bad = content();
			bad.uri = Some(text(uri));
			assert_noop!(file_as(CONTROLLER, FY2025, bad), Error::<Test>::InvalidUri);
		}
		let mut ipfs = content();
		ipfs.uri = Some(text("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuyl"));
		ipfs.document.algorithm = HashAlgorithm::Blake2_256;
		assert_ok!(file_as(CONTROLLER, FY2025, ipfs));
		let mut none = content();
		none.uri = None;
		assert_ok!(file_as(CONTROLLER, Period::Quarter { year: 2026, quarter: 1 }, none));
	});
}

#[test]
fn lateness_follows_the_deadline_on_both_sides() {
	with_companies(|| {
		assert_ok!(Disclosures::set_deadline(officer(), FilingKind::Annual, Some(120)));
		System::assert_last_event(
			Event::DeadlineSet { kind: FilingKind::Annual, days: Some(120) }.into(),
		);
		// FY2025 ended 2026-01-01 00:00 China time; 120 days later is 2026-05-01 00:00.
		let deadline = CivilDate { year: 2026, month: 5, day: 1 }.start_in_cst();
		assert_eq!(Disclosures::deadline_of(&FY2025), Some(deadline));
		set_time(deadline - 1);
		assert_ok!(file(FY2025));
		let on_time = Filings::<Test>::get((company(), FY2025, 1)).expect("stored");
		assert_eq!((on_time.deadline, on_time.late), (Some(deadline), false));
		System::assert_last_event(Event::Filed { filing: id(FY2025, 1), late: false }.into());

		let fy2024 = Period::FiscalYear(2024);
		let earlier = CivilDate { year: 2025, month: 5, day: 1 }.start_in_cst();
		assert_eq!(Disclosures::deadline_of(&fy2024), Some(earlier));
		set_time(deadline);
		assert_ok!(file(fy2024));
		System::assert_last_event(Event::Filed { filing: id(fy2024, 1), late: true }.into());
		// An amendment is stamped against the same deadline.
		assert_ok!(amend(FY2025, 1, 2, "restated inventories"));
		System::assert_last_event(
			Event::Amended { filing: id(FY2025, 2), amends: 1, late: true }.into(),
		);
		// The original keeps its stamp.
		assert!(!Filings::<Test>::get((company(), FY2025, 1)).expect("kept").late);
	});
}

#[test]
fn a_material_event_is_late_from_the_end_of_the_days_allowed() {
	with_companies(|| {
		assert_ok!(Disclosures::set_deadline(officer(), FilingKind::MaterialEvent, Some(2)));
		let monday = CivilDate { year: 2026, month: 11, day: 23 };
		let event = |sequence| Period::Event { date: monday, sequence };
		// The 23rd ends at the 24th 00:00; two days more: the 26th 00:00.
		let deadline = CivilDate { year: 2026, month: 11, day: 26 }.start_in_cst();
		set_time(deadline - 1);
		assert_ok!(file(event(0)));
		set_time(deadline);
		assert_ok!(file(event(1)));
		assert!(!Filings::<Test>::get((company(), event(0), 1)).expect("stored").late);
		assert!(Filings::<Test>::get((company(), event(1), 1)).expect("stored").late);
	});
}

#[test]
fn a_deadline_applies_from_when_it_is_set_and_can_be_removed() {
	with_companies(|| {
		assert_ok!(file(FY2025));
		assert_ok!(Disclosures::set_deadline(officer(), FilingKind::Annual, Some(0)));
		assert_eq!(Deadlines::<Test>::get(FilingKind::Annual), Some(0));
		// Recorded filings keep the deadline they were filed under.
		assert_eq!(Filings::<Test>::get((company(), FY2025, 1)).expect("kept").deadline, None);
		assert_ok!(file(Period::FiscalYear(2024)));
		assert!(
			Filings::<Test>::get((company(), Period::FiscalYear(2024), 1))
				.expect("stored")
				.late
		);
		assert_ok!(Disclosures::set_deadline(officer(), FilingKind::Annual, None));
		assert_eq!(Deadlines::<Test>::get(FilingKind::Annual), None);
		System::assert_last_event(
			Event::DeadlineSet { kind: FilingKind::Annual, days: None }.into(),
		);
		assert_ok!(file(Period::FiscalYear(2023)));
		assert!(
			!Filings::<Test>::get((company(), Period::FiscalYear(2023), 1))
				.expect("stored")
				.late
		);
	});
}

#[test]
fn deadlines_are_set_by_the_regulator_within_a_year() {
	with_companies(|| {
		assert_noop!(
			Disclosures::set_deadline(
				RuntimeOrigin::signed(STRANGER),
				FilingKind::Annual,
				Some(120)
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Disclosures::set_deadline(officer(), FilingKind::Annual, Some(MAX_DEADLINE_DAYS + 1)),
			Error::<Test>::DeadlineTooLong
		);
		assert_ok!(Disclosures::set_deadline(
			officer(),
			FilingKind::Annual,
			Some(MAX_DEADLINE_DAYS)
		));
	});
}

#[test]
fn an_amendment_chain_keeps_every_version_readable() {
	with_companies(|| {
		assert_ok!(file(FY2025));
		set_time(START + DAY);
		assert_ok!(amend(FY2025, 1, 2, "restated inventories"));
		System::assert_last_event(
			Event::Amended { filing: id(FY2025, 2), amends: 1, late: false }.into(),
		);
		set_time(START + 2 * DAY);
		assert_ok!(amend(FY2025, 2, 3, "auditor's adjustments"));
		set_time(START + 3 * DAY);
		assert_ok!(amend(FY2025, 3, 4, "typo in the notes"));

		let versions = Disclosures::versions(company(), FY2025);
		assert_eq!(versions.len(), 4);
		for (index, view) in versions.iter().enumerate() {
			let version = index as Version + 1;
			assert_eq!(view.id, id(FY2025, version));
			assert_eq!(view.filing.content.document, document(version as u8));
			assert_eq!(view.filing.filed_at, START + index as u64 * DAY);
			assert_eq!(view.filing.amends, version.checked_sub(1).filter(|v| *v > 0));
			assert_eq!(view.superseded, version < 4);
		}
		// The original is exactly as filed.
		assert_eq!(versions[0].filing.content, content());
		assert!(versions[0].filing.reason.is_empty());
		assert_eq!(&versions[2].filing.reason[..], b"auditor's adjustments");
		let latest = Disclosures::latest_filing(company(), FY2025).expect("filed");
		assert_eq!(latest.id.version, 4);
		assert!(!latest.superseded);
	});
}

#[test]
fn an_amendment_must_amend_the_latest_version_with_a_reason_within_the_bound() {
	with_companies(|| {
		assert_noop!(amend(FY2025, 1, 2, "nothing to amend"), Error::<Test>::UnknownFiling);
		assert_ok!(file(FY2025));
		assert_noop!(amend(FY2025, 0, 2, "stale"), Error::<Test>::NotLatestVersion);
		assert_noop!(amend(FY2025, 2, 2, "ahead"), Error::<Test>::NotLatestVersion);
		assert_noop!(amend(FY2025, 1, 2, ""), Error::<Test>::EmptyReason);
		assert_noop!(
			Disclosures::amend(
				RuntimeOrigin::signed(CONTROLLER),
				company(),
				FY2025,
				1,
				content(),
				bounded(vec![0xff])
			),
			Error::<Test>::NotUtf8
		);
		let mut mismatched = balanced();
		mismatched.equity = Some(1);
		assert_noop!(
			Disclosures::amend(
				RuntimeOrigin::signed(CONTROLLER),
				company(),
				FY2025,
				1,
				content_with(mismatched, 2),
				text("fix")
			),
			Error::<Test>::EquityMismatch
		);
		assert_noop!(
			Disclosures::amend(
				RuntimeOrigin::signed(STRANGER),
				company(),
				FY2025,
				1,
				content(),
				text("fix")
			),
			Error::<Test>::NotController
		);
		assert_noop!(
			Disclosures::amend(RuntimeOrigin::none(), company(), FY2025, 1, content(), text("fix")),
			DispatchError::BadOrigin
		);
		let max: u32 = <Test as Config>::MaxVersions::get();
		let max = max as Version;
		for version in 1..max {
			assert_ok!(amend(FY2025, version, version as u8 + 1, "again"));
		}
		assert_noop!(amend(FY2025, max, 9, "one too many"), Error::<Test>::TooManyVersions);
		// A company listed abnormal cannot amend either.
		TestRegistry::set_standing(COMPANY, |standing| standing.abnormal_listings = 1);
		assert_noop!(amend(FY2025, max, 9, "fix"), Error::<Test>::CompanyListedAbnormal);
	});
}

#[test]
fn an_inactive_company_cannot_file_and_its_filings_read_with_its_status() {
	with_companies(|| {
		assert_ok!(file(FY2025));
		let revoked = CompanyStatus::Revoked { since: START + DAY };
		TestRegistry::set_standing(COMPANY, |standing| standing.status = revoked);
		assert_noop!(file(Period::FiscalYear(2024)), Error::<Test>::CompanyNotActive);
		assert_noop!(amend(FY2025, 1, 2, "too late"), Error::<Test>::CompanyNotActive);
		let view = Disclosures::latest_filing(company(), FY2025).expect("kept");
		assert_eq!(view.company_standing.map(|standing| standing.status), Some(revoked));
		assert_eq!(view.filing.content, content());
	});
}

#[test]
fn an_accredited_firm_attests_the_latest_documents_hash() {
	with_companies(|| {
		assert_ok!(file(FY2025));
		accredit(AUDIT_FIRM);
		set_time(START + DAY);
		assert_ok!(Disclosures::attest(
			RuntimeOrigin::signed(AUDITOR),
			uscc(AUDIT_FIRM),
			id(FY2025, 1),
			document(1),
			Opinion::Qualified
		));
		System::assert_last_event(
			Event::Attested {
				filing: id(FY2025, 1),
				auditor: uscc(AUDIT_FIRM),
				opinion: Opinion::Qualified,
			}
			.into(),
		);
		let stored = Attestations::<Test>::get((company(), FY2025, 1));
		assert_eq!(stored.len(), 1);
		assert_eq!(stored[0].auditor, uscc(AUDIT_FIRM));
		assert_eq!(stored[0].signed_by, AUDITOR);
		assert_eq!(stored[0].opinion, Opinion::Qualified);
		assert_eq!(stored[0].document, document(1));
		assert_eq!(stored[0].attested_at, START + DAY);
	});
}

#[test]
fn attestation_needs_an_accredited_firm_its_controller_and_the_latest_document() {
	with_companies(|| {
		assert_ok!(file(FY2025));
		assert_noop!(
			attest_as(AUDITOR, AUDIT_FIRM, id(FY2025, 2), 1),
			Error::<Test>::UnknownFiling
		);
		assert_noop!(attest_as(AUDITOR, AUDIT_FIRM, id(FY2025, 1), 1), Error::<Test>::NotAnAuditor);
		accredit(AUDIT_FIRM);
		assert_noop!(
			Disclosures::attest(
				RuntimeOrigin::none(),
				uscc(AUDIT_FIRM),
				id(FY2025, 1),
				document(1),
				Opinion::Adverse
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			attest_as(STRANGER, AUDIT_FIRM, id(FY2025, 1), 1),
			Error::<Test>::NotController
		);
		// The company's own controller cannot attest for the firm either.
		assert_noop!(
			attest_as(CONTROLLER, AUDIT_FIRM, id(FY2025, 1), 1),
			Error::<Test>::NotController
		);
		assert_noop!(
			attest_as(AUDITOR, AUDIT_FIRM, id(FY2025, 1), 7),
			Error::<Test>::DocumentMismatch
		);
		accredit(COMPANY);
		assert_noop!(attest_as(CONTROLLER, COMPANY, id(FY2025, 1), 1), Error::<Test>::SelfAudit);
		assert_ok!(attest_as(AUDITOR, AUDIT_FIRM, id(FY2025, 1), 1));
		assert_noop!(
			attest_as(AUDITOR, AUDIT_FIRM, id(FY2025, 1), 1),
			Error::<Test>::AlreadyAttested
		);
		accredit(SECOND_AUDIT_FIRM);
		accredit(THIRD_AUDIT_FIRM);
		assert_ok!(attest_as(SECOND_AUDITOR, SECOND_AUDIT_FIRM, id(FY2025, 1), 1));
		assert_noop!(
			attest_as(THIRD_AUDITOR, THIRD_AUDIT_FIRM, id(FY2025, 1), 1),
			Error::<Test>::TooManyAttestations
		);
		assert_ok!(amend(FY2025, 1, 2, "restated"));
		assert_noop!(
			attest_as(THIRD_AUDITOR, THIRD_AUDIT_FIRM, id(FY2025, 1), 1),
			Error::<Test>::Superseded
		);
		assert_ok!(attest_as(THIRD_AUDITOR, THIRD_AUDIT_FIRM, id(FY2025, 2), 2));
	});
}

#[test]
fn a_suspended_or_withdrawn_firm_cannot_attest_and_its_attestations_read_with_its_standing() {
	with_companies(|| {
		assert_ok!(file(FY2025));
		assert_ok!(file(Period::FiscalYear(2024)));
		accredit(AUDIT_FIRM);
		assert_ok!(attest_as(AUDITOR, AUDIT_FIRM, id(FY2025, 1), 1));

		set_time(START + DAY);
		assert_ok!(Disclosures::suspend_auditor(officer(), uscc(AUDIT_FIRM), text("inspection")));
		assert_noop!(
			attest_as(AUDITOR, AUDIT_FIRM, id(Period::FiscalYear(2024), 1), 1),
			Error::<Test>::AuditorSuspended
		);
		set_time(START + 2 * DAY);
		assert_ok!(Disclosures::withdraw_auditor(
			officer(),
			uscc(AUDIT_FIRM),
			text("falsified audit")
		));
		System::assert_last_event(
			Event::AuditorWithdrawn { firm: uscc(AUDIT_FIRM), officer: regulator() }.into(),
		);
		assert_noop!(
			attest_as(AUDITOR, AUDIT_FIRM, id(Period::FiscalYear(2024), 1), 1),
			Error::<Test>::AuditorWithdrawn
		);

		let views = Disclosures::attestations_of(id(FY2025, 1));
		assert_eq!(views.len(), 1);
		assert_eq!(views[0].attestation.attested_at, START);
		let now = views[0].auditor_now.as_ref().expect("kept after withdrawal");
		assert_eq!(now.status, AuditorStatus::Withdrawn);
		assert_eq!(now.since, START + 2 * DAY);
		assert_eq!(&now.reason[..], b"falsified audit");

		// Accredited anew, it may attest again.
		accredit(AUDIT_FIRM);
		assert_ok!(attest_as(AUDITOR, AUDIT_FIRM, id(Period::FiscalYear(2024), 1), 1));
	});
}

#[test]
fn the_regulator_accredits_registered_open_firms_once() {
	with_companies(|| {
		assert_noop!(
			Disclosures::accredit_auditor(RuntimeOrigin::signed(STRANGER), uscc(AUDIT_FIRM)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Disclosures::accredit_auditor(officer(), uscc(UNREGISTERED)),
			Error::<Test>::UnknownCompany
		);
		TestRegistry::set_standing(SECOND_AUDIT_FIRM, |standing| {
			standing.status = CompanyStatus::Deregistered { since: START }
		});
		assert_noop!(
			Disclosures::accredit_auditor(officer(), uscc(SECOND_AUDIT_FIRM)),
			Error::<Test>::CompanyClosed
		);
		accredit(AUDIT_FIRM);
		System::assert_last_event(
			Event::AuditorAccredited { firm: uscc(AUDIT_FIRM), officer: regulator() }.into(),
		);
		let accreditation = Auditors::<Test>::get(uscc(AUDIT_FIRM)).expect("stored");
		assert_eq!(accreditation.status, AuditorStatus::Accredited);
		assert_eq!((accreditation.since, accreditation.by), (START, regulator()));
		assert_noop!(
			Disclosures::accredit_auditor(officer(), uscc(AUDIT_FIRM)),
			Error::<Test>::AlreadyAccredited
		);
	});
}

#[test]
fn suspension_and_withdrawal_follow_the_firms_standing() {
	with_companies(|| {
		let firm = uscc(AUDIT_FIRM);
		assert_noop!(
			Disclosures::suspend_auditor(RuntimeOrigin::signed(AUDITOR), firm, text("x")),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Disclosures::withdraw_auditor(RuntimeOrigin::signed(AUDITOR), firm, text("x")),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Disclosures::suspend_auditor(officer(), firm, text("x")),
			Error::<Test>::NotAnAuditor
		);
		assert_noop!(
			Disclosures::withdraw_auditor(officer(), firm, text("x")),
			Error::<Test>::NotAnAuditor
		);
		accredit(AUDIT_FIRM);
		assert_noop!(
			Disclosures::suspend_auditor(officer(), firm, text("")),
			Error::<Test>::EmptyReason
		);
		assert_noop!(
			Disclosures::suspend_auditor(officer(), firm, bounded(vec![0xc3])),
			Error::<Test>::NotUtf8
		);
		assert_ok!(Disclosures::suspend_auditor(officer(), firm, text("inspection")));
		System::assert_last_event(Event::AuditorSuspended { firm, officer: regulator() }.into());
		let suspended = Auditors::<Test>::get(firm).expect("stored");
		assert_eq!(
			(suspended.status, &suspended.reason[..]),
			(AuditorStatus::Suspended, &b"inspection"[..])
		);
		assert_noop!(
			Disclosures::suspend_auditor(officer(), firm, text("x")),
			Error::<Test>::AuditorSuspended
		);
		// Reinstated, then suspended again, then withdrawn from the suspension.
		accredit(AUDIT_FIRM);
		assert_ok!(Disclosures::suspend_auditor(officer(), firm, text("again")));
		assert_ok!(Disclosures::withdraw_auditor(officer(), firm, text("final")));
		assert_eq!(Auditors::<Test>::get(firm).expect("kept").status, AuditorStatus::Withdrawn);
		assert_noop!(
			Disclosures::withdraw_auditor(officer(), firm, text("x")),
			Error::<Test>::AuditorWithdrawn
		);
		assert_noop!(
			Disclosures::suspend_auditor(officer(), firm, text("x")),
			Error::<Test>::AuditorWithdrawn
		);
	});
}

#[test]
fn the_regulator_annotates_any_version() {
	with_companies(|| {
		assert_ok!(file(FY2025));
		assert_ok!(amend(FY2025, 1, 2, "restated"));
		set_time(START + DAY);
		assert_ok!(Disclosures::annotate(
			officer(),
			id(FY2025, 1),
			AnnotationKind::Query,
			text("why restate?")
		));
		System::assert_last_event(
			Event::Annotated {
				filing: id(FY2025, 1),
				kind: AnnotationKind::Query,
				officer: regulator(),
			}
			.into(),
		);
		assert_ok!(Disclosures::annotate(
			officer(),
			id(FY2025, 1),
			AnnotationKind::EnforcementNotice,
			text("fine: 2026-17")
		));
		let annotations = Annotations::<Test>::get((company(), FY2025, 1));
		assert_eq!(annotations.len(), 2);
		assert_eq!((annotations[0].kind, annotations[0].at), (AnnotationKind::Query, START + DAY));
		assert_eq!(annotations[0].officer, regulator());
		assert_eq!(&annotations[1].note[..], b"fine: 2026-17");
		assert_noop!(
			Disclosures::annotate(
				officer(),
				id(FY2025, 1),
				AnnotationKind::CorrectionRequested,
				text("more")
			),
			Error::<Test>::TooManyAnnotations
		);
		assert_noop!(
			Disclosures::annotate(
				RuntimeOrigin::signed(CONTROLLER),
				id(FY2025, 2),
				AnnotationKind::Query,
				text("x")
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Disclosures::annotate(officer(), id(FY2025, 3), AnnotationKind::Query, text("x")),
			Error::<Test>::UnknownFiling
		);
		assert_noop!(
			Disclosures::annotate(officer(), id(FY2025, 2), AnnotationKind::Query, text("")),
			Error::<Test>::EmptyReason
		);
	});
}

#[test]
fn flags_are_raised_numbered_lifted_and_kept() {
	with_companies(|| {
		assert_noop!(
			Disclosures::flag_company(RuntimeOrigin::signed(STRANGER), company(), text("x")),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Disclosures::flag_company(officer(), uscc(UNREGISTERED), text("x")),
			Error::<Test>::UnknownCompany
		);
		assert_noop!(
			Disclosures::flag_company(officer(), company(), text("")),
			Error::<Test>::EmptyReason
		);
		assert_ok!(Disclosures::flag_company(officer(), company(), text("late annual report")));
		System::assert_last_event(
			Event::CompanyFlagged { company: company(), index: 0, officer: regulator() }.into(),
		);
		assert_ok!(Disclosures::flag_company(officer(), company(), text("pledged shares")));
		assert_eq!(FlagCount::<Test>::get(company()), 2);

		assert_noop!(
			Disclosures::lift_flag(RuntimeOrigin::signed(STRANGER), company(), 0, text("x")),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Disclosures::lift_flag(officer(), company(), 2, text("x")),
			Error::<Test>::UnknownFlag
		);
		assert_noop!(
			Disclosures::lift_flag(officer(), company(), 0, text("")),
			Error::<Test>::EmptyReason
		);
		set_time(START + DAY);
		assert_ok!(Disclosures::lift_flag(officer(), company(), 0, text("filed")));
		System::assert_last_event(
			Event::FlagLifted { company: company(), index: 0, officer: regulator() }.into(),
		);
		assert_noop!(
			Disclosures::lift_flag(officer(), company(), 0, text("again")),
			Error::<Test>::FlagAlreadyLifted
		);
		let flags = Disclosures::flags_page(company(), 0, 10);
		assert_eq!(flags.len(), 2);
		assert_eq!(&flags[0].1.reason[..], b"late annual report");
		let lifting = flags[0].1.lifted.as_ref().expect("lifted");
		assert_eq!((lifting.at, &lifting.reason[..]), (START + DAY, &b"filed"[..]));
		assert!(flags[1].1.lifted.is_none());
		assert_eq!(Disclosures::flags_page(company(), 1, 10).len(), 1);
		// A closed company can still be flagged: investors hold its shares.
		TestRegistry::set_standing(COMPANY, |standing| {
			standing.status = CompanyStatus::Revoked { since: START }
		});
		assert_ok!(Disclosures::flag_company(officer(), company(), text("licence revoked")));
	});
}

#[test]
fn a_companys_filings_read_page_by_page() {
	with_companies(|| {
		let periods: Vec<Period> = (2019..2026).map(Period::FiscalYear).collect();
		for period in &periods {
			assert_ok!(file(*period));
		}
		assert_ok!(amend(Period::FiscalYear(2020), 1, 2, "restated"));
		let mut seen = Vec::new();
		let mut start_after = None;
		loop {
			let (page, next) = Disclosures::filings_page(company(), start_after, 3);
			assert!(page.len() <= 3);
			seen.extend(page.iter().map(|view| (view.id.period, view.id.version)));
			match next {
				Some(period) => start_after = Some(period),
				None => break,
			}
		}
		seen.sort();
		let mut expected: Vec<(Period, Version)> = periods
			.iter()
			.map(|period| (*period, if *period == Period::FiscalYear(2020) { 2 } else { 1 }))
			.collect();
		expected.sort();
		assert_eq!(seen, expected);
		assert_eq!(Disclosures::filings_page(uscc(AUDIT_FIRM), None, 3), (vec![], None));
	});
}

#[test]
fn the_invariants_catch_a_gap_in_the_versions() {
	with_companies(|| {
		assert_ok!(file(FY2025));
		assert_ok!(amend(FY2025, 1, 2, "restated"));
		let original = Filings::<Test>::take((company(), FY2025, 1)).expect("stored");
		assert!(Disclosures::do_try_state().is_err());
		Filings::<Test>::insert((company(), FY2025, 1), original);
		assert_ok!(Disclosures::do_try_state());
	});
}
