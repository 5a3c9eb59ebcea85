fn main() {
	#[cfg(feature = "std")]
	govchain_runtime_builder::WasmBuilder::build_using_defaults();
}
