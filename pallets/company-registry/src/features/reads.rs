//! Reading the register with the lazy rules applied, recording what they imply, and the
//! change history every writing call ends with.

use crate::{pallet::*, types::*};
use alloc::{
	collections::{btree_map::BTreeMap, btree_set::BTreeSet},
	vec::Vec,
};
use govchain_domain_types::{
	calendar::{annual_report_deadline, years_after},
	AbnormalListing, AbnormalReason, AgencyOfficer, CivilDate, CompanyStatus, Standing, StorageFee,
	UnixMillis, Uscc,
};
use polkadot_sdk::{
	frame_support::{ensure, traits::EnsureOrigin},
	frame_system::{self, ensure_signed, pallet_prelude::OriginFor},
	sp_runtime::{DispatchError, DispatchResult, TryRuntimeError},
};

/// Years on the abnormal list after which a company is on the serious-violation list.
pub(crate) const SERIOUS_VIOLATION_YEARS: u16 = 3;

/// Most companies one runtime-API call returns.
pub const MAX_COMPANY_PAGE: u32 = 100;

impl<T: Config> Pallet<T> {
	/// The chain's time in milliseconds.
	pub fn now() -> UnixMillis {
		govchain_domain_types::calendar::chain_time::<T::Time>()
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
		Self::store_company(&uscc, company);
		Ok(())
	}

	/// Stores a company and keeps the indexes in step with it: the lists it is on and the
	/// year of the report it owes. Every write of a company goes through here.
	pub(crate) fn store_company(uscc: &Uscc, company: Company<T>) {
		let previous = Companies::<T>::get(uscc);
		let lists_before: BTreeSet<CompanyList> =
			previous.iter().flat_map(CompanyList::of).collect();
		let lists_after: BTreeSet<CompanyList> = CompanyList::of(&company).collect();
		for list in lists_before.difference(&lists_after) {
			CompaniesByList::<T>::remove(list, uscc);
			ListLength::<T>::mutate(list, |length| *length = length.saturating_sub(1));
		}
		for list in lists_after.difference(&lists_before) {
			CompaniesByList::<T>::insert(list, uscc, ());
			ListLength::<T>::mutate(list, |length| *length = length.saturating_add(1));
		}
		let owed_before = previous.as_ref().and_then(Self::report_owed);
		let owed_after = Self::report_owed(&company);
		if owed_before != owed_after {
			if let Some(year) = owed_before {
				ReportsOwed::<T>::remove(year, uscc);
				ReportsOwedCount::<T>::mutate(year, |count| *count = count.saturating_sub(1));
			}
			if let Some(year) = owed_after {
				ReportsOwed::<T>::insert(year, uscc, ());
				ReportsOwedCount::<T>::mutate(year, |count| *count = count.saturating_add(1));
			}
		}
		Companies::<T>::insert(uscc, company);
	}

	/// The year under which `ReportsOwed` lists a company: its earliest unfiled report's,
	/// unless it is closed and owes none.
	pub(crate) fn report_owed(company: &Company<T>) -> Option<u16> {
		(!company.status.is_closed()).then_some(company.next_report_year)
	}

	/// The shareholders' capital at `now`: totals, the legal deadline, and whether any
	/// capital is owed past a deadline.
	pub fn capital_at(particulars: &Particulars<T>, now: UnixMillis) -> CapitalStanding {
		let passed =
			|deadline: Option<CivilDate>| deadline.is_some_and(|date| date.end_in_cst() <= now);
		let due_by = particulars.capital_due_by();
		let mut standing = CapitalStanding { subscribed: 0, paid_in: 0, due_by, overdue: false };
		for holding in particulars.shareholders.iter() {
			standing.subscribed = standing.subscribed.saturating_add(holding.subscribed);
			standing.paid_in = standing.paid_in.saturating_add(holding.paid_in);
			let unpaid = holding.paid_in < holding.subscribed;
			standing.overdue |= unpaid && (passed(due_by) || passed(holding.subscription_deadline));
		}
		standing
	}

	/// Up to `count` companies on `list` after `start_after` (from the start if `None`), at
	/// most [`MAX_COMPANY_PAGE`], each with its standing now.
	pub fn list_page(list: CompanyList, start_after: Option<Uscc>, count: u32) -> CompanyPage {
		let keys = match start_after {
			Some(uscc) => CompaniesByList::<T>::iter_key_prefix_from(
				list,
				CompaniesByList::<T>::hashed_key_for(list, uscc),
			),
			None => CompaniesByList::<T>::iter_key_prefix(list),
		};
		Self::page(keys, count, ListLength::<T>::get(list))
	}

