//! Runtime-level migrations: those that join several pallets' state.

use crate::{AccountId, AuraId, Runtime, SessionKeys};
use alloc::vec::Vec;
use govchain_domain_types::Uscc;
use pallet_session::SessionInterface;
#[cfg(feature = "try-runtime")]
use polkadot_sdk::sp_runtime::TryRuntimeError;
use polkadot_sdk::{
	frame_support::{traits::OnRuntimeUpgrade, weights::Weight},
	frame_system, pallet_aura, pallet_grandpa,
};

const LOG_TARGET: &str = "runtime::adopt-authorities";

/// Brings a chain that ran with authorities fixed at genesis (spec 102 and before) under the
/// validator set the council manages, without changing who validates.
///
/// Each Aura authority `i` with GRANDPA authority `i` becomes a validator: its account is the
/// account of the same sr25519 public key as its Aura key (as the genesis presets set them),
/// its agency the one that account is an officer of, its session keys the two keys it
/// validates with now. pallet-session is given that set as its current and queued set, so the
/// first session rotation changes nothing.
///
/// All or nothing: if an authority's account acts for no agency, if the two authority lists
/// differ in length, or if an agency would run more than its bound, nothing is written and
/// the error is logged (the council then adopts the set by proposals and approvals). It runs
/// only while both pallet-session and the validators pallet are empty, so a second run, or a
/// run on a chain that started with them, does nothing.
pub struct AdoptConsensusAuthorities;

/// A validator to adopt: account, agency, keys.
type Adoptee = (AccountId, Uscc, SessionKeys);

impl AdoptConsensusAuthorities {
	fn already_managed() -> bool {
		!pallet_session::Validators::<Runtime>::get().is_empty()
			|| pallet_validators::Validators::<Runtime>::count() > 0
	}

	/// The validators to adopt, or why there are none.
	fn adoptees() -> Result<Vec<Adoptee>, &'static str> {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
		if aura.is_empty() || aura.len() != grandpa.len() {
			return Err("the Aura and GRANDPA authority lists differ in length or are empty");
		}
		let per_agency = <Runtime as pallet_validators::Config>::MaxValidatorsPerAgency::get();
		let mut adoptees: Vec<Adoptee> = Vec::new();
		for (aura_key, (grandpa_key, _)) in aura.into_iter().zip(grandpa) {
			let account = Self::account_of(&aura_key).ok_or("an Aura key is not 32 bytes")?;
			let agency = pallet_agencies::OfficerOf::<Runtime>::get(&account)
				.ok_or("an authority's account acts for no agency")?;
			let of_agency = adoptees.iter().filter(|(_, other, _)| *other == agency).count();
			if of_agency as u32 >= per_agency {
				return Err("an agency would run more validators than allowed");
			}
			adoptees.push((account, agency, SessionKeys { aura: aura_key, grandpa: grandpa_key }));
		}
		Ok(adoptees)
	}

	/// The account of the same sr25519 public key.
	fn account_of(aura_key: &AuraId) -> Option<AccountId> {
		let raw: &[u8] = aura_key.as_ref();
		AccountId::try_from(raw).ok()
	}
}

impl OnRuntimeUpgrade for AdoptConsensusAuthorities {
	fn on_runtime_upgrade() -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		if Self::already_managed() {
			return db.reads(2);
		}
		let adoptees = match Self::adoptees() {
			Ok(adoptees) => adoptees,
			Err(reason) => {
				log::error!(target: LOG_TARGET, "authorities not adopted: {reason}");
				return db.reads(4);
			},
		};
		let now = frame_system::Pallet::<Runtime>::block_number();
		let mut planned: Vec<AccountId> = Vec::new();
		for (account, agency, keys) in &adoptees {
			pallet_validators::Validators::<Runtime>::insert(
				account,
				pallet_validators::Validator::new(*agency, now),
			);
			pallet_validators::ValidatorsOf::<Runtime>::mutate(agency, |accounts| {
				// Within the bound: checked by `adoptees`.
				let _ = accounts.try_push(account.clone());
			});
			if let Err(error) =
				<crate::Session as SessionInterface>::set_keys(account, keys.clone())
			{
				log::error!(target: LOG_TARGET, "keys of an adopted validator not set: {error:?}");
			}
			planned.push(account.clone());
		}
		pallet_session::Validators::<Runtime>::put(planned.clone());
		pallet_session::QueuedKeys::<Runtime>::put(
			adoptees
				.iter()
				.map(|(account, _, keys)| (account.clone(), keys.clone()))
				.collect::<Vec<_>>(),
		);
		planned.sort();
		pallet_validators::PlannedSet::<Runtime>::put(
			polkadot_sdk::frame_support::BoundedVec::truncate_from(planned),
		);
		let count = adoptees.len() as u64;
		log::info!(target: LOG_TARGET, "{count} authorities adopted as validators");
		db.reads_writes(4 + 2 * count, 4 + 6 * count)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		use codec::Encode;
		let expected = if Self::already_managed() { None } else { Some(Self::adoptees()?) };
		Ok(expected.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
		use codec::Decode;
		use polkadot_sdk::frame_support::ensure;
		let Some(adoptees) = Option::<Vec<Adoptee>>::decode(&mut &state[..])
			.map_err(|_| "adoption state undecodable")?
		else {
			return Ok(());
		};
		ensure!(
			pallet_validators::Validators::<Runtime>::count() as usize == adoptees.len(),
			"not every authority was adopted"
		);
		for (account, agency, keys) in adoptees {
			let record = pallet_validators::Validators::<Runtime>::get(&account)
				.ok_or("an authority is not a validator")?;
			ensure!(record.agency == agency, "an adopted validator has the wrong agency");
			ensure!(
				pallet_session::NextKeys::<Runtime>::get(&account) == Some(keys),
				"an adopted validator's keys are not its authority keys"
			);
		}
		crate::Validators::do_try_state()
	}
}
