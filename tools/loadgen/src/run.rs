//! One load run: pre-sign, submit over several connections, follow the chain, measure.

use crate::{
	chain::{self, Chain, ConsumedWeight},
	report::{self, BlockRecord, Outcome, ResourceSample, TxRecord},
	rpc::RpcClient,
	workload::{load_account, prepared_company, CallMaker, Population, Workload},
};
use anyhow::{bail, ensure, Context, Result};
use futures::future::join_all;
use govchain_runtime::{Runtime, RuntimeEvent};
use polkadot_sdk::{
	frame_system::{self, EventRecord, Phase},
	sp_core::{crypto::Ss58Codec, sr25519, Pair, H256},
	sp_crypto_hashing::blake2_256,
	sp_runtime::{generic, traits::BlakeTwo256, traits::Header as _, DispatchError},
};
use serde_json::{json, Value};
use std::{
	collections::HashMap,
	path::PathBuf,
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};
use tokio::sync::Semaphore;

/// How a run is shaped; see the command-line help of `run`.
#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
	/// WebSocket RPC address of the node under load (any node with balances for the
	/// transfer and remark workloads).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub node: String,
	/// What to send.
	#[arg(long, value_enum, default_value = "transfer")]
	pub workload: Workload,
	/// Transactions to send in all.
	#[arg(long, default_value_t = 20_000)]
	pub count: u32,
	/// Load accounts (`//loadgen//0` …) that sign; the chain spec must endow them.
	#[arg(long, default_value_t = 1_000)]
	pub accounts: u32,
	/// How many of the first load accounts are market-regulator officers (register, amend,
	/// mix, domain); the others control the prepared companies (`prepare`).
	#[arg(long, default_value_t = 32)]
	pub officers: u32,
	/// WebSocket connections to submit over; an account always uses the same one.
	#[arg(long, default_value_t = 4)]
	pub connections: u32,
	/// Submissions awaiting the node's answer, per connection.
	#[arg(long, default_value_t = 256)]
	pub in_flight: u32,
	/// Open loop: send at this many transactions per second whatever happens.
	#[arg(long)]
	pub rate: Option<u32>,
	/// Closed loop (without --rate): keep at most this many sent but not yet included.
	#[arg(long, default_value_t = 6_000)]
	pub backlog: u32,
	/// Blocks with load to leave out of the steady window at the start.
	#[arg(long, default_value_t = 2)]
	pub warmup_blocks: usize,
	/// How long to wait after the last submission for inclusion and finality.
	#[arg(long, default_value_t = 60)]
	pub drain_seconds: u64,
	/// End the run as stalled when load is outstanding and nothing was included for this
	/// many seconds (e.g. a refused transaction left a gap in an account's nonces).
	#[arg(long, default_value_t = 60)]
	pub stall_seconds: u64,
	/// Length of each remark.
	#[arg(long, default_value_t = 32)]
	pub remark_bytes: usize,
	/// Process id of the node, to sample its CPU time and resident memory.
	#[arg(long)]
	pub node_pid: Option<u32>,
	/// The node's log file, to read each block's proposal time and end reason.
	#[arg(long)]
	pub node_log: Option<PathBuf>,
	/// Write the full result (every block, every latency) as JSON to this file.
	#[arg(long)]
	pub json: Option<PathBuf>,
	/// A name for this run in the report (e.g. "govchain --dev").
	#[arg(long, default_value = "")]
	pub label: String,
}

/// What the follower and the senders share.
struct Tracker {
	txs: Vec<TxRecord>,
	by_hash: HashMap<[u8; 32], usize>,
	blocks: HashMap<H256, BlockRecord>,
	last_finalized: Option<H256>,
}

fn lock(tracker: &Mutex<Tracker>) -> std::sync::MutexGuard<'_, Tracker> {
	tracker.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Counters the closed loop reads without the lock.
#[derive(Default)]
struct Counters {
	sent: AtomicU64,
	included: AtomicU64,
	rejected: AtomicU64,
	late: AtomicU64,
	/// Submissions repeated after the pool turned them away for being full.
	retries: AtomicU64,
	/// Milliseconds since the start when a block last included the run's transactions.
	last_inclusion_ms: AtomicU64,
	stalled: AtomicBool,
}

