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

#[test]
fn hostile_chain_spec_files_give_one_line_errors() {
	let dir = std::env::temp_dir().join(format!("govchain-hostile-spec-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("temp dir");
	let output = node(&["export-chain-spec", "--chain", "dev"]);
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let spec = String::from_utf8(output.stdout).expect("chain spec is UTF-8");
	let binary: Vec<u8> =
		(0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
	let cases: Vec<(&str, Vec<u8>)> = vec![
		("empty.json", Vec::new()),
		("truncated.json", spec.as_bytes()[..spec.len() / 2].to_vec()),
		("binary.json", binary),
		("nested.json", "[".repeat(200_000).into_bytes()),
		(
			"mistyped.json",
			spec.replacen("\"name\": \"govchain development\"", "\"name\": 5", 1)
				.into_bytes(),
		),
		("not-a-spec.json", b"{\"hello\": \"world\"}".to_vec()),
	];
	for (name, contents) in cases {
		assert_ne!(contents, spec.as_bytes(), "{name} differs from the valid spec");
		let path = dir.join(name);
		std::fs::write(&path, contents).expect("write");
		let output = node(&["export-chain-spec", "--chain", path.to_str().expect("utf-8 path")]);
		assert_one_line_error(&output, name);
	}
	// A directory and a missing file, where a spec file is expected.
	let output = node(&["export-chain-spec", "--chain", dir.to_str().expect("utf-8 path")]);
	assert!(!output.status.success());
	assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
	let missing = dir.join("missing.json");
	let output = node(&["export-chain-spec", "--chain", missing.to_str().expect("utf-8 path")]);
	assert_one_line_error(&output, "missing.json");
	std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_flags_are_refused_before_anything_starts() {
	for (args, flag) in [
		(&["--rpc-port", "not-a-port"][..], "--rpc-port"),
		(&["--pool-type", "bogus"][..], "--pool-type"),
		(&["--state-pruning", "sometimes"][..], "--state-pruning"),
		(&["--no-such-flag"][..], "--no-such-flag"),
		(&["--dev", "--rpc-port", "70000"][..], "--rpc-port"),
	] {
		let output = node(args);
		let stderr = String::from_utf8_lossy(&output.stderr);
		assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
		let first = stderr.lines().next().unwrap_or_default();
		assert!(first.starts_with("error: ") && first.contains(flag), "{args:?}: {stderr}");
		assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
	}
}

/// Runs the node until it exits, failing the test if it is still running after `seconds`.
fn node_until_exit(args: &[&str], seconds: u64) -> Output {
	let mut child = Command::new(env!("CARGO_BIN_EXE_govchain-node"))
		.args(args)
		.stdout(std::process::Stdio::piped())
		.stderr(std::process::Stdio::piped())
		.spawn()
		.expect("govchain-node starts");
	let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
	while child.try_wait().expect("status").is_none() {
		if std::time::Instant::now() > deadline {
			child.kill().ok();
			panic!("govchain-node {args:?} still running after {seconds} s");
		}
		std::thread::sleep(std::time::Duration::from_millis(200));
	}
	child.wait_with_output().expect("output")
}

/// The last line of the node's standard error that is not a log line (the error).
fn error_line(output: &Output) -> String {
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!stderr.contains("panicked"), "no panic: {stderr}");
	stderr
		.lines()
		.filter(|line| line.starts_with("Error: "))
		.last()
		.unwrap_or_default()
		.to_string()
}

#[test]
fn a_disk_without_room_is_refused_before_the_database_opens() {
	let output = node_until_exit(&["--dev", "--tmp", "--min-free-disk", "999999999999"], 60);
	assert!(!output.status.success());
	let error = error_line(&output);
	assert!(
		error.contains("MiB free on the disk holding") && error.contains("--min-free-disk"),
		"{error}"
	);
}

#[test]
fn a_damaged_database_names_itself_and_what_to_do() {
	let dir = std::env::temp_dir().join(format!("govchain-damaged-db-{}", std::process::id()));
	let base = dir.to_str().expect("utf-8 path");
	// Any command that opens the database creates it.
	let export = dir.join("blocks.json");
	let output = node(&[
		"export-blocks",
		"--dev",
		"--base-path",
		base,
		"--to",
		"0",
		export.to_str().expect("utf-8"),
	]);
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let metadata = dir.join("chains/govchain_dev/paritydb/full/metadata");
	assert!(metadata.exists(), "the database's metadata at {metadata:?}");
	std::fs::write(&metadata, b"\xff\xfe damaged").expect("damage the database");

	let output =
		node_until_exit(&["--dev", "--base-path", base, "--rpc-port", "0", "--port", "0"], 60);
	assert!(!output.status.success());
	let error = error_line(&output);
	assert!(
		error.contains("cannot open the database at") && error.contains("purge-chain"),
		"{error}"
	);
	std::fs::remove_dir_all(&dir).ok();
}
