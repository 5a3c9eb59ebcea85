//! `blocks`: builds a chain of many blocks offline, with the govchain runtime itself, in the
//! file format `govchain-node import-blocks --binary` reads. A chain of a few thousand
//! blocks takes hours to author at one block per slot; built here it takes seconds, and a
//! node that imports it runs every block through its own executor and checks every seal, so
//! it holds a chain no different from one its validators authored. Sync tests and state-size
//! measurements start from such a chain.
//!
//! The blocks carry the workload's transactions, signed by the load accounts a benchmark
//! chain spec endows (`spec`), and sit at consecutive slots ending just before now, each
//! sealed by the Aura authority whose turn it is.

use crate::{
	chain::Chain,
	workload::{load_account, CallMaker, Population, Workload},
};
use anyhow::{anyhow, bail, ensure, Context, Result};
use codec::{Decode, Encode};
use govchain_runtime::{
	Block, Executive, Header, Runtime, RuntimeCall, SignedBlock, UncheckedExtrinsic, SLOT_DURATION,
};
use polkadot_sdk::{
	frame_system, pallet_aura, pallet_timestamp,
	sp_consensus_aura::{Slot, AURA_ENGINE_ID},
	sp_core::{
		sr25519,
		storage::{well_known_keys::CODE, Storage},
		Pair,
	},
	sp_io::{storage, TestExternalities},
	sp_runtime::{
		traits::{BlakeTwo256, Hash as _, Header as _},
		transaction_validity::{InvalidTransaction, TransactionValidityError},
		ApplyExtrinsicResult, Digest, DigestItem,
	},
};
use serde_json::Value;
use std::{
	collections::BTreeMap,
	io::Write,
	path::{Path, PathBuf},
};

#[derive(Debug, Clone, clap::Args)]
pub struct BlocksArgs {
	/// The chain's raw chain spec (`govchain-node build-spec --chain <spec> --raw`), built
	/// from a benchmark spec (`spec`) for blocks with transactions.
	#[arg(long)]
	pub chain_spec: PathBuf,
	/// How many blocks to build after genesis.
	#[arg(long, default_value_t = 3_000)]
	pub blocks: u32,
	/// Signed transactions per block (0 for empty blocks).
	#[arg(long, default_value_t = 4)]
	pub transactions: u32,
	/// What the transactions are.
	#[arg(long, value_enum, default_value = "mix")]
	pub workload: Workload,
	/// Seeds of the Aura authorities (`//Alice` …); each block is sealed by the one whose
	/// slot it is.
	#[arg(long = "authority", default_value = "//Alice")]
	pub authorities: Vec<String>,
	/// Where to write the blocks.
	#[arg(long)]
	pub out: PathBuf,
}

/// The raw genesis storage of a chain spec, whose runtime must be this tool's.
pub fn read_genesis(chain_spec: &Path) -> Result<Storage> {
	let path = chain_spec.display();
	let text =
		std::fs::read_to_string(chain_spec).with_context(|| format!("cannot read {path}"))?;
	let spec: Value = serde_json::from_str(&text).with_context(|| format!("{path} is not JSON"))?;
	let top = spec
		.pointer("/genesis/raw/top")
		.and_then(Value::as_object)
		.with_context(|| format!("{path} has no genesis.raw.top: expected a raw chain spec"))?;
	let children = spec.pointer("/genesis/raw/childrenDefault").and_then(Value::as_object);
	ensure!(children.is_none_or(|c| c.is_empty()), "{path}: child tries are not supported");
	let hex = |text: &str, what: &str| {
		hex::decode(text.trim_start_matches("0x"))
			.with_context(|| format!("{path}: {what} is not hex"))
	};
	let mut storage = BTreeMap::new();
	for (key, value) in top {
		let value = value
			.as_str()
			.with_context(|| format!("{path}: value of {key} is not a string"))?;
		storage.insert(hex(key, "a key")?, hex(value, key)?);
	}
	let code = storage.get(CODE).with_context(|| format!("{path} holds no runtime code"))?;
	ensure!(
		govchain_runtime::WASM_BINARY.is_some_and(|ours| ours == code.as_slice()),
		"{path} holds another runtime than the one this tool was built with: build the spec \
		 with the govchain-node of the same build"
	);
	Ok(Storage { top: storage, children_default: Default::default() })
}