impl Counters {
	fn outstanding(&self) -> u64 {
		self.sent.load(Ordering::Relaxed).saturating_sub(
			self.included.load(Ordering::Relaxed) + self.rejected.load(Ordering::Relaxed),
		)
	}
}

type Header = generic::Header<u32, BlakeTwo256>;

/// Pool answers worth trying again shortly: the pool was full (1016 "Immediately Dropped",
/// 1014 "Priority is too low" when it evicts). Anything else is final.
const RETRYABLE: [i64; 2] = [1016, 1014];
/// The pool already holds the transaction (a retry whose first try got in after all).
const ALREADY_IMPORTED: i64 = 1013;
const RETRY_DELAY: Duration = Duration::from_millis(250);
const MAX_RETRIES: u32 = 40;

/// Runs the load and returns the report.
pub async fn run(args: RunArgs) -> Result<Value> {
	ensure!(args.count > 0 && args.accounts > 0, "--count and --accounts must be above 0");
	ensure!(
		args.connections > 0 && args.in_flight > 0,
		"--connections and --in-flight must be above 0"
	);
	let control = RpcClient::connect(&args.node).await?;
	let chain = Arc::new(Chain::connect(&control).await?);
	eprintln!(
		"node {} runs {} spec {}; block time {} ms",
		args.node, chain.spec_name, chain.spec_version, chain.block_time_ms
	);

	let run_seed = (std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_secs())
		.unwrap_or_default()
		% 9973) as u32;
	let population = Population { accounts: args.accounts, officers: args.officers };
	let maker = CallMaker::new(&chain, args.workload, population, args.remark_bytes, run_seed)?;
	if args.workload.needs_prepared_state() {
		check_prepared(&control, population).await?;
	}
	let signers = args.workload.signers(population)?;
	eprintln!("deriving {} accounts and reading their nonces", args.accounts);
	let accounts: Vec<sr25519::Pair> = (0..args.accounts).map(load_account).collect();
	let nonces = next_nonces(&control, &accounts).await?;

	// Pre-sign: each signer's transactions in nonce order.
	let started_signing = Instant::now();
	let per_signer = split(args.count, signers.len() as u32);
	let mut queues: Vec<Vec<usize>> = vec![Vec::new(); signers.len()];
	let mut txs = Vec::with_capacity(args.count as usize);
	let mut extrinsics: Vec<String> = Vec::with_capacity(args.count as usize);
	let mut serial = 0u32;
	for (slot, (&account, &count)) in signers.iter().zip(&per_signer).enumerate() {
		let pair = &accounts[account as usize];
		let next = &accounts[((account + 1) % args.accounts) as usize];
		for k in 0..count {
			let nonce = nonces[account as usize] + k;
			let (kind, call) = maker.call_for(account, nonce, &next.public(), &mut serial)?;
			let extrinsic = chain.sign(pair, nonce, &call);
			queues[slot].push(txs.len());
			txs.push(TxRecord::new(kind, blake2_256(&extrinsic), extrinsic.len()));
			extrinsics.push(format!("0x{}", hex::encode(&extrinsic)));
		}
	}
	eprintln!(
		"signed {} transactions in {:.1} s",
		txs.len(),
		started_signing.elapsed().as_secs_f64()
	);

	let by_hash = txs.iter().enumerate().map(|(index, tx)| (tx.hash, index)).collect();
	let tracker = Arc::new(Mutex::new(Tracker {
		txs,
		by_hash,
		blocks: HashMap::new(),
		last_finalized: None,
	}));
	let counters = Arc::new(Counters::default());
	let extrinsics = Arc::new(extrinsics);
	let start = Instant::now();

	let follower = tokio::spawn(
		Follower {
			rpc: RpcClient::connect(&args.node).await?,
			chain: chain.clone(),
			tracker: tracker.clone(),
			counters: counters.clone(),
			start,
		}
		.follow(),
	);
	let sampler = args.node_pid.map(|pid| tokio::spawn(sample_resources(pid, start)));
	let watchdog = tokio::spawn(watch(
		tracker.clone(),
		counters.clone(),
		start,
		Duration::from_secs(args.stall_seconds),
	));

	// Connection c sends the queues of signers c, c + C, …, interleaved so that each
	// signer's nonces go out in order.
	let mut senders = Vec::new();
	for connection in 0..args.connections as usize {
		let order =
			interleave(queues.iter().skip(connection).step_by(args.connections as usize).collect());
		let rpc = RpcClient::connect(&args.node).await?;
		let rate = args.rate.map(|rate| rate as f64 / args.connections as f64);
		senders.push(tokio::spawn(send(
			rpc,
			order,
			extrinsics.clone(),
			tracker.clone(),
			counters.clone(),
			args.in_flight as usize,
			rate,
			args.backlog as u64,
			start,
		)));
	}
	for sender in join_all(senders).await {
		sender.context("a sender task failed")??;
	}
	let last_sent = start.elapsed();
	eprintln!(
		"all sent after {:.1} s; waiting up to {} s for inclusion and finality",
		last_sent.as_secs_f64(),
		args.drain_seconds
	);
	let drain_until = Instant::now() + Duration::from_secs(args.drain_seconds);
	loop {
		let settled = {
			let tracker = lock(&tracker);
			tracker.txs.iter().all(|tx| tx.settled())
		};
		if settled || Instant::now() >= drain_until || follower.is_finished() {
			break;
		}
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
	if follower.is_finished() {
		follower.await.context("the chain follower failed")??;
		bail!("the chain follower stopped early");
	}
	follower.abort();
	watchdog.abort();
	let resources = match sampler {
		Some(task) => {
			task.abort();
			let _ = task.await;
			read_samples()
		},
		None => Vec::new(),
	};

	let proposals = match &args.node_log {
		Some(path) => report::read_proposals(path)?,
		None => HashMap::new(),
	};
	let tracker = lock(&tracker);
	let mut blocks: Vec<BlockRecord> = tracker.blocks.values().cloned().collect();
	blocks.sort_by_key(|block| (block.number, block.seen_at));
	Ok(report::summarise(
		&args,
		&chain,
		&tracker.txs,
		blocks,
		&proposals,
		resources,
		last_sent,
		counters.late.load(Ordering::Relaxed),
		counters.retries.load(Ordering::Relaxed),
		counters.stalled.load(Ordering::Relaxed),
	))
}

