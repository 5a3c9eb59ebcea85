//! Unit tests: every transition, allowed and forbidden, every validation error, the lanes,
//! duty at its bounds and the clearance figures.

use crate::{
	mock::*,
	testing::{coffee, country, sample_import, TIANJIN},
	*,
};
use codec::{Decode, Encode};
use govchain_domain_types::testing::{bounded, text};
use govchain_domain_types::{
	fixtures::companies::{
		CHAOYANG_ENTERPRISE as COMPANY, HAIDIAN_ENTERPRISE as BROKER,
		MUNICIPAL_ENTERPRISE as OTHER_COMPANY,
	},
	CompanyStatus, CountryCode, Incoterm, Lei, TransportMode, Ucr,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult, Permill},
};

/// Controls [`COMPANY`].
const CONTROLLER: u64 = 10;
/// Controls [`BROKER`].
const BROKER_CONTROLLER: u64 = 20;
const STRANGER: u64 = 99;
fn ucr(reference: &str) -> Ucr {
	Ucr::parse(reference.as_bytes()).expect("test UCR is valid")
}

fn import_for(declarant: &[u8; 18]) -> DeclarationContent<Test> {
	sample_import(uscc(declarant))
}

fn lodge_with(
	who: u64,
	reference: &str,
	broker: Option<&[u8; 18]>,
	content: DeclarationContent<Test>,
	pre_arrival: bool,
) -> DispatchResult {
	Customs::lodge(
		RuntimeOrigin::signed(who),
		ucr(reference),
		uscc(COMPANY),
		broker.map(uscc),
		content,
		pre_arrival,
	)
}

/// [`CONTROLLER`] lodges the coffee import for [`COMPANY`] on arrival.
fn lodge(reference: &str) -> DispatchResult {
	lodge_with(CONTROLLER, reference, None, import_for(COMPANY), false)
}

fn declaration(reference: &str) -> Declaration<Test> {
	Declarations::<Test>::get(ucr(reference)).expect("lodged")
}

