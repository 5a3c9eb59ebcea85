//! A filing, its period and figures, the auditors who attest it and what the securities
//! regulator records about it.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use govchain_domain_types::{
	calendar::EARLIEST_YEAR, AgencyOfficer, CivilDate, CurrencyCode, Standing, UnixMillis, Uscc,
};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	sp_core::H256,
};
use scale_info::TypeInfo;

/// UTF-8 text of at most `L` bytes.
pub type Text<L> = BoundedVec<u8, L>;

/// A filing's version for its period: 1 for the original, one more for each amendment.
pub type Version = u16;

/// What a filing reports (the form types of the CSRC's disclosure rules).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum FilingKind {
	/// Annual report (年度报告).
	Annual,
	/// Semi-annual report (半年度报告).
	SemiAnnual,
	/// Quarterly report (季度报告).
	Quarterly,
	/// Report of a material event (临时报告).
	MaterialEvent,
}

/// The period a filing covers; its form names the filing's kind. Chinese companies' fiscal
/// year is the calendar year (Accounting Law, Art. 11), so periods are calendar periods and
/// end at midnight China time.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Period {
	/// A fiscal year: an annual report.
	FiscalYear(u16),
	/// The first (1) or second (2) half of a fiscal year: a semi-annual report.
	HalfYear { year: u16, half: u8 },
	/// A quarter (1 to 4) of a fiscal year: a quarterly report.
	Quarter { year: u16, quarter: u8 },
	/// A material event on `date`; `sequence` tells apart events of the same day.
	Event { date: CivilDate, sequence: u8 },
}

impl Period {
	/// The kind of filing that reports on this period.
	pub fn kind(&self) -> FilingKind {
		match self {
			Period::FiscalYear(_) => FilingKind::Annual,
			Period::HalfYear { .. } => FilingKind::SemiAnnual,
			Period::Quarter { .. } => FilingKind::Quarterly,
			Period::Event { .. } => FilingKind::MaterialEvent,
		}
	}

	/// Whether the period exists: a year from 1949, half 1-2, quarter 1-4, a real date.
	pub fn is_valid(&self) -> bool {
		match self {
			Period::FiscalYear(year) => *year >= EARLIEST_YEAR,
			Period::HalfYear { year, half } => *year >= EARLIEST_YEAR && (1..=2).contains(half),
			Period::Quarter { year, quarter } => {
				*year >= EARLIEST_YEAR && (1..=4).contains(quarter)
			},
			Period::Event { date, .. } => date.is_valid(),
		}
	}

	/// The moment the period ends in China time (for an event: the end of its day). The
	/// filing deadline counts from it. Meaningful for valid periods only.
	pub fn end(&self) -> UnixMillis {
		let first_day_after = |year: u16, month: u8| match month {
			13 => CivilDate { year: year.saturating_add(1), month: 1, day: 1 },
			month => CivilDate { year, month, day: 1 },
		};
		match self {
			Period::FiscalYear(year) => first_day_after(*year, 13).start_in_cst(),
			Period::HalfYear { year, half } => {
				first_day_after(*year, half.saturating_mul(6).saturating_add(1)).start_in_cst()
			},
			Period::Quarter { year, quarter } => {
				first_day_after(*year, quarter.saturating_mul(3).saturating_add(1)).start_in_cst()
			},
			Period::Event { date, .. } => date.end_in_cst(),
		}
	}

	/// The first moment a filing for the period may be made: when the period has ended,
	/// or, for an event, when its day has begun.
	pub fn fileable_from(&self) -> UnixMillis {
		match self {
			Period::Event { date, .. } => date.start_in_cst(),
			_ => self.end(),
		}
	}
}

/// A filing's stable identifier: the company, the period (which names the kind) and the
/// version.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct FilingId {
	/// The filing company.
	pub company: Uscc,
	/// The period reported on.
	pub period: Period,
	/// 1 for the original, one more for each amendment.
	pub version: Version,
}

/// The headline figures, as integers in the filing currency's minor unit (fen for CNY).
/// Any may be left out; revenue, assets and liabilities are never negative.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct KeyFigures {
	/// Operating revenue for the period.
	pub revenue: Option<i128>,
	/// Net profit (negative for a loss).
	pub net_profit: Option<i128>,
	/// Total assets at the period's end.
	pub total_assets: Option<i128>,
	/// Total liabilities at the period's end.
	pub total_liabilities: Option<i128>,
	/// Owners' equity at the period's end: assets minus liabilities.
	pub equity: Option<i128>,
}

/// What a fact's value counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum FactUnit {
	/// Money in the filing currency's minor unit.
	Money,
	/// Shares.
	Shares,
	/// A plain number (employees, say).
	Pure,
}

/// A further figure, named by an XBRL concept (`prefix:LocalName`, e.g.
/// `ifrs-full:CashAndCashEquivalents` or `cas:ResearchAndDevelopmentExpense`).
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Fact<T: Config> {
	/// The concept's qualified name, ASCII.
	pub concept: Text<T::MaxConceptLength>,
	/// The value, in `unit`.
	pub value: i128,
	/// What the value counts.
	pub unit: FactUnit,
}