/// Fails unless the node's chain holds the companies and certification bodies of
/// `prepare` for these load accounts.
async fn check_prepared(rpc: &RpcClient, population: Population) -> Result<()> {
	let last = population.accounts.checked_sub(1).context("no load account")?;
	let company = prepared_company(last)?;
	let key = pallet_company_registry::Companies::<Runtime>::hashed_key_for(company);
	let found = rpc
		.request("state_getStorage", json!([format!("0x{}", hex::encode(key))]))
		.await?;
	ensure!(
		!found.is_null(),
		"the chain holds no prepared company for load account {last}: start the node on a spec \
		 from `govchain-loadgen prepare` with at least --accounts {}",
		population.accounts
	);
	Ok(())
}

/// `total` split into `parts` nearly equal counts.
fn split(total: u32, parts: u32) -> Vec<u32> {
	(0..parts).map(|part| total / parts + u32::from(part < total % parts)).collect()
}

/// Round robin over queues: first items of each, then second items, …
fn interleave(queues: Vec<&Vec<usize>>) -> Vec<usize> {
	let longest = queues.iter().map(|queue| queue.len()).max().unwrap_or(0);
	(0..longest)
		.flat_map(|k| queues.iter().filter_map(move |queue| queue.get(k).copied()))
		.collect()
}

async fn next_nonces(rpc: &RpcClient, accounts: &[sr25519::Pair]) -> Result<Vec<u32>> {
	let mut nonces = Vec::with_capacity(accounts.len());
	for chunk in accounts.chunks(256) {
		let answers = join_all(chunk.iter().map(|pair| {
			rpc.request("system_accountNextIndex", json!([pair.public().to_ss58check()]))
		}))
		.await;
		for answer in answers {
			let nonce = answer?.as_u64().context("system_accountNextIndex: not a number")?;
			nonces.push(nonce as u32);
		}
	}
	Ok(nonces)
}

