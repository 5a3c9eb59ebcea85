//! # Investment disclosures
//!
//! Companies' periodic and material-event filings that investors can rely on: the full
//! document anchored by its hash, the headline figures on chain, attestations by audit firms
//! the securities regulator accredits, and the regulator's queries, correction requests,
//! enforcement notices and flags — all public the moment they are included in a block.
//!
//! ## Rules
//! - A controller of a company that is registered, active and on neither the abnormal nor
//!   the serious-violation list files for a period that has ended (an event: whose day has
//!   begun). The figures are checked: revenue, assets and liabilities are not negative,
//!   equity equals assets minus liabilities when all three are given, each extra concept
//!   appears once with a well-formed XBRL name.
//! - A filing is identified by company, period (which names the kind) and version. An
//!   amendment is the next version, names the version it amends (the latest: two officers
//!   amending at once cannot both succeed) and why; no version is ever changed or removed.
//! - The regulator sets a deadline per kind, in days after the period's end; a version filed
//!   at or after it is recorded as late, from the chain's clock at filing (nothing sweeps).
//! - Audit firms are registered companies the regulator accredits, suspends and withdraws.
//!   A controller of an accredited firm attests the latest version's document hash with an
//!   opinion, once per firm and version, never its own company's. Attestations stay; read,
//!   they show the firm's standing now.
//!
//! Securities-regulator officers are `SecuritiesOrigin`; companies are read only through
//! `govchain_domain_types::CompanyRegistry`.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod checks;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(feature = "std")]
pub mod testing;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use govchain_domain_types::{AgencyOfficer, CompanyRegistry, UnixMillis, Uscc};

	/// Version 0: the layout the pallet launched with.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Securities-regulator officers, yielding the agency and officer who acted.
		type SecuritiesOrigin: EnsureOrigin<
			Self::RuntimeOrigin,
			Success = AgencyOfficer<Self::AccountId>,
		>;

		/// The shared company register.
		type Registry: CompanyRegistry<Self::AccountId>;

		/// The chain's time (the timestamp pallet).
		type Time: UnixTime;

		/// Most extra facts per filing.
		#[pallet::constant]
		type MaxFacts: Get<u32>;

		/// Longest XBRL concept name, in bytes.
		#[pallet::constant]
		type MaxConceptLength: Get<u32>;

		/// Longest document URI, in bytes.
		#[pallet::constant]
		type MaxUriLength: Get<u32>;

		/// Longest reason or note, in bytes.
		#[pallet::constant]
		type MaxReasonLength: Get<u32>;

		/// Most versions of a filing (the original and its amendments).
		#[pallet::constant]
		type MaxVersions: Get<u32>;

		/// Most attestations of one version.
		#[pallet::constant]
		type MaxAttestations: Get<u32>;

		/// Most annotations of one version.
		#[pallet::constant]
		type MaxAnnotations: Get<u32>;

		/// Benchmarked weights of the calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need of the runtime: companies in the register.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: govchain_domain_types::benchmarking::RegisterCompany<Self::AccountId>;
	}

	/// Every version of every filing, by company, period and version. Never changed or
	/// removed.
	#[pallet::storage]
	pub type Filings<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, Uscc>,
			NMapKey<Blake2_128Concat, Period>,
			NMapKey<Twox64Concat, Version>,
		),
		Filing<T>,
	>;

	/// The latest version filed for each company and period: also the index of a
	/// company's filings, for paging.
	#[pallet::storage]
	pub type LatestVersion<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Blake2_128Concat, Period, Version>;

	/// Filing deadlines per kind, in days after the period's end; a kind without one has
	/// no deadline.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<_, Twox64Concat, FilingKind, u16>;

	/// Audit firms' accreditations, by the firm's code. Kept after withdrawal.
	#[pallet::storage]
	pub type Auditors<T: Config> = StorageMap<_, Blake2_128Concat, Uscc, Accreditation<T>>;

	/// The attestations of each version, in the order given.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, Uscc>,
			NMapKey<Blake2_128Concat, Period>,
			NMapKey<Twox64Concat, Version>,
		),
		BoundedVec<Attestation<T>, T::MaxAttestations>,
		ValueQuery,
	>;

	/// The regulator's annotations of each version, in the order made.
	#[pallet::storage]
	pub type Annotations<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, Uscc>,
			NMapKey<Blake2_128Concat, Period>,
			NMapKey<Twox64Concat, Version>,
		),
		BoundedVec<Annotation<T>, T::MaxAnnotations>,
		ValueQuery,
	>;

	/// The regulator's flags on each company, numbered from 0. Kept after they are lifted.
	#[pallet::storage]
	pub type Flags<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Twox64Concat, u32, Flag<T>>;

	/// Number of flags each company has had.
	#[pallet::storage]
	pub type FlagCount<T: Config> = StorageMap<_, Blake2_128Concat, Uscc, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A company filed the original version for a period; `late` if at or after the
		/// deadline.
		Filed { filing: FilingId, late: bool },
		/// A company amended a filing: `filing` is the new version.
		Amended { filing: FilingId, amends: Version, late: bool },
		/// An audit firm attested a filing's document.
		Attested { filing: FilingId, auditor: Uscc, opinion: Opinion },
		/// The regulator accredited an audit firm (anew, or again after a suspension).
		AuditorAccredited { firm: Uscc, officer: AgencyOfficer<T::AccountId> },
		/// The regulator suspended an audit firm's accreditation.
		AuditorSuspended { firm: Uscc, officer: AgencyOfficer<T::AccountId> },
		/// The regulator withdrew an audit firm's accreditation.
		AuditorWithdrawn { firm: Uscc, officer: AgencyOfficer<T::AccountId> },
		/// A regulator's officer annotated a filing.
		Annotated { filing: FilingId, kind: AnnotationKind, officer: AgencyOfficer<T::AccountId> },
		/// A regulator's officer flagged a company; `index` numbers the flag.
		CompanyFlagged { company: Uscc, index: u32, officer: AgencyOfficer<T::AccountId> },
		/// A regulator's officer lifted a flag.
		FlagLifted { company: Uscc, index: u32, officer: AgencyOfficer<T::AccountId> },
		/// The regulator set (or removed, `None`) the deadline of a kind of filing.
		DeadlineSet { kind: FilingKind, days: Option<u16> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No company in the register has this code.
		UnknownCompany,
		/// The company is not active in the register (suspended, liquidating, revoked,
		/// cancelled or deregistered).
		CompanyNotActive,
		/// The company stands on the abnormal-operations or serious-violation list.
		CompanyListedAbnormal,
		/// The company is revoked, cancelled or deregistered: it cannot be accredited.
		CompanyClosed,
		/// The signer is not a controller of the company (or of the audit firm).
		NotController,
		/// The period does not exist (a year before 1949, half not 1-2, quarter not 1-4,
		/// an impossible date).
		InvalidPeriod,
		/// The period has not ended yet (an event: its day has not begun).
		PeriodNotEnded,
		/// The period has been filed for already: amend the latest version instead.
		AlreadyFiled,
		/// No filing has this company, period and version.
		UnknownFiling,
		/// An amendment must amend the latest version.
		NotLatestVersion,
		/// The filing has as many versions as allowed.
		TooManyVersions,
		/// Revenue, total assets or total liabilities is negative.
		NegativeFigure,
		/// Equity is not total assets minus total liabilities.
		EquityMismatch,
		/// A fact's concept is not an XBRL qualified name (`prefix:LocalName`, ASCII).
		InvalidConcept,
		/// A concept appears twice among the facts.
		DuplicateConcept,
		/// The document hash is zero.
		EmptyDocumentHash,
		/// The URI is not an ASCII URI with a scheme and no spaces.
		InvalidUri,
		/// A reason or note is required.
		EmptyReason,
		/// A text is not valid UTF-8.
		NotUtf8,
		/// The firm has never been accredited as an auditor.
		NotAnAuditor,
		/// The firm is accredited already.
		AlreadyAccredited,
		/// The firm's accreditation is suspended.
		AuditorSuspended,
		/// The firm's accreditation is withdrawn.
		AuditorWithdrawn,
		/// An audit firm cannot attest its own company's filing.
		SelfAudit,
		/// A later version supersedes the filing: attest the latest.
		Superseded,
		/// The hash given is not the filing's document hash.
		DocumentMismatch,
		/// The firm has attested this version already.
		AlreadyAttested,
		/// The version has as many attestations as allowed.
		TooManyAttestations,
		/// The version has as many annotations as allowed.
		TooManyAnnotations,
		/// The company has no flag with this number.
		UnknownFlag,
		/// The flag was lifted already.
		FlagAlreadyLifted,
		/// The company has had as many flags as can be numbered.
		TooManyFlags,
		/// A deadline of more than 366 days.
		DeadlineTooLong,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(
			_block: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Files the original version of `company`'s report for `period`.
		///
		/// Origin: signed by a controller of the company, which must be registered, active
		/// and on neither list. The period must have ended and not have been filed for; the
		/// content is checked. Stores version 1 with the chain's time, the deadline in force
		/// and whether it is late.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::file(content.facts.len() as u32))]
		pub fn file(
			origin: OriginFor<T>,
			company: Uscc,
			period: Period,
			content: FilingContent<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_file(who, company, period, content)
		}

		/// Files an amendment: the next version of `company`'s report for `period`.
		///
		/// Origin: signed by a controller of the company, under the same rules as `file`.
		/// `amends` must be the latest version and `reason` say why. Stores the new version;
		/// every earlier one stays as it was.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::amend(content.facts.len() as u32))]
		pub fn amend(
			origin: OriginFor<T>,
			company: Uscc,
			period: Period,
			amends: Version,
			content: FilingContent<T>,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_amend(who, company, period, amends, content, reason)
		}

		/// Attests a filing's document hash on behalf of the audit firm `auditor`.
		///
		/// Origin: signed by a controller of the firm, which must be accredited now and not
		/// be the filing company. The filing must be the latest version and `document` its
		/// hash; a firm attests a version once. Adds the attestation with the chain's time.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(
			origin: OriginFor<T>,
			auditor: Uscc,
			filing: FilingId,
			document: DocumentHash,
			opinion: Opinion,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_attest(who, auditor, filing, document, opinion)
		}

		/// Accredits a registered company as an audit firm, or reinstates a suspended or
		/// withdrawn one.
		///
		/// Origin: `SecuritiesOrigin`. The firm must be registered and not closed, and not
		/// accredited already. Records the accreditation with the officer and time.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::accredit_auditor())]
		pub fn accredit_auditor(origin: OriginFor<T>, firm: Uscc) -> DispatchResult {
			let officer = T::SecuritiesOrigin::ensure_origin(origin)?;
			Self::do_accredit_auditor(officer, firm)
		}

		/// Suspends an accredited audit firm, with the reason.
		///
		/// Origin: `SecuritiesOrigin`. The firm must be accredited. It can attest nothing
		/// until accredited again; its attestations stay.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::suspend_auditor())]
		pub fn suspend_auditor(
			origin: OriginFor<T>,
			firm: Uscc,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::SecuritiesOrigin::ensure_origin(origin)?;
			Self::change_auditor(officer, firm, AuditorStatus::Suspended, reason)
		}

		/// Withdraws an audit firm's accreditation, with the reason.
		///
		/// Origin: `SecuritiesOrigin`. The firm must be accredited or suspended. It can
		/// attest nothing unless accredited anew; its attestations stay, and read with the
		/// withdrawal.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_auditor())]
		pub fn withdraw_auditor(
			origin: OriginFor<T>,
			firm: Uscc,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::SecuritiesOrigin::ensure_origin(origin)?;
			Self::change_auditor(officer, firm, AuditorStatus::Withdrawn, reason)
		}

		/// Annotates a filing: a query, a correction request or an enforcement notice.
		///
		/// Origin: `SecuritiesOrigin`. The filing may be any version; `note` is required.
		/// Adds the annotation with the officer and time.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::annotate())]
		pub fn annotate(
			origin: OriginFor<T>,
			filing: FilingId,
			kind: AnnotationKind,
			note: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::SecuritiesOrigin::ensure_origin(origin)?;
			Self::do_annotate(officer, filing, kind, note)
		}

		/// Flags a company for investors' attention, with the reason.
		///
		/// Origin: `SecuritiesOrigin`. The company must be in the register (in any status).
		/// Adds the flag under the company's next number.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::flag_company())]
		pub fn flag_company(
			origin: OriginFor<T>,
			company: Uscc,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::SecuritiesOrigin::ensure_origin(origin)?;
			Self::do_flag_company(officer, company, reason)
		}

		/// Lifts a company's flag, with the reason.
		///
		/// Origin: `SecuritiesOrigin`. The flag must not be lifted already; it stays, with
		/// its lifting recorded.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::lift_flag())]
		pub fn lift_flag(
			origin: OriginFor<T>,
			company: Uscc,
			index: u32,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::SecuritiesOrigin::ensure_origin(origin)?;
			Self::do_lift_flag(officer, company, index, reason)
		}

		/// Sets the deadline of a kind of filing in days after the period's end (an event:
		/// after the end of its day), or removes it with `None`.
		///
		/// Origin: `SecuritiesOrigin`; at most 366 days. Applies to filings made from now
		/// on; recorded filings keep the deadline they were filed under.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_deadline())]
		pub fn set_deadline(
			origin: OriginFor<T>,
			kind: FilingKind,
			days: Option<u16>,
		) -> DispatchResult {
			T::SecuritiesOrigin::ensure_origin(origin)?;
			Self::do_set_deadline(kind, days)
		}
	}

	/// Most filings or flags one runtime-API call returns.
	pub const MAX_PAGE: u32 = 100;

	/// Longest deadline the regulator may set, in days.
	pub const MAX_DEADLINE_DAYS: u16 = 366;

	impl<T: Config> Pallet<T> {
		/// The chain's time in milliseconds.
		pub fn now() -> UnixMillis {
			govchain_domain_types::calendar::chain_time::<T::Time>()
		}
	}
}
