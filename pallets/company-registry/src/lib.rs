//! # Company registry
//!
//! The authoritative register of market entities that every other agency reads: companies
//! registered by the market regulator under their Unified Social Credit Code, with their
//! particulars, status, controllers, annual reports and full change history.
//!
//! ## Rules
//! - Only officers of an active agency holding the market-regulator role (`RegistrarOrigin`)
//!   register companies, amend their particulars, change their status, restore them from
//!   the abnormal list and set their controllers.
//! - Codes must be market-regulator codes (first character `9`) passing every USCC rule. A
//!   code failing only the check character is refused unless the officer passes the legacy
//!   override, which is stored with the record.
//! - A code is registered once. Revoked and deregistered companies stay for ever and their
//!   codes cannot be registered again.
//! - Controllers file annual reports and keep the contact data current; nothing else. They
//!   pay `StorageFee` for the bytes each report or contact update adds to the chain (the
//!   report, or the contact data, and its history entry): a controller who cannot pay
//!   stores nothing.
//! - Annual-report rule: the report for year Y is due by 30 June of Y+1 (China Standard
//!   Time). The rule is applied **lazily**: a company whose earliest unfiled report is past
//!   its deadline reads as abnormal at once (`status_now`, the `CompanyRegistry` trait and
//!   the runtime API), and the listing is recorded by the next status-changing call, a late
//!   filing, or anyone's `mark_overdue`. No block ever does work in proportion to the
//!   number of companies.
//! - Every change appends an entry (who, when, what, why) to the company's history, a
//!   paged map; replaying it rebuilds the record at any point.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