#[allow(clippy::too_many_arguments)]
async fn send(
	rpc: RpcClient,
	order: Vec<usize>,
	extrinsics: Arc<Vec<String>>,
	tracker: Arc<Mutex<Tracker>>,
	counters: Arc<Counters>,
	in_flight: usize,
	rate: Option<f64>,
	backlog: u64,
	start: Instant,
) -> Result<()> {
	let permits = Arc::new(Semaphore::new(in_flight));
	let began = Instant::now();
	for (k, index) in order.into_iter().enumerate() {
		if counters.stalled.load(Ordering::Relaxed) {
			break;
		}
		match rate {
			Some(rate) => {
				let due = began + Duration::from_secs_f64(k as f64 / rate);
				tokio::time::sleep_until(due.into()).await;
				if permits.available_permits() == 0 {
					counters.late.fetch_add(1, Ordering::Relaxed);
				}
			},
			None => {
				while counters.outstanding() >= backlog && !counters.stalled.load(Ordering::Relaxed)
				{
					tokio::time::sleep(Duration::from_millis(2)).await;
				}
			},
		}
		let permit = permits.clone().acquire_owned().await.context("semaphore closed")?;
		lock(&tracker).txs[index].sent_at = Some(start.elapsed());
		counters.sent.fetch_add(1, Ordering::Relaxed);
		let rpc = rpc.clone();
		let extrinsics = extrinsics.clone();
		let tracker = tracker.clone();
		let counters = counters.clone();
		tokio::spawn(async move {
			let mut attempts = 0;
			let answer = loop {
				let answer =
					rpc.call("author_submitExtrinsic", json!([extrinsics[index].as_str()])).await;
				match &answer {
					Ok(Err(error)) if RETRYABLE.contains(&error.code) && attempts < MAX_RETRIES => {
						attempts += 1;
						counters.retries.fetch_add(1, Ordering::Relaxed);
						tokio::time::sleep(RETRY_DELAY).await;
					},
					_ => break answer,
				}
			};
			let answered = start.elapsed();
			let mut tracker = lock(&tracker);
			let tx = &mut tracker.txs[index];
			tx.answered_at = Some(answered);
			match answer {
				Ok(Ok(_)) => {},
				Ok(Err(error)) if error.code == ALREADY_IMPORTED => {},
				Ok(Err(error)) => {
					tx.outcome = Outcome::Rejected(error.message);
					counters.rejected.fetch_add(1, Ordering::Relaxed);
				},
				Err(error) => {
					tx.outcome = Outcome::Rejected(error.to_string());
					counters.rejected.fetch_add(1, Ordering::Relaxed);
				},
			}
			drop(permit);
		});
	}
	// Wait for the last answers.
	let _ = permits.acquire_many(in_flight as u32).await;
	Ok(())
}

/// Follows best and finalized blocks: when each of the run's transactions was included and
/// finalized, and what each block held.
struct Follower {
	rpc: RpcClient,
	chain: Arc<Chain>,
	tracker: Arc<Mutex<Tracker>>,
	counters: Arc<Counters>,
	start: Instant,
}

impl Follower {
	async fn follow(self) -> Result<()> {
		let mut heads = self.rpc.subscribe("chain_subscribeNewHeads", json!([])).await?;
		let mut finalized = self.rpc.subscribe("chain_subscribeFinalizedHeads", json!([])).await?;
		loop {
			tokio::select! {
				head = heads.recv() => {
					let Some(head) = head else { bail!("the node ended the new-heads subscription") };
					let seen = self.start.elapsed();
					let header: Header = serde_json::from_value(head).context("a header that does not parse")?;
					let hash = header.hash();
					if lock(&self.tracker).blocks.contains_key(&hash) {
						continue;
					}
					self.fetch_block(hash, seen).await?;
				},
				head = finalized.recv() => {
					let Some(head) = head else { bail!("the node ended the finalized-heads subscription") };
					let seen = self.start.elapsed();
					let header: Header = serde_json::from_value(head).context("a header that does not parse")?;
					self.finalize(header.hash(), seen).await?;
				},
			}
		}
	}

