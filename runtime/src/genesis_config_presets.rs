//! Genesis presets: the starting states a chain spec can name.
//!
//! - `development`: one validator (Alice), well-known accounts endowed, sudo key Alice.
//! - `local_testnet`: two validators (Alice, Bob) on one machine or a LAN, no sudo key.

use crate::{AccountId, AuraConfig, BalancesConfig, GrandpaConfig, RuntimeGenesisConfig, UNIT};
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_support::build_struct_json_patch,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
};
use serde_json::Value;

/// What each endowed test account starts with: enough for years of fees.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The Aura (sr25519) and GRANDPA (ed25519) keys of one of the well-known test validators.
fn test_validator(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

/// Builds a genesis state: validators, endowed accounts and, for development only, sudo.
fn genesis(
	validators: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<AccountId>,
	sudo_key: Option<AccountId>,
) -> Value {
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|account| (account, ENDOWMENT)).collect(),
		},
		aura: AuraConfig {
			authorities: validators.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: GrandpaConfig {
			authorities: validators.into_iter().map(|(_, grandpa)| (grandpa, 1)).collect::<Vec<_>>(),
		},
	});
	if let Some(key) = sudo_key {
		patch["sudo"] = serde_json::json!({ "key": key });
	}
	patch
}

fn development() -> Value {
	genesis(
		vec![test_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

fn local_testnet() -> Value {
	genesis(
		vec![test_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice), test_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		None,
	)
}

/// The JSON patch of the named preset, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
