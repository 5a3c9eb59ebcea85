//! The company record, its annual reports and its change history.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use govchain_domain_types::{
	AbnormalListing, AgencyOfficer, CheckFailures, CivilDate, CompanyStatus, CurrencyCode,
	DivisionCode, IndustryCode, Money, PartyRef, UnixMillis, Uscc,
};
use polkadot_sdk::{
	frame_support::{
		traits::ConstU32, BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound,
		PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
};
use scale_info::TypeInfo;

/// UTF-8 text of at most `L` bytes.
pub type Text<L> = BoundedVec<u8, L>;

/// The legal form of a market entity. Each form belongs to one USCC category (position 2
/// under authority `9`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum CompanyKind {
	/// 有限责任公司.
	LimitedLiabilityCompany,
	/// 股份有限公司.
	JointStockCompany,
	/// 个人独资企业.
	SoleProprietorship,
	/// 合伙企业.
	Partnership,
	/// 分公司: a branch of a company registered elsewhere.
	Branch,
	/// 个体工商户.
	IndividualBusiness,
	/// 农民专业合作社.
	FarmersCooperative,
}

impl CompanyKind {
	/// The USCC category character (position 2) GB 32100 gives this form.
	pub fn uscc_category(&self) -> u8 {
		match self {
			CompanyKind::IndividualBusiness => b'2',
			CompanyKind::FarmersCooperative => b'3',
			_ => b'1',
		}
	}

	/// The most shareholders the law allows this form, if it sets a bound: 50 for a limited
	/// liability company and 200 promoters for a joint-stock company (Company Law 2023
	/// Art. 42 and 92), one investor for a sole proprietorship.
	pub fn max_shareholders(&self) -> Option<u32> {
		match self {
			CompanyKind::LimitedLiabilityCompany => Some(50),
			CompanyKind::JointStockCompany => Some(200),
			CompanyKind::SoleProprietorship => Some(1),
			_ => None,
		}
	}
}

/// The day the 2023 Company Law took effect: a limited liability company established on or
/// after it must have its subscribed capital paid in within five years.
pub const COMPANY_LAW_2023_IN_FORCE: CivilDate = CivilDate { year: 2024, month: 7, day: 1 };

/// Years within which such a company's subscribed capital must be paid in (Art. 47).
pub const CAPITAL_PAYMENT_YEARS: u16 = 5;

/// How a shareholder contributes capital (Company Law 2023 Art. 48).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum ContributionForm {
	/// 货币: money.
	Cash,
	/// 实物: goods or other physical assets.
	InKind,
	/// 知识产权: intellectual property.
	IntellectualProperty,
	/// 土地使用权: a land-use right.
	LandUseRight,
	/// 股权: shares of another company.
	Equity,
	/// 债权: claims.
	Claims,
}

/// A shareholder and its contribution to the registered capital: subscribed (认缴) and paid
/// in (实缴), in the minor unit of the registered capital's currency.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Shareholding {
	/// Who holds the shares.
	pub party: PartyRef,
	/// Capital subscribed; all shareholders' together are the registered capital.
	pub subscribed: u128,
	/// Capital paid in so far, at most `subscribed`; the company publishes each payment.
	pub paid_in: u128,
	/// The form of contribution. `None` only in a record carried over from storage version
	/// 1, which did not record it.
	pub form: Option<ContributionForm>,
	/// The date by which the rest must be paid in. `None` when nothing is owed, or in a
	/// record carried over from storage version 1.
	pub subscription_deadline: Option<CivilDate>,
}

/// A position among a company's key personnel (主要人员). "Officer" is kept for agencies'
/// officers.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum KeyPersonRole {
	/// 董事长.
	Chairperson,
	/// 执行董事: sole director of a small company.
	ExecutiveDirector,
	/// 董事.
	Director,
	/// 监事.
	Supervisor,
	/// 经理.
	Manager,
	/// 财务负责人.
	FinanceOfficer,
	/// 清算组成员: during liquidation.
	Liquidator,
}

/// One of a company's key personnel: directors, supervisors, managers. The legal
/// representative is recorded in [`Particulars::legal_representative`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct KeyPerson {
	/// The position held.
	pub role: KeyPersonRole,
	/// Who holds it.
	pub party: PartyRef,
}