/// Sets the chain's time in benchmarks, where no timestamp inherent runs.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Makes `now` the chain's time.
	fn set_time(now: govchain_domain_types::UnixMillis);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::collections::btree_map::BTreeMap;
	use alloc::collections::btree_set::BTreeSet;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use govchain_domain_types::{
		calendar::{annual_report_deadline, year_in_cst},
		AbnormalReason, AgencyOfficer, CompanyRegistry, CompanyStatus, PartyRef,
		RegistrationAuthority, StorageFee, UnixMillis, Uscc, UsccError,
	};
	use polkadot_sdk::{sp_core::H256, sp_runtime::TryRuntimeError};

	/// Version 0: the layout the chain launched with.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

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

		/// What controllers pay for the bytes their reports and contact updates store.
		type StorageFee: StorageFee<Self::AccountId>;

		/// Longest company name (Chinese or English), in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Longest registered address, in bytes.
		#[pallet::constant]
		type MaxAddressLength: Get<u32>;

		/// Longest business scope, in bytes.
		#[pallet::constant]
		type MaxScopeLength: Get<u32>;

		/// Most shareholders a record lists (a limited liability company has at most 50).
		#[pallet::constant]
		type MaxShareholders: Get<u32>;

		/// Most officers a record lists.
		#[pallet::constant]
		type MaxCompanyOfficers: Get<u32>;

		/// Most controller accounts per company.
		#[pallet::constant]
		type MaxControllers: Get<u32>;

		/// Longest contact field, in bytes.
		#[pallet::constant]
		type MaxContactLength: Get<u32>;

		/// Longest reason or decision reference, in bytes.
		#[pallet::constant]
		type MaxReasonLength: Get<u32>;

		/// Benchmarked weights of the calls.
		type WeightInfo: WeightInfo;

		/// Sets the time in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper;
	}

	/// Every company ever registered, revoked and deregistered ones included.
	#[pallet::storage]
	pub type Companies<T: Config> = StorageMap<_, Blake2_128Concat, Uscc, Company<T>>;

	/// Annual reports by company and year.
	#[pallet::storage]
	pub type AnnualReports<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Twox64Concat, u16, AnnualReport<T>>;

	/// Each company's change history, by company and entry number from 0.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Twox64Concat, u32, ChangeRecord<T>>;

	/// Number of history entries of each company.
	#[pallet::storage]
	pub type HistoryLength<T: Config> = StorageMap<_, Blake2_128Concat, Uscc, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A market-regulator officer registered a company; `entry` is its history entry.
		CompanyRegistered { uscc: Uscc, agency: Uscc, legacy_code: bool, entry: u32 },
		/// A market-regulator officer amended a company's particulars.
		ParticularsAmended { uscc: Uscc, entry: u32 },
		/// The company's status changed: by an officer's order, a restoration, or the
		/// annual-report rule.
		StatusChanged { uscc: Uscc, from: CompanyStatus, to: CompanyStatus, entry: u32 },
		/// A market-regulator officer replaced the company's controllers.
		ControllersSet { uscc: Uscc, entry: u32 },
		/// A controller filed the annual report for `year`.
		AnnualReportFiled { uscc: Uscc, year: u16, late: bool, entry: u32 },
		/// A controller updated the contact data.
		ContactUpdated { uscc: Uscc, entry: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A character of the code is outside the USCC alphabet (lower case, I, O, S, V, Z).
		CodeHasInvalidCharacter,
		/// The first two characters name no registering authority and category.
		CodeHasUnknownAuthorityOrCategory,
		/// Characters 3-8 of the code are not six digits.
		CodeHasInvalidDivision,
		/// The check character does not match; a pilot-era code needs the legacy override.
		CodeCheckCharacterMismatch,
		/// The code was not issued by the market regulator (first character `9`).
		NotAMarketEntityCode,
		/// A company with this code was registered before (revoked and deregistered ones
		/// included: codes are never reused).
		AlreadyRegistered,
		/// No company has this code.
		UnknownCompany,
		/// The legal form does not agree with the code's category.
		KindDoesNotMatchCode,
		/// A name is empty.
		EmptyName,
		/// A text is not valid UTF-8.
		NotUtf8,
		/// The currency is not an active ISO 4217 code.
		UnknownCurrency,
		/// The registered address is empty.
		EmptyAddress,
		/// The division code is not a GB/T 2260 code.
		InvalidDivisionCode,
		/// The business scope is empty.
		EmptyBusinessScope,
		/// The industry code is not a GB/T 4754 class.
		InvalidIndustryCode,
		/// The date does not exist or is before 1949.
		InvalidDate,
		/// The establishment date is after today.
		EstablishedInFuture,
		/// The legal representative's hash is missing (all zero).
		MissingLegalRepresentative,
		/// A shareholder's share is zero.
		ZeroShare,
		/// The shares add up to more than 100 %.
		SharesExceedWhole,
		/// The same party is listed twice as shareholder.
		DuplicateShareholder,
		/// The same party holds the same position twice.
		DuplicateOfficer,
		/// A party reference is not a valid USCC or LEI, or a person's hash is all zero.
		InvalidPartyReference,
		/// The same account is listed twice as controller.
		DuplicateController,
		/// The company is revoked or deregistered: nothing more can be done for it.
		CompanyClosed,
		/// The company is already on the abnormal list.
		AlreadyAbnormal,
		/// Overdue annual reports are listed by the rule (`mark_overdue`), not by an officer.
		OverdueListingIsAutomatic,
		/// The company is not on the abnormal list.
		NotAbnormal,
		/// An annual report is overdue: it must be filed before the company is restored.
		AnnualReportOverdue,
		/// The caller is not a controller of the company.
		NotController,
		/// The report for this year was filed already.
		ReportAlreadyFiled,
		/// Reports are filed in year order: an earlier year's report is missing.
		EarlierReportMissing,
		/// The year predates the company's reporting on chain.
		ReportPredatesRegistry,
		/// The year has not ended yet in China time.
		ReportYearNotEnded,
		/// The company's recorded status is not active.
		NotActive,
		/// No annual report of the company is overdue.
		NotOverdue,
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
		/// Origin: `RegistrarOrigin` (a market-regulator officer). The code must be a
		/// market-regulator code never registered before; `accept_legacy_code` lets a code
		/// that fails only the check character through, and is recorded. The particulars
		/// are checked in full; `reason` is the registration decision's reference.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(
			origin: OriginFor<T>,
			uscc: Uscc,
			particulars: Particulars<T>,
			controllers: BoundedVec<T::AccountId, T::MaxControllers>,
			accept_legacy_code: bool,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::RegistrarOrigin::ensure_origin(origin)?;
			let legacy_code = Self::check_code(&uscc, accept_legacy_code)?;
			ensure!(!Companies::<T>::contains_key(uscc), Error::<T>::AlreadyRegistered);
			let now = Self::now();
			Self::check_particulars(&uscc, &particulars, now)?;
			Self::check_controllers(&controllers)?;
			let company = Company {
				next_report_year: particulars.established_on.year.max(year_in_cst(now)),
				particulars: particulars.clone(),
				status: CompanyStatus::Active,
				legacy_code,
				registered_by: officer.clone(),
				registered_at: now,
				controllers: controllers.clone(),
				contact: Contact::default(),
			};
			let agency = officer.agency;
			let change = Change::Registered { particulars, controllers, legacy_code };
			let entry = Self::append_history(&uscc, now, Actor::Officer(officer), change, reason)?;
			Companies::<T>::insert(uscc, company);
			Self::deposit_event(Event::CompanyRegistered { uscc, agency, legacy_code, entry });
			Ok(())
		}

		/// Amends part of a company's registered particulars (变更登记).
		///
		/// Origin: `RegistrarOrigin`. The company must not be revoked or deregistered; the new
		/// value is checked as at registration.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::amend())]
		pub fn amend(
			origin: OriginFor<T>,
			uscc: Uscc,
			amendment: Amendment<T>,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::RegistrarOrigin::ensure_origin(origin)?;
			let mut company = Self::open_company(&uscc)?;
			let now = Self::now();
			Self::apply_amendment(&mut company.particulars, amendment.clone());
			Self::check_particulars(&uscc, &company.particulars, now)?;
			let entry = Self::append_history(
				&uscc,
				now,
				Actor::Officer(officer),
				Change::Amended(amendment),
				reason,
			)?;
			Companies::<T>::insert(uscc, company);
			Self::deposit_event(Event::ParticularsAmended { uscc, entry });
			Ok(())
		}

		/// Lists a company as abnormal, revokes its licence or deregisters it.
		///
		/// Origin: `RegistrarOrigin`. Listing needs an active company and a ground other than
		/// an overdue report; revocation a company neither revoked nor deregistered;
		/// deregistration one not deregistered. A listing the annual-report rule implies is
		/// recorded first.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::change_status())]
		pub fn change_status(
			origin: OriginFor<T>,
			uscc: Uscc,
			change: StatusChange,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::RegistrarOrigin::ensure_origin(origin)?;
			let mut company = Companies::<T>::get(uscc).ok_or(Error::<T>::UnknownCompany)?;
			let now = Self::now();
			let current = Self::status_at(&company, now);
			let new_status = match change {
				StatusChange::ListAbnormal(AbnormalReason::AnnualReportOverdue { .. }) => {
					return Err(Error::<T>::OverdueListingIsAutomatic.into())
				},
				StatusChange::ListAbnormal(reason) => {
					ensure!(!current.is_closed(), Error::<T>::CompanyClosed);
					ensure!(current == CompanyStatus::Active, Error::<T>::AlreadyAbnormal);
					CompanyStatus::Abnormal { reason, since: now }
				},
				StatusChange::Revoke => {
					ensure!(!current.is_closed(), Error::<T>::CompanyClosed);
					CompanyStatus::Revoked { since: now }
				},
				StatusChange::Deregister => {
					ensure!(
						!matches!(current, CompanyStatus::Deregistered { .. }),
						Error::<T>::CompanyClosed
					);
					CompanyStatus::Deregistered { since: now }
				},
			};
			Self::record_implied_listing(&uscc, &mut company, now, &officer.officer)?;
			let from = company.status;
			company.status = new_status;
			let entry = Self::append_history(
				&uscc,
				now,
				Actor::Officer(officer),
				Change::StatusChanged { from, to: new_status },
				reason,
			)?;
			Companies::<T>::insert(uscc, company);
			Self::deposit_event(Event::StatusChanged { uscc, from, to: new_status, entry });
			Ok(())
		}

		/// Takes a company off the abnormal list (移出经营异常名录).
		///
		/// Origin: `RegistrarOrigin`. The company must be abnormal and have no annual report
		/// overdue.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::restore())]
		pub fn restore(
			origin: OriginFor<T>,
			uscc: Uscc,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::RegistrarOrigin::ensure_origin(origin)?;
			let mut company = Companies::<T>::get(uscc).ok_or(Error::<T>::UnknownCompany)?;
			let now = Self::now();
			ensure!(
				matches!(Self::status_at(&company, now), CompanyStatus::Abnormal { .. }),
				Error::<T>::NotAbnormal
			);
			ensure!(Self::overdue_year(&company, now).is_none(), Error::<T>::AnnualReportOverdue);
			let from = company.status;
			company.status = CompanyStatus::Active;
			let entry = Self::append_history(
				&uscc,
				now,
				Actor::Officer(officer),
				Change::StatusChanged { from, to: CompanyStatus::Active },
				reason,
			)?;
			Companies::<T>::insert(uscc, company);
			Self::deposit_event(Event::StatusChanged {
				uscc,
				from,
				to: CompanyStatus::Active,
				entry,
			});
			Ok(())
		}

		/// Replaces the accounts that may act on chain for a company.
		///
		/// Origin: `RegistrarOrigin`. The company must not be revoked or deregistered; the
		/// list may be empty (no one acts for it) but may not repeat an account.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_controllers())]
		pub fn set_controllers(
			origin: OriginFor<T>,
			uscc: Uscc,
			controllers: BoundedVec<T::AccountId, T::MaxControllers>,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::RegistrarOrigin::ensure_origin(origin)?;
			let mut company = Self::open_company(&uscc)?;
			Self::check_controllers(&controllers)?;
			company.controllers = controllers.clone();
			let now = Self::now();
			let entry = Self::append_history(
				&uscc,
				now,
				Actor::Officer(officer),
				Change::ControllersSet(controllers),
				reason,
			)?;
			Companies::<T>::insert(uscc, company);
			Self::deposit_event(Event::ControllersSet { uscc, entry });
			Ok(())
		}

		/// Files the annual report for `year`.
		///
		/// Origin: signed by a controller of a company that is not revoked or deregistered.
		/// Years are filed in order, from the company's first reporting year on, once the year
		/// has ended. A report filed on or after its deadline is marked late, and if the
		/// company's listing as abnormal was not yet recorded, it is recorded first. The
		/// controller pays the storage fee for the report and its history entry.
		#[pallet::call_index(5)]
		#[pallet::weight(
			T::WeightInfo::file_annual_report().saturating_add(T::StorageFee::charge_weight())
		)]
		pub fn file_annual_report(
			origin: OriginFor<T>,
			uscc: Uscc,
			year: u16,
			figures: ReportFigures,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut company = Self::open_company(&uscc)?;
			ensure!(company.controllers.contains(&who), Error::<T>::NotController);
			ensure!(!AnnualReports::<T>::contains_key(uscc, year), Error::<T>::ReportAlreadyFiled);
			ensure!(year >= company.next_report_year, Error::<T>::ReportPredatesRegistry);
			ensure!(year == company.next_report_year, Error::<T>::EarlierReportMissing);
			let now = Self::now();
			ensure!(year < year_in_cst(now), Error::<T>::ReportYearNotEnded);
			ensure!(figures.currency.is_valid(), Error::<T>::UnknownCurrency);
			let late = now >= annual_report_deadline(year);
			// `year` is before the current year, so this cannot saturate.
			let next_report_year = year.saturating_add(1);
			let report =
				AnnualReport { figures, document_hash, filed_by: who.clone(), filed_at: now, late };
			let record = Self::history_record(
				now,
				Actor::Controller(who.clone()),
				Change::AnnualReportFiled { year, late },
				Default::default(),
			);
			Self::charge_storage(
				&who,
				report.encoded_size().saturating_add(record.encoded_size()),
			)?;
			Self::record_implied_listing(&uscc, &mut company, now, &who)?;
			company.next_report_year = next_report_year;
			let entry = Self::append_record(&uscc, record)?;
			AnnualReports::<T>::insert(uscc, year, report);
			Companies::<T>::insert(uscc, company);
			Self::deposit_event(Event::AnnualReportFiled { uscc, year, late, entry });
			Ok(())
		}

		/// Replaces the company's public contact data.
		///
		/// Origin: signed by a controller of a company that is not revoked or deregistered.
		/// Every field must be UTF-8; empty fields are allowed. The controller pays the
		/// storage fee for the history entry, which keeps the contact data for ever.
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
			let mut company = Self::open_company(&uscc)?;
			ensure!(company.controllers.contains(&who), Error::<T>::NotController);
			for field in [&contact.phone, &contact.email, &contact.website, &contact.postal_address]
			{
				Self::check_utf8(field)?;
			}
			company.contact = contact.clone();
			let record = Self::history_record(
				Self::now(),
				Actor::Controller(who.clone()),
				Change::ContactUpdated(contact),
				Default::default(),
			);
			Self::charge_storage(&who, record.encoded_size())?;
			let entry = Self::append_record(&uscc, record)?;
			Companies::<T>::insert(uscc, company);
			Self::deposit_event(Event::ContactUpdated { uscc, entry });
			Ok(())
		}

		/// Records the abnormal listing the annual-report rule implies for a company.
		///
		/// Origin: any signed account (a watchdog, another agency, a competitor). The
		/// company's recorded status must be active and one of its reports overdue. The
		/// listing dates from the missed deadline, not from this call.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::mark_overdue())]
		pub fn mark_overdue(origin: OriginFor<T>, uscc: Uscc) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut company = Companies::<T>::get(uscc).ok_or(Error::<T>::UnknownCompany)?;
			ensure!(company.status == CompanyStatus::Active, Error::<T>::NotActive);
			let now = Self::now();
			ensure!(Self::overdue_year(&company, now).is_some(), Error::<T>::NotOverdue);
			Self::record_implied_listing(&uscc, &mut company, now, &who)?;
			Companies::<T>::insert(uscc, company);
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The chain's time in milliseconds.
		pub fn now() -> UnixMillis {
			u64::try_from(T::Time::now().as_millis()).unwrap_or(u64::MAX)
		}

		/// A company's status at `now`: the recorded one, or abnormal from the missed
		/// deadline if the recorded status is active and a report is overdue.
		pub fn status_at(company: &Company<T>, now: UnixMillis) -> CompanyStatus {
			match (company.status, Self::overdue_year(company, now)) {
				(CompanyStatus::Active, Some(year)) => CompanyStatus::Abnormal {
					reason: AbnormalReason::AnnualReportOverdue { year },
					since: annual_report_deadline(year),
				},
				(status, _) => status,
			}
		}

		/// The company's status now, if it is registered.
		pub fn status_now(uscc: &Uscc) -> Option<CompanyStatus> {
			Companies::<T>::get(uscc).map(|company| Self::status_at(&company, Self::now()))
		}

		/// The earliest year whose report is past its deadline, if any.
		fn overdue_year(company: &Company<T>, now: UnixMillis) -> Option<u16> {
			(now >= annual_report_deadline(company.next_report_year))
				.then_some(company.next_report_year)
		}

		/// The company with details, for the runtime API.
		pub fn company_details(uscc: Uscc) -> Option<CompanyDetails<T>> {
			let company = Companies::<T>::get(uscc)?;
			Some(CompanyDetails {
				status_now: Self::status_at(&company, Self::now()),
				history_length: HistoryLength::<T>::get(uscc),
				company,
			})
		}

		/// Up to `count` history entries from entry `start`, at most [`MAX_HISTORY_PAGE`].
		pub fn history_page(uscc: Uscc, start: u32, count: u32) -> HistoryPage<T> {
			let total = HistoryLength::<T>::get(uscc);
			let end = start.saturating_add(count.min(MAX_HISTORY_PAGE)).min(total);
			let records = (start..end).filter_map(|index| History::<T>::get(uscc, index)).collect();
			HistoryPage { records, total }
		}

		/// Validates the code; returns whether it is registered under the legacy override.
		fn check_code(uscc: &Uscc, accept_legacy_code: bool) -> Result<bool, DispatchError> {
			let code = Uscc::parse_legacy(uscc.as_bytes()).map_err(Self::code_error)?;
			ensure!(
				code.registration_authority() == Ok(RegistrationAuthority::MarketRegulator),
				Error::<T>::NotAMarketEntityCode
			);
			let legacy = !code.has_valid_check_character();
			ensure!(!legacy || accept_legacy_code, Error::<T>::CodeCheckCharacterMismatch);
			Ok(legacy)
		}

		fn code_error(error: UsccError) -> DispatchError {
			match error {
				// A `[u8; 18]` cannot have the wrong length.
				UsccError::InvalidCharacter { .. } | UsccError::WrongLength => {
					Error::<T>::CodeHasInvalidCharacter
				},
				UsccError::UnknownRegistrationAuthority | UsccError::UnknownCategory => {
					Error::<T>::CodeHasUnknownAuthorityOrCategory
				},
				UsccError::InvalidDivisionCode => Error::<T>::CodeHasInvalidDivision,
				UsccError::CheckCharacterMismatch => Error::<T>::CodeCheckCharacterMismatch,
			}
			.into()
		}

		/// Checks particulars in full, as registered or amended, at time `now`.
		fn check_particulars(
			uscc: &Uscc,
			particulars: &Particulars<T>,
			now: UnixMillis,
		) -> DispatchResult {
			ensure!(
				particulars.kind.uscc_category() == uscc.category(),
				Error::<T>::KindDoesNotMatchCode
			);
			ensure!(!particulars.legal_name.is_empty(), Error::<T>::EmptyName);
			Self::check_utf8(&particulars.legal_name)?;
			if let Some(english_name) = &particulars.english_name {
				ensure!(!english_name.is_empty(), Error::<T>::EmptyName);
				Self::check_utf8(english_name)?;
			}
			ensure!(
				particulars.registered_capital.currency.is_valid(),
				Error::<T>::UnknownCurrency
			);
			ensure!(!particulars.registered_address.is_empty(), Error::<T>::EmptyAddress);
			Self::check_utf8(&particulars.registered_address)?;
			ensure!(particulars.division.is_valid(), Error::<T>::InvalidDivisionCode);
			ensure!(!particulars.business_scope.is_empty(), Error::<T>::EmptyBusinessScope);
			Self::check_utf8(&particulars.business_scope)?;
			ensure!(particulars.industry.is_valid(), Error::<T>::InvalidIndustryCode);
			ensure!(particulars.established_on.is_valid(), Error::<T>::InvalidDate);
			ensure!(
				particulars.established_on.start_in_cst() <= now,
				Error::<T>::EstablishedInFuture
			);
			ensure!(
				particulars.legal_representative != H256::zero(),
				Error::<T>::MissingLegalRepresentative
			);
			Self::check_shareholders(&particulars.shareholders)?;
			Self::check_officers(&particulars.officers)
		}

		fn check_shareholders(shareholders: &[Shareholding]) -> DispatchResult {
			let mut parties = BTreeSet::new();
			let mut total: u32 = 0;
			for holding in shareholders {
				Self::check_party(&holding.party)?;
				ensure!(holding.basis_points > 0, Error::<T>::ZeroShare);
				ensure!(parties.insert(holding.party), Error::<T>::DuplicateShareholder);
				// Saturating is exact here: any saturated total is refused below.
				total = total.saturating_add(holding.basis_points.into());
			}
			ensure!(total <= 10_000, Error::<T>::SharesExceedWhole);
			Ok(())
		}

		fn check_officers(officers: &[CompanyOfficer]) -> DispatchResult {
			let mut positions = BTreeSet::new();
			for officer in officers {
				Self::check_party(&officer.party)?;
				ensure!(
					positions.insert((officer.role, officer.party)),
					Error::<T>::DuplicateOfficer
				);
			}
			Ok(())
		}

		fn check_party(party: &PartyRef) -> DispatchResult {
			let valid = match party {
				PartyRef::Entity(uscc) => Uscc::parse_legacy(uscc.as_bytes()).is_ok(),
				PartyRef::ForeignEntity(lei) => lei.is_valid(),
				PartyRef::Person(hash) => *hash != H256::zero(),
			};
			ensure!(valid, Error::<T>::InvalidPartyReference);
			Ok(())
		}

		fn check_controllers(controllers: &[T::AccountId]) -> DispatchResult {
			let distinct: BTreeSet<&T::AccountId> = controllers.iter().collect();
			ensure!(distinct.len() == controllers.len(), Error::<T>::DuplicateController);
			Ok(())
		}

		fn check_utf8(text: &[u8]) -> DispatchResult {
			core::str::from_utf8(text).map_err(|_| Error::<T>::NotUtf8)?;
			Ok(())
		}

		/// Replaces the part of the particulars the amendment names.
		pub(crate) fn apply_amendment(particulars: &mut Particulars<T>, amendment: Amendment<T>) {
			match amendment {
				Amendment::Name { legal_name, english_name } => {
					particulars.legal_name = legal_name;
					particulars.english_name = english_name;
				},
				Amendment::Kind(kind) => particulars.kind = kind,
				Amendment::RegisteredCapital(capital) => particulars.registered_capital = capital,
				Amendment::RegisteredAddress { address, division } => {
					particulars.registered_address = address;
					particulars.division = division;
				},
				Amendment::BusinessScope(scope) => particulars.business_scope = scope,
				Amendment::Industry(industry) => particulars.industry = industry,
				Amendment::LegalRepresentative(hash) => particulars.legal_representative = hash,
				Amendment::Shareholders(shareholders) => particulars.shareholders = shareholders,
				Amendment::Officers(officers) => particulars.officers = officers,
			}
		}

		/// The company, if it is neither revoked nor deregistered.
		fn open_company(uscc: &Uscc) -> Result<Company<T>, DispatchError> {
			let company = Companies::<T>::get(uscc).ok_or(Error::<T>::UnknownCompany)?;
			ensure!(!company.status.is_closed(), Error::<T>::CompanyClosed);
			Ok(company)
		}

		/// If the recorded status is active and a report is overdue, records the listing as
		/// abnormal in `company` and the history, with its event. The caller stores `company`.
		fn record_implied_listing(
			uscc: &Uscc,
			company: &mut Company<T>,
			now: UnixMillis,
			applied_by: &T::AccountId,
		) -> DispatchResult {
			let from = company.status;
			let to = Self::status_at(company, now);
			if from == to {
				return Ok(());
			}
			company.status = to;
			let entry = Self::append_history(
				uscc,
				now,
				Actor::AnnualReportRule { applied_by: applied_by.clone() },
				Change::StatusChanged { from, to },
				Default::default(),
			)?;
			Self::deposit_event(Event::StatusChanged { uscc: *uscc, from, to, entry });
			Ok(())
		}

		/// Appends an entry to the company's history and returns its number. Fails, writing
		/// nothing, only if the numbering is exhausted.
		fn append_history(
			uscc: &Uscc,
			now: UnixMillis,
			actor: Actor<T::AccountId>,
			change: Change<T>,
			reason: Text<T::MaxReasonLength>,
		) -> Result<u32, DispatchError> {
			Self::append_record(uscc, Self::history_record(now, actor, change, reason))
		}

		/// A history entry made now, in this block.
		fn history_record(
			now: UnixMillis,
			actor: Actor<T::AccountId>,
			change: Change<T>,
			reason: Text<T::MaxReasonLength>,
		) -> ChangeRecord<T> {
			ChangeRecord {
				at: now,
				block: frame_system::Pallet::<T>::block_number(),
				actor,
				change,
				reason,
			}
		}

		/// Stores `record` as the company's next history entry and returns its number.
		fn append_record(uscc: &Uscc, record: ChangeRecord<T>) -> Result<u32, DispatchError> {
			let entry = HistoryLength::<T>::get(uscc);
			let length = entry.checked_add(1).ok_or(Error::<T>::HistoryFull)?;
			History::<T>::insert(uscc, entry, record);
			HistoryLength::<T>::insert(uscc, length);
			Ok(entry)
		}

		/// Takes the storage fee for `bytes` from `who`.
		fn charge_storage(who: &T::AccountId, bytes: usize) -> DispatchResult {
			let bytes = u32::try_from(bytes).unwrap_or(u32::MAX);
			T::StorageFee::charge(who, bytes).map_err(|_| Error::<T>::StorageFeeUnpaid.into())
		}

		/// The register's invariants: every company's history is numbered 0 to its length
		/// without gaps, and no history exists without a company; every annual report
		/// belongs to a registered company, and a company's reports are consecutive years
		/// ending just before its `next_report_year`.
		pub fn do_try_state() -> Result<(), TryRuntimeError> {
			let mut entries: BTreeMap<Uscc, u32> = BTreeMap::new();
			for (uscc, index, _) in History::<T>::iter() {
				let length = HistoryLength::<T>::get(uscc);
				ensure!(index < length, "a history entry lies beyond the history's length");
				let count = entries.entry(uscc).or_default();
				*count = count.saturating_add(1);
			}
			for (uscc, length) in HistoryLength::<T>::iter() {
				ensure!(Companies::<T>::contains_key(uscc), "history without a company");
				ensure!(
					entries.get(&uscc).copied().unwrap_or(0) == length,
					"a history's length is not its number of entries"
				);
			}
			let mut years: BTreeMap<Uscc, (u16, u16, u32)> = BTreeMap::new();
			for (uscc, year, _) in AnnualReports::<T>::iter() {
				let (first, last, count) = years.entry(uscc).or_insert((year, year, 0));
				*first = (*first).min(year);
				*last = (*last).max(year);
				*count = count.saturating_add(1);
			}
			for (uscc, (first, last, count)) in years {
				let company = Companies::<T>::get(uscc).ok_or("a report without a company")?;
				ensure!(
					u32::from(last.saturating_sub(first)).saturating_add(1) == count,
					"a company's annual reports skip a year"
				);
				ensure!(
					last.checked_add(1) == Some(company.next_report_year),
					"the next report year does not follow the last report filed"
				);
			}
			for (uscc, _) in Companies::<T>::iter() {
				ensure!(
					HistoryLength::<T>::get(uscc) > 0,
					"a company without its registration entry"
				);
			}
			Ok(())
		}
	}

	/// Most history entries one runtime-API call returns.
	pub const MAX_HISTORY_PAGE: u32 = 100;

	impl<T: Config> CompanyRegistry<T::AccountId> for Pallet<T> {
		fn status(uscc: &Uscc) -> Option<CompanyStatus> {
			Self::status_now(uscc)
		}

		/// Controllers of revoked or deregistered companies no longer act for them.
		fn is_controller(uscc: &Uscc, who: &T::AccountId) -> bool {
			Companies::<T>::get(uscc).is_some_and(|company| {
				!company.status.is_closed() && company.controllers.contains(who)
			})
		}
	}
}
