//! Reading the register with the lazy rules applied, recording what they imply, and the
//! change history every writing call ends with.

use crate::{pallet::*, types::*};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use govchain_domain_types::{
	calendar::{annual_report_deadline, years_after},
	AbnormalListing, AbnormalReason, AgencyOfficer, CompanyStatus, Standing, StorageFee,
	UnixMillis, Uscc,
};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{EnsureOrigin, UnixTime},
	},
	frame_system::{self, ensure_signed, pallet_prelude::OriginFor},
	sp_runtime::{DispatchError, DispatchResult, TryRuntimeError},
};

/// Years on the abnormal list after which a company is on the serious-violation list.
pub(crate) const SERIOUS_VIOLATION_YEARS: u16 = 3;

impl<T: Config> Pallet<T> {
	/// The chain's time in milliseconds.
	pub fn now() -> UnixMillis {
		u64::try_from(T::Time::now().as_millis()).unwrap_or(u64::MAX)
	}

	/// A company's standing at `now`, every lazy rule applied.
	pub fn standing_at(company: &Company<T>, now: UnixMillis) -> Standing {
		let listings = Self::listings_at(company, now);
		Standing {
			status: Self::status_at(company, now),
			abnormal_listings: u32::try_from(listings.len()).unwrap_or(u32::MAX),
			serious_violation_since: Self::serious_violation_at(company, &listings, now),
		}
	}

	/// The lifecycle status at `now`: the recorded one, or active if a suspension has
	/// reached its end.
	pub fn status_at(company: &Company<T>, now: UnixMillis) -> CompanyStatus {
		match company.status {
			CompanyStatus::Suspended { until, .. } if until <= now => CompanyStatus::Active,
			status => status,
		}
	}

	/// The abnormal listings at `now`: the recorded ones and the overdue report's if the
	/// rule implies it and it is not recorded.
	pub fn listings_at(company: &Company<T>, now: UnixMillis) -> Vec<AbnormalListing> {
		let mut listings = company.abnormal_listings.to_vec();
		listings.extend(Self::implied_overdue_listing(company, now));
		listings
	}

	/// Since when the company is on the serious-violation list at `now`: as recorded, or
	/// three years after the start of a listing that still stands.
	fn serious_violation_at(
		company: &Company<T>,
		listings: &[AbnormalListing],
		now: UnixMillis,
	) -> Option<UnixMillis> {
		company.serious_violation_since.or_else(|| {
			listings
				.iter()
				.map(|listing| years_after(listing.since, SERIOUS_VIOLATION_YEARS))
				.filter(|moved| *moved <= now)
				.min()
		})
	}

	/// The overdue report's listing, if the rule implies one not yet recorded: a company
	/// that is not closed and whose earliest unfiled report is past its deadline.
	fn implied_overdue_listing(company: &Company<T>, now: UnixMillis) -> Option<AbnormalListing> {
		let year = Self::overdue_year(company, now)?;
		let recorded = company
			.abnormal_listings
			.iter()
			.any(|listing| matches!(listing.reason, AbnormalReason::AnnualReportOverdue { .. }));
		(!recorded && !company.status.is_closed()).then(|| AbnormalListing {
			reason: AbnormalReason::AnnualReportOverdue { year },
			since: annual_report_deadline(year),
		})
	}

	/// The earliest year whose report is past its deadline, if any.
	pub(crate) fn overdue_year(company: &Company<T>, now: UnixMillis) -> Option<u16> {
		(now >= annual_report_deadline(company.next_report_year))
			.then_some(company.next_report_year)
	}

	/// Records in `company` and the history what the lazy rules imply at `now`, each with
	/// its event, in the order they took effect: a suspension's end, the overdue report's
	/// listing, the serious-violation listing. The caller stores `company`. Returns whether
	/// anything was recorded.
	pub(crate) fn record_implied(
		uscc: &Uscc,
		company: &mut Company<T>,
		now: UnixMillis,
		applied_by: &T::AccountId,
	) -> Result<bool, DispatchError> {
		let mut recorded = false;
		let status = Self::status_at(company, now);
		if status != company.status {
			let from = company.status;
			company.status = status;
			let actor = Actor::SuspensionEndRule { applied_by: applied_by.clone() };
			let entry =
				Self::append_change(uscc, now, actor, Change::StatusChanged { from, to: status })?;
			Self::deposit_event(Event::StatusChanged { uscc: *uscc, from, to: status, entry });
			recorded = true;
		}
		if let Some(listing) = Self::implied_overdue_listing(company, now) {
			company
				.abnormal_listings
				.try_push(listing)
				.map_err(|_| Error::<T>::AlreadyListed)?;
			let actor = Actor::AnnualReportRule { applied_by: applied_by.clone() };
			let entry = Self::append_change(uscc, now, actor, Change::Listed(listing))?;
			Self::deposit_event(Event::ListedAbnormal { uscc: *uscc, listing, entry });
			recorded = true;
		}
		if company.serious_violation_since.is_none() {
			if let Some(since) =
				Self::serious_violation_at(company, &company.abnormal_listings, now)
			{
				company.serious_violation_since = Some(since);
				let actor = Actor::SeriousViolationRule { applied_by: applied_by.clone() };
				let entry = Self::append_change(
					uscc,
					now,
					actor,
					Change::SeriousViolationListed { since },
				)?;
				Self::deposit_event(Event::SeriousViolationListed { uscc: *uscc, since, entry });
				recorded = true;
			}
		}
		Ok(recorded)
	}

