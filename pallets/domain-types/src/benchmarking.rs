//! Helpers the pallets' benchmarks share.

use polkadot_sdk::frame_support::{traits::Get, BoundedVec};

/// ASCII text of the greatest length `L` allows: the worst case for storage and UTF-8 checks.
pub fn longest_text<L: Get<u32>>() -> BoundedVec<u8, L> {
	BoundedVec::truncate_from((0..L::get()).map(|i| b'a' + (i % 26) as u8).collect())
}

/// What the benchmarks of pallets that read the register need of the runtime: companies
/// registered in it, with controllers.
pub trait RegisterCompany<AccountId> {
	/// Registers (or finds) an active company with code `uscc` and makes `controller` one
	/// of its controllers. The chain's time is then 2026-11-27 00:00 China time
	/// ([`BENCHMARK_TIME`]), so that benchmarks may date what they do before it.
	fn registered_company(uscc: &crate::Uscc, controller: &AccountId);
}

/// The chain's time after [`RegisterCompany::registered_company`]: 2026-11-27 00:00 China
/// time.
pub const BENCHMARK_TIME: crate::UnixMillis = 1_795_708_800_000;
