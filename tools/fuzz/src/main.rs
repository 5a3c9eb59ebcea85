//! `govchain-fuzz`: the long call-sequence fuzzing campaign (scripts/fuzz.sh runs it).
//!
//! Runs rounds of random sequences until the time is up; on the first failure it shrinks
//! the sequence, saves the minimal one in `tools/fuzz/regressions/` (the test suite replays
//! every file there) and exits with 1. Prints, and with `--json` writes, what it ran:
//! sequences, blocks, CPU seconds, and every call's successes and errors.

use clap::Parser;
use govchain_fuzz::{run_sequence, sequence, Stats};
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};
use std::{
	cell::RefCell,
	path::PathBuf,
	process::ExitCode,
	time::{Duration, Instant},
};

#[derive(Parser)]
#[command(about = "Fuzzes random call sequences of every govchain pallet against the runtime")]
struct Args {
	/// How long to run, in seconds.
	#[arg(long, default_value_t = 60)]
	seconds: u64,
	/// The campaign's seed: the same seed runs the same sequences.
	#[arg(long, default_value_t = 1)]
	seed: u64,
	/// The longest sequence, in steps.
	#[arg(long, default_value_t = 150)]
	max_steps: usize,
	/// Where a failing sequence is saved.
	#[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/regressions"))]
	regressions: PathBuf,
	/// Writes the statistics as JSON to this file too.
	#[arg(long)]
	json: Option<PathBuf>,
	/// Saves the sequence with the most successful calls here, for the test suite to
	/// replay (tools/fuzz/regressions/ keeps one): the deep paths stay covered.
	#[arg(long)]
	keep_deepest: Option<PathBuf>,
}

/// Sequences per round; each round has its own seed, derived from the campaign's.
const ROUND: u32 = 32;

/// CPU time this process has used (Linux: /proc/self/schedstat, in nanoseconds).
fn cpu_time() -> Option<Duration> {
	let text = std::fs::read_to_string("/proc/self/schedstat").ok()?;
	Some(Duration::from_nanos(text.split_whitespace().next()?.parse().ok()?))
}

fn main() -> ExitCode {
	let args = Args::parse();
	if args.max_steps == 0 {
		eprintln!("govchain-fuzz: --max-steps must be at least 1");
		return ExitCode::from(2);
	}
	let started = Instant::now();
	let stats = RefCell::new(Stats::default());
	let deepest = RefCell::new(None);
	let mut round = 0u64;
	let mut failed = false;
	while started.elapsed() < Duration::from_secs(args.seconds) {
		let rng_seed = args.seed.wrapping_mul(1_000_003).wrapping_add(round);
		let config = Config {
			cases: ROUND,
			rng_seed: RngSeed::Fixed(rng_seed),
			failure_persistence: None,
			..Config::default()
		};
		let outcome = TestRunner::new(config).run(&sequence(args.max_steps), |steps| {
			let mut stats = stats.borrow_mut();
			let before = stats.successes();
			let result = run_sequence(&steps, &mut stats).map_err(TestCaseError::fail);
			let successes = stats.successes() - before;
			let mut deepest = deepest.borrow_mut();
			if result.is_ok() && deepest.as_ref().is_none_or(|(most, _)| successes > *most) {
				*deepest = Some((successes, steps));
			}
			result
		});
		match outcome {
			Ok(()) => {},
			Err(TestError::Fail(reason, minimal)) => {
				let path = args.regressions.join(format!("seed-{}-round-{round}.txt", args.seed));
				let mut text = format!(
					"# {reason}\n# found by govchain-fuzz --seed {} (round {round}), shrunk to {} steps\n",
					args.seed,
					minimal.len()
				);
				text.extend(minimal.iter().map(|step| format!("{step}\n")));
				match std::fs::write(&path, text) {
					Ok(()) => eprintln!("FAILED: {reason}\nminimal sequence saved in {path:?}"),
					Err(error) => eprintln!("FAILED: {reason}\ncould not save {path:?}: {error}"),
				}
				failed = true;
				break;
			},
			Err(TestError::Abort(reason)) => {
				eprintln!("aborted: {reason}");
				failed = true;
				break;
			},
		}
		round += 1;
	}
	if let (Some(path), Some((successes, steps))) = (&args.keep_deepest, deepest.into_inner()) {
		let mut text = format!(
			"# The deepest sequence of govchain-fuzz --seed {}: {successes} successful calls\n",
			args.seed
		);
		text.extend(steps.iter().map(|step| format!("{step}\n")));
		if let Err(error) = std::fs::write(path, text) {
			eprintln!("govchain-fuzz: cannot write {path:?}: {error}");
			return ExitCode::from(2);
		}
	}
	let stats = stats.into_inner();
	let report = report(&stats, started.elapsed(), cpu_time().unwrap_or_default(), &args);
	println!("{report}");
	if let Some(path) = &args.json {
		if let Err(error) = std::fs::write(path, json(&stats, started.elapsed(), &args)) {
			eprintln!("govchain-fuzz: cannot write {path:?}: {error}");
			return ExitCode::from(2);
		}
	}
	if failed {
		ExitCode::FAILURE
	} else {
		ExitCode::SUCCESS
	}
}

/// The run as a short table: totals, then each call's successes and commonest error.
fn report(stats: &Stats, wall: Duration, cpu: Duration, args: &Args) -> String {
	let mut out = format!(
		"seed {}: {} sequences, {} steps, {} blocks in {:.0} s ({:.0} CPU s); {} draws undecodable\n",
		args.seed,
		stats.sequences,
		stats.steps,
		stats.blocks,
		wall.as_secs_f64(),
		cpu.as_secs_f64(),
		stats.undecodable,
	);
	let reached = stats.succeeded_calls().count();
	out +=
		&format!("{} calls drawn, {reached} of them succeeded at least once\n", stats.calls.len());
	out += &format!("{:<48} {:>9} {:>9}  commonest error\n", "call", "attempted", "succeeded");
	for (name, call) in &stats.calls {
		let commonest = call.errors.iter().max_by_key(|(_, count)| **count);
		let commonest =
			commonest.map_or(String::new(), |(error, count)| format!("{error} ({count})"));
		out += &format!("{name:<48} {:>9} {:>9}  {commonest}\n", call.attempted, call.succeeded);
	}
	out
}

/// The run as JSON, for docs/reliability.md's figures.
fn json(stats: &Stats, wall: Duration, args: &Args) -> String {
	let calls: serde_json::Map<String, serde_json::Value> = stats
		.calls
		.iter()
		.map(|(name, call)| {
			let value = serde_json::json!({
				"attempted": call.attempted,
				"succeeded": call.succeeded,
				"errors": call.errors,
			});
			(name.clone(), value)
		})
		.collect();
	let value = serde_json::json!({
		"seed": args.seed,
		"seconds": wall.as_secs_f64(),
		"cpu_seconds": cpu_time().unwrap_or_default().as_secs_f64(),
		"sequences": stats.sequences,
		"steps": stats.steps,
		"blocks": stats.blocks,
		"undecodable": stats.undecodable,
		"calls": calls,
	});
	format!("{value:#}\n")
}
