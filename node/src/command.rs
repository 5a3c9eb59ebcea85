//! Runs the subcommand the user asked for.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	disk, service,
};
use govchain_runtime::opaque::Block;
use polkadot_sdk::{
	frame_benchmarking_cli::{
		BenchmarkCmd, DynamicRemarkBuilder, ExtrinsicFactory, SUBSTRATE_REFERENCE_HARDWARE,
	},
	sc_cli::{self, SubstrateCli},
	sc_consensus_grandpa,
	sc_network::{config::NetworkBackendType, Litep2pNetworkBackend, NetworkWorker},
	sc_service::{self, PartialComponents},
	sp_inherents::{InherentData, InherentDataProvider},
	sp_runtime::traits::Block as BlockT,
	sp_timestamp,
};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"govchain node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"see README.md of the govchain repository".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		chain_spec::load(id)
	}
}

/// The inherents a benchmark block needs: a timestamp.
fn benchmark_inherent_data() -> sc_cli::Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(0.into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|error| format!("timestamp inherent: {error:?}"))?;
	Ok(inherent_data)
}

/// Parses the command line and runs the chosen command.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::parse_with_node_defaults();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let spec = cli.load_spec(&cmd.chain)?;
			cmd.run(spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				// GRANDPA keeps its own record of authority sets; revert it with the blocks.
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => {
					if !cfg!(feature = "runtime-benchmarks") {
						return Err("pallet benchmarks need a node built with \
							`--features runtime-benchmarks`"
							.into());
					}
					cmd.run_with_spec::<polkadot_sdk::sp_runtime::traits::HashingFor<Block>, ()>(
						Some(config.chain_spec),
					)
				},
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				},
				#[cfg(feature = "runtime-benchmarks")]
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_cache)
				},
				#[cfg(not(feature = "runtime-benchmarks"))]
				BenchmarkCmd::Storage(_) => {
					Err("storage benchmarks need a node built with `--features runtime-benchmarks`"
						.into())
				},
				BenchmarkCmd::Machine(cmd) => {
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
				},
				BenchmarkCmd::Overhead(cmd) => {
					cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec))
				},
				BenchmarkCmd::Extrinsic(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					// `System::remark`, built from the runtime's metadata.
					let remark = DynamicRemarkBuilder::new_from_client(client.clone())?;
					let factory = ExtrinsicFactory(vec![Box::new(remark)]);
					cmd.run(client, benchmark_inherent_data()?, Vec::new(), &factory)
				},
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			let min_free_disk = cli.min_free_disk;
			runner.run_node_until_exit(|config| async move {
				let base_path = config.base_path.path().to_path_buf();
				disk::ensure_room_to_start(&base_path, min_free_disk)?;
				let database = config.database.path().map(|path| path.to_path_buf());
				let task_manager = match config.network.network_backend {
					NetworkBackendType::Libp2p => {
						service::new_full::<NetworkWorker<Block, <Block as BlockT>::Hash>>(config)
					},
					NetworkBackendType::Litep2p => {
						service::new_full::<Litep2pNetworkBackend>(config)
					},
				}
				.map_err(|error| disk::explain_start_failure(error, database.as_deref()))?;
				// Essential: when the disk runs short the guard ends, and so does the node.
				task_manager.spawn_essential_handle().spawn(
					"disk-space-guard",
					None,
					disk::guard_free_space(base_path, min_free_disk),
				);
				Ok(task_manager)
			})
		},
	}
}
