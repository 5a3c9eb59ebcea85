//! Benchmarks (frame-benchmarking v2), each at the worst case its bounds allow.

use super::*;
use crate::pallet::{Agencies, Call, Config, OfficerOf, Pallet, Seats};
use govchain_domain_types::{benchmarking::longest_text, Role, Uscc};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOrigin, Get},
		BoundedVec,
	},
	frame_system::RawOrigin,
};

/// A valid government code (authority 1, category 1, division 110101) numbered `index`.
fn government_uscc(index: u32) -> Result<Uscc, BenchmarkError> {
	Uscc::numbered(b"11110100", index).map_err(|_| BenchmarkError::Stop("benchmark code invalid"))
}

/// Admits agency number `index` holding `role`, through the admission origin, and returns
/// its admin. Used by the benchmarks and by the origin's benchmark helper.
pub fn admit_benchmark_agency<T: Config>(index: u32, role: Role) -> Result<T::AccountId, ()> {
	let admin: T::AccountId = account("admin", index, 0);
	let uscc = government_uscc(index).map_err(|_| ())?;
	let roles: BoundedVec<Role, MaxRoles> = alloc::vec![role].try_into().map_err(|_| ())?;
	Pallet::<T>::admit_agency(
		T::AdmissionOrigin::try_successful_origin()?,
		uscc,
		longest_text(),
		admin.clone(),
		roles,
	)
	.map_err(|_| ())?;
	Ok(admin)
}

/// Fills council seats with placeholder admins until `count` are taken.
fn fill_seats<T: Config>(count: u32) {
	let mut seats = Seats::<T>::get().into_inner();
	let mut index = 0;
	while (seats.len() as u32) < count {
		seats.push(account("seat", index, 0));
		index += 1;
	}
	seats.sort();
	Seats::<T>::put(BoundedVec::truncate_from(seats));
}

/// Gives the agency of `admin` officers until it has `count`.
fn fill_officers<T: Config>(admin: &T::AccountId, count: u32) -> Result<(), BenchmarkError> {
	let uscc = OfficerOf::<T>::get(admin).ok_or(BenchmarkError::Stop("no agency"))?;
	let mut agency = Agencies::<T>::get(uscc).ok_or(BenchmarkError::Stop("no agency"))?;
	let mut index = 0;
	while agency.officer_count < count {
		let officer: T::AccountId = account("officer", index, 0);
		OfficerOf::<T>::insert(&officer, uscc);
		Officers::<T>::insert(uscc, officer, ());
		agency.officer_count += 1;
		index += 1;
	}
	Agencies::<T>::insert(uscc, agency);
	Ok(())
}