	/// Marks `hash` and its not yet finalized ancestors finalized at `seen`. The first
	/// finalized head marks only itself: what came before it is older than the run.
	async fn finalize(&self, hash: H256, seen: Duration) -> Result<()> {
		let tracker = &*self.tracker;
		let mut cursor = hash;
		loop {
			let (known, last_finalized) = {
				let tracker = lock(tracker);
				(tracker.blocks.get(&cursor).map(|block| block.parent), tracker.last_finalized)
			};
			if last_finalized == Some(cursor) {
				break;
			}
			let parent = match known {
				Some(parent) => parent,
				None if last_finalized.is_none() && cursor != hash => break,
				None => self.fetch_block(cursor, seen).await?,
			};
			let mut tracker = lock(tracker);
			let Tracker { txs, blocks, .. } = &mut *tracker;
			if let Some(block) = blocks.get_mut(&cursor) {
				block.finalized_at.get_or_insert(seen);
				for &index in &block.ours {
					txs[index].finalized_at.get_or_insert(seen);
				}
			}
			if last_finalized.is_none() {
				break;
			}
			cursor = parent;
		}
		lock(tracker).last_finalized = Some(hash);
		Ok(())
	}

	/// Reads a block, its weight, timestamp and (on govchain) its failed extrinsics, and
	/// records which of the run's transactions it includes.
	async fn fetch_block(&self, hash: H256, seen: Duration) -> Result<H256> {
		let (rpc, chain, tracker) = (&self.rpc, &*self.chain, &*self.tracker);
		let at = format!("{hash:?}");
		let weight_key = chain::value_key("System", "BlockWeight");
		let now_key = chain::value_key("Timestamp", "Now");
		let events_key = chain::value_key("System", "Events");
		let (block, weight, timestamp) = tokio::try_join!(
			rpc.request("chain_getBlock", json!([at])),
			chain::storage::<ConsumedWeight>(rpc, &weight_key, &at),
			chain::storage::<u64>(rpc, &now_key, &at),
		)?;
		let header: Header = serde_json::from_value(block["block"]["header"].clone())
			.context("chain_getBlock: a header that does not parse")?;
		let extrinsics = block["block"]["extrinsics"].as_array().cloned().unwrap_or_default();
		let mut bytes = 0usize;
		let mut ours = Vec::new();
		let mut positions = Vec::new();
		{
			let tracker = lock(tracker);
			for (position, extrinsic) in extrinsics.iter().enumerate() {
				let encoded = chain::decode_hex(extrinsic, "extrinsic")?;
				bytes += encoded.len();
				if let Some(&index) = tracker.by_hash.get(&blake2_256(&encoded)) {
					ours.push(index);
					positions.push((position as u32, index));
				}
			}
		}
		// Which extrinsics failed, from the events (govchain's event type only).
		let mut failures: HashMap<u32, String> = HashMap::new();
		if chain.spec_name == "govchain" && !ours.is_empty() {
			let records =
				chain::storage::<Vec<EventRecord<RuntimeEvent, H256>>>(rpc, &events_key, &at)
					.await?
					.unwrap_or_default();
			for record in records {
				if let (
					Phase::ApplyExtrinsic(position),
					RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
						dispatch_error,
						..
					}),
				) = (record.phase, record.event)
				{
					failures.insert(position, describe(chain, dispatch_error));
				}
			}
		}
		let number = *header.number();
		let parent = *header.parent_hash();
		let mut tracker = lock(tracker);
		let mut newly_included = 0;
		for (position, index) in positions {
			let tx = &mut tracker.txs[index];
			if tx.included_at.is_none() {
				tx.included_at = Some(seen);
				newly_included += 1;
			}
			if let Some(error) = failures.get(&position) {
				tx.outcome = Outcome::Failed(error.clone());
			}
		}
		if newly_included > 0 {
			self.counters.included.fetch_add(newly_included, Ordering::Relaxed);
			self.counters
				.last_inclusion_ms
				.store(seen.as_millis() as u64, Ordering::Relaxed);
		}
		tracker.blocks.insert(
			hash,
			BlockRecord {
				number,
				hash,
				parent,
				timestamp_ms: timestamp.unwrap_or_default(),
				extrinsics: extrinsics.len(),
				bytes,
				ours,
				normal_weight: weight.unwrap_or_default().normal.ref_time,
				seen_at: seen,
				finalized_at: None,
			},
		);
		Ok(parent)
	}
}

