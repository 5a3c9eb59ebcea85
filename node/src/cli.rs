//! Command-line interface.

use polkadot_sdk::{frame_benchmarking_cli, sc_cli};

/// govchain-node's commands and options.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// Refuse to start, and stop cleanly, when the disk holding the base path has less
	/// than this many MiB free (0: no check). The database maps its files into memory, and
	/// a write a full disk cannot take would kill the node without a message.
	#[arg(long, value_name = "MIB", default_value_t = 256)]
	pub min_free_disk: u64,
}

impl Cli {
	/// Parses the command line as `SubstrateCli::from_args` does, with govchain's own
	/// defaults for options every Substrate node shares:
	///
	/// - `--pool-type single-state`: under load the fork-aware pool (sc-cli's default) turned
	///   away thousands of transfers as full and dropped hundreds it had accepted, leaving
	///   gaps in accounts' nonces that stalled their later transactions, while the
	///   single-state pool took the same load with none lost (docs/performance.md, "The
	///   pool"). One author at a time and prompt GRANDPA finality leave the fork-aware pool
	///   little to gain here. `--pool-type fork-aware` still chooses it.
	pub fn parse_with_node_defaults() -> Self {
		use clap::{CommandFactory, FromArgMatches};
		use sc_cli::SubstrateCli;
		let mut command = Self::setup_command(Self::command());
		if command.get_arguments().any(|arg| arg.get_id() == "pool_type") {
			command = command.mut_arg("pool_type", |arg| arg.default_value("single-state"));
		}
		let matches = command.get_matches();
		Self::from_arg_matches(&matches).unwrap_or_else(|error| error.exit())
	}
}

/// Subcommands besides running the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated upstream in favour of `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of a named chain or chain-spec file.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Runtime and node benchmarks.
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database metadata.
	ChainInfo(sc_cli::ChainInfoCmd),
}
