//! Weights for `pallet_disclosures`: placeholders until `scripts/benchmark/run.sh` generates
//! them. Do not edit by hand.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use polkadot_sdk::frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weights of the `pallet_disclosures` calls.
pub trait WeightInfo {
	/// Weight of `file`.
	fn file(f: u32, ) -> Weight;
	/// Weight of `amend`.
	fn amend(f: u32, ) -> Weight;
	/// Weight of `attest`.
	fn attest() -> Weight;
	/// Weight of `accredit_auditor`.
	fn accredit_auditor() -> Weight;
	/// Weight of `suspend_auditor`.
	fn suspend_auditor() -> Weight;
	/// Weight of `withdraw_auditor`.
	fn withdraw_auditor() -> Weight;
	/// Weight of `annotate`.
	fn annotate() -> Weight;
	/// Weight of `flag_company`.
	fn flag_company() -> Weight;
	/// Weight of `lift_flag`.
	fn lift_flag() -> Weight;
	/// Weight of `set_deadline`.
	fn set_deadline() -> Weight;
}

/// Weights measured with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn file(f: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(f.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn amend(f: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(f.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn attest() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn accredit_auditor() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn suspend_auditor() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn withdraw_auditor() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn annotate() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn flag_company() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn lift_flag() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn set_deadline() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

// For tests.
impl WeightInfo for () {
	fn file(f: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(f.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn amend(f: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(f.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn attest() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn accredit_auditor() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn suspend_auditor() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn withdraw_auditor() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn annotate() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn flag_company() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn lift_flag() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn set_deadline() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
