//! Test externalities that check a pallet's invariants after every test, as polkadot-sdk's
//! own pallets do: a test that leaves storage inconsistent fails even if its assertions pass.

use polkadot_sdk::{sp_io::TestExternalities, sp_runtime::TryRuntimeError};

/// Runs test closures in `TestExternalities` and then the pallet's `try_state` checks.
pub struct CheckedExternalities {
	externalities: TestExternalities,
	invariants: fn() -> Result<(), TryRuntimeError>,
}

impl CheckedExternalities {
	/// Wraps `externalities`; `invariants` runs after each closure.
	pub fn new(
		externalities: TestExternalities,
		invariants: fn() -> Result<(), TryRuntimeError>,
	) -> Self {
		Self { externalities, invariants }
	}

	/// Runs `test`, then the invariants; panics naming the broken invariant.
	pub fn execute_with<R>(&mut self, test: impl FnOnce() -> R) -> R {
		let invariants = self.invariants;
		self.externalities.execute_with(|| {
			let result = test();
			if let Err(broken) = invariants() {
				panic!("invariant broken after the test: {broken:?}");
			}
			result
		})
	}

	/// The wrapped externalities, to register host extensions on.
	pub fn externalities_mut(&mut self) -> &mut TestExternalities {
		&mut self.externalities
	}

	/// The externalities without the checks, for benchmarks, whose setup plants placeholder
	/// state (seats without agencies, say) that the invariants rightly reject.
	pub fn without_invariant_checks(self) -> TestExternalities {
		self.externalities
	}
}

/// The message of a caught panic (`std::panic::catch_unwind`'s error), for tests that check
/// a failure explains itself.
pub fn panic_message(payload: &(dyn core::any::Any + Send)) -> String {
	payload
		.downcast_ref::<String>()
		.cloned()
		.or_else(|| payload.downcast_ref::<&str>().map(|text| text.to_string()))
		.unwrap_or_default()
}