/// What the market regulator registers about a company (GB/T 36104 base data). Only a
/// market-regulator officer may change it, by amendment.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Particulars<T: Config> {
	/// Registered name in Chinese, UTF-8.
	pub legal_name: Text<T::MaxNameLength>,
	/// Registered English name, if any.
	pub english_name: Option<Text<T::MaxNameLength>>,
	/// Legal form; must agree with the code's category.
	pub kind: CompanyKind,
	/// Registered capital in an ISO 4217 currency's minor unit: the shareholders'
	/// subscriptions together.
	pub registered_capital: Money,
	/// Registered address, UTF-8.
	pub registered_address: Text<T::MaxAddressLength>,
	/// Administrative division of the registered address (GB/T 2260).
	pub division: DivisionCode,
	/// Business scope as registered, UTF-8.
	pub business_scope: Text<T::MaxScopeLength>,
	/// Industry class (GB/T 4754-2017).
	pub industry: IndustryCode,
	/// Date of establishment, not after the registration.
	pub established_on: CivilDate,
	/// The legal representative: salted hash of name, ID type and ID number, computed off
	/// chain by the registrar, who keeps the salt. Never the person in clear.
	pub legal_representative: H256,
	/// Shareholders and their contributions; at most as many as the legal form allows.
	pub shareholders: BoundedVec<Shareholding, T::MaxShareholders>,
	/// Directors, supervisors and managers.
	pub key_personnel: BoundedVec<KeyPerson, T::MaxKeyPersonnel>,
}

impl<T: Config> Particulars<T> {
	/// The date by which the subscribed capital must be paid in by law: five years after
	/// establishment, for a limited liability company established from 1 July 2024.
	pub fn capital_due_by(&self) -> Option<CivilDate> {
		(self.kind == CompanyKind::LimitedLiabilityCompany
			&& self.established_on >= COMPANY_LAW_2023_IN_FORCE)
			.then(|| self.established_on.years_later(CAPITAL_PAYMENT_YEARS))
	}
}

/// How the public may contact the company; its controllers keep it current.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DefaultNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Contact<T: Config> {
	/// Business telephone.
	pub phone: Text<T::MaxContactLength>,
	/// Business e-mail address.
	pub email: Text<T::MaxContactLength>,
	/// Website.
	pub website: Text<T::MaxContactLength>,
	/// Postal address, if not the registered one.
	pub postal_address: Text<T::MaxContactLength>,
}

/// Most abnormal listings a company can have at once: one per kind of ground.
pub const MAX_ABNORMAL_LISTINGS: u32 = 4;

/// A company in the register, keyed by its USCC. Never removed.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Company<T: Config> {
	/// The registered particulars.
	pub particulars: Particulars<T>,
	/// The lifecycle status as last recorded. A suspension's end may have passed since:
	/// read the standing through `Pallet::standing_at`.
	pub status: CompanyStatus,
	/// Recorded abnormal listings, at most one per kind of ground, oldest first. An overdue
	/// report's listing may be implied and not recorded yet.
	pub abnormal_listings: BoundedVec<AbnormalListing, ConstU32<MAX_ABNORMAL_LISTINGS>>,
	/// When the company was recorded on the serious-violation list, if it was. The list's
	/// three-year rule may imply a listing not recorded yet.
	pub serious_violation_since: Option<UnixMillis>,
	/// Check characters of the code that fail and that the registrar accepted; none for a
	/// code passing both checks.
	pub accepted_check_failures: CheckFailures,
	/// The agency and officer who registered the company.
	pub registered_by: AgencyOfficer<T::AccountId>,
	/// When it was registered on chain.
	pub registered_at: UnixMillis,
	/// Accounts that may act on chain for the company.
	pub controllers: BoundedVec<T::AccountId, T::MaxControllers>,
	/// Public contact data.
	pub contact: Contact<T>,
	/// The earliest year whose annual report is not filed; reports are filed in year order.
	pub next_report_year: u16,
}

/// The figures summary of an annual report, in one currency's minor unit.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct ReportFigures {
	/// Currency of all amounts.
	pub currency: CurrencyCode,
	/// Total assets at year end.
	pub total_assets: u128,
	/// Total liabilities at year end.
	pub total_liabilities: u128,
	/// Revenue for the year.
	pub revenue: u128,
	/// Net profit for the year; negative for a loss.
	pub net_profit: i128,
	/// Taxes paid in the year.
	pub tax_paid: u128,
	/// Employees at year end.
	pub employees: u32,
}

