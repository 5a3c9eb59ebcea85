//! The validator set on the real runtime: a council motion adds an agency's validator whose
//! operator set keys with a real ownership proof, and after the session rotation it is in
//! the Aura and GRANDPA authority sets; a suspended agency's validator leaves; a GRANDPA
//! equivocation reported with a key-ownership proof is recorded.

use crate::{
	governance_tests::{account, council_passes},
	tests::externalities,
	Agencies, Grandpa, Historical, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, Session,
	SessionKeys, System, Validators,
};
use codec::Encode;
use govchain_domain_types::testing::CheckedExternalities;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{Hooks, KeyOwnerProofSystem},
	},
	pallet_offences,
	sp_consensus_grandpa::{self, AuthorityId as GrandpaId},
	sp_core::H256,
	sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
	sp_keystore::{testing::MemoryKeystore, KeystoreExt},
	sp_runtime::traits::Dispatchable,
};

/// The local testnet (validators of Alice's, Bob's and Charlie's agencies; Dave's human
/// resources agency runs none), with a keystore for generating session keys.
fn local_testnet() -> CheckedExternalities {
	let mut ext = externalities(LOCAL_TESTNET_RUNTIME_PRESET);
	ext.externalities_mut()
		.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext
}

/// Runs the session rotation up to the start of session `index`, finishing each rotation's
/// block as GRANDPA does (it enacts scheduled authority changes in `on_finalize`).
fn start_session(index: u32) {
	while Session::current_index() < index {
		let block = System::block_number() + 1;
		System::set_block_number(block);
		<Session as Hooks<u32>>::on_initialize(block);
		<Grandpa as Hooks<u32>>::on_finalize(block);
	}
}

fn aura_authorities() -> Vec<crate::AuraId> {
	polkadot_sdk::pallet_aura::Authorities::<Runtime>::get().into_inner()
}

/// Dave's validator operator generates keys, as `author_rotateKeysWithOwner` does, and
/// registers them with their proof of ownership.
fn dave_sets_keys() -> SessionKeys {
	let dave = account(Sr25519Keyring::Dave);
	let generated = SessionKeys::generate(&dave.encode(), None);
	assert_ok!(Session::set_keys(
		RuntimeOrigin::signed(dave),
		generated.keys.clone(),
		generated.proof.encode()
	));
	generated.keys
}

#[test]
fn a_council_motion_adds_a_validator_that_joins_aura_and_grandpa_after_the_rotation() {
	local_testnet().execute_with(|| {
		let dave = account(Sr25519Keyring::Dave);
		// Dave administers human resources and proposes its validator account (his own).
		assert_ok!(Validators::propose_addition(RuntimeOrigin::signed(dave.clone()), dave.clone()));
		let keys = dave_sets_keys();
		assert_ok!(council_passes(RuntimeCall::Validators(pallet_validators::Call::approve {
			validator: dave.clone()
		})));
		assert!(pallet_validators::Validators::<Runtime>::contains_key(&dave));
		assert!(!aura_authorities().contains(&keys.aura));

		// Planned as session 1 starts, validating from session 2.
		start_session(1);
		assert!(!aura_authorities().contains(&keys.aura));
		start_session(2);
		assert_eq!(aura_authorities().len(), 4);
		assert!(aura_authorities().contains(&keys.aura));
		let grandpa = Grandpa::grandpa_authorities();
		assert_eq!(grandpa.len(), 4);
		assert!(grandpa.iter().any(|(id, weight)| *id == keys.grandpa && *weight == 1));
	});
}

