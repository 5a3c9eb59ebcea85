//! The company record, its annual reports and its change history.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use govchain_domain_types::{
	AbnormalListing, AgencyOfficer, CheckFailures, CivilDate, CompanyStatus, CurrencyCode,
	DivisionCode, IndustryCode, Money, PartyRef, UnixMillis,
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
}

/// A shareholder and its share of the registered capital.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Shareholding {
	/// Who holds the shares.
	pub party: PartyRef,
	/// Share in basis points (1/100 of a percent); all shareholders' together at most 10,000.
	pub basis_points: u16,
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
	/// Registered capital in an ISO 4217 currency's minor unit.
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
	/// Shareholders and their shares.
	pub shareholders: BoundedVec<Shareholding, T::MaxShareholders>,
	/// Directors, supervisors and managers.
	pub key_personnel: BoundedVec<KeyPerson, T::MaxKeyPersonnel>,
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

/// An annual report as filed.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct AnnualReport<T: Config> {
	/// The summary figures.
	pub figures: ReportFigures,
	/// Hash of the full report document, kept off chain.
	pub document_hash: H256,
	/// The controller who filed it.
	pub filed_by: T::AccountId,
	/// When it was filed.
	pub filed_at: UnixMillis,
	/// Filed after the deadline (1 July of the next year, 00:00 China time).
	pub late: bool,
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
	/// New registered capital.
	RegisteredCapital(Money),
	/// New registered address and its division.
	RegisteredAddress { address: Text<T::MaxAddressLength>, division: DivisionCode },
	/// New business scope.
	BusinessScope(Text<T::MaxScopeLength>),
	/// New industry class.
	Industry(IndustryCode),
	/// A new legal representative (salted hash).
	LegalRepresentative(H256),
	/// The new list of shareholders.
	Shareholders(BoundedVec<Shareholding, T::MaxShareholders>),
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
	/// Registered capital.
	RegisteredCapital,
	/// Registered address and division.
	RegisteredAddress,
	/// Business scope.
	BusinessScope,
	/// Industry class.
	Industry,
	/// Legal representative.
	LegalRepresentative,
	/// Shareholders.
	Shareholders,
	/// Key personnel.
	KeyPersonnel,
}

impl<T: Config> Amendment<T> {
	/// The part of the particulars this amendment replaces.
	pub fn particular(&self) -> Particular {
		match self {
			Amendment::Name { .. } => Particular::Name,
			Amendment::Kind(_) => Particular::Kind,
			Amendment::RegisteredCapital(_) => Particular::RegisteredCapital,
			Amendment::RegisteredAddress { .. } => Particular::RegisteredAddress,
			Amendment::BusinessScope(_) => Particular::BusinessScope,
			Amendment::Industry(_) => Particular::Industry,
			Amendment::LegalRepresentative(_) => Particular::LegalRepresentative,
			Amendment::Shareholders(_) => Particular::Shareholders,
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
