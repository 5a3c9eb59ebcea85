//! Command-line interface.

use polkadot_sdk::{frame_benchmarking_cli, sc_cli};

/// The shared trie cache's default size, in bytes (see `Cli::parse_with_node_defaults`).
const TRIE_CACHE_BYTES: &str = "67108864";

/// The transaction pool's default capacity, in transactions (see `Cli::parse_with_node_defaults`).
const POOL_LIMIT: &str = "16384";

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
	/// - `--trie-cache-size` of `TRIE_CACHE_BYTES` instead of sc-cli's 1 GiB: the shared
	///   trie cache keeps every trie node a block writes until the cache is full, so under
	///   load a node's memory grew by 30-40 MiB a minute towards that gigabyte (a heap
	///   profile put most of the growth there); the state validators read per block is a
	///   small fraction of it (docs/performance.md, "Memory").
	/// - `--pool-limit` of `POOL_LIMIT` instead of sc-cli's 8,192: with the weights measured
	///   for this chain's hardware a block takes about 4,700 transfers, and a pool that
	///   cannot hold two blocks' worth evicted transactions it had accepted, leaving nonce
	///   gaps that stalled their accounts' later transfers (docs/performance.md, "The pool").
	pub fn parse_with_node_defaults() -> Self {
		Self::parse_from_with_node_defaults(std::env::args_os())
			.unwrap_or_else(|error| error.exit())
	}

	fn parse_from_with_node_defaults(
		args: impl IntoIterator<Item = impl Into<std::ffi::OsString> + Clone>,
	) -> Result<Self, clap::Error> {
		use clap::{CommandFactory, FromArgMatches};
		use sc_cli::SubstrateCli;
		let command = Self::setup_command(Self::command())
			.mut_arg("pool_type", |arg| arg.default_value("single-state"))
			.mut_arg("trie_cache_size", |arg| arg.default_value(TRIE_CACHE_BYTES))
			.mut_arg("pool_limit", |arg| arg.default_value(POOL_LIMIT));
		Self::from_arg_matches(&command.try_get_matches_from(args)?)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sc_cli::TransactionPoolType;

	#[test]
	fn node_defaults_apply_unless_given() {
		let cli = Cli::parse_from_with_node_defaults(["govchain-node", "--dev"]).unwrap();
		assert_eq!(cli.run.import_params.trie_cache_size, 64 * 1024 * 1024);
		assert!(matches!(cli.run.pool_config.pool_type, TransactionPoolType::SingleState));
		assert_eq!(cli.run.pool_config.pool_limit, 16_384);

		let cli = Cli::parse_from_with_node_defaults([
			"govchain-node",
			"--trie-cache-size",
			"1000",
			"--pool-type",
			"fork-aware",
			"--pool-limit",
			"100",
		])
		.unwrap();
		assert_eq!(cli.run.import_params.trie_cache_size, 1000);
		assert!(matches!(cli.run.pool_config.pool_type, TransactionPoolType::ForkAware));
		assert_eq!(cli.run.pool_config.pool_limit, 100);
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
