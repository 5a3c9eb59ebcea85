//! govchain-node: the node an agency runs to author, finalize and serve govchain blocks.

mod chain_spec;
mod cli;
mod command;
mod disk;
mod public_rpc;
mod rpc;
mod service;

fn main() {
	if let Err(error) = command::run() {
		// One line a person can act on, instead of a debug dump of the error value.
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