#[test]
fn a_validator_needs_its_keys_and_the_council() {
	local_testnet().execute_with(|| {
		let dave = account(Sr25519Keyring::Dave);
		// Nobody but a proposed or approved account may store keys.
		let generated = SessionKeys::generate(&dave.encode(), None);
		assert_noop!(
			Session::set_keys(
				RuntimeOrigin::signed(dave.clone()),
				generated.keys.clone(),
				generated.proof.encode()
			),
			pallet_session::Error::<Runtime>::NoAssociatedValidatorId
		);
		assert_ok!(Validators::propose_addition(RuntimeOrigin::signed(dave.clone()), dave.clone()));
		let approve =
			RuntimeCall::Validators(pallet_validators::Call::approve { validator: dave.clone() });
		// Keys first.
		assert_eq!(
			council_passes(approve.clone()),
			Err(pallet_validators::Error::<Runtime>::SessionKeysNotSet.into())
		);
		// A single agency cannot approve: the council's two thirds are needed.
		dave_sets_keys();
		assert!(approve.clone().dispatch(RuntimeOrigin::signed(dave.clone())).is_err());
		assert_ok!(council_passes(approve));
	});
}

#[test]
fn a_suspended_agencys_validator_leaves_at_the_next_session_but_never_below_three() {
	local_testnet().execute_with(|| {
		let bob = account(Sr25519Keyring::Bob);
		let customs = pallet_agencies::OfficerOf::<Runtime>::get(&bob).expect("Bob's agency");
		// Three validators, the minimum: customs cannot be suspended.
		assert_noop!(
			Agencies::suspend_agency(RuntimeOrigin::root(), customs),
			pallet_validators::Error::<Runtime>::TooFewValidators
		);
		// With Dave's validator added, it can; Bob's validator leaves the set.
		let dave = account(Sr25519Keyring::Dave);
		assert_ok!(Validators::propose_addition(RuntimeOrigin::signed(dave.clone()), dave.clone()));
		dave_sets_keys();
		assert_ok!(Validators::approve(RuntimeOrigin::root(), dave.clone()));
		start_session(2);
		assert_eq!(aura_authorities().len(), 4);
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), customs));
		assert!(!pallet_validators::Validators::<Runtime>::contains_key(&bob));
		start_session(4);
		let bob_aura = Sr25519Keyring::Bob.public().into();
		assert_eq!(aura_authorities().len(), 3);
		assert!(!aura_authorities().contains(&bob_aura));
	});
}

/// Two different prevotes for one round, both signed by `equivocator`'s GRANDPA key.
fn equivocation(
	equivocator: Ed25519Keyring,
	set_id: u64,
) -> sp_consensus_grandpa::EquivocationProof<H256, u32> {
	let round = 1;
	let signed_prevote = |target: u8| {
		let prevote =
			finality_grandpa::Prevote { target_hash: H256::repeat_byte(target), target_number: 1 };
		let payload = sp_consensus_grandpa::localized_payload(
			round,
			set_id,
			&finality_grandpa::Message::Prevote(prevote.clone()),
		);
		let signature = equivocator.sign(&payload);
		(prevote, sp_consensus_grandpa::AuthoritySignature::from(signature))
	};
	sp_consensus_grandpa::EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
			round_number: round,
			identity: GrandpaId::from(equivocator.public()),
			first: signed_prevote(1),
			second: signed_prevote(2),
		}),
	)
}

#[test]
fn a_reported_grandpa_equivocation_is_recorded() {
	local_testnet().execute_with(|| {
		start_session(1);
		let set_id = polkadot_sdk::pallet_grandpa::CurrentSetId::<Runtime>::get();
		let bob_grandpa = GrandpaId::from(Ed25519Keyring::Bob.public());
		let key_owner_proof = Historical::prove((sp_consensus_grandpa::KEY_TYPE, bob_grandpa))
			.expect("Bob's key is in the current session");
		System::reset_events();
		assert_ok!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(equivocation(Ed25519Keyring::Bob, set_id)),
			key_owner_proof.clone(),
		));

		let bob = account(Sr25519Keyring::Bob);
		let record = pallet_validators::Validators::<Runtime>::get(&bob).expect("Bob validates");
		assert_eq!((record.offences, record.last_offence_session), (1, Some(1)));
		let events: Vec<RuntimeEvent> = System::events().into_iter().map(|r| r.event).collect();
		assert!(events.contains(&RuntimeEvent::Validators(
			pallet_validators::Event::OffenceRecorded { validator: bob, session: 1 }
		)));
		assert!(events.iter().any(|event| matches!(
			event,
			RuntimeEvent::Offences(pallet_offences::Event::Offence { .. })
		)));
		assert_eq!(pallet_offences::Reports::<Runtime>::iter().count(), 1);

		// The same equivocation cannot be reported twice.
		assert!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(equivocation(Ed25519Keyring::Bob, set_id)),
			key_owner_proof,
		)
		.is_err());
	});
}

