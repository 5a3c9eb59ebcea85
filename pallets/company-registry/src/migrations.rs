//! Storage migrations of the company registry, one module per storage version.

/// Version 0 to 1: the lifecycle statuses, several abnormal listings and per-check code
/// overrides.
///
/// - A company recorded as abnormal becomes active with that one listing; revoked and
///   deregistered companies keep their status and date, and the listing that stood when
///   they were closed (version 1 keeps listings through closure), read from their history.
/// - `legacy_code: bool` becomes the check characters that fail. Version 0 checked only
///   position 18, so a code registered then may also fail position 17: the migration
///   records every failure the code has as accepted, since the registrar accepted the code.
/// - Each company is listed under its legal representative (`RepresentedCompanies`), the
///   index the serious-violation bar reads.
/// - History entries are rewritten the same way: a registration records the accepted check
///   failures, a change to or from "abnormal" becomes a listing or its removal.
///
/// The work is one read and one write per company and per history entry, one more of each
/// per company for the index, and one more read per history entry of a closed company, in the upgrade's block; try-runtime reports the weight before the council votes. Values that version 0 stored but version 1 can no longer decode (codes
/// the full GB 32100 table refuses) make `pre_upgrade` fail rather than be dropped.
pub mod v1 {
	use crate::{pallet::*, types::*};
	use alloc::vec::Vec;
	use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
	use govchain_domain_types::{
		AbnormalListing, AbnormalReason, AgencyOfficer, CompanyStatus, UnixMillis, Uscc,
	};
	use polkadot_sdk::{
		frame_support::{
			ensure,
			migrations::VersionedMigration,
			storage_alias,
			traits::{Get, UncheckedOnRuntimeUpgrade},
			weights::Weight,
			Blake2_128Concat, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
			Twox64Concat,
		},
		frame_system::pallet_prelude::BlockNumberFor,
		sp_runtime::TryRuntimeError,
	};
	use scale_info::TypeInfo;

	/// The types of storage version 0, as far as they differ from version 1.
	pub mod v0 {
		use super::*;

		/// A company's status in version 0: the abnormal listing was a status.
		#[derive(Clone, Copy, PartialEq, Eq, Debug)]
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		pub enum CompanyStatus {
			/// Active.
			Active,
			/// On the abnormal list for one reason.
			Abnormal { reason: AbnormalReason, since: UnixMillis },
			/// Licence revoked.
			Revoked { since: UnixMillis },
			/// Deregistered.
			Deregistered { since: UnixMillis },
		}

		/// A company record in version 0.
		#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		#[codec(mel_bound())]
		pub struct Company<T: Config> {
			pub particulars: Particulars<T>,
			pub status: CompanyStatus,
			pub legacy_code: bool,
			pub registered_by: AgencyOfficer<T::AccountId>,
			pub registered_at: UnixMillis,
			pub controllers: BoundedVec<T::AccountId, T::MaxControllers>,
			pub contact: Contact<T>,
			pub next_report_year: u16,
		}

		/// A change in version 0.
		#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		#[codec(mel_bound())]
		pub enum Change<T: Config> {
			Registered {
				particulars: Particulars<T>,
				controllers: BoundedVec<T::AccountId, T::MaxControllers>,
				legacy_code: bool,
			},
			Amended(Amendment<T>),
			StatusChanged {
				from: CompanyStatus,
				to: CompanyStatus,
			},
			ControllersSet(BoundedVec<T::AccountId, T::MaxControllers>),
			ContactUpdated(Contact<T>),
			AnnualReportFiled {
				year: u16,
				late: bool,
			},
		}

		/// A history entry in version 0 (its actors are a prefix of version 1's).
		#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		#[codec(mel_bound())]
		pub struct ChangeRecord<T: Config> {
			pub at: UnixMillis,
			pub block: BlockNumberFor<T>,
			pub actor: Actor<T::AccountId>,
			pub change: Change<T>,
			pub reason: Text<T::MaxReasonLength>,
		}

		/// `Companies` as version 0 stored it.
		#[storage_alias]
		pub type Companies<T: Config> = StorageMap<Pallet<T>, Blake2_128Concat, Uscc, Company<T>>;

