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
//! Validators are run by agencies; each validator's account is its agency admin's here, and
//! its session keys (Aura sr25519, GRANDPA ed25519) the same development seed's.
//!
//! - `development`: one validator (Alice, market regulator); sudo key Alice; sessions of 10
//!   blocks; no permissioned network.
//! - `local_testnet`: three validators (Alice, Bob, Charlie: market regulator, customs,
//!   securities regulator); no sudo key; sessions of 10 blocks (one minute); only the nodes
//!   with network keys 1, 2 and 3 (`--node-key 00…01` to `00…03`) may connect.
//! - `beijing`: production-like; the same three validators, hourly sessions, no sudo key:
//!   everything goes through the council. Its keys are placeholders: the `beijing` chain
//!   spec comes from `scripts/key-ceremony.sh`, which generates every agency's keys and
//!   replaces them, and refuses to write a spec that still holds a development key.

use crate::{
	AccountId, AgenciesConfig, BalancesConfig, BlockNumber, NodeAuthorizationConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, ValidatorsConfig, HOURS, MINUTES, UNIT,
};
use alloc::{string::String, vec, vec::Vec};
use govchain_domain_types::{fixtures::agencies, Role, Uscc};
use polkadot_sdk::{
	frame_support::build_struct_json_patch,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_core::OpaquePeerId,
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

/// A validator at genesis: its agency's code, its account, and its session keys.
struct GenesisValidator {
	agency: &'static [u8; 18],
	account: AccountId,
	aura: AuraId,
	grandpa: GrandpaId,
}

/// The validator of the founding agency at `index` in [`FOUNDING_AGENCIES`]: its admin's
/// account, with the admin's development seed's Aura and GRANDPA keys.
fn founding_validator(index: usize, grandpa: Ed25519Keyring) -> GenesisValidator {
	let (agency, _, _, admin, _) = FOUNDING_AGENCIES[index];
	GenesisValidator {
		agency,
		account: admin.to_account_id(),
		aura: admin.public().into(),
		grandpa: grandpa.public().into(),
	}
}

/// A node's libp2p identity as pallet-node-authorization stores it: the multihash of its
/// ed25519 network key (identity hash, protobuf-encoded key).
fn peer_id(network_key: [u8; 32]) -> OpaquePeerId {
	let mut bytes = vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
	bytes.extend_from_slice(&network_key);
	OpaquePeerId::new(bytes)
}

/// The public network keys of the secret keys 1, 2 and 3 (`--node-key 00…01` to `00…03`),
/// which the `local_testnet` nodes use; `govchain-node key inspect-node-key` shows them as
/// 12D3KooWEyop…, 12D3KooWHdiA… and 12D3KooWSCuf….
const LOCAL_NETWORK_KEYS: [[u8; 32]; 3] = [
	hex_literal(b"4cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29"),
	hex_literal(b"7422b9887598068e32c4448a949adb290d0f4e35b9e01b0ee5f1a1e600fe2674"),
	hex_literal(b"f381626e41e7027ea431bfe3009e94bdd25a746beec468948d6c3c7c5dc9a54b"),
];

/// 32 bytes from 64 hexadecimal digits, at compile time.
const fn hex_literal(hex: &[u8; 64]) -> [u8; 32] {
	const fn digit(c: u8) -> u8 {
		match c {
			b'0'..=b'9' => c - b'0',
			b'a'..=b'f' => c - b'a' + 10,
			_ => panic!("not a lowercase hexadecimal digit"),
		}
	}
	let mut bytes = [0u8; 32];
	let mut i = 0;
	while i < 32 {
		bytes[i] = digit(hex[2 * i]) << 4 | digit(hex[2 * i + 1]);
		i += 1;
	}
	bytes
}

/// Builds a genesis state: validators and their session keys, session length, the nodes
/// allowed to connect (with their owners), endowed accounts, the founding agencies and,
/// for development only, sudo.
fn genesis(
	validators: Vec<GenesisValidator>,
	session_blocks: BlockNumber,
	nodes: Vec<(OpaquePeerId, AccountId)>,
	sudo_key: Option<AccountId>,
) -> Value {
	let endowed: Vec<AccountId> = Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect();
	let agency_code = |code: &[u8; 18]| {
		Uscc::parse(code).unwrap_or_else(|error| {
			panic!("validator's agency {}: {error:?}", String::from_utf8_lossy(code))
		})
	};
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|account| (account, ENDOWMENT)).collect(),
		},
		agencies: AgenciesConfig { agencies: founding_agencies() },
		validators: ValidatorsConfig {
			validators: validators
				.iter()
				.map(|v| (agency_code(v.agency), v.account.clone()))
				.collect::<Vec<_>>(),
			session_blocks,
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|v| {
					let keys = SessionKeys { aura: v.aura, grandpa: v.grandpa };
					(v.account.clone(), v.account, keys)
				})
				.collect::<Vec<_>>(),
		},
		node_authorization: NodeAuthorizationConfig { nodes },
	});
	if let Some(key) = sudo_key {
		patch["sudo"] = serde_json::json!({ "key": key });
	}
	patch
}

/// The validators of the market regulator, customs and the securities regulator.
fn three_founding_validators() -> Vec<GenesisValidator> {
	vec![
		founding_validator(0, Ed25519Keyring::Alice),
		founding_validator(1, Ed25519Keyring::Bob),
		founding_validator(2, Ed25519Keyring::Charlie),
	]
}

/// The `local_testnet` nodes, one per validator, owned by the validator's account.
fn local_nodes(validators: &[GenesisValidator]) -> Vec<(OpaquePeerId, AccountId)> {
	LOCAL_NETWORK_KEYS
		.iter()
		.zip(validators)
		.map(|(key, validator)| (peer_id(*key), validator.account.clone()))
		.collect()
}

fn development() -> Value {
	genesis(
		vec![founding_validator(0, Ed25519Keyring::Alice)],
		10,
		Vec::new(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

fn local_testnet() -> Value {
	let validators = three_founding_validators();
	let nodes = local_nodes(&validators);
	genesis(validators, MINUTES, nodes, None)
}

/// Placeholder keys, replaced by `scripts/key-ceremony.sh` (see the module docs). The
/// placeholder nodes are the `local_testnet` ones.
fn beijing() -> Value {
	let validators = three_founding_validators();
	let nodes = local_nodes(&validators);
	genesis(validators, HOURS, nodes, None)
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

/// The runtime's default genesis with the preset `name`'s patch applied, as the node's
/// chain-spec builder does it; an error names an unknown preset or a patch that does not fit.
#[cfg(feature = "std")]
pub fn preset_genesis(name: &str) -> Result<crate::RuntimeGenesisConfig, String> {
	let patch = get_preset(&PresetId::from(name)).ok_or_else(|| format!("no preset {name}"))?;
	let patch: Value = serde_json::from_slice(&patch).map_err(|error| error.to_string())?;
	let mut config = serde_json::to_value(crate::RuntimeGenesisConfig::default())
		.map_err(|error| error.to_string())?;
	json_merge(&mut config, patch);
	serde_json::from_value(config).map_err(|error| error.to_string())
}

/// Applies a JSON merge `patch` to `base`: objects merge key by key, anything else replaces.
#[cfg(feature = "std")]
pub fn json_merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				json_merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(DEV_RUNTIME_PRESET),
		PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(BEIJING_PRESET),
	]
}
