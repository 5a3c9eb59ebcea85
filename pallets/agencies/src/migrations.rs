//! Storage migrations of the agencies pallet, one module per storage version reached.

/// Version 0 to 1: each agency's officers move out of its record into `Officers`.
///
/// In version 0 the record held its officers inline (up to `MaxOfficers` accounts), so
/// every origin check of every domain call read them all; in version 1 the record keeps
/// their count and the list is a map keyed by agency and account. Nothing else changes:
/// `OfficerOf`, the seats and the council are untouched, and a dissolved agency keeps the
/// list of those who served last, as before.
///
/// The work is one read and one write per agency and one write per listed officer, in the
/// upgrade's block: with the runtime's bounds (at most 64 officers an agency) a hundred
/// agencies make about 6,500 writes, which try-runtime weighs before the council votes.
/// A version 0 record that cannot be read makes `pre_upgrade` fail rather than be dropped.
pub mod v1 {
	use crate::{pallet::*, types::*};
	use alloc::{collections::btree_set::BTreeSet, vec::Vec};
	use codec::{Decode, Encode, MaxEncodedLen};
	use govchain_domain_types::Uscc;
	use polkadot_sdk::{
		frame_support::{
			ensure,
			migrations::VersionedMigration,
			storage_alias,
			traits::{Get, UncheckedOnRuntimeUpgrade},
			weights::Weight,
			Blake2_128Concat, BoundedBTreeSet, BoundedVec,
		},
		frame_system::pallet_prelude::BlockNumberFor,
		sp_runtime::TryRuntimeError,
	};
	use scale_info::TypeInfo;

	/// The types of storage version 0.
	pub mod v0 {
		use super::*;

		/// The agency record of version 0: its officers inline.
		#[derive(Clone, PartialEq, Eq, Debug)]
		#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(MaxNameLength, MaxOfficers))]
		#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
		pub struct Agency<AccountId, BlockNumber, MaxNameLength: Get<u32>, MaxOfficers: Get<u32>> {
			pub name: BoundedVec<u8, MaxNameLength>,
			pub roles: BoundedBTreeSet<govchain_domain_types::Role, MaxRoles>,
			pub status: AgencyStatus<BlockNumber>,
			pub admin: AccountId,
			pub officers: BoundedVec<AccountId, MaxOfficers>,
			pub admitted_at: BlockNumber,
		}

		/// The version 0 record as stored.
		pub type AgencyOf<T> = Agency<
			<T as polkadot_sdk::frame_system::Config>::AccountId,
			BlockNumberFor<T>,
			<T as Config>::MaxNameLength,
			<T as Config>::MaxOfficers,
		>;

		#[storage_alias]
		pub type Agencies<T: Config> = StorageMap<Pallet<T>, Blake2_128Concat, Uscc, AgencyOf<T>>;
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
			let mut reads: u64 = 0;
			let mut writes: u64 = 0;
			Agencies::<T>::translate::<v0::AgencyOf<T>, _>(|uscc, old| {
				reads = reads.saturating_add(1);
				writes = writes.saturating_add(1).saturating_add(old.officers.len() as u64);
				for officer in old.officers.iter() {
					Officers::<T>::insert(uscc, officer, ());
				}
				Some(agency::<T>(old))
			});
			T::DbWeight::get().reads_writes(reads, writes)
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

	/// A version 0 record in the version 1 layout: the officers replaced by their count.
	pub(crate) fn agency<T: Config>(old: v0::AgencyOf<T>) -> AgencyOf<T> {
		Agency {
			name: old.name,
			roles: old.roles,
			status: old.status,
			admin: old.admin,
			officer_count: old.officers.len() as u32,
			admitted_at: old.admitted_at,
		}
	}

	/// What `pre_upgrade` hands to `post_upgrade`: every agency as version 1 must read it,
	/// with the officers it listed, and how many accounts act for an agency.
	#[derive(Encode, Decode)]
	struct PreUpgrade<T: Config> {
		agencies: Vec<(Uscc, AgencyOf<T>, Vec<T::AccountId>)>,
		acting_officers: u64,
	}

	/// Checks that every version 0 record can be read and keeps each agency, in the version
	/// 1 layout, with its officers (a few hundred agencies at most: all are kept).
	pub fn pre_upgrade_state<T: Config>() -> Result<Vec<u8>, TryRuntimeError> {
		let agencies: Vec<_> = v0::Agencies::<T>::iter()
			.map(|(uscc, old)| {
				let officers = old.officers.to_vec();
				(uscc, agency::<T>(old), officers)
			})
			.collect();
		ensure!(
			v0::Agencies::<T>::iter_keys().count() == agencies.len(),
			"a version 0 agency cannot be read: it would be lost"
		);
		ensure!(
			Officers::<T>::iter_keys().next().is_none(),
			"officers are listed apart already: the chain is not at version 0"
		);
		let acting_officers = OfficerOf::<T>::iter_keys().count() as u64;
		Ok(PreUpgrade::<T> { agencies, acting_officers }.encode())
	}

	/// Checks that every agency reads back as it was, its officers listed apart exactly as
	/// the record listed them, that no account gained or lost an agency, and the register's
	/// invariants.
	pub fn check_post_upgrade<T: Config>(state: Vec<u8>) -> Result<(), TryRuntimeError> {
		let before = PreUpgrade::<T>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state cannot be decoded")?;
		ensure!(
			Agencies::<T>::iter_values().count() == before.agencies.len(),
			"agencies were lost"
		);
		let mut listed: usize = 0;
		for (uscc, expected, officers) in before.agencies {
			let new = Agencies::<T>::get(uscc).ok_or("an agency is missing")?;
			// The record's type takes its bounds as type parameters, which need not compare.
			ensure!(new.encode() == expected.encode(), "an agency's record changed");
			let now: BTreeSet<T::AccountId> = Officers::<T>::iter_key_prefix(uscc).collect();
			ensure!(
				now == officers.iter().cloned().collect::<BTreeSet<_>>(),
				"an agency's officers changed"
			);
			listed = listed.saturating_add(now.len());
		}
		ensure!(
			Officers::<T>::iter_keys().count() == listed,
			"officers are listed for an unknown agency"
		);
		ensure!(
			OfficerOf::<T>::iter_keys().count() as u64 == before.acting_officers,
			"an account gained or lost its agency"
		);
		Pallet::<T>::do_try_state()
	}
}