		/// `History` as version 0 stored it.
		#[storage_alias]
		pub type History<T: Config> =
			StorageDoubleMap<Pallet<T>, Blake2_128Concat, Uscc, Twox64Concat, u32, ChangeRecord<T>>;
	}

	/// The migration as the runtime lists it: runs once, when the stored version is 0.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		UncheckedMigrateV0ToV1<T>,
		Pallet<T>,
		<T as polkadot_sdk::frame_system::Config>::DbWeight,
	>;

	/// The migration's work, without the version check (use [`MigrateV0ToV1`]).
	pub struct UncheckedMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut records: u64 = 0;
			Companies::<T>::translate::<v0::Company<T>, _>(|uscc, old| {
				records = records.saturating_add(2);
				// `pre_upgrade` checks that no one represents too many companies.
				RepresentedCompanies::<T>::mutate(old.particulars.legal_representative, |list| {
					let _ = list.try_push(uscc);
				});
				if old.status != v0::CompanyStatus::Active {
					records = records.saturating_add(HistoryLength::<T>::get(uscc).into());
				}
				Some(company(&uscc, old))
			});
			History::<T>::translate::<v0::ChangeRecord<T>, _>(|uscc, _, old| {
				records = records.saturating_add(1);
				Some(record(&uscc, old))
			});
			T::DbWeight::get().reads_writes(records, records)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			pre_upgrade_state::<T>()
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			check_post_upgrade::<T>(state)
		}
	}

	/// A version 0 status as version 1 sees it: the lifecycle status and the listing.
	fn split_status(old: v0::CompanyStatus) -> (CompanyStatus, Option<AbnormalListing>) {
		match old {
			v0::CompanyStatus::Active => (CompanyStatus::Active, None),
			v0::CompanyStatus::Abnormal { reason, since } => {
				(CompanyStatus::Active, Some(AbnormalListing { reason, since }))
			},
			v0::CompanyStatus::Revoked { since } => (CompanyStatus::Revoked { since }, None),
			v0::CompanyStatus::Deregistered { since } => {
				(CompanyStatus::Deregistered { since }, None)
			},
		}
	}

	/// The listing that stood when a version 0 company was closed, from its history: the
	/// status the closing entry changed from.
	fn listing_when_closed<T: Config>(uscc: &Uscc) -> Option<AbnormalListing> {
		let mut entries: Vec<(u32, v0::ChangeRecord<T>)> =
			v0::History::<T>::iter_prefix(uscc).collect();
		entries.sort_by_key(|(index, _)| *index);
		entries.into_iter().find_map(|(_, record)| match record.change {
			v0::Change::StatusChanged {
				from,
				to: v0::CompanyStatus::Revoked { .. } | v0::CompanyStatus::Deregistered { .. },
			} => Some(split_status(from).1),
			_ => None,
		})?
	}

	/// A version 0 company in the version 1 layout. Reads the version 0 history of a closed
	/// company, so it runs before the history is migrated.
	pub(crate) fn company<T: Config>(uscc: &Uscc, old: v0::Company<T>) -> Company<T> {
		let (status, listing) = match split_status(old.status) {
			(status, None) if status.is_closed() => (status, listing_when_closed::<T>(uscc)),
			split => split,
		};
		Company {
			particulars: old.particulars,
			status,
			abnormal_listings: BoundedVec::truncate_from(listing.into_iter().collect()),
			serious_violation_since: None,
			accepted_check_failures: uscc.check_failures(),
			registered_by: old.registered_by,
			registered_at: old.registered_at,
			controllers: old.controllers,
			contact: old.contact,
			next_report_year: old.next_report_year,
		}
	}

	/// A version 0 history entry in the version 1 layout.
	pub(crate) fn record<T: Config>(uscc: &Uscc, old: v0::ChangeRecord<T>) -> ChangeRecord<T> {
		let change = match old.change {
			v0::Change::Registered { particulars, controllers, .. } => Change::Registered {
				particulars,
				controllers,
				accepted_check_failures: uscc.check_failures(),
			},
			v0::Change::Amended(amendment) => Change::Amended(amendment),
			v0::Change::StatusChanged { from, to } => {
				match (split_status(from), split_status(to)) {
					((_, None), (_, Some(listing))) => Change::Listed(listing),
					((_, Some(listing)), (CompanyStatus::Active, None)) => {
						Change::ListingRemoved(listing)
					},
					((from, _), (to, _)) => Change::StatusChanged { from, to },
				}
			},
			v0::Change::ControllersSet(controllers) => Change::ControllersSet(controllers),
			v0::Change::ContactUpdated(contact) => Change::ContactUpdated(contact),
			v0::Change::AnnualReportFiled { year, late } => {
				Change::AnnualReportFiled { year, late }
			},
		};
		ChangeRecord { at: old.at, block: old.block, actor: old.actor, change, reason: old.reason }
	}

	/// Companies whose version 0 record `pre_upgrade` keeps to compare after the upgrade.
	const SAMPLES: usize = 32;

	/// What `pre_upgrade` hands to `post_upgrade`: counts, and sampled companies as version
	/// 0 stored them, as version 1 must read them, and their history lengths.
	#[derive(Encode, Decode)]
	struct PreUpgrade<T: Config> {
		companies: u32,
		history_entries: u32,
		reports: u32,
		samples: Vec<(Uscc, v0::Company<T>, Company<T>, u32)>,
	}

	fn count(iterator: impl Iterator) -> u32 {
		u32::try_from(iterator.count()).unwrap_or(u32::MAX)
	}

	/// Counts the version 0 records, checks that every one of them can be read, and keeps
	/// a sample of companies with their history lengths.
	pub fn pre_upgrade_state<T: Config>() -> Result<Vec<u8>, TryRuntimeError> {
		let companies = count(v0::Companies::<T>::iter_keys());
		ensure!(
			count(v0::Companies::<T>::iter_values()) == companies,
			"a version 0 company cannot be read: it would be lost"
		);
		let mut representations: alloc::collections::btree_map::BTreeMap<_, u32> =
			Default::default();
		for company in v0::Companies::<T>::iter_values() {
			let count =
				representations.entry(company.particulars.legal_representative).or_default();
			*count = count.saturating_add(1);
		}
		ensure!(
			representations
				.values()
				.all(|count| *count <= T::MaxRepresentedCompanies::get()),
			"a legal representative of more than MaxRepresentedCompanies companies"
		);
		let history_entries = count(v0::History::<T>::iter_keys());
		ensure!(
			count(v0::History::<T>::iter_values()) == history_entries,
			"a version 0 history entry cannot be read: it would be lost"
		);
		let samples = v0::Companies::<T>::iter()
			.take(SAMPLES)
			.map(|(uscc, old)| {
				let expected = company(&uscc, old.clone());
				(uscc, old, expected, HistoryLength::<T>::get(uscc))
			})
			.collect();
		let reports = count(AnnualReports::<T>::iter_keys());
		Ok(PreUpgrade::<T> { companies, history_entries, reports, samples }.encode())
	}

	/// Checks that every record was carried over and reads back, the samples field by
	/// field, and the register's invariants.
	pub fn check_post_upgrade<T: Config>(state: Vec<u8>) -> Result<(), TryRuntimeError> {
		let before = PreUpgrade::<T>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state cannot be decoded")?;
		ensure!(count(Companies::<T>::iter_values()) == before.companies, "companies were lost");
		ensure!(
			count(History::<T>::iter_values()) == before.history_entries,
			"history entries were lost"
		);
		ensure!(count(AnnualReports::<T>::iter_values()) == before.reports, "reports were lost");
		for (uscc, old, expected, history_length) in before.samples {
			let new = Companies::<T>::get(uscc).ok_or("a sampled company is missing")?;
			ensure!(new == expected, "a sampled company changed");
			ensure!(new.particulars == old.particulars, "a sampled company's particulars changed");
			ensure!(new.controllers == old.controllers, "a sampled company's controllers changed");
			ensure!(
				HistoryLength::<T>::get(uscc) == history_length,
				"a sampled company's history length changed"
			);
			let registration = History::<T>::get(uscc, 0).ok_or("a registration entry is lost")?;
			ensure!(
				matches!(
					registration.change,
					Change::Registered { ref particulars, accepted_check_failures, .. }
						if accepted_check_failures == uscc.check_failures() &&
							(history_length > 1 || *particulars == new.particulars)
				),
				"a sampled registration entry was not carried over"
			);
		}
		Pallet::<T>::do_try_state()
	}
}
