//! Turns what a run recorded into figures: the steady window's throughput, the ceiling the
//! runtime's limits allow, latency percentiles, block fill and the node's resources.

use crate::{chain::Chain, run::RunArgs, workload::Kind};
use anyhow::{Context, Result};
use polkadot_sdk::sp_core::H256;
use serde_json::{json, Value};
use std::{collections::BTreeMap, collections::HashMap, path::Path, time::Duration};

/// How a transaction ended, as far as the run saw.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
	/// Accepted (or not yet answered); success unless a block says otherwise.
	Pending,
	/// The node refused it on submission.
	Rejected(String),
	/// Included, and its dispatch failed with this error.
	Failed(String),
}

/// One pre-signed transaction and what happened to it (times since the run's start).
#[derive(Debug, Clone)]
pub struct TxRecord {
	pub kind: Kind,
	pub hash: [u8; 32],
	pub length: usize,
	pub sent_at: Option<Duration>,
	pub answered_at: Option<Duration>,
	pub included_at: Option<Duration>,
	pub finalized_at: Option<Duration>,
	pub outcome: Outcome,
}

impl TxRecord {
	pub fn new(kind: Kind, hash: [u8; 32], length: usize) -> Self {
		Self {
			kind,
			hash,
			length,
			sent_at: None,
			answered_at: None,
			included_at: None,
			finalized_at: None,
			outcome: Outcome::Pending,
		}
	}

	/// Nothing more will happen to it.
	pub fn settled(&self) -> bool {
		matches!(self.outcome, Outcome::Rejected(_)) || self.finalized_at.is_some()
	}
}

/// One block the run saw.
#[derive(Debug, Clone)]
pub struct BlockRecord {
	pub number: u32,
	pub hash: H256,
	pub parent: H256,
	pub timestamp_ms: u64,
	pub extrinsics: usize,
	pub bytes: usize,
	/// Indices of the run's transactions in it.
	pub ours: Vec<usize>,
	/// Normal-class ref-time used (`System::BlockWeight`), picoseconds.
	pub normal_weight: u64,
	pub seen_at: Duration,
	pub finalized_at: Option<Duration>,
}

/// The node's CPU time and resident memory at one moment.
#[derive(Debug, Clone)]
pub struct ResourceSample {
	pub at: Duration,
	pub cpu_seconds: f64,
	pub rss_kib: u64,
	/// The anonymous part of `rss_kib` (`RssAnon`): the heap, without the database files
	/// mapped into memory, which the kernel may drop and read again.
	pub anon_kib: u64,
}

/// What the node's log says about a block it proposed.
#[derive(Debug, Clone)]
pub struct Proposal {
	pub millis: u64,
	pub end_reason: String,
}

/// Block number → proposal, from the "Prepared block for proposing" lines of a node log.
pub fn read_proposals(path: &Path) -> Result<HashMap<u32, Proposal>> {
	let log = std::fs::read_to_string(path)
		.with_context(|| format!("cannot read the node log {}", path.display()))?;
	let mut proposals = HashMap::new();
	for line in log.lines() {
		let Some(rest) = line.split("Prepared block for proposing at ").nth(1) else { continue };
		let number = rest.split_whitespace().next().and_then(|n| n.parse::<u32>().ok());
		let millis = rest
			.split_once('(')
			.and_then(|(_, after)| after.split_whitespace().next())
			.and_then(|ms| ms.parse::<u64>().ok());
		let end_reason = rest.split("end: ").nth(1).map(|after| {
			after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_string()
		});
		if let (Some(number), Some(millis), Some(end_reason)) = (number, millis, end_reason) {
			proposals.insert(number, Proposal { millis, end_reason });
		}
	}
	Ok(proposals)
}

/// Percentiles of a list of milliseconds.
fn percentiles(mut values: Vec<f64>) -> Value {
	if values.is_empty() {
		return json!(null);
	}
	values.sort_by(|a, b| a.total_cmp(b));
	let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
	json!({
		"count": values.len(),
		"p50": at(0.50),
		"p95": at(0.95),
		"p99": at(0.99),
		"max": at(1.0),
	})
}

fn millis(d: Duration) -> f64 {
	(d.as_secs_f64() * 1000.0 * 10.0).round() / 10.0
}