/// The state of a chain from before the validator set was managed on chain (spec 102):
/// the local testnet without session, historical or validators state.
fn as_before_validators_were_managed() {
	use polkadot_sdk::{frame_support::storage::unhashed, sp_io::hashing::twox_128};
	for pallet in [&b"Session"[..], b"Historical", b"Validators"] {
		let _ = unhashed::clear_prefix(&twox_128(pallet), None, None);
	}
	assert_eq!(pallet_validators::Validators::<Runtime>::count(), 0);
	assert!(pallet_session::Validators::<Runtime>::get().is_empty());
}

#[test]
fn an_upgraded_chain_adopts_its_fixed_authorities_as_the_agencies_validators() {
	use crate::migrations::AdoptConsensusAuthorities;
	use polkadot_sdk::frame_support::traits::OnRuntimeUpgrade;
	local_testnet().execute_with(|| {
		as_before_validators_were_managed();
		let authorities = aura_authorities();
		let grandpa = Grandpa::grandpa_authorities();
		AdoptConsensusAuthorities::on_runtime_upgrade();

		assert_eq!(pallet_validators::Validators::<Runtime>::count(), 3);
		for (founder, grandpa_key) in [
			(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		] {
			let validator = account(founder);
			let record =
				pallet_validators::Validators::<Runtime>::get(&validator).expect("adopted");
			assert_eq!(pallet_agencies::OfficerOf::<Runtime>::get(&validator), Some(record.agency));
			let keys = pallet_session::NextKeys::<Runtime>::get(&validator).expect("keys set");
			assert_eq!(keys.aura, founder.public().into());
			assert_eq!(keys.grandpa, grandpa_key.public().into());
		}
		// Rotations change nothing; the council now manages the set.
		start_session(3);
		assert_eq!(aura_authorities(), authorities);
		assert_eq!(Grandpa::grandpa_authorities(), grandpa);
		let dave = account(Sr25519Keyring::Dave);
		assert_ok!(Validators::propose_addition(RuntimeOrigin::signed(dave.clone()), dave.clone()));
		dave_sets_keys();
		assert_ok!(Validators::approve(RuntimeOrigin::root(), dave));
		start_session(5);
		assert_eq!(aura_authorities().len(), 4);
		// A second run writes nothing.
		let before = pallet_validators::Validators::<Runtime>::count();
		AdoptConsensusAuthorities::on_runtime_upgrade();
		assert_eq!(pallet_validators::Validators::<Runtime>::count(), before);
	});
}

#[test]
fn authorities_that_act_for_no_agency_are_not_adopted_at_all() {
	use crate::migrations::AdoptConsensusAuthorities;
	use polkadot_sdk::frame_support::traits::OnRuntimeUpgrade;
	local_testnet().execute_with(|| {
		as_before_validators_were_managed();
		// The third authority's key is no agency officer's account.
		let mut aura = aura_authorities();
		aura[2] = Sr25519Keyring::One.public().into();
		polkadot_sdk::pallet_aura::Authorities::<Runtime>::put(
			polkadot_sdk::frame_support::BoundedVec::truncate_from(aura.clone()),
		);
		AdoptConsensusAuthorities::on_runtime_upgrade();
		assert_eq!(pallet_validators::Validators::<Runtime>::count(), 0);
		assert!(pallet_session::Validators::<Runtime>::get().is_empty());
		assert_eq!(aura_authorities(), aura);
	});
}