	/// `record_lazy_rules`: records what the lazy rules imply; fails if nothing is due.
	pub(crate) fn do_record_lazy_rules(who: T::AccountId, uscc: Uscc) -> DispatchResult {
		let mut company = Companies::<T>::get(uscc).ok_or(Error::<T>::UnknownCompany)?;
		ensure!(
			Self::record_implied(&uscc, &mut company, Self::now(), &who)?,
			Error::<T>::NothingToRecord
		);
		Companies::<T>::insert(uscc, company);
		Ok(())
	}

	/// The officer of `origin` if it is a registrar whose territory contains `uscc`.
	pub(crate) fn ensure_registrar(
		origin: OriginFor<T>,
		uscc: &Uscc,
	) -> Result<AgencyOfficer<T::AccountId>, DispatchError> {
		let officer = T::RegistrarOrigin::ensure_origin(origin)?;
		ensure!(officer.agency.jurisdiction_covers(uscc), Error::<T>::OutsideJurisdiction);
		Ok(officer)
	}

	/// Who acts: a registrar within its territory, or else a signed controller of the
	/// company while it is not closed.
	pub(crate) fn ensure_controller_or_registrar(
		origin: OriginFor<T>,
		uscc: &Uscc,
	) -> Result<Actor<T::AccountId>, DispatchError> {
		match T::RegistrarOrigin::try_origin(origin) {
			Ok(officer) => {
				ensure!(officer.agency.jurisdiction_covers(uscc), Error::<T>::OutsideJurisdiction);
				Ok(Actor::Officer(officer))
			},
			Err(origin) => {
				let who = ensure_signed(origin)?;
				let company = Self::open_company(uscc)?;
				ensure!(company.controllers.contains(&who), Error::<T>::NotController);
				Ok(Actor::Controller(who))
			},
		}
	}

	/// The company, if it is not closed.
	pub(crate) fn open_company(uscc: &Uscc) -> Result<Company<T>, DispatchError> {
		let company = Companies::<T>::get(uscc).ok_or(Error::<T>::UnknownCompany)?;
		ensure!(!company.status.is_closed(), Error::<T>::CompanyClosed);
		Ok(company)
	}

	/// The company with its standing now, for the runtime API.
	pub fn company_details(uscc: Uscc) -> Option<CompanyDetails<T>> {
		let company = Companies::<T>::get(uscc)?;
		let now = Self::now();
		Some(CompanyDetails {
			standing: Self::standing_at(&company, now),
			abnormal_listings: Self::listings_at(&company, now),
			pending_decision: PendingDecisions::<T>::get(uscc),
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

	/// The tail of every writing call: charges `payer` (a controller) the storage fee for
	/// the entry, appends the entry to the history, stores the company and deposits the
	/// event made from the entry's number. Writes nothing if the fee cannot be paid.
	pub(crate) fn commit(
		uscc: &Uscc,
		company: Company<T>,
		record: ChangeRecord<T>,
		payer: Option<&T::AccountId>,
		event: impl FnOnce(u32) -> Event<T>,
	) -> DispatchResult {
		if let Some(payer) = payer {
			Self::charge_storage(payer, codec::Encode::encoded_size(&record))?;
		}
		let entry = Self::append_record(uscc, record)?;
		Companies::<T>::insert(uscc, company);
		Self::deposit_event(event(entry));
		Ok(())
	}

	/// Takes the storage fee for `bytes` from `who`.
	pub(crate) fn charge_storage(who: &T::AccountId, bytes: usize) -> DispatchResult {
		let bytes = u32::try_from(bytes).unwrap_or(u32::MAX);
		T::StorageFee::charge(who, bytes).map_err(|_| Error::<T>::StorageFeeUnpaid.into())
	}

	/// A history entry made now, in this block.
	pub(crate) fn history_record(
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

	/// Appends an entry without a reason (a rule's record) and returns its number.
	fn append_change(
		uscc: &Uscc,
		now: UnixMillis,
		actor: Actor<T::AccountId>,
		change: Change<T>,
	) -> Result<u32, DispatchError> {
		Self::append_record(uscc, Self::history_record(now, actor, change, Default::default()))
	}

	/// Stores `record` as the company's next history entry and returns its number. Fails,
	/// writing nothing, only if the numbering is exhausted.
	pub(crate) fn append_record(
		uscc: &Uscc,
		record: ChangeRecord<T>,
	) -> Result<u32, DispatchError> {
		let entry = HistoryLength::<T>::get(uscc);
		let length = entry.checked_add(1).ok_or(Error::<T>::HistoryFull)?;
		History::<T>::insert(uscc, entry, record);
		HistoryLength::<T>::insert(uscc, length);
		Ok(entry)
	}

	/// Histories numbered without gaps, none without a company.
	pub(crate) fn check_histories() -> Result<(), TryRuntimeError> {
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
		Ok(())
	}

	/// Reports in consecutive years ending before `next_report_year`, none without a
	/// company.
	pub(crate) fn check_reports() -> Result<(), TryRuntimeError> {
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
		Ok(())
	}
}