impl ReportFigures {
	/// The hash a company records instead of figures it does not publish: BLAKE2-256 of the
	/// SCALE-encoded figures followed by a 32-byte salt the company keeps, so that the
	/// figures cannot be guessed from the hash. The regulator, given figures and salt,
	/// recomputes it.
	pub fn salted_hash(&self, salt: &[u8; 32]) -> H256 {
		H256(polkadot_sdk::sp_io::hashing::blake2_256(&(self, salt).encode()))
	}
}

/// Whether a report's figures are published (Art. 9 (7) of the Interim Regulations on
/// Enterprise Information Publicity leaves it to the company).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum FiguresDisclosure {
	/// Published: on chain for everyone.
	Published(ReportFigures),
	/// Not published: only [`ReportFigures::salted_hash`] of them is on chain; the
	/// regulator sees the figures off chain and checks them against it.
	Withheld {
		/// The salted hash of the figures.
		figures_hash: H256,
	},
}

/// Most companies an annual report lists as investments.
pub const MAX_REPORTED_INVESTMENTS: u32 = 64;

/// The part of an annual report that is always public (Art. 9 (3)-(6) of the Interim
/// Regulations). The contact data (1) and the operating status (2) are the record's own;
/// the shareholders' contributions (4) are reported here as at the year's end.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ReportPublicData<T: Config> {
	/// Companies it invested in or bought shares of, by code.
	pub investments: BoundedVec<Uscc, ConstU32<MAX_REPORTED_INVESTMENTS>>,
	/// Capital its shareholders had subscribed at the year's end.
	pub subscribed_capital: u128,
	/// Capital its shareholders had paid in at the year's end, at most the subscribed.
	pub paid_in_capital: u128,
	/// Whether shareholders transferred equity during the year.
	pub equity_transferred: bool,
	/// Its website or online shops, UTF-8; empty if none.
	pub website: Text<T::MaxContactLength>,
}

/// Most corrections an annual report can receive.
pub const MAX_REPORT_CORRECTIONS: u8 = 5;

/// An annual report as it stands: as filed, or as last corrected (earlier versions are in
/// `SupersededReports`).
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct AnnualReport<T: Config> {
	/// The public data. `None` only for a report carried over from storage version 1,
	/// which recorded figures only.
	pub public: Option<ReportPublicData<T>>,
	/// The figures, published or withheld.
	pub figures: FiguresDisclosure,
	/// Hash of the full report document, kept off chain.
	pub document_hash: H256,
	/// The controller who filed this version.
	pub filed_by: T::AccountId,
	/// When this version was filed.
	pub filed_at: UnixMillis,
	/// The report was first filed after the deadline (1 July of the next year, 00:00 China
	/// time).
	pub late: bool,
	/// How many corrections preceded this version: 0 for the report as first filed.
	pub corrections: u8,
}

/// A change of particulars, as an amendment registration (变更登记) records it: the new
/// value of one part of the record.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub enum Amendment<T: Config> {
	/// New Chinese and English names.
	Name { legal_name: Text<T::MaxNameLength>, english_name: Option<Text<T::MaxNameLength>> },
	/// New legal form, within the code's category.
	Kind(CompanyKind),
	/// New registered capital and shareholders (an increase or reduction of capital, a
	/// transfer of shares): the subscriptions add up to the capital.
	Capital {
		registered_capital: Money,
		shareholders: BoundedVec<Shareholding, T::MaxShareholders>,
	},
	/// New registered address and its division.
	RegisteredAddress { address: Text<T::MaxAddressLength>, division: DivisionCode },
	/// New business scope.
	BusinessScope(Text<T::MaxScopeLength>),
	/// New industry class.
	Industry(IndustryCode),
	/// A new legal representative (salted hash).
	LegalRepresentative(H256),
	/// The new list of key personnel.
	KeyPersonnel(BoundedVec<KeyPerson, T::MaxKeyPersonnel>),
}

/// Which part of the particulars an amendment changed, as events report it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Particular {
	/// Chinese and English names.
	Name,
	/// Legal form.
	Kind,
	/// Registered capital and shareholders.
	Capital,
	/// Registered address and division.
	RegisteredAddress,
	/// Business scope.
	BusinessScope,
	/// Industry class.
	Industry,
	/// Legal representative.
	LegalRepresentative,
	/// Key personnel.
	KeyPersonnel,
}

