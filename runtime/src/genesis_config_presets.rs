//! Genesis presets: the starting states a chain spec can name.
//!
//! Every preset admits Beijing's four founding agencies, so the council exists from block 0:
//!
//! | agency | role | admin | officer |
//! | --- | --- | --- | --- |
//! | Beijing Municipal Administration for Market Regulation | market regulator | Alice | Eve |
//! | Beijing Customs District | customs | Bob | Ferdie |
//! | Beijing Securities Regulatory Bureau | securities regulator | Charlie | |
//! | Beijing Human Resources and Social Security Bureau | human resources | Dave | |
//!
//! The codes are illustrative (valid check characters, not real registrations) and the
//! accounts are the well-known development keys: a real network writes its own chain spec
//! with the agencies' real codes and keys (docs/multi-agency-network.md).
//!
//! - `development`: one validator (Alice); sudo key Alice.
//! - `local_testnet`: two validators (Alice, Bob); no sudo key.
//! - `beijing`: production-like; three validators run by three agencies (Alice, Bob,
//!   Charlie); no sudo key: everything goes through the council.

use crate::{
	AccountId, AgenciesConfig, AuraConfig, BalancesConfig, GrandpaConfig, RuntimeGenesisConfig,
	UNIT,
};
use alloc::{string::String, vec, vec::Vec};
use govchain_domain_types::{fixtures::agencies, Role, Uscc};
use polkadot_sdk::{
	frame_support::build_struct_json_patch,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
};
use serde_json::Value;

/// The production-like preset with Beijing's founding agencies and no sudo key.
pub const BEIJING_PRESET: &str = "beijing";

/// What each endowed account starts with: enough for years of fees.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// One founding agency: code, name, role, admin, further officers.
type FoundingAgency =
	(&'static [u8; 18], &'static str, Role, Sr25519Keyring, &'static [Sr25519Keyring]);

/// Beijing's founding agencies, with the shared fixture codes.
const FOUNDING_AGENCIES: [FoundingAgency; 4] = [
	(
		agencies::MARKET_REGULATOR,
		"Beijing Municipal Administration for Market Regulation",
		Role::MarketRegulator,
		Sr25519Keyring::Alice,
		&[Sr25519Keyring::Eve],
	),
	(
		agencies::CUSTOMS,
		"Beijing Customs District",
		Role::Customs,
		Sr25519Keyring::Bob,
		&[Sr25519Keyring::Ferdie],
	),
	(
		agencies::SECURITIES_REGULATOR,
		"Beijing Securities Regulatory Bureau",
		Role::SecuritiesRegulator,
		Sr25519Keyring::Charlie,
		&[],
	),
	(
		agencies::HUMAN_RESOURCES,
		"Beijing Human Resources and Social Security Bureau",
		Role::HumanResources,
		Sr25519Keyring::Dave,
		&[],
	),
];

/// The founding agencies as the agencies pallet's genesis expects them. A bad code stops the
/// preset with a message naming it: an agency is never silently left out.
fn founding_agencies() -> Vec<(Uscc, String, AccountId, Vec<Role>, Vec<AccountId>)> {
	FOUNDING_AGENCIES
		.iter()
		.map(|(code, name, role, admin, officers)| {
			let uscc = Uscc::parse(*code).unwrap_or_else(|error| {
				panic!("founding agency {name}: code {}: {error:?}", String::from_utf8_lossy(*code))
			});
			let officers = officers.iter().map(|officer| officer.to_account_id()).collect();
			(uscc, String::from(*name), admin.to_account_id(), vec![*role], officers)
		})
		.collect()
}

/// The Aura (sr25519) and GRANDPA (ed25519) keys of one of the well-known test validators.
fn test_validator(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

/// Builds a genesis state: validators, endowed accounts, the founding agencies and, for
/// development only, sudo.
fn genesis(validators: Vec<(AuraId, GrandpaId)>, sudo_key: Option<AccountId>) -> Value {
	let endowed: Vec<AccountId> = Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect();
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|account| (account, ENDOWMENT)).collect(),
		},
		aura: AuraConfig {
			authorities: validators.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: GrandpaConfig {
			authorities: validators
				.into_iter()
				.map(|(_, grandpa)| (grandpa, 1))
				.collect::<Vec<_>>(),
		},
		agencies: AgenciesConfig { agencies: founding_agencies() },
	});
	if let Some(key) = sudo_key {
		patch["sudo"] = serde_json::json!({ "key": key });
	}
	patch
}

fn development() -> Value {
	genesis(
		vec![test_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

fn local_testnet() -> Value {
	genesis(
		vec![
			test_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			test_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		None,
	)
}

fn beijing() -> Value {
	genesis(
		vec![
			test_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			test_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			test_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		],
		None,
	)
}

/// The JSON patch of the named preset, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		BEIJING_PRESET => beijing(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(DEV_RUNTIME_PRESET),
		PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(BEIJING_PRESET),
	]
}