fn assert_last_event<T: Config>(event: Event<T>) {
	polkadot_sdk::frame_system::Pallet::<T>::assert_last_event(
		<T as polkadot_sdk::frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Suffix for the agencies the benchmarks admit, clear of genesis and test codes.
	const AGENCY: u32 = 900_000;

	#[benchmark]
	fn admit_agency() -> Result<(), BenchmarkError> {
		fill_seats::<T>(T::MaxActiveAgencies::get().saturating_sub(1));
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let uscc = government_uscc(AGENCY)?;
		let admin: T::AccountId = account("admin", AGENCY, 0);
		let roles: BoundedVec<Role, MaxRoles> =
			Role::ALL.to_vec().try_into().map_err(|_| BenchmarkError::Stop("roles"))?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, longest_text(), admin.clone(), roles);

		assert_last_event::<T>(Event::AgencyAdmitted { agency: uscc, admin });
		Ok(())
	}

	#[benchmark]
	fn suspend_agency() -> Result<(), BenchmarkError> {
		fill_seats::<T>(T::MaxActiveAgencies::get().saturating_sub(1));
		admit_benchmark_agency::<T>(AGENCY, Role::OtherAgency)
			.map_err(|_| BenchmarkError::Weightless)?;
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let uscc = government_uscc(AGENCY)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc);

		assert_last_event::<T>(Event::AgencySuspended { agency: uscc });
		Ok(())
	}

	#[benchmark]
	fn reinstate_agency() -> Result<(), BenchmarkError> {
		fill_seats::<T>(T::MaxActiveAgencies::get().saturating_sub(1));
		admit_benchmark_agency::<T>(AGENCY, Role::OtherAgency)
			.map_err(|_| BenchmarkError::Weightless)?;
		let uscc = government_uscc(AGENCY)?;
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Pallet::<T>::suspend_agency(origin.clone(), uscc)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc);

		assert_last_event::<T>(Event::AgencyReinstated { agency: uscc });
		Ok(())
	}

	#[benchmark]
	fn dissolve_agency(o: Linear<1, { T::MaxOfficers::get() }>) -> Result<(), BenchmarkError> {
		fill_seats::<T>(T::MaxActiveAgencies::get().saturating_sub(1));
		let admin = admit_benchmark_agency::<T>(AGENCY, Role::OtherAgency)
			.map_err(|_| BenchmarkError::Weightless)?;
		fill_officers::<T>(&admin, o)?;
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let uscc = government_uscc(AGENCY)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc);

		assert_last_event::<T>(Event::AgencyDissolved { agency: uscc });
		Ok(())
	}

	#[benchmark]
	fn grant_role() -> Result<(), BenchmarkError> {
		admit_benchmark_agency::<T>(AGENCY, Role::OtherAgency)
			.map_err(|_| BenchmarkError::Weightless)?;
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let uscc = government_uscc(AGENCY)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, Role::Customs);

		assert_last_event::<T>(Event::RoleGranted { agency: uscc, role: Role::Customs });
		Ok(())
	}

	#[benchmark]
	fn revoke_role() -> Result<(), BenchmarkError> {
		admit_benchmark_agency::<T>(AGENCY, Role::OtherAgency)
			.map_err(|_| BenchmarkError::Weightless)?;
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let uscc = government_uscc(AGENCY)?;
		Pallet::<T>::grant_role(origin.clone(), uscc, Role::Customs)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, Role::Customs);

		assert_last_event::<T>(Event::RoleRevoked { agency: uscc, role: Role::Customs });
		Ok(())
	}

	#[benchmark]
	fn add_officer() -> Result<(), BenchmarkError> {
		let admin = admit_benchmark_agency::<T>(AGENCY, Role::OtherAgency)
			.map_err(|_| BenchmarkError::Weightless)?;
		fill_officers::<T>(&admin, T::MaxOfficers::get().saturating_sub(1))?;
		let officer: T::AccountId = account("new-officer", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), officer.clone());

		assert_last_event::<T>(Event::OfficerAdded { agency: government_uscc(AGENCY)?, officer });
		Ok(())
	}

	#[benchmark]
	fn remove_officer() -> Result<(), BenchmarkError> {
		let admin = admit_benchmark_agency::<T>(AGENCY, Role::OtherAgency)
			.map_err(|_| BenchmarkError::Weightless)?;
		fill_officers::<T>(&admin, T::MaxOfficers::get())?;
		let uscc = government_uscc(AGENCY)?;
		let officer: T::AccountId = account("officer", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), officer.clone());

		assert_last_event::<T>(Event::OfficerRemoved { agency: uscc, officer });
		Ok(())
	}

	#[benchmark]
	fn replace_admin() -> Result<(), BenchmarkError> {
		fill_seats::<T>(T::MaxActiveAgencies::get().saturating_sub(1));
		let old_admin = admit_benchmark_agency::<T>(AGENCY, Role::OtherAgency)
			.map_err(|_| BenchmarkError::Weightless)?;
		fill_officers::<T>(&old_admin, T::MaxOfficers::get())?;
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let uscc = government_uscc(AGENCY)?;
		let new_admin: T::AccountId = account("new-admin", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, new_admin.clone());

		assert_last_event::<T>(Event::AdminReplaced { agency: uscc, old_admin, new_admin });
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::new_test_ext().without_invariant_checks(),
		crate::mock::Test
	);
}