/// The externalities of the genesis state and the genesis block's hash, computed as the
/// node computes them.
fn genesis_state(storage: Storage) -> Result<(TestExternalities, [u8; 32])> {
	let code = storage.top.get(CODE).cloned().unwrap_or_default();
	let state_version = govchain_runtime::VERSION.state_version();
	let mut externalities =
		TestExternalities::new_with_code_and_state(&code, storage, state_version);
	let state_root = externalities.execute_with(|| storage::root(state_version));
	let state_root = <[u8; 32]>::try_from(state_root)
		.map_err(|_| anyhow!("the state root is not 32 bytes"))?
		.into();
	let extrinsics_root = BlakeTwo256::trie_root(Vec::new(), state_version);
	let genesis =
		Header::new(0, extrinsics_root, state_root, Default::default(), Default::default());
	Ok((externalities, genesis.hash().0))
}

/// The endowed load accounts, in order, and how many of the first are officers.
pub fn load_accounts() -> (Vec<sr25519::Pair>, u32) {
	let mut accounts = Vec::new();
	let mut officers = 0;
	loop {
		let pair = load_account(accounts.len() as u32);
		let id = govchain_runtime::AccountId::from(pair.public());
		if frame_system::Account::<Runtime>::get(&id).data.free == 0 {
			break;
		}
		if pallet_agencies::OfficerOf::<Runtime>::contains_key(&id) {
			officers += 1;
		}
		accounts.push(pair);
	}
	(accounts, officers)
}

/// Applies a transaction in a storage transaction of its own and rolls its changes back if
/// it is not valid, as a node's block builder does.
fn apply_or_roll_back(extrinsic: &UncheckedExtrinsic) -> ApplyExtrinsicResult {
	storage::start_transaction();
	let outcome = Executive::apply_extrinsic(extrinsic.clone());
	match outcome {
		Ok(_) => storage::commit_transaction(),
		Err(_) => storage::rollback_transaction(),
	}
	outcome
}

/// Builds the chain and writes it; returns the number and hash of the last block.
pub fn write_blocks(args: BlocksArgs) -> Result<(u32, String)> {
	let authorities: Vec<sr25519::Pair> = args
		.authorities
		.iter()
		.map(|seed| {
			sr25519::Pair::from_string(seed, None)
				.map_err(|error| anyhow!("--authority {seed}: {error:?}"))
		})
		.collect::<Result<_>>()?;
	let (externalities, genesis) = genesis_state(read_genesis(&args.chain_spec)?)?;
	// Written beside the output and renamed when complete: a failed run leaves nothing.
	let partial = args.out.with_extension("partial");
	let file = std::fs::File::create(&partial)
		.with_context(|| format!("cannot create {}", partial.display()))?;
	let mut out = std::io::BufWriter::new(file);
	let written =
		build_blocks(&args, &authorities, externalities, genesis, &mut out).and_then(|last| {
			out.flush().with_context(|| format!("cannot write {}", partial.display()))?;
			std::fs::rename(&partial, &args.out)
				.with_context(|| format!("cannot write {}", args.out.display()))?;
			Ok(last)
		});
	if written.is_err() {
		let _ = std::fs::remove_file(&partial);
	}
	written
}

