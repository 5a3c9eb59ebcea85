//! The chains the node knows by name, and loading others from chain-spec files.

use govchain_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use polkadot_sdk::{
	sc_service::{ChainType, Properties},
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
};
use std::path::PathBuf;

/// A govchain chain specification.
pub type ChainSpec = polkadot_sdk::sc_service::GenericChainSpec;

/// Token and address format shown by wallets such as polkadot.js apps.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or("the runtime's wasm binary was not built into this node")?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// Single-validator development chain (Alice), with a sudo key.
pub fn development() -> Result<ChainSpec, String> {
	from_preset("govchain development", "govchain_dev", ChainType::Development, DEV_RUNTIME_PRESET)
}

/// Two-validator local test network (Alice, Bob), without sudo.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"govchain local testnet",
		"govchain_local",
		ChainType::Local,
		LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// The template of the production-like network of Beijing's founding agencies: their
/// agencies, validators and nodes with placeholder keys. Only `scripts/key-ceremony.sh`
/// uses it, to write the `beijing` chain spec with every agency's own keys.
pub fn beijing_template() -> Result<ChainSpec, String> {
	from_preset(
		"govchain Beijing",
		"govchain_beijing",
		ChainType::Live,
		govchain_runtime::genesis_config_presets::BEIJING_PRESET,
	)
}

/// Resolves a `--chain` value: a known name, or the path of a chain-spec JSON file.
pub fn load(id: &str) -> Result<Box<dyn polkadot_sdk::sc_service::ChainSpec>, String> {
	let spec = match id {
		"" | "dev" => development()?,
		"local" => local_testnet()?,
		"beijing-template" => beijing_template()?,
		"beijing" => {
			return Err("the beijing chain runs only with its agencies' own keys: write its chain \
				spec with scripts/key-ceremony.sh and pass that file to --chain"
				.into())
		},
		path if PathBuf::from(path).is_file() => ChainSpec::from_json_file(PathBuf::from(path))
			.map_err(|error| format!("chain spec {path}: {}", one_line(&error)))?,
		other => {
			return Err(format!(
				"unknown chain '{other}': use 'dev', 'local' or the path of a chain-spec JSON file"
			))
		},
	};
	Ok(Box::new(spec))
}

/// Parser errors can span lines; the node reports them on one.
fn one_line(text: &str) -> String {
	text.split_whitespace().collect::<Vec<_>>().join(" ")
}