/// `Pallet.Error` for module errors, the error's name otherwise.
fn describe(chain: &Chain, error: DispatchError) -> String {
	match error {
		DispatchError::Module(module) => chain.error_name(module.index, module.error[0]),
		other => format!("{other:?}"),
	}
}

/// Prints progress every five seconds, and declares the run stalled when load is
/// outstanding but nothing was included for `stall_after`.
async fn watch(
	tracker: Arc<Mutex<Tracker>>,
	counters: Arc<Counters>,
	start: Instant,
	stall_after: Duration,
) {
	let mut ticks = 0u64;
	loop {
		tokio::time::sleep(Duration::from_secs(1)).await;
		ticks += 1;
		let now = start.elapsed();
		let last_inclusion =
			Duration::from_millis(counters.last_inclusion_ms.load(Ordering::Relaxed));
		let outstanding = counters.outstanding();
		if outstanding > 0 && now.saturating_sub(last_inclusion) > stall_after {
			eprintln!(
				"stalled: {outstanding} transactions sent but neither included nor refused for {} s",
				stall_after.as_secs()
			);
			counters.stalled.store(true, Ordering::Relaxed);
			return;
		}
		if ticks % 5 == 0 {
			let finalized =
				lock(&tracker).txs.iter().filter(|tx| tx.finalized_at.is_some()).count();
			eprintln!(
				"{:>6.1} s  sent {}  included {}  finalized {finalized}  refused {}  retries {}  outstanding {outstanding}",
				now.as_secs_f64(),
				counters.sent.load(Ordering::Relaxed),
				counters.included.load(Ordering::Relaxed),
				counters.rejected.load(Ordering::Relaxed),
				counters.retries.load(Ordering::Relaxed),
			);
		}
	}
}

static SAMPLES: Mutex<Vec<ResourceSample>> = Mutex::new(Vec::new());

/// Samples the node's CPU time and resident memory (all of it, and the anonymous part)
/// once a second from /proc.
async fn sample_resources(pid: u32, start: Instant) {
	let ticks_per_second = 100.0; // USER_HZ on Linux
	loop {
		let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
		let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
		// Fields after the command name (which may hold spaces): utime is the 12th, stime
		// the 13th.
		let after_name = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
		let fields: Vec<&str> = after_name.split_whitespace().collect();
		let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
		let cpu_seconds = (ticks(11) + ticks(12)) / ticks_per_second;
		let kib = |field: &str| {
			status
				.lines()
				.find(|line| line.starts_with(field))
				.and_then(|line| line.split_whitespace().nth(1))
				.and_then(|kib| kib.parse::<u64>().ok())
				.unwrap_or(0)
		};
		let (rss_kib, anon_kib) = (kib("VmRSS:"), kib("RssAnon:"));
		SAMPLES
			.lock()
			.unwrap_or_else(|poisoned| poisoned.into_inner())
			.push(ResourceSample { at: start.elapsed(), cpu_seconds, rss_kib, anon_kib });
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

fn read_samples() -> Vec<ResourceSample> {
	std::mem::take(&mut *SAMPLES.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn split_spreads_the_remainder() {
		assert_eq!(split(10, 4), vec![3, 3, 2, 2]);
		assert_eq!(split(3, 5), vec![1, 1, 1, 0, 0]);
	}

	#[test]
	fn interleave_keeps_each_queue_in_order() {
		let a = vec![1, 2, 3];
		let b = vec![10];
		assert_eq!(interleave(vec![&a, &b]), vec![1, 10, 2, 3]);
	}
}
