//! Weights for `pallet_validators`. Placeholder until `scripts/benchmark/run.sh
//! pallets/validators` generates them; do not edit by hand.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use polkadot_sdk::frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weights of the `pallet_validators` calls.
pub trait WeightInfo {
	/// Weight of `propose_addition`.
	fn propose_addition() -> Weight;
	/// Weight of `propose_removal`.
	fn propose_removal() -> Weight;
	/// Weight of `withdraw_proposal`.
	fn withdraw_proposal() -> Weight;
	/// Weight of `approve_addition`.
	fn approve_addition() -> Weight;
	/// Weight of `approve_removal`.
	fn approve_removal() -> Weight;
	/// Weight of `reject`.
	fn reject() -> Weight;
	/// Weight of `remove_validator`.
	fn remove_validator() -> Weight;
	/// Weight of `agency_departure`.
	fn agency_departure(n: u32) -> Weight;
}

/// Weights measured with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn propose_addition() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn propose_removal() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn withdraw_proposal() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn approve_addition() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn approve_removal() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn reject() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn agency_departure(_n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(8_u64, 8_u64))
	}
}

/// The same weights with RocksDB's published database costs, for tests and mocks.
impl WeightInfo for () {
	fn propose_addition() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn propose_removal() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn withdraw_proposal() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn approve_addition() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn approve_removal() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn reject() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(8_u64, 8_u64))
	}
	fn agency_departure(_n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(8_u64, 8_u64))
	}
}
