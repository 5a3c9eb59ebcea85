//! Unit tests, by concern as `features/` is: every call's success (state, history and
//! event) and every error path. Shared helpers are here.

mod lifecycle;
mod lists;
mod migration;
mod registration;
mod reports;

use crate::{
	mock::*, testing::person, Actor, Amendment, ChangeRecord, ClosingDecision, Companies,
	CompanyKind, Contact, ContributionForm, Event, FiguresDisclosure, History, HistoryLength,
	KeyPerson, KeyPersonRole, Particulars, ReportFigures, ReportPublicData, Shareholding, Text,
};
use codec::Decode;
use govchain_domain_types::{
	AbnormalReason, AgencyOfficer, CheckFailures, CivilDate,
	CompanyRegistry as CompanyRegistryTrait, CurrencyCode, DivisionCode, IndustryCode, Money,
	PartyRef, Standing,
};
use polkadot_sdk::{
	frame_support::{traits::Get, BoundedVec},
	sp_core::H256,
	sp_runtime::DispatchResult,
};

// The shared fixture codes (`govchain_domain_types::fixtures`).
use govchain_domain_types::fixtures::companies::{
	CHAOYANG_ENTERPRISE as COMPANY, CODE_CHECK_FAILING as LEGACY_COMPANY,
	FARMERS_COOPERATIVE as COOPERATIVE, HAIDIAN_ENTERPRISE as OTHER_COMPANY, INDIVIDUAL_BUSINESS,
	MUNICIPAL_ENTERPRISE, ORGANISATION_CHECK_FAILING, SHANGHAI_ENTERPRISE as SHANGHAI_COMPANY,
};

const STRANGER: u64 = 200;

/// 2025-07-01 00:00 China time: the deadline of the 2024 reports.
const DEADLINE_2024: u64 = 1_751_299_200_000;
/// 2025-01-01 00:00 China time: 2024 has ended.
const NEW_YEAR_2025: u64 = 1_735_660_800_000;

/// No failing check accepted.
const NO_OVERRIDE: CheckFailures = CheckFailures { organisation_check: false, code_check: false };

fn text<L: Get<u32>>(value: &[u8]) -> BoundedVec<u8, L> {
	value.to_vec().try_into().expect("test text within bounds")
}

fn bounded<T, L: Get<u32>>(items: Vec<T>) -> BoundedVec<T, L> {
	items.try_into().map_err(|_| ()).expect("test list within bounds")
}

fn reason(value: &str) -> Text<<Test as crate::Config>::MaxReasonLength> {
	text(value.as_bytes())
}

fn division(code: &[u8; 6]) -> DivisionCode {
	DivisionCode::parse(code).expect("test division is valid")
}

fn industry(code: &[u8; 5]) -> IndustryCode {
	IndustryCode::parse(code).expect("test industry is valid")
}

/// The shared sample company's particulars (`crate::testing`): a Chaoyang company
/// established on 1 March 2024, legal representative `0x11…`.
fn particulars(kind: CompanyKind) -> Particulars<Test> {
	crate::testing::sample_particulars(kind)
}

/// A cash shareholding; capital still unpaid is due by 31 December 2028.
fn holding(party: PartyRef, subscribed: u128, paid_in: u128) -> Shareholding {
	Shareholding {
		party,
		subscribed,
		paid_in,
		form: Some(ContributionForm::Cash),
		subscription_deadline: (paid_in < subscribed).then_some(CivilDate {
			year: 2028,
			month: 12,
			day: 31,
		}),
	}
}

fn record_paid_in(
	who: u64,
	code: &[u8; 18],
	shareholder: PartyRef,
	paid_in: u128,
) -> DispatchResult {
	CompanyRegistry::record_paid_in(RuntimeOrigin::signed(who), uscc(code), shareholder, paid_in)
}

fn register_with(
	code: &[u8; 18],
	particulars: Particulars<Test>,
	controllers: Vec<u64>,
	accepted_check_failures: CheckFailures,
) -> DispatchResult {
	CompanyRegistry::register(
		RuntimeOrigin::signed(REGISTRAR),
		uscc(code),
		particulars,
		bounded(controllers),
		accepted_check_failures,
		reason("Decision 2024-001"),
	)
	.map(drop)
	.map_err(|failed| failed.error)
}

/// Registers an enterprise controlled by [`CONTROLLER`].
fn register(code: &[u8; 18]) -> DispatchResult {
	register_with(
		code,
		particulars(CompanyKind::LimitedLiabilityCompany),
		vec![CONTROLLER],
		NO_OVERRIDE,
	)
}

