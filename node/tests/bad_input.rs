//! Bad input on the command line gives a one-line error and a failure exit code, never a
//! panic trace.

use std::process::{Command, Output};

fn node(args: &[&str]) -> Output {
	Command::new(env!("CARGO_BIN_EXE_govchain-node"))
		.args(args)
		.output()
		.expect("govchain-node starts")
}

fn assert_one_line_error(output: &Output, expected: &str) {
	assert!(!output.status.success(), "exit status {:?}", output.status);
	let stderr = String::from_utf8_lossy(&output.stderr);
	let lines: Vec<&str> = stderr.lines().filter(|line| !line.trim().is_empty()).collect();
	assert_eq!(lines.len(), 1, "one line of error, got:\n{stderr}");
	assert!(lines[0].starts_with("Error: "), "got: {}", lines[0]);
	assert!(lines[0].contains(expected), "'{}' should mention '{expected}'", lines[0]);
	assert!(!stderr.contains("panicked"), "no panic: {stderr}");
}

#[test]
fn unknown_chain_name_is_a_one_line_error() {
	let output = node(&["export-chain-spec", "--chain", "no-such-chain"]);
	assert_one_line_error(&output, "unknown chain 'no-such-chain'");
}

#[test]
fn corrupt_chain_spec_file_is_a_one_line_error() {
	let dir = std::env::temp_dir().join(format!("govchain-bad-input-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("temp dir");
	let spec = dir.join("corrupt.json");
	std::fs::write(&spec, "{ \"name\": \"half a chain spec\",\n  \"genesis\": {").expect("write");
	let spec_path = spec.to_str().expect("utf-8 path");

	let output = node(&["export-chain-spec", "--chain", spec_path]);
	assert_one_line_error(&output, "corrupt.json");

	let output = node(&["--chain", spec_path, "--tmp"]);
	assert_one_line_error(&output, "corrupt.json");
	std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn known_chains_export_their_specs_with_wallet_properties() {
	for (chain, id) in [("dev", "govchain_dev"), ("local", "govchain_local")] {
		let output = node(&["export-chain-spec", "--chain", chain]);
		assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
		let spec: serde_json::Value =
			serde_json::from_slice(&output.stdout).expect("chain spec is JSON");
		assert_eq!(spec["id"], id);
		assert_eq!(spec["properties"]["tokenSymbol"], "GOV");
		assert_eq!(spec["properties"]["tokenDecimals"], 12);
		assert_eq!(spec["properties"]["ss58Format"], 42);
	}
}

#[test]
fn chain_spec_with_a_bad_agency_fails_naming_the_agency_and_the_rule() {
	let dir = std::env::temp_dir().join(format!("govchain-bad-agency-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("temp dir");
	let output = node(&["export-chain-spec", "--chain", "dev"]);
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let spec = String::from_utf8(output.stdout).expect("chain spec is UTF-8");
	// Customs' code with a wrong check character, and a name no agency may have.
	for (good, bad, rule) in [
		("11110000MB0013434F", "11110000MB00134340", "InvalidUscc"),
		("Beijing Customs District", "", "EmptyName"),
	] {
		assert!(spec.contains(good), "the dev chain spec lists {good}");
		let path = dir.join("bad-agency.json");
		std::fs::write(&path, spec.replace(good, bad)).expect("write");
		let output = node(&["build-spec", "--chain", path.to_str().expect("utf-8"), "--raw"]);
		let stderr = String::from_utf8_lossy(&output.stderr);
		assert!(!output.status.success(), "a bad agency must stop genesis");
		assert!(stderr.contains("genesis agency") && stderr.contains(rule), "{stderr}");
	}
	std::fs::remove_dir_all(&dir).ok();
}