/// The slope of one of the node's memory figures (`kib`) while load was sent, by least
/// squares over the samples after the first minute (start-up and first caches excluded);
/// `None` for runs too short to tell.
fn memory_trend_mib_per_minute(
	samples: &[ResourceSample],
	last_sent: Duration,
	kib: impl Fn(&ResourceSample) -> u64,
) -> Option<f64> {
	let points: Vec<(f64, f64)> = samples
		.iter()
		.filter(|s| s.at >= Duration::from_secs(60) && s.at <= last_sent)
		.map(|s| (s.at.as_secs_f64() / 60.0, kib(s) as f64 / 1024.0))
		.collect();
	if points.len() < 60 {
		return None;
	}
	let n = points.len() as f64;
	let (mean_x, mean_y) =
		(points.iter().map(|p| p.0).sum::<f64>() / n, points.iter().map(|p| p.1).sum::<f64>() / n);
	let covariance: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
	let variance: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
	(variance > 0.0).then(|| covariance / variance)
}

/// Builds the report (JSON) and prints its short table.
#[allow(clippy::too_many_arguments)]
pub fn summarise(
	args: &RunArgs,
	chain: &Chain,
	txs: &[TxRecord],
	blocks: Vec<BlockRecord>,
	proposals: &HashMap<u32, Proposal>,
	resources: Vec<ResourceSample>,
	last_sent: Duration,
	late: u64,
	retries: u64,
	stalled: bool,
) -> Value {
	// The canonical chain: finalized blocks (all seen blocks if none was finalized).
	let finalized: Vec<&BlockRecord> = blocks.iter().filter(|b| b.finalized_at.is_some()).collect();
	let canonical: Vec<&BlockRecord> =
		if finalized.is_empty() { blocks.iter().collect() } else { finalized };
	let by_number: BTreeMap<u32, &BlockRecord> = canonical.iter().map(|b| (b.number, *b)).collect();
	let load_blocks: Vec<u32> =
		by_number.values().filter(|b| !b.ours.is_empty()).map(|b| b.number).collect();

	// Steady window: from the warm-up's end to the last block seen while load was still
	// being sent; every block in between counts, empty ones too.
	let mut steady = true;
	let window: Vec<&BlockRecord> = match (load_blocks.first(), load_blocks.last()) {
		(Some(&first), Some(&last)) => {
			let from = first + args.warmup_blocks as u32;
			let to = by_number
				.values()
				.filter(|b| b.seen_at <= last_sent && b.number >= from)
				.map(|b| b.number)
				.max()
				.unwrap_or(from);
			let window: Vec<&BlockRecord> = by_number.range(from..=to).map(|(_, b)| *b).collect();
			if window.len() >= 2 {
				window
			} else {
				steady = false;
				by_number.range(first..=last).map(|(_, b)| *b).collect()
			}
		},
		_ => Vec::new(),
	};
	let included_in_window: usize = window.iter().map(|b| b.ours.len()).sum();
	let seconds = match (window.first(), window.last()) {
		(Some(first), Some(last)) => {
			let before = by_number
				.get(&first.number.saturating_sub(1))
				.map(|b| b.timestamp_ms)
				// Genesis carries no timestamp.
				.filter(|&timestamp| timestamp > 0)
				.unwrap_or(first.timestamp_ms.saturating_sub(chain.block_time_ms));
			last.timestamp_ms.saturating_sub(before) as f64 / 1000.0
		},
		_ => 0.0,
	};
	let throughput = if seconds > 0.0 { included_in_window as f64 / seconds } else { 0.0 };

	// The ceiling the runtime's limits put on this workload, from what its transactions
	// weighed and measured in the window's blocks.
	let loaded: Vec<&&BlockRecord> = window.iter().filter(|b| !b.ours.is_empty()).collect();
	let weight_used: u64 = loaded.iter().map(|b| b.normal_weight).sum();
	let count_used: usize = loaded.iter().map(|b| b.ours.len()).sum();
	let bytes_used: usize = loaded.iter().flat_map(|b| b.ours.iter()).map(|&i| txs[i].length).sum();
	let per_tx_weight = if count_used > 0 { weight_used as f64 / count_used as f64 } else { 0.0 };
	let per_tx_bytes = if count_used > 0 { bytes_used as f64 / count_used as f64 } else { 0.0 };
	let by_weight =
		if per_tx_weight > 0.0 { chain.max_normal_weight as f64 / per_tx_weight } else { 0.0 };
	let by_length =
		if per_tx_bytes > 0.0 { chain.max_normal_length as f64 / per_tx_bytes } else { 0.0 };
	let per_block = by_weight.min(by_length).floor();
	let bound = if by_weight <= by_length { "block weight" } else { "block length" };
	let ceiling = per_block * 1000.0 / chain.block_time_ms as f64;
	let fill: Vec<f64> = window
		.iter()
		.map(|b| 100.0 * b.normal_weight as f64 / chain.max_normal_weight as f64)
		.collect();
	let mean_fill =
		if fill.is_empty() { 0.0 } else { fill.iter().sum::<f64>() / fill.len() as f64 };
	let mut end_reasons: BTreeMap<String, usize> = BTreeMap::new();
	for block in &window {
		if let Some(proposal) = proposals.get(&block.number) {
			*end_reasons.entry(proposal.end_reason.clone()).or_default() += 1;
		}
	}

	// Outcomes and latencies.
	let sent = txs.iter().filter(|t| t.sent_at.is_some()).count();
	let mut rejected: BTreeMap<String, usize> = BTreeMap::new();
	let mut failed: BTreeMap<String, usize> = BTreeMap::new();
	let mut per_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
	let (mut inclusion, mut finality, mut answer) = (Vec::new(), Vec::new(), Vec::new());
	let mut dropped = 0;
	for tx in txs {
		let entry = per_kind.entry(tx.kind.name()).or_default();
		entry.0 += 1;
		match &tx.outcome {
			Outcome::Rejected(reason) => *rejected.entry(reason.clone()).or_default() += 1,
			Outcome::Failed(error) => *failed.entry(error.clone()).or_default() += 1,
			Outcome::Pending if tx.included_at.is_none() && tx.sent_at.is_some() => dropped += 1,
			Outcome::Pending => {},
		}
		if tx.included_at.is_some() && !matches!(tx.outcome, Outcome::Failed(_)) {
			entry.1 += 1;
		}
		if let Some(sent_at) = tx.sent_at {
			if let Some(at) = tx.answered_at {
				answer.push(millis(at.saturating_sub(sent_at)));
			}
			if let Some(at) = tx.included_at {
				inclusion.push(millis(at.saturating_sub(sent_at)));
			}
			if let Some(at) = tx.finalized_at {
				finality.push(millis(at.saturating_sub(sent_at)));
			}
		}
	}
	let included = txs.iter().filter(|t| t.included_at.is_some()).count();

	// The node's CPU (share of one core) and memory over the time load was sent.
	let (cpu_percent, rss_max_mib) =
		match (resources.first(), resources.iter().rfind(|s| s.at <= last_sent)) {
			(Some(first), Some(last)) if last.at > first.at => (
				100.0 * (last.cpu_seconds - first.cpu_seconds) / (last.at - first.at).as_secs_f64(),
				resources.iter().map(|s| s.rss_kib).max().unwrap_or(0) as f64 / 1024.0,
			),
			_ => (0.0, resources.iter().map(|s| s.rss_kib).max().unwrap_or(0) as f64 / 1024.0),
		};

	let rss_trend = memory_trend_mib_per_minute(&resources, last_sent, |s| s.rss_kib);
	let anon_trend = memory_trend_mib_per_minute(&resources, last_sent, |s| s.anon_kib);
	let anon_max_mib = resources.iter().map(|s| s.anon_kib).max().unwrap_or(0) as f64 / 1024.0;

	let inclusion_stats = percentiles(inclusion.clone());
	let finality_stats = percentiles(finality.clone());
	let answer_stats = percentiles(answer);
	let label = if args.label.is_empty() { chain.spec_name.clone() } else { args.label.clone() };
	let mode = match args.rate {
		Some(rate) => format!("open loop at {rate} tx/s"),
		None => format!("closed loop, backlog {}", args.backlog),
	};

	let percent = |value: f64| if ceiling > 0.0 { 100.0 * value / ceiling } else { 0.0 };
	let p = |stats: &Value, key: &str| stats.get(key).and_then(Value::as_f64).unwrap_or(f64::NAN);
	println!("== {label}: {}, {} transactions, {mode}", args.workload.name(), args.count);
	println!(
		"   sent {sent}, rejected {}, included {included}, failed {}, dropped {dropped}, late sends {late}, \
		 retries {retries}{}",
		rejected.values().sum::<usize>(),
		failed.values().sum::<usize>(),
		if stalled { "; STALLED" } else { "" }
	);
	match (window.first(), window.last()) {
		(Some(first), Some(last)) => println!(
			"   {} window #{}-#{} ({} blocks, {seconds:.1} s): {throughput:.1} tx/s included",
			if steady { "steady" } else { "whole-run (too short for a steady)" },
			first.number,
			last.number,
			window.len()
		),
		_ => println!("   no block included any of the run's transactions"),
	}
	println!(
		"   ceiling: {:.0} µs and {per_tx_bytes:.0} B per tx → {per_block:.0} per block by {bound} → \
		 {ceiling:.1} tx/s; reached {:.0} %; mean block fill {mean_fill:.0} % of normal weight",
		per_tx_weight / 1e6,
		percent(throughput)
	);
	if !end_reasons.is_empty() {
		println!("   proposer end reasons: {end_reasons:?}");
	}
	println!(
		"   latency ms: inclusion p50 {:.0} p95 {:.0} p99 {:.0}; finality p50 {:.0} p95 {:.0} p99 {:.0}; \
		 submission answer p50 {:.1} p99 {:.1}",
		p(&inclusion_stats, "p50"),
		p(&inclusion_stats, "p95"),
		p(&inclusion_stats, "p99"),
		p(&finality_stats, "p50"),
		p(&finality_stats, "p95"),
		p(&finality_stats, "p99"),
		p(&answer_stats, "p50"),
		p(&answer_stats, "p99"),
	);
	if !resources.is_empty() {
		println!(
			"   node: CPU {cpu_percent:.0} % of one core, RSS max {rss_max_mib:.0} MiB, trend {} \
			 MiB/min; anonymous max {anon_max_mib:.0} MiB, trend {} MiB/min",
			rss_trend.map_or("–".to_string(), |slope| format!("{slope:+.1}")),
			anon_trend.map_or("–".to_string(), |slope| format!("{slope:+.1}"))
		);
	}
	for (reason, count) in rejected.iter().chain(failed.iter()).take(5) {
		println!("   {count} × {reason}");
	}

	json!({
		"label": label,
		"node": args.node,
		"spec": { "name": chain.spec_name, "version": chain.spec_version },
		"workload": args.workload.name(),
		"parameters": {
			"count": args.count,
			"accounts": args.accounts,
			"officers": args.officers,
			"connections": args.connections,
			"in_flight": args.in_flight,
			"rate": args.rate,
			"backlog": args.backlog,
			"warmup_blocks": args.warmup_blocks,
		},
		"limits": {
			"max_normal_weight_ps": chain.max_normal_weight,
			"max_normal_length": chain.max_normal_length,
			"block_time_ms": chain.block_time_ms,
		},
		"counts": {
			"sent": sent,
			"included": included,
			"dropped": dropped,
			"late_sends": late,
			"retries": retries,
			"stalled": stalled,
			"rejected": rejected,
			"failed": failed,
			"per_kind": per_kind.iter().map(|(k, (sent, ok))| (k.to_string(), json!({"signed": sent, "succeeded": ok}))).collect::<serde_json::Map<_, _>>(),
		},
		"window": {
			"steady": steady,
			"first_block": window.first().map(|b| b.number),
			"last_block": window.last().map(|b| b.number),
			"blocks": window.len(),
			"seconds": seconds,
			"included": included_in_window,
			"tps": throughput,
		},
		"ceiling": {
			"per_tx_weight_ps": per_tx_weight,
			"per_tx_bytes": per_tx_bytes,
			"per_block": per_block,
			"bound": bound,
			"tps": ceiling,
			"reached_percent": percent(throughput),
			"mean_fill_percent": mean_fill,
			"end_reasons": end_reasons,
		},
		"latency_ms": {
			"inclusion": inclusion_stats,
			"finality": finality_stats,
			"submission_answer": answer_stats,
			"inclusion_all": inclusion,
			"finality_all": finality,
		},
		"resources": {
			"cpu_percent_of_one_core": cpu_percent,
			"rss_max_mib": rss_max_mib,
			"rss_trend_mib_per_minute": rss_trend,
			"anon_max_mib": anon_max_mib,
			"anon_trend_mib_per_minute": anon_trend,
			"samples": resources.iter().map(|s| json!({"at_s": s.at.as_secs_f64(), "cpu_s": s.cpu_seconds, "rss_kib": s.rss_kib, "anon_kib": s.anon_kib})).collect::<Vec<_>>(),
		},
		"blocks": blocks.iter().map(|b| json!({
			"number": b.number,
			"hash": format!("{:?}", b.hash),
			"timestamp_ms": b.timestamp_ms,
			"extrinsics": b.extrinsics,
			"bytes": b.bytes,
			"ours": b.ours.len(),
			"normal_weight_ps": b.normal_weight,
			"seen_at_s": b.seen_at.as_secs_f64(),
			"finalized_at_s": b.finalized_at.map(|d| d.as_secs_f64()),
			"proposal_ms": proposals.get(&b.number).map(|p| p.millis),
			"end_reason": proposals.get(&b.number).map(|p| p.end_reason.clone()),
		})).collect::<Vec<_>>(),
	})
}
