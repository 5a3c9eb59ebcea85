//! `prepare`: sets up in a raw benchmark chain spec's genesis what the domain workloads act
//! on, so that a run needs no set-up transactions: a company for every load account that is
//! not an officer (the account its controller), a certification scheme, and certification
//! bodies accredited for it whose operators are those accounts, eight to a body.
//!
//! The records are made by the runtime's own calls, dispatched natively on the genesis
//! state with the origins a live chain would need (the market regulator's and the human
//! resources ministry's admins), so that they are exactly what those calls store, indexes
//! and invariants included.

use crate::{
	blocks::{load_accounts, read_genesis},
	workload::{
		prepared_body, prepared_company, registration, Population, LOAD_SCHEME, OPERATORS_PER_BODY,
	},
};
use anyhow::{anyhow, ensure, Context, Result};
use govchain_domain_types::{Role, UnixMillis};
use govchain_runtime::{AccountId, Runtime, RuntimeCall, RuntimeOrigin};
use pallet_agencies::AgencyStatus;
use pallet_certification::{Call as CertificationCall, Level};
use polkadot_sdk::{
	frame_support::traits::Get,
	pallet_timestamp,
	sp_core::Pair,
	sp_io::{storage, TestExternalities},
	sp_runtime::traits::Dispatchable,
};
use serde_json::{Map, Value};
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct PrepareArgs {
	/// A raw benchmark chain spec: `spec`, then `govchain-node build-spec --chain <it>
	/// --raw`.
	#[arg(long)]
	pub chain_spec: PathBuf,
	/// Where to write the prepared raw chain spec.
	#[arg(long)]
	pub out: PathBuf,
}

/// How long the certificates of the load scheme are valid: three years.
const SCHEME_VALIDITY_DAYS: u32 = 1_096;

/// The bodies' accreditations began a year ago (so that `blocks` may build a chain of
/// the hours before now on the prepared state) and run for ten years.
const ACCREDITED_SINCE_MILLIS: UnixMillis = 366 * 86_400_000;
const ACCREDITATION_MILLIS: UnixMillis = 10 * 366 * 86_400_000;

/// What `prepare` set up.
pub struct Prepared {
	pub companies: u32,
	pub bodies: u32,
}

pub fn write_prepared(args: PrepareArgs) -> Result<Prepared> {
	let path = args.chain_spec.display();
	let text =
		std::fs::read_to_string(&args.chain_spec).with_context(|| format!("cannot read {path}"))?;
	let mut spec: Value =
		serde_json::from_str(&text).with_context(|| format!("{path} is not JSON"))?;
	let genesis = read_genesis(&args.chain_spec)?;
	let code = genesis.top.get(polkadot_sdk::sp_core::storage::well_known_keys::CODE).cloned();
	let mut externalities = TestExternalities::new_with_code_and_state(
		&code.unwrap_or_default(),
		genesis,
		govchain_runtime::VERSION.state_version(),
	);
	let (prepared, top) = externalities.execute_with(|| -> Result<_> {
		let prepared = prepare_state()?;
		Ok((prepared, all_storage()))
	})?;
	let raw = spec
		.pointer_mut("/genesis/raw")
		.and_then(Value::as_object_mut)
		.with_context(|| format!("{path} has no genesis.raw"))?;
	raw.insert("top".into(), Value::Object(top));
	let json = serde_json::to_string(&spec).context("cannot write the spec as JSON")?;
	std::fs::write(&args.out, json)
		.with_context(|| format!("cannot write {}", args.out.display()))?;
	Ok(prepared)
}

/// Every key and value of the state, as a raw chain spec lists them.
fn all_storage() -> Map<String, Value> {
	let mut top = Map::new();
	let mut key = Vec::new();
	while let Some(next) = storage::next_key(&key) {
		if let Some(value) = storage::get(&next) {
			top.insert(
				format!("0x{}", hex::encode(&next)),
				format!("0x{}", hex::encode(&value)).into(),
			);
		}
		key = next;
	}
	top
}