/// The hash function a document was hashed with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum HashAlgorithm {
	/// SHA-256 (FIPS 180-4), what most filing systems publish.
	Sha256,
	/// BLAKE2b-256, the chain's own hash.
	Blake2_256,
}

/// The hash of a full document kept off chain (an XBRL instance or a PDF).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct DocumentHash {
	/// How it was hashed.
	pub algorithm: HashAlgorithm,
	/// The digest, not zero.
	pub digest: H256,
}

/// What a company files; each version carries its own in full.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct FilingContent<T: Config> {
	/// The currency of the money figures.
	pub currency: CurrencyCode,
	/// The headline figures; equity must equal assets minus liabilities when all three
	/// are given.
	pub figures: KeyFigures,
	/// Further figures, each concept at most once.
	pub facts: BoundedVec<Fact<T>, T::MaxFacts>,
	/// The full filing document's hash.
	pub document: DocumentHash,
	/// Where the document can be fetched (`https:`, `ipfs:`, ...), ASCII.
	pub uri: Option<Text<T::MaxUriLength>>,
}

/// A filing as recorded: one version of a company's report for a period.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Filing<T: Config> {
	/// What was filed.
	pub content: FilingContent<T>,
	/// The company controller who signed it.
	pub filed_by: T::AccountId,
	/// When, by the chain's clock.
	pub filed_at: UnixMillis,
	/// The deadline for the period in force when filed, if the regulator set one.
	pub deadline: Option<UnixMillis>,
	/// Filed at or after `deadline`.
	pub late: bool,
	/// The version this one amends (the one before it); `None` for the original.
	pub amends: Option<Version>,
	/// Why it was amended, UTF-8; empty for the original.
	pub reason: Text<T::MaxReasonLength>,
}

/// A filing as investors read it: the record and the company's standing in the register
/// now (a company revoked or listed abnormal after filing shows so).
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct FilingView<T: Config> {
	/// Which filing.
	pub id: FilingId,
	/// The record.
	pub filing: Filing<T>,
	/// Whether a later version supersedes it.
	pub superseded: bool,
	/// The company's standing now; `None` if the register no longer knows the code.
	pub company_standing: Option<Standing>,
}

/// An audit firm's standing with the securities regulator.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum AuditorStatus {
	/// May attest filings.
	Accredited,
	/// May not attest until accredited again.
	Suspended,
	/// Accreditation withdrawn: may not attest unless accredited anew.
	Withdrawn,
}

/// An audit firm's accreditation as it stands, with its last change.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Accreditation<T: Config> {
	/// Where the firm stands.
	pub status: AuditorStatus,
	/// When the status last changed.
	pub since: UnixMillis,
	/// The securities-regulator officer who changed it.
	pub by: AgencyOfficer<T::AccountId>,
	/// Why it was suspended or withdrawn, UTF-8; empty for an accreditation.
	pub reason: Text<T::MaxReasonLength>,
}

/// An auditor's opinion on a filing's financial statements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Opinion {
	/// Fairly presented (无保留意见).
	Unqualified,
	/// Fairly presented except for the matters stated (保留意见).
	Qualified,
	/// Not fairly presented (否定意见).
	Adverse,
	/// The auditor could not form an opinion (无法表示意见).
	Disclaimer,
}

/// An audit firm's attestation of a filing's document hash.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Attestation<T: Config> {
	/// The audit firm.
	pub auditor: Uscc,
	/// The firm's controller who signed.
	pub signed_by: T::AccountId,
	/// The opinion given.
	pub opinion: Opinion,
	/// The document hash attested: the filing's.
	pub document: DocumentHash,
	/// When, by the chain's clock.
	pub attested_at: UnixMillis,
}

/// An attestation as investors read it: with the firm's accreditation as it stands now.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct AttestationView<T: Config> {
	/// The attestation, with its date.
	pub attestation: Attestation<T>,
	/// The firm's accreditation now.
	pub auditor_now: Option<Accreditation<T>>,
}

/// What a securities-regulator officer records on a filing.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum AnnotationKind {
	/// A question to the company (问询函).
	Query,
	/// The company is required to correct the filing (责令改正).
	CorrectionRequested,
	/// An enforcement notice (行政处罚决定).
	EnforcementNotice,
}

/// A regulator's note on a filing.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Annotation<T: Config> {
	/// What it is.
	pub kind: AnnotationKind,
	/// Who recorded it.
	pub officer: AgencyOfficer<T::AccountId>,
	/// When.
	pub at: UnixMillis,
	/// What it says, UTF-8, not empty.
	pub note: Text<T::MaxReasonLength>,
}

/// The regulator's flag on a company: a warning to investors, until lifted.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Flag<T: Config> {
	/// Who raised it.
	pub officer: AgencyOfficer<T::AccountId>,
	/// When.
	pub at: UnixMillis,
	/// Why, UTF-8, not empty.
	pub reason: Text<T::MaxReasonLength>,
	/// When and by whom it was lifted, and why.
	pub lifted: Option<FlagLifting<T>>,
}

/// The lifting of a flag.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct FlagLifting<T: Config> {
	/// Who lifted it.
	pub officer: AgencyOfficer<T::AccountId>,
	/// When.
	pub at: UnixMillis,
	/// Why, UTF-8, not empty.
	pub reason: Text<T::MaxReasonLength>,
}