impl<T: Config> Amendment<T> {
	/// The part of the particulars this amendment replaces.
	pub fn particular(&self) -> Particular {
		match self {
			Amendment::Name { .. } => Particular::Name,
			Amendment::Kind(_) => Particular::Kind,
			Amendment::Capital { .. } => Particular::Capital,
			Amendment::RegisteredAddress { .. } => Particular::RegisteredAddress,
			Amendment::BusinessScope(_) => Particular::BusinessScope,
			Amendment::Industry(_) => Particular::Industry,
			Amendment::LegalRepresentative(_) => Particular::LegalRepresentative,
			Amendment::KeyPersonnel(_) => Particular::KeyPersonnel,
		}
	}
}

/// A decision that ends a company's life, taken by two officers of the registering
/// agency (four eyes): one proposes, another confirms within the decision window.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum ClosingDecision {
	/// Revoke the business licence (吊销) of an active or suspended company.
	Revoke,
	/// Cancel a registration obtained by fraud (撤销登记); any company not yet cancelled
	/// or deregistered.
	Cancel,
	/// Deregister (注销) a company whose liquidation is complete.
	Deregister,
}

/// A closing decision waiting for its second officer.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct PendingDecision<T: Config> {
	/// What is proposed.
	pub decision: ClosingDecision,
	/// The officer who proposed it, and their agency.
	pub proposed_by: AgencyOfficer<T::AccountId>,
	/// The moment after which it can no longer be confirmed.
	pub expires_at: UnixMillis,
	/// The decision's reference or reason.
	pub reason: Text<T::MaxReasonLength>,
}

/// Who made a change.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Actor<AccountId> {
	/// A market-regulator officer acting for their agency.
	Officer(AgencyOfficer<AccountId>),
	/// One of the company's controllers.
	Controller(AccountId),
	/// The annual-report rule, applied in a call by the given account.
	AnnualReportRule { applied_by: AccountId },
	/// Two officers of one agency: the proposer and the confirming officer.
	FourEyes { proposed_by: AgencyOfficer<AccountId>, confirmed_by: AgencyOfficer<AccountId> },
	/// The serious-violation rule (three years on the abnormal list), applied in a call by
	/// the given account.
	SeriousViolationRule { applied_by: AccountId },
	/// The end of a business suspension, applied in a call by the given account.
	SuspensionEndRule { applied_by: AccountId },
}

impl<AccountId> Actor<AccountId> {
	/// The account that acted: the officer (the confirming one for four eyes), the
	/// controller, or whoever applied the rule.
	pub fn account(&self) -> &AccountId {
		match self {
			Actor::Officer(officer) => &officer.officer,
			Actor::FourEyes { confirmed_by, .. } => &confirmed_by.officer,
			Actor::Controller(who) => who,
			Actor::AnnualReportRule { applied_by }
			| Actor::SeriousViolationRule { applied_by }
			| Actor::SuspensionEndRule { applied_by } => applied_by,
		}
	}
}

/// What changed; with the registration entry first, replaying the entries rebuilds the
/// record as it stood after any of them.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub enum Change<T: Config> {
	/// The company was registered with these particulars and controllers, the registrar
	/// accepting these failing check characters of its code.
	Registered {
		particulars: Particulars<T>,
		controllers: BoundedVec<T::AccountId, T::MaxControllers>,
		accepted_check_failures: CheckFailures,
	},
	/// Part of the particulars was amended to the value given.
	Amended(Amendment<T>),
	/// The status changed.
	StatusChanged { from: CompanyStatus, to: CompanyStatus },
	/// The controllers were replaced by this list.
	ControllersSet(BoundedVec<T::AccountId, T::MaxControllers>),
	/// The contact data was replaced by this.
	ContactUpdated(Contact<T>),
	/// The annual report for the year was filed (stored in `AnnualReports`).
	AnnualReportFiled { year: u16, late: bool },
	/// The annual report for the year was corrected; this is its `correction`-th
	/// correction (the version before it is in `SupersededReports`).
	AnnualReportCorrected { year: u16, correction: u8 },
	/// The company published that a shareholder's paid-in capital is now `paid_in`.
	CapitalPaidIn { shareholder: PartyRef, paid_in: u128 },
	/// The company was listed as abnormal.
	Listed(AbnormalListing),
	/// An abnormal listing was removed.
	ListingRemoved(AbnormalListing),
	/// The company was recorded on the serious-violation list from the given moment.
	SeriousViolationListed { since: UnixMillis },
}

