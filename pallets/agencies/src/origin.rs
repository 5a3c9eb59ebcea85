//! The origins other pallets use: a signed call by an officer of an active agency that
//! holds a given role, or by the admin of an active agency, acting for the agency itself.

use crate::{Config, Pallet};
use core::marker::PhantomData;
use govchain_domain_types::{AgencyOfficer, Role};
use polkadot_sdk::{
	frame_support::traits::{EnsureOrigin, Get},
	frame_system::RawOrigin,
};

/// Succeeds for a signed origin whose account is an officer of an active agency holding the
/// role `R`, and yields which agency and which officer acted. Officers of suspended or
/// dissolved agencies, and agencies without the role, are refused.
pub struct EnsureAgencyOfficer<T, R>(PhantomData<(T, R)>);

impl<T: Config, R: Get<Role>> EnsureOrigin<T::RuntimeOrigin> for EnsureAgencyOfficer<T, R> {
	type Success = AgencyOfficer<T::AccountId>;

	fn try_origin(origin: T::RuntimeOrigin) -> Result<Self::Success, T::RuntimeOrigin> {
		match origin.clone().into() {
			Ok(RawOrigin::Signed(who)) => Pallet::<T>::acting_officer(&who, R::get()).ok_or(origin),
			_ => Err(origin),
		}
	}

	/// Admits an agency holding the role, with a fresh officer, and signs as that officer.
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		let officer = crate::benchmarking::admit_benchmark_agency::<T>(0, R::get())?;
		Ok(RawOrigin::Signed(officer).into())
	}
}

/// Succeeds for a signed origin whose account is the admin of an active agency, and yields the
/// agency and its admin: for what an agency decides as a whole, whatever its roles (proposing
/// the validators it operates, for instance).
pub struct EnsureAgencyAdmin<T>(PhantomData<T>);

impl<T: Config> EnsureOrigin<T::RuntimeOrigin> for EnsureAgencyAdmin<T> {
	type Success = AgencyOfficer<T::AccountId>;

	fn try_origin(origin: T::RuntimeOrigin) -> Result<Self::Success, T::RuntimeOrigin> {
		match origin.clone().into() {
			Ok(RawOrigin::Signed(who)) => match Pallet::<T>::administered_agency(&who) {
				Ok(agency) => Ok(AgencyOfficer { agency, officer: who }),
				Err(_) => Err(origin),
			},
			_ => Err(origin),
		}
	}

	/// Admits an agency with a fresh admin and signs as that admin.
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		let admin = crate::benchmarking::admit_benchmark_agency::<T>(0, Role::OtherAgency)?;
		Ok(RawOrigin::Signed(admin).into())
	}
}
