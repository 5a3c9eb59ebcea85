//! Weights measured on the validators' hardware with `scripts/benchmark/machine-weights.sh`:
//! the database as the node runs it (ParityDB, on a register of about 100,000 companies),
//! a block's and an extrinsic's fixed cost, and the weights of the transfer calls, of the
//! transaction extensions every signed transaction passes and of its fee payment. FRAME's defaults for these were
//! measured for RocksDB on Parity's reference machine; docs/performance.md compares them.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_transaction_payment;
// The storage benchmark documents each figure on the field that holds it.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;

polkadot_sdk::frame_support::parameter_types! {
	/// Database costs of nothing: with it, a weight above is its benchmark's execution time alone.
	pub const NoDatabase: polkadot_sdk::frame_support::weights::RuntimeDbWeight =
		polkadot_sdk::frame_support::weights::RuntimeDbWeight { read: 0, write: 0 };
}