/// One entry of a company's change history.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ChangeRecord<T: Config> {
	/// Chain time of the change.
	pub at: UnixMillis,
	/// Block of the change.
	pub block: BlockNumberFor<T>,
	/// Who made it.
	pub actor: Actor<T::AccountId>,
	/// What changed.
	pub change: Change<T>,
	/// The reason or decision reference given; empty for controllers' routine updates.
	pub reason: Text<T::MaxReasonLength>,
}

/// A company as the runtime API returns it: the record and its status now.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CompanyDetails<T: Config> {
	/// The stored record.
	pub company: Company<T>,
	/// The standing now, with what the lazy rules imply.
	pub standing: govchain_domain_types::Standing,
	/// The abnormal listings now, the implied overdue-report listing included.
	pub abnormal_listings: alloc::vec::Vec<AbnormalListing>,
	/// A closing decision waiting for its second officer, if any.
	pub pending_decision: Option<PendingDecision<T>>,
	/// The shareholders' capital now, with the payment rules applied.
	pub capital: CapitalStanding,
	/// Number of history entries, for paging.
	pub history_length: u32,
}

/// A page of a company's history, as the runtime API returns it.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct HistoryPage<T: Config> {
	/// Entries from the requested start, oldest first. (Not called `entries`: polkadot.js
	/// structs are maps, whose `entries` method would hide the field.)
	pub records: alloc::vec::Vec<ChangeRecord<T>>,
	/// Number of entries in the whole history.
	pub total: u32,
}

/// The shareholders' capital of a company at a moment, as the runtime API reports it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct CapitalStanding {
	/// All subscriptions together.
	pub subscribed: u128,
	/// All payments together.
	pub paid_in: u128,
	/// The date by which the law requires the subscribed capital paid in, if it does
	/// ([`Particulars::capital_due_by`]).
	pub due_by: Option<CivilDate>,
	/// Capital is owed past a deadline: the legal one, or a shareholder's own subscription
	/// deadline. Computed when read.
	pub overdue: bool,
}

/// The lists of the register that the runtime API pages through. Every company is on
/// exactly one list of lifecycle status, and may also be on the abnormal and the
/// serious-violation lists. The lists hold what is recorded: see the runtime API for what
/// the lazy rules add.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum CompanyList {
	/// Status active.
	Active,
	/// Business suspended.
	Suspended,
	/// In liquidation.
	Liquidating,
	/// Licence revoked.
	Revoked,
	/// Deregistered.
	Deregistered,
	/// Registration cancelled.
	Cancelled,
	/// At least one abnormal listing recorded.
	Abnormal,
	/// Recorded on the serious-violation list.
	SeriousViolation,
}

impl CompanyList {
	/// The lists a company is on, as recorded.
	pub fn of<T: Config>(company: &Company<T>) -> impl Iterator<Item = CompanyList> {
		let status = match company.status {
			CompanyStatus::Active => CompanyList::Active,
			CompanyStatus::Suspended { .. } => CompanyList::Suspended,
			CompanyStatus::Liquidating { .. } => CompanyList::Liquidating,
			CompanyStatus::Revoked { .. } => CompanyList::Revoked,
			CompanyStatus::Deregistered { .. } => CompanyList::Deregistered,
			CompanyStatus::Cancelled { .. } => CompanyList::Cancelled,
		};
		let abnormal = (!company.abnormal_listings.is_empty()).then_some(CompanyList::Abnormal);
		let serious = company
			.serious_violation_since
			.is_some()
			.then_some(CompanyList::SeriousViolation);
		core::iter::once(status).chain(abnormal).chain(serious)
	}
}

/// A page of companies, as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct CompanyPage {
	/// Companies with their standing now (the lazy rules applied), in the index's order.
	pub companies: alloc::vec::Vec<(Uscc, govchain_domain_types::Standing)>,
	/// The code to continue after, if there are more.
	pub next: Option<Uscc>,
	/// How many companies the list or year holds in all.
	pub total: u32,
}
