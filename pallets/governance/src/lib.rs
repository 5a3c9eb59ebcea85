//! # Governance
//!
//! Runtime upgrades on govchain are decided by the agencies' council, not by a sudo key.
//! The council authorizes the hash of a new runtime (by `UpgradeOrigin`, two thirds of the
//! council in govchain's runtime); anyone may then submit the code with
//! `System::apply_authorized_upgrade`, which checks that the code matches the hash and that
//! its `spec_version` is higher than the current one before it is enacted.
#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// Version 0: the pallet keeps no storage of its own (authorizations live in
	/// `frame_system`); declared so that a future layout change is a versioned migration.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// Who may authorize a runtime upgrade: two thirds of the council.
		type UpgradeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Benchmarked weights of the calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Authorizes the runtime whose code hashes (blake2-256) to `code_hash`, with version
		/// checks: the code applied later must carry the same spec name and a higher
		/// `spec_version`. Replaces any earlier authorization. `frame_system` emits
		/// `UpgradeAuthorized`.
		///
		/// Origin: `UpgradeOrigin`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::authorize_upgrade())]
		pub fn authorize_upgrade(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Ok(())
		}
	}
}