fn steps(reference: &str) -> Vec<Step> {
	(0..HistoryLength::<Test>::get(ucr(reference)))
		.map(|index| History::<Test>::get(ucr(reference), index).expect("entry").step)
		.collect()
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Customs(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn officer(account: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(account)
}

fn agency_officer(account: u64) -> govchain_domain_types::AgencyOfficer<u64> {
	govchain_domain_types::AgencyOfficer { agency: uscc(CUSTOMS), officer: account }
}

fn reason(value: &str) -> Text<<Test as Config>::MaxReasonLength> {
	text(value)
}

fn rate(account: &[u8; 18], rating: CreditRating) {
	assert_ok!(Customs::set_credit_rating(officer(OFFICER), uscc(account), rating));
}

fn rules(rules: Vec<RiskRule>) {
	assert_ok!(Customs::set_risk_rules(officer(OFFICER), bounded(rules)));
}

fn inspect(reference: &str, passed: bool) -> DispatchResult {
	Customs::record_inspection(officer(OFFICER), ucr(reference), passed, H256::repeat_byte(7))
}

fn release(reference: &str) -> DispatchResult {
	Customs::release(officer(OFFICER), ucr(reference))
}

fn hold(reference: &str) -> DispatchResult {
	Customs::hold(officer(OFFICER), ucr(reference), reason("Invoice unclear"))
}

fn setup() {
	TestRegistry::add(COMPANY, &[CONTROLLER]);
	TestRegistry::add(BROKER, &[BROKER_CONTROLLER]);
	TestRegistry::add(OTHER_COMPANY, &[STRANGER]);
}

/// A red-lane declaration under control: the declarant rated dishonest.
fn lodge_red(reference: &str) {
	rate(COMPANY, CreditRating::Dishonest);
	assert_ok!(lodge(reference));
	assert_eq!(declaration(reference).lane, Some(Lane::Red));
}

// ---- Lodgement and lanes ----

#[test]
fn a_general_company_s_declaration_goes_blue_and_is_released_at_once() {
	new_test_ext().execute_with(|| {
		setup();
		assert_ok!(lodge("UCR-1"));
		let lodged = declaration("UCR-1");
		assert_eq!(lodged.status, DeclarationStatus::Released);
		assert_eq!(lodged.lane, Some(Lane::Blue));
		assert_eq!(
			(lodged.lodged_at, lodged.released_at, lodged.clearance_millis),
			(START, Some(START), Some(0))
		);
		assert_eq!(lodged.duty, Some(0));
		assert_eq!(lodged.lodged_by, CONTROLLER);
		assert_eq!(
			steps("UCR-1"),
			vec![
				Step::Lodged { pre_arrival: false },
				Step::LaneAssigned { lane: Lane::Blue, duty: 0, random: false },
				Step::Released { clearance_millis: 0 },
			]
		);
		assert_eq!(
			events(),
			vec![
				Event::Lodged {
					ucr: ucr("UCR-1"),
					declarant: uscc(COMPANY),
					broker: None,
					pre_arrival: false
				},
				Event::LaneAssigned { ucr: ucr("UCR-1"), lane: Lane::Blue, duty: 0, random: false },
				Event::Released { ucr: ucr("UCR-1"), lane: Lane::Blue, clearance_millis: 0 },
			]
		);
		assert_eq!(LaneStatistics::<Test>::get(Lane::Blue).count, 1);
		assert_eq!(OfficeStatistics::<Test>::get(TIANJIN).count, 1);
		assert!(DeclarationsByDeclarant::<Test>::contains_key(uscc(COMPANY), ucr("UCR-1")));
		assert_noop!(lodge("UCR-1"), Error::<Test>::AlreadyLodged);
	});
}

#[test]
fn an_aeo_goes_green_and_a_dishonest_company_red() {
	new_test_ext().execute_with(|| {
		setup();
		rate(COMPANY, CreditRating::AdvancedCertified);
		assert_eq!(
			CreditRatings::<Test>::get(uscc(COMPANY)),
			Some(CreditRating::AdvancedCertified)
		);
		assert_ok!(lodge("AEO-1"));
		assert_eq!(declaration("AEO-1").lane, Some(Lane::Green));
		assert_eq!(declaration("AEO-1").status, DeclarationStatus::Released);
		lodge_red("RED-1");
		assert_eq!(declaration("RED-1").status, DeclarationStatus::UnderControl);
		// Back to general: the rating is no longer stored.
		rate(COMPANY, CreditRating::General);
		assert_eq!(CreditRatings::<Test>::get(uscc(COMPANY)), None);
		assert_noop!(
			Customs::set_credit_rating(officer(OFFICER), unregistered(), CreditRating::Dishonest),
			Error::<Test>::UnknownCompany
		);
	});
}

/// A code no test registers.
fn unregistered() -> govchain_domain_types::Uscc {
	uscc(govchain_domain_types::fixtures::companies::SHANGHAI_ENTERPRISE)
}

#[test]
fn risk_rules_raise_the_lane_by_chapter_heading_origin_and_declarant() {
	new_test_ext().execute_with(|| {
		setup();
		let cases = [
			(RiskTarget::Chapter(9), Lane::Yellow),
			(RiskTarget::Heading(901), Lane::Red),
			(RiskTarget::OriginCountry(country(b"BR")), Lane::Yellow),
			(RiskTarget::Declarant(uscc(COMPANY)), Lane::Red),
		];
		for (index, (target, lane)) in cases.into_iter().enumerate() {
			rules(vec![RiskRule { target, lane }]);
			let reference = format!("RULE-{index}");
			assert_ok!(lodge(&reference));
			assert_eq!(declaration(&reference).lane, Some(lane), "{target:?}");
			assert_eq!(declaration(&reference).status, DeclarationStatus::UnderControl);
		}
		// Rules that do not match leave the base lane; a rule never lowers it.
		rules(vec![
			RiskRule { target: RiskTarget::Chapter(85), lane: Lane::Red },
			RiskRule { target: RiskTarget::OriginCountry(country(b"VN")), lane: Lane::Red },
			RiskRule { target: RiskTarget::Declarant(uscc(COMPANY)), lane: Lane::Green },
		]);
		assert_ok!(lodge("RULE-X"));
		assert_eq!(declaration("RULE-X").lane, Some(Lane::Blue));
		assert_noop!(
			Customs::set_risk_rules(
				officer(OFFICER),
				bounded(vec![RiskRule { target: RiskTarget::Chapter(77), lane: Lane::Red }])
			),
			Error::<Test>::InvalidRiskRule
		);
		assert_noop!(
			Customs::set_risk_rules(
				officer(OFFICER),
				bounded(vec![RiskRule { target: RiskTarget::Heading(9801), lane: Lane::Red }])
			),
			Error::<Test>::InvalidRiskRule
		);
	});
}

#[test]
fn a_company_not_in_good_standing_is_never_green_or_blue() {
	new_test_ext().execute_with(|| {
		setup();
		rate(COMPANY, CreditRating::AdvancedCertified);
		TestRegistry::set_standing(COMPANY, |standing| standing.abnormal_listings = 1);
		assert_ok!(lodge("ABN-1"));
		assert_eq!(declaration("ABN-1").lane, Some(Lane::Yellow));
		assert_noop!(
			Customs::reroute(officer(OFFICER), ucr("ABN-1"), Lane::Green, reason("AEO")),
			Error::<Test>::NotInGoodStanding
		);
		assert_noop!(
			Customs::reroute(officer(OFFICER), ucr("ABN-1"), Lane::Blue, reason("AEO")),
			Error::<Test>::NotInGoodStanding
		);
		TestRegistry::set_standing(COMPANY, |standing| {
			standing.abnormal_listings = 0;
			standing.serious_violation_since = Some(START);
		});
		assert_ok!(lodge("SER-1"));
		assert_eq!(declaration("SER-1").lane, Some(Lane::Yellow));
		TestRegistry::set_standing(COMPANY, |standing| {
			standing.serious_violation_since = None;
			standing.status = CompanyStatus::Suspended { since: START, until: START + 1 };
		});
		assert_ok!(lodge("SUS-1"));
		assert_eq!(declaration("SUS-1").lane, Some(Lane::Yellow));
	});
}

#[test]
fn unknown_and_closed_companies_cannot_lodge() {
	new_test_ext().execute_with(|| {
		assert_noop!(lodge("UCR-1"), Error::<Test>::UnknownCompany);
		setup();
		// A domestic consignor that is not registered.
		let mut content = import_for(COMPANY);
		content.consignor = TradeParty::Domestic(unregistered());
		assert_noop!(
			lodge_with(CONTROLLER, "UCR-1", None, content, false),
			Error::<Test>::UnknownCompany
		);
		for status in [
			CompanyStatus::Revoked { since: START },
			CompanyStatus::Cancelled { since: START },
			CompanyStatus::Deregistered { since: START },
		] {
			TestRegistry::set_standing(COMPANY, |standing| standing.status = status);
			assert_noop!(lodge("UCR-1"), Error::<Test>::CompanyClosed);
		}
	});
}

#[test]
fn only_controllers_and_registered_brokers_lodge() {
	new_test_ext().execute_with(|| {
		setup();
		assert_noop!(
			lodge_with(STRANGER, "UCR-1", None, import_for(COMPANY), false),
			Error::<Test>::NotController
		);
		assert_noop!(
			lodge_with(BROKER_CONTROLLER, "UCR-1", Some(BROKER), import_for(COMPANY), false),
			Error::<Test>::NotABroker
		);
		assert_ok!(Customs::set_broker(officer(OFFICER), uscc(BROKER), true));
		assert_eq!(Brokers::<Test>::get(uscc(BROKER)), Some(agency_officer(OFFICER)));
		assert_noop!(
			Customs::set_broker(officer(OFFICER), uscc(BROKER), true),
			Error::<Test>::BrokerUnchanged
		);
		assert_noop!(
			lodge_with(STRANGER, "UCR-1", Some(BROKER), import_for(COMPANY), true),
			Error::<Test>::NotController
		);
		assert_ok!(lodge_with(BROKER_CONTROLLER, "UCR-1", Some(BROKER), import_for(COMPANY), true));
		assert_eq!(declaration("UCR-1").broker, Some(uscc(BROKER)));
		// The broker's people act for the declaration; strangers do not.
		assert_noop!(
			Customs::withdraw(RuntimeOrigin::signed(STRANGER), ucr("UCR-1")),
			Error::<Test>::NotController
		);
		assert_ok!(Customs::withdraw(RuntimeOrigin::signed(BROKER_CONTROLLER), ucr("UCR-1")));
		assert_ok!(Customs::set_broker(officer(OFFICER), uscc(BROKER), false));
		assert_eq!(Brokers::<Test>::get(uscc(BROKER)), None);
		assert_noop!(
			Customs::set_broker(officer(OFFICER), unregistered(), true),
			Error::<Test>::UnknownCompany
		);
	});
}

fn faulty_contents() -> Vec<(&'static str, DeclarationContent<Test>, Error<Test>)> {
	let with = |change: &dyn Fn(&mut DeclarationContent<Test>)| {
		let mut content = import_for(COMPANY);
		change(&mut content);
		content
	};
	let foreign = |change: &dyn Fn(&mut ForeignParty<Test>)| {
		with(&|content| {
			if let TradeParty::Foreign(party) = &mut content.consignor {
				change(party);
			}
		})
	};
	vec![
		("export by another", with(&|c| c.direction = Direction::Export), Error::DeclarantNotParty),
		(
			"consignee another company",
			with(&|c| c.consignee = TradeParty::Domestic(uscc(OTHER_COMPANY))),
			Error::DeclarantNotParty,
		),
		(
			"foreign party in China",
			foreign(&|p| p.country = CountryCode::CN),
			Error::ForeignPartyInChina,
		),
		("foreign party unnamed", foreign(&|p| p.name = text("")), Error::EmptyName),
		("foreign name not UTF-8", foreign(&|p| p.name = bounded(vec![0xFF])), Error::NotUtf8),
		("office not digits", with(&|c| c.office = *b"02A0"), Error::InvalidOffice),
		("FOB by air", with(&|c| c.transport_mode = TransportMode::Air), Error::IncotermNeedsWater),
		("no items", with(&|c| c.items = bounded(vec![])), Error::NoItems),
		("zero quantity", with(&|c| c.items[0].quantity = 0), Error::ZeroQuantity),
		("zero value", with(&|c| c.items[0].value = 0), Error::ZeroValue),
		("gross below net", with(&|c| c.items[0].gross_mass_grams = 999_999), Error::GrossBelowNet),
		(
			"no invoice",
			with(&|c| c.documents[0].kind = DocumentKind::PackingList),
			Error::MissingInvoice,
		),
		("zero hash", with(&|c| c.documents[0].hash = H256::zero()), Error::EmptyDocumentHash),
	]
}

#[test]
fn faulty_declarations_are_refused_and_write_nothing() {
	new_test_ext().execute_with(|| {
		setup();
		for (case, content, error) in faulty_contents() {
			assert_eq!(
				lodge_with(CONTROLLER, "UCR-1", None, content, false),
				Err(error.into()),
				"{case}"
			);
		}
		// And nothing was written (assert_noop for each case, checked on the whole storage).
		for (_, content, error) in faulty_contents() {
			assert_noop!(lodge_with(CONTROLLER, "UCR-1", None, content, false), error);
		}
		// An export by the declarant is fine, FCA by air too.
		let mut export = import_for(COMPANY);
		export.direction = Direction::Export;
		core::mem::swap(&mut export.consignor, &mut export.consignee);
		export.incoterm = Incoterm::Fca;
		export.transport_mode = TransportMode::Air;
		assert_ok!(lodge_with(CONTROLLER, "EXP-1", None, export, false));
	});
}

#[test]
fn malformed_codes_are_refused_when_a_call_is_decoded() {
	let item = coffee().encode();
	let mut bad_commodity = item.clone();
	// The commodity code follows its length byte: make the chapter 77.
	bad_commodity[1..3].copy_from_slice(b"77");
	assert!(LineItem::decode(&mut &bad_commodity[..]).is_err());
	let mut bad_country = item.clone();
	let at = 1 + 10;
	bad_country[at..at + 2].copy_from_slice(b"UK");
	assert!(LineItem::decode(&mut &bad_country[..]).is_err());
	assert!(LineItem::decode(&mut &item[..]).is_ok());
	assert!(Ucr::decode(&mut &b"lower".to_vec().encode()[..]).is_err());
	assert!(Lei::decode(&mut &b"529900T8BM49AURSDO56"[..]).is_err());
}

// ---- Arrival, checks, release ----

#[test]
fn a_pre_arrival_declaration_waits_and_its_clock_starts_at_arrival() {
	new_test_ext().execute_with(|| {
		setup();
		rules(vec![RiskRule { target: RiskTarget::Chapter(9), lane: Lane::Yellow }]);
		assert_ok!(lodge_with(CONTROLLER, "PRE-1", None, import_for(COMPANY), true));
		let waiting = declaration("PRE-1");
		assert_eq!(
			(waiting.status, waiting.lane, waiting.duty),
			(DeclarationStatus::AwaitingArrival, None, None)
		);
		assert_noop!(release("PRE-1"), Error::<Test>::NotUnderControl);
		assert_noop!(hold("PRE-1"), Error::<Test>::NotUnderControl);
		assert_noop!(inspect("PRE-1", true), Error::<Test>::NotUnderControl);
		assert_noop!(
			Customs::record_arrival(RuntimeOrigin::signed(STRANGER), ucr("PRE-1")),
			DispatchError::BadOrigin
		);
		let arrival = START + 3_600_000;
		set_time(arrival);
		assert_ok!(Customs::record_arrival(officer(OFFICER), ucr("PRE-1")));
		assert_noop!(
			Customs::record_arrival(officer(OFFICER), ucr("PRE-1")),
			Error::<Test>::NotAwaitingArrival
		);
		let arrived = declaration("PRE-1");
		assert_eq!((arrived.arrived_at, arrived.lane), (Some(arrival), Some(Lane::Yellow)));
		assert_eq!(arrived.status, DeclarationStatus::UnderControl);
		set_time(arrival + 1_800_000);
		assert_ok!(inspect("PRE-1", true));
		assert_ok!(release("PRE-1"));
		// Half an hour from arrival, not an hour and a half from lodgement.
		assert_eq!(declaration("PRE-1").clearance_millis, Some(1_800_000));
		assert_eq!(steps("PRE-1")[1], Step::Arrived);
		assert_noop!(
			Customs::record_arrival(officer(OFFICER), ucr("NONE")),
			Error::<Test>::UnknownDeclaration
		);
	});
}

#[test]
fn yellow_and_red_need_a_passed_check_for_their_lane() {
	new_test_ext().execute_with(|| {
		setup();
		lodge_red("RED-1");
		assert_noop!(release("RED-1"), Error::<Test>::CheckRequired);
		assert_noop!(
			Customs::record_inspection(officer(OFFICER), ucr("RED-1"), true, H256::zero()),
			Error::<Test>::EmptyReportHash
		);
		assert_ok!(inspect("RED-1", false));
		assert_noop!(release("RED-1"), Error::<Test>::CheckFailed);
		assert_ok!(inspect("RED-1", true));
		assert_eq!(
			declaration("RED-1").inspection,
			Some(Inspection { passed: true, report_hash: H256::repeat_byte(7), lane: Lane::Red })
		);
		set_time(START + 7_200_000);
		assert_ok!(release("RED-1"));
		assert_eq!(declaration("RED-1").clearance_millis, Some(7_200_000));
		assert_eq!(
			events().last(),
			Some(&Event::Released {
				ucr: ucr("RED-1"),
				lane: Lane::Red,
				clearance_millis: 7_200_000
			})
		);
		// Nothing after release.
		assert_noop!(release("RED-1"), Error::<Test>::NotUnderControl);
		assert_noop!(inspect("RED-1", true), Error::<Test>::NotUnderControl);
		assert_noop!(hold("RED-1"), Error::<Test>::NotUnderControl);
		assert_noop!(
			Customs::reject(officer(OFFICER), ucr("RED-1"), reason("Late")),
			Error::<Test>::DeclarationFinal
		);
		assert_noop!(
			Customs::withdraw(RuntimeOrigin::signed(CONTROLLER), ucr("RED-1")),
			Error::<Test>::DeclarationFinal
		);
		assert_noop!(
			Customs::reroute(officer(OFFICER), ucr("RED-1"), Lane::Yellow, reason("Late")),
			Error::<Test>::NotUnderControl
		);
	});
}

#[test]
fn re_routing_changes_the_lane_and_a_lighter_check_no_longer_counts() {
	new_test_ext().execute_with(|| {
		setup();
		rules(vec![RiskRule { target: RiskTarget::Chapter(9), lane: Lane::Yellow }]);
		assert_ok!(lodge("YEL-1"));
		assert_ok!(inspect("YEL-1", true));
		assert_noop!(
			Customs::reroute(officer(OFFICER), ucr("YEL-1"), Lane::Yellow, reason("Same")),
			Error::<Test>::SameLane
		);
		assert_noop!(
			Customs::reroute(officer(OFFICER), ucr("YEL-1"), Lane::Red, reason("")),
			Error::<Test>::EmptyReason
		);
		assert_ok!(Customs::reroute(
			officer(SECOND_OFFICER),
			ucr("YEL-1"),
			Lane::Red,
			reason("Tip-off")
		));
		assert_eq!(
			events().last(),
			Some(&Event::Rerouted {
				ucr: ucr("YEL-1"),
				from: Lane::Yellow,
				to: Lane::Red,
				officer: agency_officer(SECOND_OFFICER)
			})
		);
		let entry =
			History::<Test>::get(ucr("YEL-1"), HistoryLength::<Test>::get(ucr("YEL-1")) - 1)
				.expect("entry");
		assert_eq!(entry.reason, reason("Tip-off"));
		assert_eq!(entry.actor, Actor::Officer(agency_officer(SECOND_OFFICER)));
		assert_noop!(release("YEL-1"), Error::<Test>::CheckRequired);
		// Down to green for a company in good standing: released without a check.
		assert_ok!(Customs::reroute(
			officer(OFFICER),
			ucr("YEL-1"),
			Lane::Green,
			reason("Cleared")
		));
		assert_noop!(inspect("YEL-1", true), Error::<Test>::NoCheckOnThisLane);
		assert_ok!(release("YEL-1"));
		assert_eq!(LaneStatistics::<Test>::get(Lane::Green).count, 1);
	});
}

#[test]
fn a_held_declaration_is_amended_or_withdrawn_by_the_declarant() {
	new_test_ext().execute_with(|| {
		setup();
		lodge_red("HLD-1");
		let amended = {
			let mut content = import_for(COMPANY);
			content.items[0].value = 6_000_000;
			content
		};
		let amend = |who: u64, content: DeclarationContent<Test>| {
			Customs::amend(RuntimeOrigin::signed(who), ucr("HLD-1"), content)
		};
		assert_noop!(amend(CONTROLLER, amended.clone()), Error::<Test>::NotHeld);
		assert_noop!(
			Customs::hold(officer(OFFICER), ucr("HLD-1"), reason("")),
			Error::<Test>::EmptyReason
		);
		assert_ok!(inspect("HLD-1", true));
		assert_ok!(hold("HLD-1"));
		assert_eq!(declaration("HLD-1").status, DeclarationStatus::Held);
		assert_noop!(release("HLD-1"), Error::<Test>::NotUnderControl);
		assert_noop!(amend(STRANGER, amended.clone()), Error::<Test>::NotController);
		let (faulty, error) = {
			let (_, content, error) = faulty_contents().remove(0);
			(content, error)
		};
		assert_noop!(amend(CONTROLLER, faulty), error);
		assert_ok!(Customs::set_tariff_rate(officer(OFFICER), TariffLine::Heading(901), Some(800)));
		assert_ok!(amend(CONTROLLER, amended.clone()));
		let after = declaration("HLD-1");
		assert_eq!(after.content, amended);
		assert_eq!(after.status, DeclarationStatus::UnderControl);
		assert_eq!(after.duty, Some(480_000));
		// The check was for the old content.
		assert_eq!(after.inspection, None);
		assert_eq!(events().last(), Some(&Event::Amended { ucr: ucr("HLD-1"), duty: 480_000 }));
		assert_ok!(hold("HLD-1"));
		assert_ok!(Customs::withdraw(RuntimeOrigin::signed(CONTROLLER), ucr("HLD-1")));
		assert_eq!(declaration("HLD-1").status, DeclarationStatus::Withdrawn);
		assert_eq!(steps("HLD-1").last(), Some(&Step::Withdrawn));
		// Once the declarant is revoked, not even its broker can amend.
		assert_ok!(Customs::set_broker(officer(OFFICER), uscc(BROKER), true));
		assert_ok!(lodge_with(
			BROKER_CONTROLLER,
			"HLD-2",
			Some(BROKER),
			import_for(COMPANY),
			false
		));
		assert_ok!(hold("HLD-2"));
		TestRegistry::set_standing(COMPANY, |standing| {
			standing.status = CompanyStatus::Revoked { since: START }
		});
		assert_noop!(
			Customs::amend(
				RuntimeOrigin::signed(BROKER_CONTROLLER),
				ucr("HLD-2"),
				import_for(COMPANY)
			),
			Error::<Test>::CompanyClosed
		);
		// Its own controllers act for it no more.
		assert_noop!(
			Customs::withdraw(RuntimeOrigin::signed(CONTROLLER), ucr("HLD-2")),
			Error::<Test>::NotController
		);
	});
}

#[test]
fn officers_reject_what_is_not_final_with_a_reason() {
	new_test_ext().execute_with(|| {
		setup();
		assert_ok!(lodge_with(CONTROLLER, "REJ-1", None, import_for(COMPANY), true));
		assert_noop!(
			Customs::reject(officer(OFFICER), ucr("REJ-1"), reason("")),
			Error::<Test>::EmptyReason
		);
		assert_noop!(
			Customs::reject(RuntimeOrigin::signed(CONTROLLER), ucr("REJ-1"), reason("No")),
			DispatchError::BadOrigin
		);
		assert_ok!(Customs::reject(officer(OFFICER), ucr("REJ-1"), reason("Prohibited goods")));
		assert_eq!(declaration("REJ-1").status, DeclarationStatus::Rejected);
		assert_eq!(
			events().last(),
			Some(&Event::Rejected { ucr: ucr("REJ-1"), officer: agency_officer(OFFICER) })
		);
		assert_noop!(
			Customs::record_arrival(officer(OFFICER), ucr("REJ-1")),
			Error::<Test>::NotAwaitingArrival
		);
		assert_noop!(
			Customs::withdraw(RuntimeOrigin::signed(CONTROLLER), ucr("REJ-1")),
			Error::<Test>::DeclarationFinal
		);
	});
}

#[test]
fn officer_calls_need_a_customs_officer() {
	new_test_ext().execute_with(|| {
		setup();
		lodge_red("RED-1");
		let not_officer = RuntimeOrigin::signed(CONTROLLER);
		assert_noop!(Customs::release(not_officer.clone(), ucr("RED-1")), DispatchError::BadOrigin);
		assert_noop!(
			Customs::record_inspection(
				not_officer.clone(),
				ucr("RED-1"),
				true,
				H256::repeat_byte(1)
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Customs::set_random_selection_rate(not_officer.clone(), Permill::one()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Customs::set_tariff_rate(not_officer, TariffLine::Heading(901), Some(1)),
			DispatchError::BadOrigin
		);
	});
}

// ---- Random selection ----

#[test]
fn the_random_selection_sends_declarations_to_a_check_at_its_rate() {
	new_test_ext().execute_with(|| {
		setup();
		assert_ok!(Customs::set_random_selection_rate(officer(OFFICER), Permill::one()));
		assert_eq!(RandomSelectionRate::<Test>::get(), Permill::one());
		assert_ok!(lodge("RND-1"));
		assert_eq!(declaration("RND-1").lane, Some(Lane::Red));
		assert!(steps("RND-1").contains(&Step::LaneAssigned {
			lane: Lane::Red,
			duty: 0,
			random: true
		}));
		// An AEO's selection is a documentary check.
		rate(COMPANY, CreditRating::AdvancedCertified);
		assert_ok!(lodge("RND-2"));
		assert_eq!(declaration("RND-2").lane, Some(Lane::Yellow));
		// Already red by rating: not a random selection.
		rate(COMPANY, CreditRating::Dishonest);
		assert_ok!(lodge("RND-3"));
		assert!(steps("RND-3").contains(&Step::LaneAssigned {
			lane: Lane::Red,
			duty: 0,
			random: false
		}));
		// At zero, never.
		assert_ok!(Customs::set_random_selection_rate(officer(OFFICER), Permill::zero()));
		rate(COMPANY, CreditRating::General);
		for index in 0..20 {
			let reference = format!("ZERO-{index}");
			assert_ok!(lodge(&reference));
			assert_eq!(declaration(&reference).lane, Some(Lane::Blue));
		}
	});
}

#[test]
fn half_the_declarations_are_drawn_at_fifty_percent() {
	new_test_ext().execute_with(|| {
		setup();
		assert_ok!(Customs::set_random_selection_rate(officer(OFFICER), Permill::from_percent(50)));
		let drawn = (0..200)
			.filter(|index| {
				let reference = format!("HALF-{index}");
				assert_ok!(lodge(&reference));
				declaration(&reference).lane == Some(Lane::Red)
			})
			.count();
		assert!((70..=130).contains(&drawn), "{drawn} of 200 drawn");
	});
}

// ---- Duty ----

#[test]
fn duty_uses_the_subheading_rate_before_the_heading_s() {
	new_test_ext().execute_with(|| {
		setup();
		let set = |line, rate| Customs::set_tariff_rate(officer(OFFICER), line, rate);
		assert_ok!(set(TariffLine::Heading(901), Some(1_500)));
		assert_eq!(
			events().last(),
			Some(&Event::TariffRateSet {
				line: TariffLine::Heading(901),
				basis_points: Some(1_500)
			})
		);
		assert_ok!(lodge("DUTY-1"));
		// 15 % of 5,000,000.
		assert_eq!(declaration("DUTY-1").duty, Some(750_000));
		assert_ok!(set(TariffLine::Subheading(90111), Some(800)));
		assert_ok!(lodge("DUTY-2"));
		assert_eq!(declaration("DUTY-2").duty, Some(400_000));
		assert_ok!(set(TariffLine::Subheading(90111), None));
		assert_eq!(TariffRates::<Test>::get(TariffLine::Subheading(90111)), None);
		assert_noop!(set(TariffLine::Heading(901), Some(100_001)), Error::<Test>::RateTooHigh);
		assert_noop!(set(TariffLine::Heading(7701), Some(1)), Error::<Test>::InvalidTariffLine);
		assert_noop!(
			set(TariffLine::Subheading(1_000_000), Some(1)),
			Error::<Test>::InvalidTariffLine
		);
		assert_noop!(set(TariffLine::Heading(12), Some(1)), Error::<Test>::InvalidTariffLine);
	});
}

#[test]
fn duty_at_the_bounds_is_exact_or_refused_never_wrapped() {
	new_test_ext().execute_with(|| {
		setup();
		assert_ok!(Customs::set_tariff_rate(
			officer(OFFICER),
			TariffLine::Heading(901),
			Some(100_000)
		));
		let with_values = |values: &[u128]| {
			let mut content = import_for(COMPANY);
			content.items = bounded(
				values.iter().map(|value| LineItem { value: *value, ..coffee() }).collect(),
			);
			content
		};
		// The largest value whose duty at 1,000 % fits: exact, to the last unit.
		let largest = u128::MAX / 10;
		assert_ok!(lodge_with(CONTROLLER, "MAX-1", None, with_values(&[largest]), false));
		assert_eq!(declaration("MAX-1").duty, Some(largest * 10));
		assert_noop!(
			lodge_with(CONTROLLER, "MAX-2", None, with_values(&[largest + 1]), false),
			Error::<Test>::DutyOverflow
		);
		// Two lines whose duties fit alone but not together.
		let half = u128::MAX / 20 + 1;
		assert_noop!(
			lodge_with(CONTROLLER, "MAX-3", None, with_values(&[half, half]), false),
			Error::<Test>::DutyOverflow
		);
		// Rounding is down, per line: 1 unit at 0.01 % owes nothing, 10,000 units owe 1.
		assert_ok!(Customs::set_tariff_rate(officer(OFFICER), TariffLine::Heading(901), Some(1)));
		assert_ok!(lodge_with(CONTROLLER, "MIN-1", None, with_values(&[1, 10_000, 19_999]), false));
		assert_eq!(declaration("MIN-1").duty, Some(2));
	});
}

// ---- Figures and pages ----

#[test]
fn clearance_figures_count_total_max_and_buckets_by_lane_and_office() {
	new_test_ext().execute_with(|| {
		setup();
		rate(COMPANY, CreditRating::Dishonest);
		// Released after 30 s, 5 min, 2 days and 4 days.
		for (index, millis) in
			[30_000u64, 300_000, 172_800_000, 345_600_000].into_iter().enumerate()
		{
			set_time(START);
			let reference = format!("FIG-{index}");
			assert_ok!(lodge(&reference));
			set_time(START + millis);
			assert_ok!(inspect(&reference, true));
			assert_ok!(release(&reference));
		}
		let red = LaneStatistics::<Test>::get(Lane::Red);
		assert_eq!(red.count, 4);
		assert_eq!(red.total_millis, 30_000 + 300_000 + 172_800_000 + 345_600_000);
		assert_eq!(red.max_millis, 345_600_000);
		assert_eq!(red.histogram, [1, 1, 0, 0, 0, 1, 1]);
		assert_eq!(OfficeStatistics::<Test>::get(TIANJIN), red);
		assert_eq!(OfficeStatistics::<Test>::get(*b"0100"), ClearanceStats::default());
	});
}

#[test]
fn a_declarant_s_declarations_are_paged() {
	new_test_ext().execute_with(|| {
		setup();
		for index in 0..5 {
			assert_ok!(lodge(&format!("PAGE-{index}")));
		}
		let (first, next) = Customs::declarations_page(uscc(COMPANY), None, 3);
		assert_eq!(first.len(), 3);
		let (second, end) = Customs::declarations_page(uscc(COMPANY), next, 3);
		assert_eq!((second.len(), end), (2, None));
		let (none, _) = Customs::declarations_page(uscc(OTHER_COMPANY), None, 3);
		assert!(none.is_empty());
	});
}

#[test]
fn invariant_checks_catch_figures_out_of_step() {
	new_test_ext().execute_with(|| {
		setup();
		assert_ok!(lodge("UCR-1"));
		assert_ok!(Customs::do_try_state());
		LaneStatistics::<Test>::mutate(Lane::Blue, |stats| stats.record(1));
		assert!(Customs::do_try_state().is_err());
		LaneStatistics::<Test>::mutate(Lane::Blue, |stats| *stats = ClearanceStats::default());
		LaneStatistics::<Test>::mutate(Lane::Blue, |stats| stats.record(0));
		assert_ok!(Customs::do_try_state());
		HistoryLength::<Test>::insert(ucr("UCR-1"), 9);
		assert!(Customs::do_try_state().is_err());
		HistoryLength::<Test>::insert(ucr("UCR-1"), 3);
	});
}