/// The admin of the active agency holding `role`: an officer whose origin the role's calls
/// accept.
fn admin_of(role: Role) -> Result<AccountId> {
	pallet_agencies::Agencies::<Runtime>::iter_values()
		.find(|agency| agency.status == AgencyStatus::Active && agency.roles.contains(&role))
		.map(|agency| agency.admin)
		.with_context(|| format!("no active agency holds the {role:?} role at genesis"))
}

fn dispatch(call: RuntimeCall, signer: &AccountId, what: &str) -> Result<()> {
	call.dispatch(RuntimeOrigin::signed(signer.clone()))
		.map(|_| ())
		.map_err(|failure| anyhow!("{what}: {:?}", failure.error))
}

/// The companies, scheme and bodies, made at the current time (so that the companies'
/// first annual reports are not yet due); the genesis time is restored after.
fn prepare_state() -> Result<Prepared> {
	let (accounts, officers) = load_accounts();
	let population = Population { accounts: accounts.len() as u32, officers };
	ensure!(
		population.accounts > officers,
		"the spec endows no load account besides the {officers} officers: build it with `spec \
		 --accounts` above `--officers`"
	);
	ensure!(
		<<Runtime as pallet_certification::Config>::MaxOperators as Get<u32>>::get()
			== OPERATORS_PER_BODY,
		"the runtime's MaxOperators is not the {OPERATORS_PER_BODY} this tool groups bodies by"
	);
	ensure!(
		pallet_certification::NextSchemeId::<Runtime>::get() == LOAD_SCHEME,
		"the chain defines certification schemes already: is this spec prepared?"
	);
	let regulator = admin_of(Role::MarketRegulator)?;
	let ministry = admin_of(Role::HumanResources)?;
	let now = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.context("the clock is before 1970")?
		.as_millis() as u64;
	let genesis_time =
		pallet_timestamp::Now::<Runtime>::exists().then(pallet_timestamp::Now::<Runtime>::get);
	pallet_timestamp::Now::<Runtime>::put(now);

	let holders: Vec<(u32, AccountId)> = (officers..population.accounts)
		.map(|account| (account, AccountId::from(accounts[account as usize].public())))
		.collect();
	for (account, id) in &holders {
		let controllers =
			vec![id.clone()].try_into().map_err(|_| anyhow!("MaxControllers is 0"))?;
		let call = registration(prepared_company(*account)?, *account, controllers);
		dispatch(
			RuntimeCall::CompanyRegistry(call),
			&regulator,
			&format!("registering load account {account}'s company"),
		)?;
	}

	let profession = "区块链应用操作员 (blockchain application operator)";
	let define = CertificationCall::define_scheme {
		profession: profession
			.as_bytes()
			.to_vec()
			.try_into()
			.map_err(|_| anyhow!("profession too long"))?,
		level: Level::Vocational(4),
		validity_days: Some(SCHEME_VALIDITY_DAYS),
		prerequisite: None,
	};
	dispatch(RuntimeCall::Certification(define), &ministry, "defining the load scheme")?;
	let mut bodies = 0;
	for operators in holders.chunks(OPERATORS_PER_BODY as usize) {
		let first = operators.first().map(|(account, _)| *account).context("an empty group")?;
		let body = prepared_body(population, first)?;
		let ids: Vec<AccountId> = operators.iter().map(|(_, id)| id.clone()).collect();
		let register = CertificationCall::register_body {
			body,
			operators: ids.try_into().map_err(|_| anyhow!("more operators than MaxOperators"))?,
		};
		let what = format!("registering the body of load accounts from {first}");
		dispatch(RuntimeCall::Certification(register), &ministry, &what)?;
		let accredit = CertificationCall::accredit {
			body,
			scheme: LOAD_SCHEME,
			valid_from: now.saturating_sub(ACCREDITED_SINCE_MILLIS),
			valid_until: now.saturating_add(ACCREDITATION_MILLIS),
		};
		let what = format!("accrediting the body of load accounts from {first}");
		dispatch(RuntimeCall::Certification(accredit), &ministry, &what)?;
		bodies += 1;
	}

	match genesis_time {
		Some(time) => pallet_timestamp::Now::<Runtime>::put(time),
		None => pallet_timestamp::Now::<Runtime>::kill(),
	}
	Ok(Prepared { companies: holders.len() as u32, bodies })
}
