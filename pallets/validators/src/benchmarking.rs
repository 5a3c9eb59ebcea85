//! Benchmarks (frame-benchmarking v2), each at the worst case its bounds allow: the
//! agency's lists full, so that the searches and rewrites of them cost the most.

use super::*;
use crate::pallet::{Call, Config, Pallet, Proposals, ProposalsOf, Validators, ValidatorsOf};
use codec::Decode;
use govchain_domain_types::Uscc;
use pallet_session::SessionInterface;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{EnsureOrigin, Get},
	frame_system,
	sp_runtime::traits::TrailingZeroInput,
};

/// The admin origin of a benchmark agency, and that agency.
fn agency_admin<T: Config>() -> Result<(T::RuntimeOrigin, Uscc), BenchmarkError> {
	let origin =
		T::AgencyAdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	let agency = T::AgencyAdminOrigin::ensure_origin(origin.clone())
		.map_err(|_| BenchmarkError::Stop("the admin origin fails"))?
		.agency;
	Ok((origin, agency))
}

fn council<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Makes `account` a validator of `agency` directly in storage.
fn plant_validator<T: Config>(agency: Uscc, account: &T::AccountId) -> Result<(), BenchmarkError> {
	ValidatorsOf::<T>::try_mutate(agency, |accounts| accounts.try_push(account.clone()))
		.map_err(|_| BenchmarkError::Stop("agency bound"))?;
	let now = frame_system::Pallet::<T>::block_number();
	Validators::<T>::insert(account, Validator::new(agency, now));
	Ok(())
}

/// Validators of other agencies until the set has `MaxValidators - room`, so that removals
/// stay above the minimum and additions have `room`.
fn fill_set<T: Config>(room: u32) -> Result<(), BenchmarkError> {
	let mut index = 0;
	while Validators::<T>::count().saturating_add(room) < T::MaxValidators::get() {
		let agency = Uscc::numbered(b"11110100", 1_000 + index / T::MaxValidatorsPerAgency::get())
			.map_err(|_| BenchmarkError::Stop("benchmark code invalid"))?;
		plant_validator::<T>(agency, &account("filler", index, 0))?;
		index += 1;
	}
	Ok(())
}

/// Proposals of `agency` to add fresh accounts until it has `count`.
fn fill_proposals<T: Config>(agency: Uscc, count: u32) -> Result<(), BenchmarkError> {
	let mut proposals = ProposalsOf::<T>::get(agency);
	let mut index = 0;
	while (proposals.len() as u32) < count {
		let validator: T::AccountId = account("pending", index, 0);
		proposals
			.try_push(validator.clone())
			.map_err(|_| BenchmarkError::Stop("bound"))?;
		let proposed_at = frame_system::Pallet::<T>::block_number();
		Proposals::<T>::insert(validator, Proposal { agency, change: Change::Add, proposed_at });
		index += 1;
	}
	ProposalsOf::<T>::insert(agency, proposals);
	Ok(())
}

/// Sets session keys for `account` (a proposed or approved account), as `set_keys` would.
fn set_keys<T: Config>(account: &T::AccountId) -> Result<(), BenchmarkError> {
	let keys = <T::Session as SessionInterface>::Keys::decode(&mut TrailingZeroInput::zeroes())
		.map_err(|_| BenchmarkError::Stop("keys"))?;
	T::Session::set_keys(account, keys).map_err(|_| BenchmarkError::Stop("set_keys failed"))
}

/// A full set, the benchmark agency operating its maximum of validators, and its proposal
/// to remove the last of them; returns that validator.
fn validator_proposed_for_removal<T: Config>() -> Result<T::AccountId, BenchmarkError> {
	let (origin, agency) = agency_admin::<T>()?;
	fill_set::<T>(T::MaxValidatorsPerAgency::get())?;
	for index in 0..T::MaxValidatorsPerAgency::get() {
		plant_validator::<T>(agency, &account("validator", index, 0))?;
	}
	let validator: T::AccountId = account("validator", T::MaxValidatorsPerAgency::get() - 1, 0);
	Pallet::<T>::propose_removal(origin, validator.clone())
		.map_err(|_| BenchmarkError::Stop("propose_removal failed"))?;
	Ok(validator)
}

