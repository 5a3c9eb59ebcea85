//! Weights for `pallet_certification`: placeholders until `scripts/benchmark/run.sh`
//! generates them. Do not edit by hand.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use polkadot_sdk::frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weights of the `pallet_certification` calls.
pub trait WeightInfo {
	/// Weight of `define_scheme`.
	fn define_scheme() -> Weight;
	/// Weight of `retire_scheme`.
	fn retire_scheme() -> Weight;
	/// Weight of `register_body`.
	fn register_body() -> Weight;
	/// Weight of `accredit`.
	fn accredit() -> Weight;
	/// Weight of `suspend_accreditation`.
	fn suspend_accreditation() -> Weight;
	/// Weight of `withdraw_accreditation`.
	fn withdraw_accreditation() -> Weight;
	/// Weight of `issue_batch`.
	fn issue_batch(n: u32, ) -> Weight;
	/// Weight of `renew`.
	fn renew() -> Weight;
	/// Weight of `suspend`.
	fn suspend() -> Weight;
	/// Weight of `reinstate`.
	fn reinstate() -> Weight;
	/// Weight of `revoke`.
	fn revoke() -> Weight;
	/// Weight of `revoke_issued_by`.
	fn revoke_issued_by(n: u32, ) -> Weight;
}

/// Weights measured with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn define_scheme() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn retire_scheme() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn register_body() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn accredit() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn suspend_accreditation() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn withdraw_accreditation() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn issue_batch(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn renew() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn suspend() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn revoke() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn revoke_issued_by(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

// For tests.
impl WeightInfo for () {
	fn define_scheme() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn retire_scheme() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn register_body() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn accredit() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn suspend_accreditation() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn withdraw_accreditation() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn issue_batch(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn renew() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn suspend() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn revoke() -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn revoke_issued_by(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
