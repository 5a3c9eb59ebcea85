//! The pallets whose benchmarks the node's `benchmark pallet` command can run.

use alloc::{string::String, vec::Vec};
use polkadot_sdk::{
	frame_benchmarking::{
		baseline::{self, Pallet as BaselineBench},
		BenchmarkBatch, BenchmarkConfig, BenchmarkList,
	},
	frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys},
	frame_system_benchmarking::{
		self, extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
	},
	sp_storage::TrackedStorageKey,
};

use crate::{
	Agencies, AllPalletsWithSystem, Balances, Certification, CompanyRegistry, Council, Customs,
	Disclosures, Governance, Multisig, Runtime, Sudo, Timestamp, TransactionPayment, Utility,
	Validators,
};

polkadot_sdk::frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_multisig, Multisig]
	[pallet_sudo, Sudo]
	[pallet_collective, Council]
	[pallet_agencies, Agencies]
	[pallet_governance, Governance]
	[pallet_validators, Validators]
	[pallet_company_registry, CompanyRegistry]
	[pallet_customs, Customs]
	[pallet_disclosures, Disclosures]
	[pallet_certification, Certification]
);

impl frame_system_benchmarking::Config for Runtime {}
impl baseline::Config for Runtime {}
// Fees are burned, so the fee payment's benchmark needs nothing set up.
impl polkadot_sdk::pallet_transaction_payment::BenchmarkConfig for Runtime {}

/// Lists the benchmarks and the storage items they touch.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

/// Runs the benchmarks that `config` selects.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