fn company(code: &[u8; 18]) -> crate::Company<Test> {
	Companies::<Test>::get(uscc(code)).expect("company registered")
}

fn standing(code: &[u8; 18]) -> Option<Standing> {
	<CompanyRegistry as CompanyRegistryTrait<u64>>::standing(&uscc(code))
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

fn officer(account: u64) -> AgencyOfficer<u64> {
	let agency = if account == DISTRICT_REGISTRAR { DISTRICT_REGULATOR } else { MARKET_REGULATOR };
	AgencyOfficer { agency: uscc(agency), officer: account }
}

fn registrar() -> Actor<u64> {
	Actor::Officer(officer(REGISTRAR))
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

/// Public report data: one investment, 10 million yuan subscribed, 6 million paid in.
fn public_data() -> ReportPublicData<Test> {
	ReportPublicData {
		investments: bounded(vec![uscc(OTHER_COMPANY)]),
		subscribed_capital: 1_000_000_000,
		paid_in_capital: 600_000_000,
		equity_transferred: false,
		website: text(b"https://example.cn"),
	}
}

fn file_report(who: u64, code: &[u8; 18], year: u16) -> DispatchResult {
	file_report_with(who, code, year, public_data(), FiguresDisclosure::Published(figures()))
}

fn file_report_with(
	who: u64,
	code: &[u8; 18],
	year: u16,
	public: ReportPublicData<Test>,
	figures: FiguresDisclosure,
) -> DispatchResult {
	CompanyRegistry::file_annual_report(
		RuntimeOrigin::signed(who),
		uscc(code),
		year,
		public,
		figures,
		H256::repeat_byte(0xAB),
	)
}

fn amend(code: &[u8; 18], amendment: Amendment<Test>) -> DispatchResult {
	CompanyRegistry::amend(
		RuntimeOrigin::signed(REGISTRAR),
		uscc(code),
		amendment,
		reason("Amendment"),
	)
	.map(drop)
	.map_err(|failed| failed.error)
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

fn list(code: &[u8; 18], ground: AbnormalReason) -> DispatchResult {
	CompanyRegistry::list_abnormal(
		RuntimeOrigin::signed(REGISTRAR),
		uscc(code),
		ground,
		reason("Decision 2024-002"),
	)
}

fn remove_listing(code: &[u8; 18], ground: AbnormalReason) -> DispatchResult {
	CompanyRegistry::remove_listing(
		RuntimeOrigin::signed(REGISTRAR),
		uscc(code),
		ground,
		reason("Decision 2024-003"),
	)
}

fn propose(who: u64, code: &[u8; 18], decision: ClosingDecision) -> DispatchResult {
	CompanyRegistry::propose_closure(
		RuntimeOrigin::signed(who),
		uscc(code),
		decision,
		reason("Decision 2024-004"),
	)
}

fn confirm(who: u64, code: &[u8; 18]) -> DispatchResult {
	CompanyRegistry::confirm_closure(RuntimeOrigin::signed(who), uscc(code))
}

/// Takes a closing decision: [`REGISTRAR`] proposes, [`SECOND_REGISTRAR`] confirms.
fn close(code: &[u8; 18], decision: ClosingDecision) -> DispatchResult {
	propose(REGISTRAR, code, decision)?;
	confirm(SECOND_REGISTRAR, code)
}

fn enter_liquidation(who: u64, code: &[u8; 18]) -> DispatchResult {
	CompanyRegistry::enter_liquidation(
		RuntimeOrigin::signed(who),
		uscc(code),
		reason("Liquidation"),
	)
}

fn record_lazy_rules(code: &[u8; 18]) -> DispatchResult {
	CompanyRegistry::record_lazy_rules(RuntimeOrigin::signed(STRANGER), uscc(code))
}

fn unreachable() -> AbnormalReason {
	AbnormalReason::UnreachableAtRegisteredAddress
}

/// A value decoded from raw bytes, as a call's argument would be.
fn decoded<T: Decode>(bytes: &[u8]) -> Result<T, codec::Error> {
	T::decode(&mut &bytes[..])
}

/// The root of the whole test state, to show that a failed call wrote nothing.
fn state_root() -> Vec<u8> {
	polkadot_sdk::sp_io::storage::root(polkadot_sdk::sp_runtime::StateVersion::V1)
}
