//! `spec`: turns a plain chain spec into a benchmark chain spec whose genesis endows the
//! load accounts and, on govchain, makes the first of them market-regulator officers, so
//! that a run needs no set-up transactions. Works on any chain spec with balances (the
//! stock solochain template's too).

use crate::workload::load_account;
use anyhow::{bail, ensure, Context, Result};
use polkadot_sdk::{frame_support::traits::Get, sp_core::crypto::Ss58Codec, sp_core::Pair};
use serde_json::{json, Value};
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct SpecArgs {
	/// A plain chain spec (`<node> build-spec --chain dev`, without `--raw`).
	#[arg(long)]
	pub chain_spec: PathBuf,
	/// Load accounts to endow (`//loadgen//0` …).
	#[arg(long, default_value_t = 1_000)]
	pub accounts: u32,
	/// How many of the first load accounts become officers of the market regulator
	/// (govchain only; 0 for other chains).
	#[arg(long, default_value_t = 32)]
	pub officers: u32,
	/// Blocks per session (govchain only). A session's first block carries no transaction
	/// (pallet-session charges it the whole block), so a benchmark of the Beijing chain's
	/// hourly sessions (600) measures blocks as production builds them, where the
	/// development spec rotates every tenth block. The spec's own length when left out.
	#[arg(long)]
	pub session_blocks: Option<u32>,
	/// Each load account's balance, in the chain's smallest unit.
	#[arg(long, default_value_t = 1_000_000_000_000_000_000)]
	pub endowment: u64,
	/// Where to write the benchmark chain spec.
	#[arg(long)]
	pub out: PathBuf,
}

/// Fails on a number JSON cannot carry exactly here (e.g. a balance above 2^64 that was
/// read as a float), so that a spec is never written back altered.
fn check_exact_numbers(value: &Value, path: &str) -> Result<()> {
	match value {
		Value::Number(number) if number.is_f64() => bail!(
			"{path} holds {number}, which this tool cannot keep exactly; lower it in the spec"
		),
		Value::Array(items) => items
			.iter()
			.enumerate()
			.try_for_each(|(i, v)| check_exact_numbers(v, &format!("{path}[{i}]"))),
		Value::Object(fields) => fields
			.iter()
			.try_for_each(|(k, v)| check_exact_numbers(v, &format!("{path}.{k}"))),
		_ => Ok(()),
	}
}

pub fn write_spec(args: SpecArgs) -> Result<()> {
	let text = std::fs::read_to_string(&args.chain_spec)
		.with_context(|| format!("cannot read {}", args.chain_spec.display()))?;
	let mut spec: Value = serde_json::from_str(&text)
		.with_context(|| format!("{} is not JSON", args.chain_spec.display()))?;
	let genesis = spec.pointer_mut("/genesis/runtimeGenesis").context(
		"no genesis.runtimeGenesis: expected a plain chain spec (build-spec without --raw)",
	)?;
	let state = match genesis {
		Value::Object(fields) if fields.contains_key("patch") => &mut fields["patch"],
		Value::Object(fields) if fields.contains_key("config") => &mut fields["config"],
		_ => bail!("genesis.runtimeGenesis has neither patch nor config"),
	};
	check_exact_numbers(state, "genesis")?;

	let accounts: Vec<String> =
		(0..args.accounts).map(|i| load_account(i).public().to_ss58check()).collect();
	let balances = state
		.pointer_mut("/balances/balances")
		.and_then(Value::as_array_mut)
		.context("the genesis has no balances.balances list")?;
	let already: Vec<String> = balances
		.iter()
		.filter_map(|entry| entry[0].as_str().map(str::to_string))
		.collect();
	for account in &accounts {
		ensure!(
			!already.contains(account),
			"{account} is endowed already: is this spec a benchmark spec?"
		);
		balances.push(json!([account, args.endowment]));
	}

	if args.officers > 0 {
		ensure!(
			args.officers <= args.accounts,
			"--officers ({}) cannot exceed --accounts ({})",
			args.officers,
			args.accounts
		);
		let agencies = state
			.pointer_mut("/agencies/agencies")
			.and_then(Value::as_array_mut)
			.context("the genesis has no agencies (not govchain?): use --officers 0")?;
		let regulator = agencies
			.iter_mut()
			.find(|agency| {
				agency[3]
					.as_array()
					.is_some_and(|roles| roles.iter().any(|r| r == "MarketRegulator"))
			})
			.context("no agency with the MarketRegulator role at genesis")?;
		let officers =
			regulator[4].as_array_mut().context("the regulator's officers are not a list")?;
		let limit: u32 = <govchain_runtime::Runtime as pallet_agencies::Config>::MaxOfficers::get();
		// The admin is an officer too, though the genesis list names it apart.
		let present = officers.len() + 1;
		ensure!(
			present + args.officers as usize <= limit as usize,
			"an agency has at most {limit} officers; this one has {present} already (its admin \
			 included), so --officers can be at most {}",
			(limit as usize).saturating_sub(present)
		);
		officers.extend(accounts.iter().take(args.officers as usize).map(|a| json!(a)));
	}

	if let Some(blocks) = args.session_blocks {
		ensure!(blocks > 0, "--session-blocks must be at least 1");
		let length = state
			.pointer_mut("/validators/sessionBlocks")
			.context("the genesis has no validators.sessionBlocks (not govchain?): leave --session-blocks out")?;
		*length = json!(blocks);
	}

	let json = serde_json::to_string_pretty(&spec).context("cannot write the spec as JSON")?;
	std::fs::write(&args.out, json)
		.with_context(|| format!("cannot write {}", args.out.display()))?;
	eprintln!(
		"{}: {} load accounts endowed, {} of them market-regulator officers",
		args.out.display(),
		args.accounts,
		args.officers
	);
	Ok(())
}
