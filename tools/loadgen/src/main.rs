//! govchain-loadgen: a load generator and meter for govchain and any FRAME chain with
//! balances. `spec` writes a benchmark chain spec and `prepare` sets up in it the records
//! the domain workloads act on; `blocks`
//! builds a long chain offline for a node to import; `run` pre-signs transactions, submits
//! them over several WebSocket connections (open loop at a fixed rate, or closed loop with
//! a bounded backlog), follows best and finalized blocks and reports throughput over a
//! steady window, the ceiling the runtime's block limits allow, latency percentiles, block
//! fill and the node's CPU and memory. docs/performance.md shows how it is used.

mod blocks;
mod chain;
mod prepare;
mod report;
mod rpc;
mod run;
mod spec;
mod workload;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "govchain-loadgen", version, about = "Load generator and meter for govchain")]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Sends a workload to a node and measures it.
	Run(run::RunArgs),
	/// Writes a benchmark chain spec with the load accounts endowed.
	Spec(spec::SpecArgs),
	/// Sets up companies, a certification scheme and accredited bodies in a raw benchmark
	/// chain spec's genesis, for the domain workloads.
	Prepare(prepare::PrepareArgs),
	/// Builds a chain of many blocks offline, for `govchain-node import-blocks --binary`.
	Blocks(blocks::BlocksArgs),
}

#[tokio::main]
async fn main() -> ExitCode {
	let outcome = match Cli::parse().command {
		Command::Spec(args) => spec::write_spec(args),
		Command::Prepare(args) => {
			let out = args.out.clone();
			prepare::write_prepared(args).map(|prepared| {
				eprintln!(
					"{}: {} companies and {} accredited certification bodies prepared",
					out.display(),
					prepared.companies,
					prepared.bodies
				);
			})
		},
		Command::Blocks(args) => blocks::write_blocks(args).map(|(number, hash)| {
			println!("{number} {hash}");
		}),
		Command::Run(args) => {
			let json_path = args.json.clone();
			match run::run(args).await {
				Ok(report) => {
					let written = match json_path {
						Some(path) => std::fs::write(&path, report.to_string()).map_err(|error| {
							anyhow::anyhow!("cannot write {}: {error}", path.display())
						}),
						None => Ok(()),
					};
					// A stalled run's figures are written, but the run failed.
					written.and_then(|()| match report["counts"]["stalled"].as_bool() {
						Some(true) => Err(anyhow::anyhow!(
							"the run stalled: transactions stayed outstanding with no inclusion"
						)),
						_ => Ok(()),
					})
				},
				Err(error) => Err(error),
			}
		},
	};
	match outcome {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			eprintln!("govchain-loadgen: {error:#}");
			ExitCode::FAILURE
		},
	}
}