	/// Up to `count` companies whose earliest unfiled annual report is for `year`, after
	/// `start_after`, each with its standing now. Once `year`'s deadline has passed these
	/// are the companies the annual-report rule lists for it, recorded or not.
	pub fn owing_report_page(year: u16, start_after: Option<Uscc>, count: u32) -> CompanyPage {
		let keys = match start_after {
			Some(uscc) => ReportsOwed::<T>::iter_key_prefix_from(
				year,
				ReportsOwed::<T>::hashed_key_for(year, uscc),
			),
			None => ReportsOwed::<T>::iter_key_prefix(year),
		};
		Self::page(keys, count, ReportsOwedCount::<T>::get(year))
	}

	fn page(keys: impl Iterator<Item = Uscc>, count: u32, total: u32) -> CompanyPage {
		let now = Self::now();
		// At least one, so that `next` always moves the reader on.
		let limit = count.clamp(1, MAX_COMPANY_PAGE) as usize;
		let mut keys = keys.peekable();
		let companies: Vec<(Uscc, Standing)> = keys
			.by_ref()
			.take(limit)
			.filter_map(|uscc| {
				Companies::<T>::get(uscc).map(|company| (uscc, Self::standing_at(&company, now)))
			})
			.collect();
		let next = match keys.peek() {
			Some(_) => companies.last().map(|(uscc, _)| *uscc),
			None => None,
		};
		CompanyPage { companies, next, total }
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
				Self::controlled_company(&who, uscc)?;
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
			capital: Self::capital_at(&company.particulars, now),
			history_length: HistoryLength::<T>::get(uscc),
			company,
		})
	}

	/// Whether `figures` with `salt` hash to what the company withheld from its report for
	/// `year`; `None` without a report whose figures are withheld.
	pub fn withheld_figures_match(
		uscc: Uscc,
		year: u16,
		figures: &ReportFigures,
		salt: &[u8; 32],
	) -> Option<bool> {
		match AnnualReports::<T>::get(uscc, year)?.figures {
			FiguresDisclosure::Withheld { figures_hash } => {
				Some(figures.salted_hash(salt) == figures_hash)
			},
			FiguresDisclosure::Published(_) => None,
		}
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
		Self::store_company(uscc, company);
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
		let mut superseded: BTreeMap<(Uscc, u16), u32> = BTreeMap::new();
		for ((uscc, year, version), _) in SupersededReports::<T>::iter() {
			let report =
				AnnualReports::<T>::get(uscc, year).ok_or("a superseded version of no report")?;
			ensure!(version < report.corrections, "a superseded version after the report's own");
			let versions = superseded.entry((uscc, year)).or_default();
			*versions = versions.saturating_add(1);
		}
		for (uscc, year, report) in AnnualReports::<T>::iter() {
			ensure!(
				superseded.get(&(uscc, year)).copied().unwrap_or(0)
					== u32::from(report.corrections),
				"a corrected report without every version it replaced"
			);
		}
		Ok(())
	}

	/// The lists and the reports owed hold exactly what the company records say, with
	/// their counts; no shareholder has paid in more than it subscribed.
	pub(crate) fn check_indexes() -> Result<(), TryRuntimeError> {
		let mut lists: BTreeMap<CompanyList, u32> = BTreeMap::new();
		let mut owed: BTreeMap<u16, u32> = BTreeMap::new();
		for (uscc, company) in Companies::<T>::iter() {
			for list in CompanyList::of(&company) {
				ensure!(
					CompaniesByList::<T>::contains_key(list, uscc),
					"a company missing from a list it is on"
				);
				let length = lists.entry(list).or_default();
				*length = length.saturating_add(1);
			}
			if let Some(year) = Self::report_owed(&company) {
				ensure!(
					ReportsOwed::<T>::contains_key(year, uscc),
					"a company missing under the report it owes"
				);
				let count = owed.entry(year).or_default();
				*count = count.saturating_add(1);
			}
			ensure!(
				company
					.particulars
					.shareholders
					.iter()
					.all(|holding| holding.paid_in <= holding.subscribed),
				"a shareholder paid in more than it subscribed"
			);
		}
		ensure!(
			CompaniesByList::<T>::iter_keys().count()
				== lists.values().map(|n| *n as usize).sum::<usize>(),
			"a list holds a company that is not on it"
		);
		for (list, length) in ListLength::<T>::iter() {
			ensure!(lists.get(&list).copied().unwrap_or(0) == length, "a list's length is wrong");
		}
		for (list, length) in &lists {
			ensure!(ListLength::<T>::get(list) == *length, "a list's length is wrong");
		}
		ensure!(
			ReportsOwed::<T>::iter_keys().count()
				== owed.values().map(|n| *n as usize).sum::<usize>(),
			"a company listed under a report it does not owe"
		);
		for (year, count) in ReportsOwedCount::<T>::iter() {
			ensure!(
				owed.get(&year).copied().unwrap_or(0) == count,
				"a count of reports owed is wrong"
			);
		}
		for (year, count) in &owed {
			ensure!(ReportsOwedCount::<T>::get(year) == *count, "a count of reports owed is wrong");
		}
		Ok(())
	}
}
