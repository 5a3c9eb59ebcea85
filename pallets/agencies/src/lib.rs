//! # Agencies
//!
//! Who may do what on govchain. Every write on the chain is done by an officer acting for
//! an agency; this pallet keeps the register of agencies, the roles the council granted
//! them and their officers, and provides the one origin every domain pallet uses:
//! [`EnsureAgencyOfficer`], whose success value names the agency and the officer who acted.
//!
//! ## Rules
//! - Agencies are keyed by their Unified Social Credit Code, which must be a valid code of a
//!   government organ or public institution (first character `1`, check character correct).
//! - The council (`AdmissionOrigin`: two thirds of the seats in govchain's runtime, the same
//!   threshold as a runtime upgrade) admits, suspends, reinstates and dissolves agencies,
//!   grants and revokes roles, and replaces an agency's admin. A coalition below that
//!   threshold can therefore neither change the council nor touch another agency
//!   (docs/governance.md states the property and its threat model).
//! - No seat is removed while `MinActiveAgencies` or fewer agencies are active.
//! - An agency's admin adds and removes its officers. An account is an officer of at most
//!   one agency at a time.
//! - Officers of a suspended or dissolved agency can do nothing. Dissolved agencies' records
//!   stay for ever; their officers are released and may later serve another agency.
//! - Each active agency holds one council seat, held by its admin: admitting an agency gives
//!   it a seat, suspending or dissolving takes it away, reinstating gives it back.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
mod origin;
#[cfg(feature = "std")]
pub mod testing;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use origin::{EnsureAgencyAdmin, EnsureAgencyOfficer};
pub use types::{Agency, AgencyStatus, MaxRoles};
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{collections::btree_set::BTreeSet, vec::Vec};
	use frame_support::{
		pallet_prelude::*,
		traits::{ChangeMembers, InitializeMembers, SortedMembers},
		BoundedBTreeSet,
	};
	use frame_system::pallet_prelude::*;
	use govchain_domain_types::{
		AgencyDepartures, AgencyOfficer, RegistrationAuthority, Role, Uscc,
	};
	use polkadot_sdk::sp_runtime::{ArithmeticError, TryRuntimeError};

	/// The agency record as stored.
	pub type AgencyOf<T> = Agency<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxNameLength,
	>;

	/// Version 1: officers listed in `Officers` instead of inside the agency record
	/// (version 0, the layout the chain launched with; see [`crate::migrations`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who admits, suspends, reinstates and dissolves agencies, grants and revokes roles
		/// and replaces admins: the council with at least the threshold of a runtime upgrade
		/// (two thirds), so that a smaller coalition cannot change who sits on it.
		type AdmissionOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The council whose seats follow the active agencies' admins; its members are read
		/// back by the invariant checks.
		type CouncilSeats: ChangeMembers<Self::AccountId>
			+ InitializeMembers<Self::AccountId>
			+ SortedMembers<Self::AccountId>;

		/// Worst-case weight of the council taking note of a seat change (for
		/// pallet-collective: `set_members` at its bounds, since open motions' votes of an
		/// outgoing member are removed). Added to every call that changes seats, because the
		/// benchmarks run with no motion open.
		type CouncilSeatsWeight: Get<Weight>;

		/// Longest agency name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Most officers an agency may have, its admin included.
		#[pallet::constant]
		type MaxOfficers: Get<u32>;

		/// Most agencies active at once; also the number of council seats.
		#[pallet::constant]
		type MaxActiveAgencies: Get<u32>;

		/// Fewest agencies active at once: no suspension or dissolution takes the council
		/// below it, so that a handful of seats can never govern the chain alone.
		#[pallet::constant]
		type MinActiveAgencies: Get<u32>;

		/// Pallets holding something of an agency's (its validators): asked before a
		/// suspension or dissolution, which they may refuse, and told after it.
		type Departures: AgencyDepartures;

		/// Benchmarked weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// Every agency ever admitted, dissolved ones included.
	#[pallet::storage]
	pub type Agencies<T: Config> = StorageMap<_, Blake2_128Concat, Uscc, AgencyOf<T>>;

	/// The agency each officer account acts for.
	#[pallet::storage]
	pub type OfficerOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Uscc>;

	/// The accounts each agency lists, its admin included: its officers while it is not
	/// dissolved, and after dissolution those who served last (they no longer act).
	/// At most `MaxOfficers` an agency, as its record's `officer_count` says.
	#[pallet::storage]
	pub type Officers<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Blake2_128Concat, T::AccountId, ()>;

	/// Council seats: the admins of the active agencies, sorted.
	#[pallet::storage]
	pub type Seats<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxActiveAgencies>, ValueQuery>;

	/// Agencies at genesis: (USCC, name, admin, roles, further officers).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		pub agencies:
			Vec<(Uscc, alloc::string::String, T::AccountId, Vec<Role>, Vec<T::AccountId>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		/// A chain spec with a bad agency must not start: every entry is checked as
		/// `admit_agency` checks it, and a failure stops the chain at genesis with a message
		/// naming the agency and the rule it breaks, instead of leaving the entry out.
		fn build(&self) {
			for (uscc, name, admin, roles, officers) in &self.agencies {
				let Ok(bounded_name) = BoundedVec::try_from(name.as_bytes().to_vec()) else {
					genesis_failure(uscc, name, "name too long")
				};
				let Ok(roles) = BoundedVec::try_from(roles.clone()) else {
					genesis_failure(uscc, name, "more roles than exist")
				};
				let agency = Pallet::<T>::new_agency(uscc, bounded_name, admin, roles)
					.unwrap_or_else(|error| genesis_failure(uscc, name, error.into()));
				let seats = Pallet::<T>::seats_with(admin)
					.unwrap_or_else(|error| genesis_failure(uscc, name, error.into()));
				Seats::<T>::put(seats);
				Pallet::<T>::store_new_agency(uscc, agency);
				for officer in officers {
					if let Err(error) = Pallet::<T>::enlist_officer(uscc, officer) {
						genesis_failure(uscc, name, error.into())
					}
				}
			}
			// The council learns its members once, as pallet-collective expects at genesis.
			T::CouncilSeats::initialize_members(&Seats::<T>::get());
		}
	}

	/// Stops genesis with a message naming the agency and the rule it breaks (an error's
	/// name, such as `NotAGovernmentCode`).
	fn genesis_failure(uscc: &Uscc, name: &str, what: &str) -> ! {
		let code = alloc::string::String::from_utf8_lossy(uscc.as_bytes());
		panic!("genesis agency {code} ({name}): {what}")
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council admitted an agency; its admin took its council seat.
		AgencyAdmitted { agency: Uscc, admin: T::AccountId },
		/// The council suspended an agency: its officers can do nothing, its seat is vacated.
		AgencySuspended { agency: Uscc },
		/// The council lifted a suspension; the agency's seat is back.
		AgencyReinstated { agency: Uscc },
		/// The council dissolved an agency for good; its officers were released.
		AgencyDissolved { agency: Uscc },
		/// The council granted a role to an agency.
		RoleGranted { agency: Uscc, role: Role },
		/// The council withdrew a role from an agency.
		RoleRevoked { agency: Uscc, role: Role },
		/// An agency's admin added an officer.
		OfficerAdded { agency: Uscc, officer: T::AccountId },
		/// An agency's admin removed an officer.
		OfficerRemoved { agency: Uscc, officer: T::AccountId },
		/// The council replaced an agency's admin; the seat moved with it.
		AdminReplaced { agency: Uscc, old_admin: T::AccountId, new_admin: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The code fails the USCC format or check-character rules.
		InvalidUscc,
		/// The code is not a government organ's or public institution's (first character `1`).
		NotAGovernmentCode,
		/// An agency with this code was admitted before (dissolved ones included).
		AgencyAlreadyAdmitted,
		/// No agency has this code.
		UnknownAgency,
		/// The name is empty.
		EmptyName,
		/// An agency needs at least one role.
		NoRoles,
		/// The same role was listed twice.
		DuplicateRole,
		/// The agency is suspended or dissolved.
		AgencyNotActive,
		/// The agency is not suspended.
		AgencyNotSuspended,
		/// The agency is dissolved.
		AgencyDissolved,
		/// The agency already holds this role.
		RoleAlreadyHeld,
		/// The agency does not hold this role.
		RoleNotHeld,
		/// The account already acts for an agency.
		AlreadyAnOfficer,
		/// The account is not an officer of the agency.
		NotAnOfficer,
		/// The agency has the most officers allowed.
		TooManyOfficers,
		/// The caller is not the admin of an agency.
		NotAgencyAdmin,
		/// The admin cannot be removed as an officer; the council replaces admins.
		CannotRemoveAdmin,
		/// The most active agencies (council seats) allowed are taken.
		TooManyActiveAgencies,
		/// The account is already the agency's admin.
		AlreadyAdmin,
		/// Only the minimum number of agencies is active: no seat can be removed.
		TooFewActiveAgencies,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinActiveAgencies::get() >= 1, "the council needs at least one seat");
			assert!(
				T::MinActiveAgencies::get() <= T::MaxActiveAgencies::get(),
				"the minimum of active agencies exceeds the maximum"
			);
			assert!(T::MaxOfficers::get() >= 1, "an agency needs room for its admin");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_block: BlockNumberFor<T>) -> Result<(), TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admits an agency with its admin and roles; the admin takes a council seat.
		///
		/// Origin: `AdmissionOrigin` (two thirds of the council). The code must be a valid
		/// government code not admitted before; the admin must not act for another agency.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::admit_agency().saturating_add(T::CouncilSeatsWeight::get()))]
		pub fn admit_agency(
			origin: OriginFor<T>,
			uscc: Uscc,
			name: BoundedVec<u8, T::MaxNameLength>,
			admin: T::AccountId,
			roles: BoundedVec<Role, MaxRoles>,
		) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			let agency = Self::new_agency(&uscc, name, &admin, roles)?;
			let seats = Self::seats_with(&admin)?;
			Self::set_seats(seats, &[admin.clone()], &[]);
			Self::store_new_agency(&uscc, agency);
			Self::deposit_event(Event::AgencyAdmitted { agency: uscc, admin });
			Ok(())
		}

		/// Suspends an active agency: its officers can do nothing and its seat is vacated.
		///
		/// Origin: `AdmissionOrigin`. More than `MinActiveAgencies` agencies must be active,
		/// and `Departures` must agree (the validator set refuses when the agency's validators
		/// are needed for its minimum). Its validators leave at the next session.
		#[pallet::call_index(1)]
		#[pallet::weight(
			T::WeightInfo::suspend_agency()
				.saturating_add(T::CouncilSeatsWeight::get())
				.saturating_add(T::Departures::weight())
		)]
		pub fn suspend_agency(origin: OriginFor<T>, uscc: Uscc) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			let mut agency = Agencies::<T>::get(uscc).ok_or(Error::<T>::UnknownAgency)?;
			ensure!(agency.status == AgencyStatus::Active, Error::<T>::AgencyNotActive);
			let seats = Self::seats_without(&agency.admin)?;
			T::Departures::can_depart(&uscc)?;
			agency.status =
				AgencyStatus::Suspended { since: frame_system::Pallet::<T>::block_number() };
			Self::set_seats(seats, &[], &[agency.admin.clone()]);
			Agencies::<T>::insert(uscc, agency);
			T::Departures::departed(&uscc);
			Self::deposit_event(Event::AgencySuspended { agency: uscc });
			Ok(())
		}

		/// Lifts a suspension; the agency's admin takes its seat again.
		///
		/// Origin: `AdmissionOrigin`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reinstate_agency().saturating_add(T::CouncilSeatsWeight::get()))]
		pub fn reinstate_agency(origin: OriginFor<T>, uscc: Uscc) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			let mut agency = Agencies::<T>::get(uscc).ok_or(Error::<T>::UnknownAgency)?;
			ensure!(
				matches!(agency.status, AgencyStatus::Suspended { .. }),
				Error::<T>::AgencyNotSuspended
			);
			let seats = Self::seats_with(&agency.admin)?;
			agency.status = AgencyStatus::Active;
			Self::set_seats(seats, &[agency.admin.clone()], &[]);
			Agencies::<T>::insert(uscc, agency);
			Self::deposit_event(Event::AgencyReinstated { agency: uscc });
			Ok(())
		}

		/// Dissolves an agency for good. The record stays; its officers are released and its
		/// seat, if it had one, is vacated.
		///
		/// Origin: `AdmissionOrigin`. Dissolving an active agency needs more than
		/// `MinActiveAgencies` active agencies; `Departures` must agree, as for a suspension.
		#[pallet::call_index(3)]
		#[pallet::weight(
			T::WeightInfo::dissolve_agency(T::MaxOfficers::get())
				.saturating_add(T::CouncilSeatsWeight::get())
				.saturating_add(T::Departures::weight())
		)]
		pub fn dissolve_agency(origin: OriginFor<T>, uscc: Uscc) -> DispatchResultWithPostInfo {
			T::AdmissionOrigin::ensure_origin(origin)?;
			let mut agency = Agencies::<T>::get(uscc).ok_or(Error::<T>::UnknownAgency)?;
			ensure!(
				!matches!(agency.status, AgencyStatus::Dissolved { .. }),
				Error::<T>::AgencyDissolved
			);
			let seats = if agency.status == AgencyStatus::Active {
				Some(Self::seats_without(&agency.admin)?)
			} else {
				None
			};
			T::Departures::can_depart(&uscc)?;
			if let Some(seats) = seats {
				Self::set_seats(seats, &[], &[agency.admin.clone()]);
			}
			T::Departures::departed(&uscc);
			// The list stays as the record of who served; only their acting ends.
			for officer in Officers::<T>::iter_key_prefix(uscc) {
				OfficerOf::<T>::remove(officer);
			}
			let released = agency.officer_count;
			agency.status =
				AgencyStatus::Dissolved { since: frame_system::Pallet::<T>::block_number() };
			Agencies::<T>::insert(uscc, agency);
			Self::deposit_event(Event::AgencyDissolved { agency: uscc });
			Ok(Some(
				T::WeightInfo::dissolve_agency(released)
					.saturating_add(T::CouncilSeatsWeight::get())
					.saturating_add(T::Departures::weight()),
			)
			.into())
		}

		/// Grants a role to an agency that is not dissolved.
		///
		/// Origin: `AdmissionOrigin`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::grant_role())]
		pub fn grant_role(origin: OriginFor<T>, uscc: Uscc, role: Role) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			let mut agency = Self::undissolved_agency(&uscc)?;
			ensure!(!agency.roles.contains(&role), Error::<T>::RoleAlreadyHeld);
			// Five roles exist and the set holds five: it cannot be full without the role.
			agency.roles.try_insert(role).map_err(|_| Error::<T>::RoleAlreadyHeld)?;
			Agencies::<T>::insert(uscc, agency);
			Self::deposit_event(Event::RoleGranted { agency: uscc, role });
			Ok(())
		}

		/// Withdraws a role from an agency that is not dissolved.
		///
		/// Origin: `AdmissionOrigin`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::revoke_role())]
		pub fn revoke_role(origin: OriginFor<T>, uscc: Uscc, role: Role) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			let mut agency = Self::undissolved_agency(&uscc)?;
			ensure!(agency.roles.remove(&role), Error::<T>::RoleNotHeld);
			Agencies::<T>::insert(uscc, agency);
			Self::deposit_event(Event::RoleRevoked { agency: uscc, role });
			Ok(())
		}

		/// Adds an officer to the caller's agency.
		///
		/// Origin: signed by the admin of an active agency. The new officer must not act for
		/// any agency yet.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::add_officer())]
		pub fn add_officer(origin: OriginFor<T>, officer: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let uscc = Self::administered_agency(&who)?;
			Self::enlist_officer(&uscc, &officer)?;
			Self::deposit_event(Event::OfficerAdded { agency: uscc, officer });
			Ok(())
		}

		/// Removes an officer from the caller's agency; the account is free to serve another.
		///
		/// Origin: signed by the admin of an active agency. The admin cannot remove itself.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::remove_officer())]
		pub fn remove_officer(origin: OriginFor<T>, officer: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let uscc = Self::administered_agency(&who)?;
			ensure!(officer != who, Error::<T>::CannotRemoveAdmin);
			ensure!(Officers::<T>::contains_key(uscc, &officer), Error::<T>::NotAnOfficer);
			let mut agency = Agencies::<T>::get(uscc).ok_or(Error::<T>::UnknownAgency)?;
			agency.officer_count =
				agency.officer_count.checked_sub(1).ok_or(ArithmeticError::Underflow)?;
			Officers::<T>::remove(uscc, &officer);
			OfficerOf::<T>::remove(&officer);
			Agencies::<T>::insert(uscc, agency);
			Self::deposit_event(Event::OfficerRemoved { agency: uscc, officer });
			Ok(())
		}

		/// Replaces an agency's admin, e.g. after a lost key; the old admin stops acting for
		/// the agency and the council seat moves to the new one.
		///
		/// Origin: `AdmissionOrigin`. The new admin must be free or already an officer of
		/// the same agency.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::replace_admin().saturating_add(T::CouncilSeatsWeight::get()))]
		pub fn replace_admin(
			origin: OriginFor<T>,
			uscc: Uscc,
			new_admin: T::AccountId,
		) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			let mut agency = Self::undissolved_agency(&uscc)?;
			ensure!(agency.admin != new_admin, Error::<T>::AlreadyAdmin);
			match OfficerOf::<T>::get(&new_admin) {
				Some(other) if other != uscc => return Err(Error::<T>::AlreadyAnOfficer.into()),
				_ => {},
			}
			let old_admin = agency.admin.clone();
			// The new admin takes the old one's place in the list, or leaves the list one
			// shorter when it was on it already: the list never grows.
			if Officers::<T>::contains_key(uscc, &new_admin) {
				agency.officer_count =
					agency.officer_count.checked_sub(1).ok_or(ArithmeticError::Underflow)?;
			}
			let seats = if agency.status == AgencyStatus::Active {
				let mut seats: Vec<T::AccountId> =
					Seats::<T>::get().into_iter().filter(|seat| *seat != old_admin).collect();
				seats.push(new_admin.clone());
				seats.sort();
				Some(seats.try_into().map_err(|_| Error::<T>::TooManyActiveAgencies)?)
			} else {
				None
			};
			agency.admin = new_admin.clone();
			Officers::<T>::remove(uscc, &old_admin);
			Officers::<T>::insert(uscc, &new_admin, ());
			OfficerOf::<T>::remove(&old_admin);
			OfficerOf::<T>::insert(&new_admin, uscc);
			if let Some(seats) = seats {
				Self::set_seats(seats, &[new_admin.clone()], &[old_admin.clone()]);
			}
			Agencies::<T>::insert(uscc, agency);
			Self::deposit_event(Event::AdminReplaced { agency: uscc, old_admin, new_admin });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The officer acting for an active agency that holds `role`, if `who` is one.
		pub fn acting_officer(
			who: &T::AccountId,
			role: Role,
		) -> Option<AgencyOfficer<T::AccountId>> {
			let uscc = OfficerOf::<T>::get(who)?;
			let agency = Agencies::<T>::get(uscc)?;
			(agency.status == AgencyStatus::Active && agency.roles.contains(&role))
				.then(|| AgencyOfficer { agency: uscc, officer: who.clone() })
		}

		/// Checks an admission and builds the record; writes nothing.
		pub(crate) fn new_agency(
			uscc: &Uscc,
			name: BoundedVec<u8, T::MaxNameLength>,
			admin: &T::AccountId,
			roles: BoundedVec<Role, MaxRoles>,
		) -> Result<AgencyOf<T>, DispatchError> {
			let code = Uscc::parse(uscc.as_bytes()).map_err(|_| Error::<T>::InvalidUscc)?;
			ensure!(
				code.registration_authority() == RegistrationAuthority::EstablishmentOffice,
				Error::<T>::NotAGovernmentCode
			);
			ensure!(!Agencies::<T>::contains_key(uscc), Error::<T>::AgencyAlreadyAdmitted);
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			ensure!(!roles.is_empty(), Error::<T>::NoRoles);
			let role_set: BTreeSet<Role> = roles.iter().copied().collect();
			ensure!(role_set.len() == roles.len(), Error::<T>::DuplicateRole);
			ensure!(!OfficerOf::<T>::contains_key(admin), Error::<T>::AlreadyAnOfficer);
			let roles =
				BoundedBTreeSet::try_from(role_set).map_err(|_| Error::<T>::DuplicateRole)?;
			Ok(Agency {
				name,
				roles,
				status: AgencyStatus::Active,
				admin: admin.clone(),
				officer_count: 1,
				admitted_at: frame_system::Pallet::<T>::block_number(),
			})
		}

		/// Stores an agency built by [`Self::new_agency`], its admin its first officer.
		fn store_new_agency(uscc: &Uscc, agency: AgencyOf<T>) {
			OfficerOf::<T>::insert(&agency.admin, uscc);
			Officers::<T>::insert(uscc, &agency.admin, ());
			Agencies::<T>::insert(uscc, agency);
		}

		/// Adds `officer` to an active agency after the checks; writes last.
		pub(crate) fn enlist_officer(uscc: &Uscc, officer: &T::AccountId) -> DispatchResult {
			ensure!(!OfficerOf::<T>::contains_key(officer), Error::<T>::AlreadyAnOfficer);
			let mut agency = Agencies::<T>::get(uscc).ok_or(Error::<T>::UnknownAgency)?;
			ensure!(agency.status == AgencyStatus::Active, Error::<T>::AgencyNotActive);
			ensure!(agency.officer_count < T::MaxOfficers::get(), Error::<T>::TooManyOfficers);
			agency.officer_count =
				agency.officer_count.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			OfficerOf::<T>::insert(officer, *uscc);
			Officers::<T>::insert(uscc, officer, ());
			Agencies::<T>::insert(uscc, agency);
			Ok(())
		}

		/// The active agency `who` is the admin of.
		pub fn administered_agency(who: &T::AccountId) -> Result<Uscc, DispatchError> {
			let uscc = OfficerOf::<T>::get(who).ok_or(Error::<T>::NotAgencyAdmin)?;
			let agency = Agencies::<T>::get(uscc).ok_or(Error::<T>::UnknownAgency)?;
			ensure!(agency.admin == *who, Error::<T>::NotAgencyAdmin);
			ensure!(agency.status == AgencyStatus::Active, Error::<T>::AgencyNotActive);
			Ok(uscc)
		}

		fn undissolved_agency(uscc: &Uscc) -> Result<AgencyOf<T>, DispatchError> {
			let agency = Agencies::<T>::get(uscc).ok_or(Error::<T>::UnknownAgency)?;
			ensure!(
				!matches!(agency.status, AgencyStatus::Dissolved { .. }),
				Error::<T>::AgencyDissolved
			);
			Ok(agency)
		}

		/// The seats with `admin` added, sorted; fails when all seats are taken.
		fn seats_with(
			admin: &T::AccountId,
		) -> Result<BoundedVec<T::AccountId, T::MaxActiveAgencies>, DispatchError> {
			let mut seats = Seats::<T>::get();
			let position = seats.binary_search(admin).unwrap_or_else(|position| position);
			seats
				.try_insert(position, admin.clone())
				.map_err(|_| Error::<T>::TooManyActiveAgencies)?;
			Ok(seats)
		}

		/// The seats without `admin`; fails when only the minimum of seats is left.
		fn seats_without(
			admin: &T::AccountId,
		) -> Result<BoundedVec<T::AccountId, T::MaxActiveAgencies>, DispatchError> {
			let mut seats = Seats::<T>::get();
			ensure!(
				seats.len() as u32 > T::MinActiveAgencies::get(),
				Error::<T>::TooFewActiveAgencies
			);
			seats.retain(|seat| seat != admin);
			Ok(seats)
		}

		/// Stores the new seats and tells the council who came and went.
		fn set_seats(
			seats: BoundedVec<T::AccountId, T::MaxActiveAgencies>,
			incoming: &[T::AccountId],
			outgoing: &[T::AccountId],
		) {
			T::CouncilSeats::change_members_sorted(incoming, outgoing, &seats);
			Seats::<T>::put(seats);
		}

		/// The register's invariants: every officer maps to an agency that lists it and every
		/// listed officer of an undissolved agency maps back to it; admins are officers; each
		/// record's officer count is the length of its list, within `MaxOfficers`, and no
		/// list belongs to an unknown agency; the seats, and the council's members, are
		/// exactly the sorted admins of the active agencies. (`MinActiveAgencies` is a rule
		/// on removals, not on the state: a chain may start with fewer agencies and admit
		/// more.)
		pub fn do_try_state() -> Result<(), TryRuntimeError> {
			let mut active_admins = Vec::new();
			let mut listed: u64 = 0;
			for (uscc, agency) in Agencies::<T>::iter() {
				ensure!(
					Officers::<T>::contains_key(uscc, &agency.admin),
					"an admin is not an officer"
				);
				ensure!(
					agency.officer_count <= T::MaxOfficers::get(),
					"an agency has more officers than allowed"
				);
				let dissolved = matches!(agency.status, AgencyStatus::Dissolved { .. });
				let mut count: u32 = 0;
				for officer in Officers::<T>::iter_key_prefix(uscc) {
					count = count.saturating_add(1);
					let acts_for = OfficerOf::<T>::get(&officer);
					if dissolved {
						ensure!(acts_for != Some(uscc), "an officer of a dissolved agency acts");
					} else {
						ensure!(acts_for == Some(uscc), "a listed officer acts for another agency");
					}
				}
				ensure!(count == agency.officer_count, "an agency's officer count is wrong");
				listed = listed.saturating_add(count.into());
				if agency.status == AgencyStatus::Active {
					active_admins.push(agency.admin);
				}
			}
			ensure!(
				Officers::<T>::iter_keys().count() as u64 == listed,
				"officers are listed for an unknown agency"
			);
			for (officer, uscc) in OfficerOf::<T>::iter() {
				ensure!(Agencies::<T>::contains_key(uscc), "an officer's agency is unknown");
				ensure!(
					Officers::<T>::contains_key(uscc, &officer),
					"an officer is not listed by its agency"
				);
			}
			active_admins.sort();
			ensure!(
				Seats::<T>::get().into_inner() == active_admins,
				"the seats are not the sorted admins of the active agencies"
			);
			ensure!(
				T::CouncilSeats::sorted_members() == active_admins,
				"the council's members are not the seats"
			);
			Ok(())
		}
	}
}
