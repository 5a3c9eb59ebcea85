//! The short fuzzing run of the test suite, the saved regressions, and the fuzzer's own
//! checks shown to fail when they should.

use super::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};
use std::{cell::RefCell, path::Path};

/// The govchain pallets, each of which the short run must reach with a call that succeeds:
/// a run that only collects errors would test little.
const GOVCHAIN_PALLETS: &[&str] = &[
	"Agencies",
	"CompanyRegistry",
	"Customs",
	"Validators",
	"Disclosures",
	"Certification",
	"Governance",
];

#[test]
fn a_short_fuzzing_run_breaks_nothing_and_reaches_every_govchain_pallet() {
	// scripts/fuzz.sh runs the long campaign; this is its smoke version, with a fixed seed.
	let cases = std::env::var("GOVCHAIN_FUZZ_CASES").ok().and_then(|n| n.parse().ok());
	let config = Config {
		cases: cases.unwrap_or(48),
		rng_seed: RngSeed::Fixed(20_261_129),
		failure_persistence: None,
		..Config::default()
	};
	let stats = RefCell::new(Stats::default());
	let outcome = TestRunner::new(config).run(&sequence(120), |steps| {
		run_sequence(&steps, &mut stats.borrow_mut()).map_err(TestCaseError::fail)
	});
	if let Err(failure) = outcome {
		panic!("{failure}");
	}
	let stats = stats.into_inner();
	assert!(stats.blocks > stats.sequences, "blocks were ended within sequences: {stats:?}");
	for pallet in GOVCHAIN_PALLETS {
		let prefix = format!("{pallet}.");
		assert!(
			stats.succeeded_calls().any(|call| call.starts_with(&prefix)),
			"no call of {pallet} succeeded: {:#?}",
			stats.calls
		);
	}
}

#[test]
fn every_saved_regression_replays_clean() {
	let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
	let mut replayed = 0;
	for entry in std::fs::read_dir(&directory).expect("the regressions directory exists") {
		let path = entry.expect("directory entry").path();
		if path.extension().is_none_or(|extension| extension != "txt") {
			continue;
		}
		let text = std::fs::read_to_string(&path).expect("readable regression");
		let steps = parse_sequence(&text).unwrap_or_else(|error| panic!("{path:?}: {error}"));
		let mut stats = Stats::default();
		if let Err(failure) = run_sequence(&steps, &mut stats) {
			panic!("{path:?} fails again: {failure}");
		}
		replayed += 1;
	}
	assert!(replayed > 0, "no saved sequence in {directory:?}");
}

#[test]
fn saved_sequences_read_back_and_bad_lines_are_refused() {
	let steps = vec![Step::Call { origin: 200, seed: u64::MAX }, Step::NextBlock { skip: 216 }];
	let text: String = steps.iter().map(|step| format!("{step}\n")).collect();
	assert_eq!(parse_sequence(&format!("# a comment\n\n{text}")), Ok(steps));
	assert!(parse_sequence("call 256 1").unwrap_err().contains("not a number: \"256\""));
	assert!(parse_sequence("call 1").unwrap_err().contains("not a step"));
	assert!(parse_sequence("jump 3").unwrap_err().contains("not a step"));
}

#[test]
fn a_weight_overrun_and_a_write_by_a_failed_call_are_caught() {
	let declared = Weight::from_parts(1_000, 10);
	assert_eq!(check_dispatch("A.a", declared, Some(declared), None, true), Ok(()));
	assert_eq!(check_dispatch("A.a", declared, None, Some("E"), false), Ok(()));
	let over = check_dispatch("A.a", declared, Some(Weight::from_parts(1_000, 11)), None, false);
	assert!(over.unwrap_err().contains("above declared"));
	let wrote = check_dispatch("A.a", declared, None, Some("BadOrigin"), true);
	assert_eq!(wrote, Err("A.a failed (BadOrigin) but changed storage".into()));
}

#[test]
fn a_broken_invariant_fails_the_block_it_is_found_after() {
	let model = model().expect("the model builds");
	TestExternalities::new(model.genesis.clone()).execute_with(|| {
		let mut chain = Chain::new(model);
		let mut stats = Stats::default();
		chain.start_block(1).expect("block 1 starts");
		// An officer of an agency that does not exist, as a faulty migration might leave.
		let stray = Uscc::numbered(b"11110000", 999).expect("valid code");
		pallet_agencies::OfficerOf::<Runtime>::insert(AccountId::new([9; 32]), stray);
		let broken = chain.end_block(&mut stats).unwrap_err();
		assert!(broken.starts_with("after block 1: invariant broken"), "{broken}");
	});
}

#[test]
fn the_same_seed_draws_the_same_calls() {
	let steps: Vec<Step> = (0..40).map(|seed| Step::Call { origin: 0, seed }).collect();
	let (mut first, mut second) = (Stats::default(), Stats::default());
	run_sequence(&steps, &mut first).expect("runs");
	run_sequence(&steps, &mut second).expect("runs");
	assert_eq!(format!("{:?}", first.calls), format!("{:?}", second.calls));
	assert!(first.calls.len() > 5, "forty seeds draw varied calls: {:?}", first.calls.keys());
}