/// Builds the blocks on the genesis state and writes them to `out`.
fn build_blocks(
	args: &BlocksArgs,
	authorities: &[sr25519::Pair],
	mut externalities: TestExternalities,
	genesis: [u8; 32],
	out: &mut impl Write,
) -> Result<(u32, String)> {
	let chain = Chain::native(genesis)?;
	let (accounts, officers) = externalities.execute_with(load_accounts);
	ensure!(
		args.transactions == 0 || !accounts.is_empty(),
		"the chain spec endows no load account: build it from `govchain-loadgen spec`, or \
		 pass --transactions 0"
	);
	let population = Population { accounts: accounts.len() as u32, officers };
	// Remarks of 32 bytes; company numbers from the run seed 0's range (`run` draws others).
	let maker = CallMaker::new(&chain, args.workload, population, 32, 0)?;
	let mut nonces = vec![0u32; accounts.len()];
	let signers = match args.transactions {
		0 => Vec::new(),
		_ => args.workload.signers(population)?,
	};

	let now_slot = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.context("the clock is before 1970")?
		.as_millis() as u64
		/ SLOT_DURATION;
	// Consecutive slots ending at the one before now: the node authors on from there.
	let first_slot = now_slot
		.checked_sub(u64::from(args.blocks) + 1)
		.context("more blocks than slots since 1970")?;

	u64::from(args.blocks).encode_to(out);
	let mut parent = genesis.into();
	let mut serial = 0u32;
	let mut next_account = 0usize;
	for number in 1..=args.blocks {
		let slot = Slot::from(first_slot + u64::from(number));
		// The parent state's authorities decide whose slot it is, as the importing node's
		// Aura verifier does.
		let authority = externalities.execute_with(|| {
			let authorities = pallet_aura::Authorities::<Runtime>::get();
			let turn = u64::from(slot).checked_rem(authorities.len() as u64)?;
			authorities.get(turn as usize).cloned()
		});
		let authority =
			sr25519::Public::from(authority.context("the chain has no Aura authority")?);
		let signer = authorities.iter().find(|pair| pair.public() == authority);
		let signer = signer.with_context(|| {
			format!("slot {slot} is authority {authority:?}'s: pass its seed with --authority")
		})?;

		let mut extrinsics = Vec::new();
		let mut header = externalities.execute_with(|| -> Result<Header> {
			let pre_digest = DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode());
			let digest = Digest { logs: vec![pre_digest] };
			let header =
				Header::new(number, Default::default(), Default::default(), parent, digest);
			Executive::initialize_block(&header);
			let now = u64::from(slot) * SLOT_DURATION;
			let timestamp = RuntimeCall::Timestamp(pallet_timestamp::Call::set { now });
			let inherent = UncheckedExtrinsic::new_bare(timestamp);
			match Executive::apply_extrinsic(inherent.clone()) {
				Ok(Ok(())) => extrinsics.push(inherent),
				outcome => bail!("block {number}: the timestamp inherent failed: {outcome:?}"),
			}
			for _ in 0..args.transactions {
				let account = signers[next_account] as usize;
				let nonce = nonces[account];
				let recipient = accounts[(account + 1) % accounts.len()].public();
				let (_, call) = maker.call_for(account as u32, nonce, &recipient, &mut serial)?;
				let signed = chain.sign(&accounts[account], nonce, &call);
				let extrinsic = UncheckedExtrinsic::decode(&mut &signed[..])
					.context("a signed transaction does not decode")?;
				match apply_or_roll_back(&extrinsic) {
					Ok(Ok(())) => {},
					// A block whose hooks took most of its weight (a session change): the
					// rest wait for the next block, as a node's proposer leaves them.
					Err(TransactionValidityError::Invalid(
						InvalidTransaction::ExhaustsResources,
					)) => break,
					Ok(Err(error)) => bail!("block {number}: a transaction failed: {error:?}"),
					Err(invalid) => bail!("block {number}: a transaction is invalid: {invalid:?}"),
				}
				extrinsics.push(extrinsic);
				nonces[account] = nonce.checked_add(1).context("nonce overflow")?;
				next_account = (next_account + 1) % signers.len();
			}
			Ok(Executive::finalize_block())
		})?;
		// Folds the block's changes into the backend, so that the next state root is not
		// computed over every change since genesis.
		externalities.commit_all().map_err(|error| anyhow!("block {number}: {error}"))?;
		let signature = signer.sign(header.hash().as_ref());
		header.digest_mut().push(DigestItem::Seal(AURA_ENGINE_ID, signature.encode()));
		parent = header.hash();
		SignedBlock { block: Block { header, extrinsics }, justifications: None }.encode_to(out);
	}
	Ok((args.blocks, format!("{parent:?}")))
}
