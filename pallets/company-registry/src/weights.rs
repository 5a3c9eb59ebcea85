//! Placeholder until `scripts/benchmark/run.sh` generates this file.

use core::marker::PhantomData;
use polkadot_sdk::frame_support::weights::Weight;

/// Weights of the `pallet_company_registry` calls.
pub trait WeightInfo {
	/// Weight of `register`.
	fn register() -> Weight;
	/// Weight of `amend`.
	fn amend() -> Weight;
	/// Weight of `change_status`.
	fn change_status() -> Weight;
	/// Weight of `restore`.
	fn restore() -> Weight;
	/// Weight of `set_controllers`.
	fn set_controllers() -> Weight;
	/// Weight of `file_annual_report`.
	fn file_annual_report() -> Weight;
	/// Weight of `update_contact`.
	fn update_contact() -> Weight;
	/// Weight of `mark_overdue`.
	fn mark_overdue() -> Weight;
}

/// Placeholder.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn register() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn amend() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn change_status() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn restore() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn set_controllers() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn file_annual_report() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn update_contact() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn mark_overdue() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
}

impl WeightInfo for () {
	fn register() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn amend() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn change_status() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn restore() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn set_controllers() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn file_annual_report() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn update_contact() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn mark_overdue() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
}