/// The last of the benchmark agency's pending proposals, after filling them to the maximum.
fn last_of_full_proposals<T: Config>(agency: Uscc) -> Result<T::AccountId, BenchmarkError> {
	fill_proposals::<T>(agency, T::MaxValidatorsPerAgency::get())?;
	ProposalsOf::<T>::get(agency)
		.last()
		.cloned()
		.ok_or(BenchmarkError::Stop("no proposal"))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose_addition() -> Result<(), BenchmarkError> {
		let (origin, agency) = agency_admin::<T>()?;
		fill_proposals::<T>(agency, T::MaxValidatorsPerAgency::get() - 1)?;
		let validator: T::AccountId = account("candidate", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, validator.clone());
		assert!(Proposals::<T>::contains_key(&validator));
		Ok(())
	}

	#[benchmark]
	fn propose_removal() -> Result<(), BenchmarkError> {
		let (origin, agency) = agency_admin::<T>()?;
		let validator: T::AccountId = account("validator", 0, 0);
		plant_validator::<T>(agency, &validator)?;
		fill_proposals::<T>(agency, T::MaxValidatorsPerAgency::get() - 1)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, validator.clone());
		assert!(Proposals::<T>::contains_key(&validator));
		Ok(())
	}

	#[benchmark]
	fn withdraw_proposal() -> Result<(), BenchmarkError> {
		let (origin, agency) = agency_admin::<T>()?;
		let validator = last_of_full_proposals::<T>(agency)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, validator.clone());
		assert!(!Proposals::<T>::contains_key(&validator));
		Ok(())
	}

	#[benchmark]
	fn approve_addition() -> Result<(), BenchmarkError> {
		let (_, agency) = agency_admin::<T>()?;
		fill_set::<T>(1)?;
		let validator = last_of_full_proposals::<T>(agency)?;
		set_keys::<T>(&validator)?;
		let council = council::<T>()?;
		#[extrinsic_call]
		approve(council as T::RuntimeOrigin, validator.clone());
		assert!(Validators::<T>::contains_key(&validator));
		Ok(())
	}

	#[benchmark]
	fn approve_removal() -> Result<(), BenchmarkError> {
		let validator = validator_proposed_for_removal::<T>()?;
		let council = council::<T>()?;
		#[extrinsic_call]
		approve(council as T::RuntimeOrigin, validator.clone());
		assert!(!Validators::<T>::contains_key(&validator));
		Ok(())
	}

	#[benchmark]
	fn reject() -> Result<(), BenchmarkError> {
		let (_, agency) = agency_admin::<T>()?;
		let validator = last_of_full_proposals::<T>(agency)?;
		let council = council::<T>()?;
		#[extrinsic_call]
		_(council as T::RuntimeOrigin, validator.clone());
		assert!(!Proposals::<T>::contains_key(&validator));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let validator = validator_proposed_for_removal::<T>()?;
		let council = council::<T>()?;
		#[extrinsic_call]
		_(council as T::RuntimeOrigin, validator.clone());
		assert!(!Validators::<T>::contains_key(&validator));
		Ok(())
	}

	/// An agency with `n` validators, each with a pending removal, is suspended: the check
	/// and the removal together.
	#[benchmark]
	fn agency_departure(
		n: Linear<1, { T::MaxValidatorsPerAgency::get() }>,
	) -> Result<(), BenchmarkError> {
		let (origin, agency) = agency_admin::<T>()?;
		fill_set::<T>(n)?;
		for index in 0..n {
			let validator: T::AccountId = account("validator", index, 0);
			plant_validator::<T>(agency, &validator)?;
			Pallet::<T>::propose_removal(origin.clone(), validator)
				.map_err(|_| BenchmarkError::Stop("propose_removal failed"))?;
		}
		#[block]
		{
			<Pallet<T> as govchain_domain_types::AgencyDepartures>::can_depart(&agency)
				.map_err(|_| BenchmarkError::Stop("departure refused"))?;
			<Pallet<T> as govchain_domain_types::AgencyDepartures>::departed(&agency);
		}
		assert!(ValidatorsOf::<T>::get(agency).is_empty());
		assert!(ProposalsOf::<T>::get(agency).is_empty());
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::new_test_ext().without_invariant_checks(),
		crate::mock::Test
	);
}
