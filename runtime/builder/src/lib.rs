//! Re-exports the wasm builder of the workspace's polkadot-sdk release for the runtime's
//! build script.
pub use polkadot_sdk::substrate_wasm_builder::WasmBuilder;
