//! # Company registry
//!
//! The authoritative register of market entities that every other agency reads: companies
//! registered by the market regulator under their Unified Social Credit Code, with their
//! particulars, lifecycle status, abnormal and serious-violation listings, controllers,
//! annual reports and full change history.
//!
//! ## Rules
//! - Only officers of an active agency holding the market-regulator role (`RegistrarOrigin`)
//!   register companies, amend their particulars, list and delist them, take closing
//!   decisions and set their controllers, and only within their territory: the division of
//!   the agency's own code (positions 3-8) must contain the company code's division (a
//!   municipal regulator `110000` covers every `11....`, a district `110108` only itself).
//! - Codes must be market-regulator codes (first character `9`) passing every USCC rule.
//!   A code failing a check character (position 17, GB 11714, or 18, GB 32100) is refused
//!   unless the officer names exactly the failing checks as accepted; the record keeps them.
//! - A code is registered once. Closed companies stay for ever and their codes are never
//!   reused. An officer may not name themself a controller.
//! - Lifecycle (Market Entity Registration Regulations 2022): active; business suspended
//!   (歇业) for at most three years, filed by a controller or the regulator, ended by
//!   resumption or at its end date; in liquidation (清算); then deregistered (注销). Revocation
//!   of the licence (吊销), cancellation of a fraudulent registration (撤销登记) and
//!   deregistration are four-eyes decisions: one officer proposes, a second officer of the
//!   same agency confirms within `DecisionWindow`; the proposal can be withdrawn.
//! - A company can stand on the abnormal list for several grounds at once, each removed on
//!   its own. Still listed three years after a listing began, it is on the serious-violation
//!   list from that moment, and for three years its legal representative may not become the
//!   legal representative of another company.
//! - Controllers file annual reports, keep the contact data current and may suspend,
//!   resume or enter liquidation for their company. They pay `StorageFee` for the bytes they
//!   store: a controller who cannot pay stores nothing.
//! - Lazy rules: the report for year Y is due by 30 June of Y+1 (China time; a company
//!   brought on chain before 1 July owes the previous year's report); a company whose
//!   earliest unfiled report is past its deadline reads as listed at once; a suspension past
//!   its end reads as resumed; a listing three years old reads as a serious violation. They
//!   are applied when read (`standing_at`, the `CompanyRegistry` trait, the runtime API) and
//!   recorded by the next call that writes the company, or anyone's `record_lazy_rules`. No
//!   block ever does work in proportion to the number of companies.
//! - Every change appends an entry (who, when, what, why) to the company's history, a
//!   paged map; replaying it rebuilds the record at any point.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
pub mod migrations;
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

/// What the benchmarks need of the runtime: the chain's clock and a second officer.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `now` the chain's time.
	fn set_time(now: govchain_domain_types::UnixMillis);

	/// Adds a second officer to the agency of `officer` and returns the new officer's
	/// account, for four-eyes decisions.
	fn second_officer(officer: &govchain_domain_types::AgencyOfficer<AccountId>) -> AccountId;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use govchain_domain_types::{
		AbnormalListing, AbnormalReason, AgencyOfficer, CheckFailures, CivilDate, CompanyRegistry,
		CompanyStatus, PartyRef, Standing, StorageFee, UnixMillis, Uscc,
	};
	use polkadot_sdk::{sp_core::H256, sp_runtime::TryRuntimeError};

	/// Version 2: shareholders' subscribed and paid-in capital, annual reports with public
	/// data, withheld figures and corrections, the indexes by list and by report owed.
	/// Version 1 (lifecycle statuses, listings, four eyes) is what runtime spec 102 stored;
	/// `migrations::v2` carries it over.
	pub(crate) const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Market-regulator officers: the agencies' origin for the market-regulator role,
		/// yielding the agency and officer who acted.
		type RegistrarOrigin: EnsureOrigin<
			Self::RuntimeOrigin,
			Success = AgencyOfficer<Self::AccountId>,
		>;

		/// The chain's time (the timestamp pallet).
		type Time: UnixTime;

		/// What controllers pay for the bytes their calls store.
		type StorageFee: StorageFee<Self::AccountId>;

		/// How long a proposed closing decision waits for its second officer, in
		/// milliseconds.
		#[pallet::constant]
		type DecisionWindow: Get<UnixMillis>;

		/// Longest company name (Chinese or English), in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Longest registered address, in bytes.
		#[pallet::constant]
		type MaxAddressLength: Get<u32>;

		/// Longest business scope, in bytes.
		#[pallet::constant]
		type MaxScopeLength: Get<u32>;

		/// Most shareholders a record lists: at least 200, the promoters a joint-stock
		/// company may have (a limited liability company has at most 50).
		#[pallet::constant]
		type MaxShareholders: Get<u32>;

		/// Most key personnel a record lists.
		#[pallet::constant]
		type MaxKeyPersonnel: Get<u32>;

		/// Most controller accounts per company.
		#[pallet::constant]
		type MaxControllers: Get<u32>;

		/// Most companies one person may be the legal representative of at once.
		#[pallet::constant]
		type MaxRepresentedCompanies: Get<u32>;

		/// Longest contact field, in bytes.
		#[pallet::constant]
		type MaxContactLength: Get<u32>;

		/// Longest reason or decision reference, in bytes.
		#[pallet::constant]
		type MaxReasonLength: Get<u32>;

		/// Benchmarked weights of the calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need of the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Every company ever registered, closed ones included.
	#[pallet::storage]
	pub type Companies<T: Config> = StorageMap<_, Blake2_128Concat, Uscc, Company<T>>;

	/// Annual reports by company and year, as they stand (corrected or as filed).
	#[pallet::storage]
	pub type AnnualReports<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Twox64Concat, u16, AnnualReport<T>>;

	/// Earlier versions of corrected annual reports, by company, year and version (0 is
	/// the report as first filed). Never removed: a correction does not erase.
	#[pallet::storage]
	pub type SupersededReports<T: Config> = StorageNMap<
		_,
		(NMapKey<Blake2_128Concat, Uscc>, NMapKey<Twox64Concat, u16>, NMapKey<Twox64Concat, u8>),
		AnnualReport<T>,
	>;

	/// The companies on each list (lifecycle status, abnormal, serious violation), as
	/// recorded; kept on every write of a company, so that lists are paged without a scan.
	#[pallet::storage]
	pub type CompaniesByList<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CompanyList, Blake2_128Concat, Uscc, ()>;

	/// Number of companies on each list.
	#[pallet::storage]
	pub type ListLength<T: Config> = StorageMap<_, Twox64Concat, CompanyList, u32, ValueQuery>;

	/// The companies that are not closed, under the earliest year whose annual report they
	/// have not filed; once that year's deadline has passed, they are exactly the companies
	/// the annual-report rule lists for it, recorded or not.
	#[pallet::storage]
	pub type ReportsOwed<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u16, Blake2_128Concat, Uscc, ()>;

	/// Number of companies under each year in `ReportsOwed`.
	#[pallet::storage]
	pub type ReportsOwedCount<T: Config> = StorageMap<_, Twox64Concat, u16, u32, ValueQuery>;

	/// Each company's change history, by company and entry number from 0.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Twox64Concat, u32, ChangeRecord<T>>;

	/// Number of history entries of each company.
	#[pallet::storage]
	pub type HistoryLength<T: Config> = StorageMap<_, Blake2_128Concat, Uscc, u32, ValueQuery>;

	/// The companies each legal representative (by salted hash) represents now, kept on
	/// registration and amendment, so that the serious-violation bar is checked without a
	/// scan of the register.
	#[pallet::storage]
	pub type RepresentedCompanies<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		H256,
		BoundedVec<Uscc, T::MaxRepresentedCompanies>,
		ValueQuery,
	>;

	/// Closing decisions waiting for their second officer, at most one per company. An
	/// expired one stays until it is withdrawn or replaced by a new proposal.
	#[pallet::storage]
	pub type PendingDecisions<T: Config> =
		StorageMap<_, Blake2_128Concat, Uscc, PendingDecision<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A market-regulator officer registered a company, accepting the named failing
		/// check characters of its code; `entry` is its history entry.
		CompanyRegistered {
			uscc: Uscc,
			agency: Uscc,
			accepted_check_failures: CheckFailures,
			entry: u32,
		},
		/// A market-regulator officer amended one part of a company's particulars.
		ParticularsAmended { uscc: Uscc, particular: Particular, entry: u32 },
		/// The company's lifecycle status changed: by a decision, a filing or a lazy rule.
		StatusChanged { uscc: Uscc, from: CompanyStatus, to: CompanyStatus, entry: u32 },
		/// The company was listed as abnormal: by an officer, or by the annual-report rule.
		ListedAbnormal { uscc: Uscc, listing: AbnormalListing, entry: u32 },
		/// An abnormal listing was removed.
		ListingRemoved { uscc: Uscc, listing: AbnormalListing, entry: u32 },
		/// The three-year rule put the company on the serious-violation list.
		SeriousViolationListed { uscc: Uscc, since: UnixMillis, entry: u32 },
		/// An officer proposed a closing decision; a second officer of the same agency may
		/// confirm it until `expires_at`.
		ClosureProposed {
			uscc: Uscc,
			decision: ClosingDecision,
			proposed_by: AgencyOfficer<T::AccountId>,
			expires_at: UnixMillis,
		},
		/// A proposed closing decision was withdrawn.
		ClosureWithdrawn {
			uscc: Uscc,
			decision: ClosingDecision,
			withdrawn_by: AgencyOfficer<T::AccountId>,
		},
		/// A market-regulator officer replaced the company's controllers with these.
		ControllersSet {
			uscc: Uscc,
			controllers: BoundedVec<T::AccountId, T::MaxControllers>,
			entry: u32,
		},
		/// A controller filed the annual report for `year`.
		AnnualReportFiled { uscc: Uscc, year: u16, late: bool, entry: u32 },
		/// A controller corrected the annual report for `year`; `correction` counts from 1,
		/// and the version it replaces is kept.
		AnnualReportCorrected { uscc: Uscc, year: u16, correction: u8, entry: u32 },
		/// A controller published that `shareholder` has now paid in `paid_in` in all.
		CapitalPaidIn { uscc: Uscc, shareholder: PartyRef, paid_in: u128, entry: u32 },
		/// A controller replaced the contact data (the new data is in the history entry).
		ContactUpdated { uscc: Uscc, entry: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The code was not issued by the market regulator (first character `9`).
		NotAMarketEntityCode,
		/// Position 18 is not the code's check character, and the registrar did not accept
		/// that failure.
		CodeCheckCharacterMismatch,
		/// Position 17 is not the organisation code's check character (GB 11714), and the
		/// registrar did not accept that failure.
		CodeOrganisationCheckMismatch,
		/// The registrar accepted a check failure the code does not have: an override is
		/// recorded only for a check that fails.
		CheckOverrideNotNeeded,
		/// The company's code is outside the territory of the officer's agency.
		OutsideJurisdiction,
		/// An officer may not name themself a controller of a company.
		OfficerAsController,
		/// A company with this code was registered before (closed ones included: codes are
		/// never reused).
		AlreadyRegistered,
		/// No company has this code.
		UnknownCompany,
		/// The legal form does not agree with the code's category.
		KindDoesNotMatchCode,
		/// A name is empty.
		EmptyName,
		/// A text is not valid UTF-8.
		NotUtf8,
		/// The registered address is empty.
		EmptyAddress,
		/// The business scope is empty.
		EmptyBusinessScope,
		/// The date does not exist or is before 1949.
		InvalidDate,
		/// The establishment date is after today.
		EstablishedInFuture,
		/// The legal representative's hash is missing (all zero).
		MissingLegalRepresentative,
		/// A shareholder subscribed no capital.
		ZeroSubscription,
		/// A shareholder's paid-in capital exceeds its subscription, or a report's paid-in
		/// capital exceeds its subscribed capital.
		PaidInExceedsSubscription,
		/// The subscriptions do not add up to the registered capital.
		SubscriptionsDoNotMatchCapital,
		/// More shareholders than the legal form allows (50 for a limited liability
		/// company, 200 promoters for a joint-stock company, one for a sole proprietorship).
		TooManyShareholdersForKind,
		/// A shareholder's form of contribution is missing.
		MissingContributionForm,
		/// Capital is still to be paid in, but the subscription deadline is missing.
		MissingSubscriptionDeadline,
		/// A subscription deadline lies beyond the five years within which a limited
		/// liability company established from 1 July 2024 must have its capital paid in.
		SubscriptionDeadlineBeyondFiveYears,
		/// The party is not a shareholder of the company.
		NotAShareholder,
		/// Paid-in capital only grows by payment: the amount must exceed the one recorded
		/// (a reduction of capital is an amendment by the registrar).
		PaidInNotIncreased,
		/// The same party is listed twice as shareholder.
		DuplicateShareholder,
		/// The same party holds the same position twice.
		DuplicateKeyPerson,
		/// A person's salted hash is all zero.
		InvalidPartyReference,
		/// The same account is listed twice as controller.
		DuplicateController,
		/// The legal representative represents a company on the serious-violation list,
		/// listed less than three years ago, and may not represent another.
		RepresentativeBarred,
		/// The legal representative already represents `MaxRepresentedCompanies` companies.
		RepresentsTooManyCompanies,
		/// The company is closed (revoked, cancelled or deregistered), or for a
		/// cancellation, already cancelled or deregistered.
		CompanyClosed,
		/// The company is already listed on this ground.
		AlreadyListed,
		/// Overdue annual reports are listed by the rule, not by an officer.
		OverdueListingIsAutomatic,
		/// The company is not listed on this ground.
		NotListed,
		/// An annual report is overdue: it must be filed before the listing is removed.
		AnnualReportOverdue,
		/// The caller is neither a controller of the company nor a competent officer.
		NotController,
		/// The report for this year was filed already.
		ReportAlreadyFiled,
		/// No report was filed for this year.
		ReportNotFiled,
		/// Reports are corrected only until 30 June of the year after the report year.
		CorrectionPeriodOver,
		/// The report has had `MAX_REPORT_CORRECTIONS` corrections.
		TooManyCorrections,
		/// Reports are filed in year order: an earlier year's report is missing.
		EarlierReportMissing,
		/// The year predates the company's reporting on chain.
		ReportPredatesRegistry,
		/// The year has not ended yet in China time.
		ReportYearNotEnded,
		/// The company is not active (it is suspended, in liquidation or closed).
		NotActive,
		/// The company's business is not suspended.
		NotSuspended,
		/// A suspension must end after today.
		SuspensionEndNotInFuture,
		/// A suspension lasts at most three years from its start.
		SuspensionTooLong,
		/// The company is in liquidation: it can only be deregistered or cancelled.
		InLiquidation,
		/// The company is already in liquidation.
		AlreadyInLiquidation,
		/// Only a company in liquidation can be deregistered.
		NotInLiquidation,
		/// A closing decision for the company is waiting for its second officer.
		DecisionPending,
		/// No closing decision for the company is waiting.
		NoPendingDecision,
		/// The proposed decision's window has passed; it can only be withdrawn or replaced.
		DecisionExpired,
		/// Only an officer of the proposing agency may confirm or withdraw its proposal.
		NotSameAgency,
		/// The confirming officer must not be the one who proposed.
		SameOfficer,
		/// None of the lazy rules has anything to record for the company now.
		NothingToRecord,
		/// The company's history has reached its numbering limit.
		HistoryFull,
		/// The signer cannot pay the fee for the bytes the call would store (and keep its
		/// account alive).
		StorageFeeUnpaid,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_block: BlockNumberFor<T>) -> Result<(), TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a company.
		///
		/// Origin: `RegistrarOrigin` (a market-regulator officer) whose territory contains
		/// the code's division. The code must be a market-regulator code never registered
		/// before; `accepted_check_failures` names exactly the check characters that fail
		/// and are overridden (none for a sound code), and is recorded. The particulars are
		/// checked in full, and the legal representative must not be barred by a serious
		/// violation of another company they represent; the officer may not be among
		/// `controllers`; `reason` is the
		/// registration decision's reference. Stores the company and its first history
		/// entry.
		///
		/// Weighed for a representative who already represents as many companies as they
		/// may; what the bar did not read is refunded.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register(Pallet::<T>::most_bar_reads()))]
		pub fn register(
			origin: OriginFor<T>,
			uscc: Uscc,
			particulars: Particulars<T>,
			controllers: BoundedVec<T::AccountId, T::MaxControllers>,
			accepted_check_failures: CheckFailures,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResultWithPostInfo {
			let officer = Self::ensure_registrar(origin, &uscc)?;
			let bar_reads = Self::do_register(
				officer,
				uscc,
				particulars,
				controllers,
				accepted_check_failures,
				reason,
			)?;
			Ok(Some(T::WeightInfo::register(bar_reads)).into())
		}

		/// Amends one part of a company's registered particulars (变更登记).
		///
		/// Origin: `RegistrarOrigin`, within its territory. The company must not be closed;
		/// the new value is checked as at registration (a new legal representative must not
		/// be barred). Replaces that part and appends the amendment to the history.
		///
		/// A change of legal representative is weighed as `register` is, for the bar's
		/// reads, and refunded what they did not take.
		#[pallet::call_index(1)]
		#[pallet::weight(match amendment {
			Amendment::LegalRepresentative(_) =>
				T::WeightInfo::amend_legal_representative(Pallet::<T>::most_bar_reads()),
			_ => T::WeightInfo::amend(),
		})]
		pub fn amend(
			origin: OriginFor<T>,
			uscc: Uscc,
			amendment: Amendment<T>,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResultWithPostInfo {
			let officer = Self::ensure_registrar(origin, &uscc)?;
			let changes_representative = matches!(amendment, Amendment::LegalRepresentative(_));
			let bar_reads = Self::do_amend(officer, uscc, amendment, reason)?;
			Ok(changes_representative
				.then(|| T::WeightInfo::amend_legal_representative(bar_reads))
				.into())
		}

		/// Lists a company as abnormal (列入经营异常名录) on a ground other than an overdue
		/// report.
		///
		/// Origin: `RegistrarOrigin`, within its territory. The company must not be closed
		/// nor already listed on that ground; other listings may stand. Adds the listing,
		/// dated now.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::list_abnormal())]
		pub fn list_abnormal(
			origin: OriginFor<T>,
			uscc: Uscc,
			ground: AbnormalReason,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = Self::ensure_registrar(origin, &uscc)?;
			Self::do_list_abnormal(officer, uscc, ground, reason)
		}

		/// Removes one abnormal listing (移出经营异常名录) once its cause is cured.
		///
		/// Origin: `RegistrarOrigin`, within its territory. The company must not be closed
		/// and must be listed on exactly `ground`; an overdue-report listing only once no
		/// report is overdue. Lazy rules are recorded first, so a serious-violation listing
		/// already due stays. Removes that listing only.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_listing())]
		pub fn remove_listing(
			origin: OriginFor<T>,
			uscc: Uscc,
			ground: AbnormalReason,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = Self::ensure_registrar(origin, &uscc)?;
			Self::do_remove_listing(officer, uscc, ground, reason)
		}

		/// Replaces the accounts that may act on chain for a company.
		///
		/// Origin: `RegistrarOrigin`, within its territory. The company must not be closed;
		/// the list may be empty (no one acts for it) but may not repeat an account nor
		/// contain the officer.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_controllers())]
		pub fn set_controllers(
			origin: OriginFor<T>,
			uscc: Uscc,
			controllers: BoundedVec<T::AccountId, T::MaxControllers>,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = Self::ensure_registrar(origin, &uscc)?;
			Self::do_set_controllers(officer, uscc, controllers, reason)
		}

		/// Files the annual report for `year`: its public data, its figures published or as
		/// a salted hash only, and the full document's hash.
		///
		/// Origin: signed by a controller of a company that is not closed. Years are filed in
		/// order, from the company's first reporting year on, once the year has ended. The
		/// public data must be UTF-8 and its paid-in capital at most its subscribed. A
		/// report filed on or after its deadline is marked late, and lazy rules due are
		/// recorded first. The controller pays the storage fee for the report and its
		/// history entry.
		#[pallet::call_index(5)]
		#[pallet::weight(
			T::WeightInfo::file_annual_report().saturating_add(T::StorageFee::charge_weight())
		)]
		pub fn file_annual_report(
			origin: OriginFor<T>,
			uscc: Uscc,
			year: u16,
			public: ReportPublicData<T>,
			figures: FiguresDisclosure,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_file_annual_report(who, uscc, year, public, figures, document_hash)
		}

		/// Replaces the company's public contact data.
		///
		/// Origin: signed by a controller of a company that is not closed. Every field must
		/// be UTF-8; empty fields are allowed. The controller pays the storage fee for the
		/// history entry, which keeps the contact data for ever.
		#[pallet::call_index(6)]
		#[pallet::weight(
			T::WeightInfo::update_contact().saturating_add(T::StorageFee::charge_weight())
		)]
		pub fn update_contact(
			origin: OriginFor<T>,
			uscc: Uscc,
			contact: Contact<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_contact(who, uscc, contact)
		}

		/// Records what the lazy rules imply for a company now: a suspension past its end,
		/// an overdue report's listing, a serious-violation listing.
		///
		/// Origin: any signed account (a watchdog, another agency, a competitor). Fails if
		/// nothing is due. Each record dates from when the rule took effect, not from this
		/// call.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::record_lazy_rules())]
		pub fn record_lazy_rules(origin: OriginFor<T>, uscc: Uscc) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_lazy_rules(who, uscc)
		}

		/// Proposes revoking, cancelling or deregistering a company.
		///
		/// Origin: `RegistrarOrigin`, within its territory. The decision must be allowed
		/// from the company's status now (revocation: active or suspended; cancellation: not
		/// cancelled or deregistered; deregistration: in liquidation) and no unexpired
		/// proposal may wait. Stores the proposal, which expires after `DecisionWindow`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::propose_closure())]
		pub fn propose_closure(
			origin: OriginFor<T>,
			uscc: Uscc,
			decision: ClosingDecision,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = Self::ensure_registrar(origin, &uscc)?;
			Self::do_propose_closure(officer, uscc, decision, reason)
		}

		/// Confirms the waiting closing decision, which takes effect now.
		///
		/// Origin: `RegistrarOrigin`: an officer of the proposing agency other than the
		/// proposer, before the proposal expires. The decision must still be allowed from
		/// the company's status. Records lazy rules due, changes the status, records both
		/// officers in the history and removes the proposal.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::confirm_closure())]
		pub fn confirm_closure(origin: OriginFor<T>, uscc: Uscc) -> DispatchResult {
			let officer = Self::ensure_registrar(origin, &uscc)?;
			Self::do_confirm_closure(officer, uscc)
		}

		/// Withdraws the waiting closing decision, expired or not.
		///
		/// Origin: `RegistrarOrigin`: any officer of the proposing agency. Removes the
		/// proposal.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::withdraw_closure())]
		pub fn withdraw_closure(origin: OriginFor<T>, uscc: Uscc) -> DispatchResult {
			let officer = T::RegistrarOrigin::ensure_origin(origin)?;
			Self::do_withdraw_closure(officer, uscc)
		}

		/// Suspends the company's business (歇业) until the start of `until` (China time), or
		/// moves the end of a running suspension.
		///
		/// Origin: a controller of the company (who pays the storage fee) or
		/// `RegistrarOrigin` within its territory. The company must be active or suspended;
		/// `until` must be a real date after today and at most three years after the
		/// suspension began. Records lazy rules due, then the new status.
		#[pallet::call_index(11)]
		#[pallet::weight(
			T::WeightInfo::suspend_business().saturating_add(T::StorageFee::charge_weight())
		)]
		pub fn suspend_business(
			origin: OriginFor<T>,
			uscc: Uscc,
			until: CivilDate,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let actor = Self::ensure_controller_or_registrar(origin, &uscc)?;
			Self::do_suspend_business(actor, uscc, until, reason)
		}

		/// Resumes a suspended company's business before the suspension's end.
		///
		/// Origin: a controller of the company (who pays the storage fee) or
		/// `RegistrarOrigin` within its territory. The company must be suspended now.
		#[pallet::call_index(12)]
		#[pallet::weight(
			T::WeightInfo::resume_business().saturating_add(T::StorageFee::charge_weight())
		)]
		pub fn resume_business(
			origin: OriginFor<T>,
			uscc: Uscc,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let actor = Self::ensure_controller_or_registrar(origin, &uscc)?;
			Self::do_resume_business(actor, uscc, reason)
		}

		/// Records that the company entered liquidation (清算), the step before
		/// deregistration.
		///
		/// Origin: a controller of the company (who pays the storage fee) or
		/// `RegistrarOrigin` within its territory. The company must be active or suspended,
		/// or for a regulator also revoked.
		#[pallet::call_index(13)]
		#[pallet::weight(
			T::WeightInfo::enter_liquidation().saturating_add(T::StorageFee::charge_weight())
		)]
		pub fn enter_liquidation(
			origin: OriginFor<T>,
			uscc: Uscc,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let actor = Self::ensure_controller_or_registrar(origin, &uscc)?;
			Self::do_enter_liquidation(actor, uscc, reason)
		}

		/// Publishes that a shareholder has paid in `paid_in` of its subscription in all
		/// (Art. 10 of the Interim Regulations on Enterprise Information Publicity).
		///
		/// Origin: signed by a controller of a company that is not closed. The party must be
		/// a shareholder and the amount more than recorded and at most its subscription.
		/// Updates the shareholding; the controller pays the storage fee for the history
		/// entry.
		#[pallet::call_index(14)]
		#[pallet::weight(
			T::WeightInfo::record_paid_in().saturating_add(T::StorageFee::charge_weight())
		)]
		pub fn record_paid_in(
			origin: OriginFor<T>,
			uscc: Uscc,
			shareholder: PartyRef,
			paid_in: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_paid_in(who, uscc, shareholder, paid_in)
		}

		/// Corrects the annual report for `year` (更正), keeping the version it replaces.
		///
		/// Origin: signed by a controller of a company that is not closed. The report must
		/// be filed, the correction made before 1 July of the year after the report year
		/// (China time) and within `MAX_REPORT_CORRECTIONS`; the new content is checked as a
		/// filing. Lazy rules due are recorded first. Moves the standing version to
		/// `SupersededReports` and stores the new one; the controller pays the storage fee.
		#[pallet::call_index(15)]
		#[pallet::weight(
			T::WeightInfo::correct_annual_report().saturating_add(T::StorageFee::charge_weight())
		)]
		pub fn correct_annual_report(
			origin: OriginFor<T>,
			uscc: Uscc,
			year: u16,
			public: ReportPublicData<T>,
			figures: FiguresDisclosure,
			document_hash: H256,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_correct_annual_report(who, uscc, year, public, figures, document_hash, reason)
		}
	}

	/// Most history entries one runtime-API call returns.
	pub const MAX_HISTORY_PAGE: u32 = 100;
	pub use crate::features::reads::MAX_COMPANY_PAGE;

	impl<T: Config> CompanyRegistry<T::AccountId> for Pallet<T> {
		fn standing(uscc: &Uscc) -> Option<Standing> {
			Companies::<T>::get(uscc).map(|company| Self::standing_at(&company, Self::now()))
		}

		/// Controllers of closed companies no longer act for them.
		fn is_controller(uscc: &Uscc, who: &T::AccountId) -> bool {
			Companies::<T>::get(uscc).is_some_and(|company| {
				!company.status.is_closed() && company.controllers.contains(who)
			})
		}
	}

	impl<T: Config> Pallet<T> {
		/// The most companies the representative bar reads: all those a legal
		/// representative may represent but the one being added.
		pub fn most_bar_reads() -> u32 {
			T::MaxRepresentedCompanies::get().saturating_sub(1)
		}

		/// The registry's invariants: every company's history is numbered 0 to its length
		/// without gaps, and no history exists without a company; every annual report
		/// belongs to a registered company, and a company's reports are consecutive years
		/// ending just before its `next_report_year`; a company's listings have distinct
		/// grounds; every waiting decision belongs to a company; `RepresentedCompanies` lists
		/// exactly each company under its legal representative.
		pub fn do_try_state() -> Result<(), TryRuntimeError> {
			Self::check_histories()?;
			Self::check_reports()?;
			Self::check_indexes()?;
			let mut represented: u32 = 0;
			for (representative, companies) in RepresentedCompanies::<T>::iter() {
				for uscc in companies.iter() {
					let company =
						Companies::<T>::get(uscc).ok_or("a representation without a company")?;
					ensure!(
						company.particulars.legal_representative == representative,
						"a company listed under someone who does not represent it"
					);
					represented = represented.saturating_add(1);
				}
			}
			let mut companies: u32 = 0;
			for (uscc, company) in Companies::<T>::iter() {
				companies = companies.saturating_add(1);
				ensure!(
					HistoryLength::<T>::get(uscc) > 0,
					"a company without its registration entry"
				);
				let listings = &company.abnormal_listings;
				for (index, listing) in listings.iter().enumerate() {
					ensure!(
						listings[index + 1..]
							.iter()
							.all(|other| !same_ground(&listing.reason, &other.reason)),
						"a company is listed twice on one ground"
					);
				}
			}
			ensure!(represented == companies, "a company missing under its legal representative");
			for (uscc, _) in PendingDecisions::<T>::iter() {
				ensure!(Companies::<T>::contains_key(uscc), "a decision without a company");
			}
			Ok(())
		}
	}

	/// Whether two listing reasons are the same ground (an overdue report of any year is
	/// one ground).
	pub(crate) fn same_ground(reason: &AbnormalReason, other: &AbnormalReason) -> bool {
		core::mem::discriminant(reason) == core::mem::discriminant(other)
	}
}
