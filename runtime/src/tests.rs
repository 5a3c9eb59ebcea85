//! Runtime-level tests: genesis presets, and a transfer through the real runtime.

use crate::{
	genesis_config_presets::{self, BEIJING_PRESET},
	AccountId, AuraId, Balances, Runtime, RuntimeCall, RuntimeGenesisConfig, RuntimeOrigin, System,
	UNIT,
};
use govchain_domain_types::{testing::CheckedExternalities, Role};
use polkadot_sdk::{
	frame_support::{
		assert_ok, dispatch::GetDispatchInfo, instances::Instance1, traits::fungible::Inspect,
	},
	pallet_aura, pallet_balances, pallet_collective, pallet_grandpa, pallet_node_authorization,
	pallet_sudo,
	sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{traits::Dispatchable, BuildStorage},
};

/// The preset's genesis state at block 1; govchain's pallets' invariants are checked after
/// every test that runs in it.
pub(crate) fn externalities(preset: &str) -> CheckedExternalities {
	let storage = genesis_config_presets::preset_genesis(preset)
		.and_then(|config| config.build_storage())
		.expect("genesis storage builds");
	let mut ext = TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	CheckedExternalities::new(ext, crate::govchain_invariants)
}

#[test]
fn every_listed_preset_builds_and_unknown_ones_do_not_exist() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(
		names,
		vec![
			PresetId::from(DEV_RUNTIME_PRESET),
			PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
			PresetId::from(BEIJING_PRESET),
		]
	);
	for name in names {
		genesis_config_presets::preset_genesis(&name)
			.and_then(|config| config.build_storage())
			.expect("preset genesis builds");
	}
	assert!(genesis_config_presets::get_preset(&PresetId::from("no-such-chain")).is_none());
}

/// Builds `preset`'s genesis with its first agency's entry changed by `corrupt`, as a node
/// loading such a chain spec would; returns the error it fails with.
fn genesis_error(preset: &str, corrupt: impl Fn(&mut serde_json::Value)) -> String {
	let patch_bytes = genesis_config_presets::get_preset(&PresetId::from(preset)).expect("preset");
	let mut patch: serde_json::Value = serde_json::from_slice(&patch_bytes).expect("JSON");
	corrupt(&mut patch["agencies"]["agencies"][0]);
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("JSON");
	genesis_config_presets::json_merge(&mut config, patch);
	let config: RuntimeGenesisConfig = match serde_json::from_value(config) {
		Ok(config) => config,
		Err(error) => return error.to_string(),
	};
	let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| config.build_storage()));
	match built {
		Ok(Ok(_)) => panic!("{preset}: the corrupt agency was accepted"),
		Ok(Err(error)) => error,
		Err(panic) => govchain_domain_types::testing::panic_message(&*panic),
	}
}

#[test]
fn every_preset_refuses_a_bad_founding_agency_with_a_clear_message() {
	use serde_json::json;
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET, BEIJING_PRESET] {
		let cases: [(fn(&mut serde_json::Value), &str); 6] = [
			// Valid format, wrong check character.
			(|agency| agency[0] = json!("11110000MB0013426X"), "InvalidUscc"),
			// A letter the code alphabet forbids.
			(|agency| agency[0] = json!("11110000MB00134O6L"), "invalid USCC"),
			// An enterprise is not an agency.
			(|agency| agency[0] = json!("91110000MA01ABCD52"), "NotAGovernmentCode"),
			(|agency| agency[1] = json!("x".repeat(129)), "name too long"),
			(|agency| agency[1] = json!(""), "EmptyName"),
			(|agency| agency[3] = json!(["Mayor"]), "unknown variant `Mayor`"),
		];
		for (corrupt, expected) in cases {
			let error = genesis_error(preset, corrupt);
			assert!(error.contains(expected), "{preset}: '{error}' should say '{expected}'");
		}
	}
}

#[test]
fn development_preset_has_alice_as_only_validator_and_sudo_key() {
	externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice;
		assert_eq!(
			pallet_aura::Authorities::<Runtime>::get().into_inner(),
			vec![alice.public().into()]
		);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice.to_account_id()));
		assert_eq!(Balances::balance(&alice.to_account_id()), 1_000_000 * UNIT);
	});
}

#[test]
fn local_testnet_preset_has_three_agency_validators_and_no_sudo_key() {
	externalities(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let founders = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];
		let mut expected: Vec<AuraId> = founders.iter().map(|key| key.public().into()).collect();
		expected.sort();
		let mut authorities = pallet_aura::Authorities::<Runtime>::get().into_inner();
		authorities.sort();
		assert_eq!(authorities, expected);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 3);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		// Each validator is run by the agency its account administers.
		for key in founders {
			let account = key.to_account_id();
			let validator =
				pallet_validators::Validators::<Runtime>::get(&account).expect("validator");
			assert_eq!(
				pallet_agencies::OfficerOf::<Runtime>::get(&account),
				Some(validator.agency)
			);
		}
		assert_eq!(pallet_validators::SessionBlocks::<Runtime>::get(), crate::MINUTES);
		assert_eq!(pallet_node_authorization::WellKnownNodes::<Runtime>::get().len(), 3);
	});
}

#[test]
fn beijing_preset_has_three_agency_validators_four_agencies_and_no_sudo_key() {
	externalities(BEIJING_PRESET).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 3);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 3);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
	});
}

#[test]
fn every_preset_seats_the_four_founding_agencies_on_the_council() {
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET, BEIJING_PRESET] {
		externalities(preset).execute_with(|| {
			assert_eq!(pallet_agencies::Agencies::<Runtime>::iter().count(), 4, "{preset}");
			let mut admins: Vec<AccountId> = [
				Sr25519Keyring::Alice,
				Sr25519Keyring::Bob,
				Sr25519Keyring::Charlie,
				Sr25519Keyring::Dave,
			]
			.iter()
			.map(|k| k.to_account_id())
			.collect();
			admins.sort();
			assert_eq!(pallet_collective::Members::<Runtime, Instance1>::get(), admins, "{preset}");
			for (officer, role) in [
				(Sr25519Keyring::Eve, Role::MarketRegulator),
				(Sr25519Keyring::Ferdie, Role::Customs),
				(Sr25519Keyring::Charlie, Role::SecuritiesRegulator),
				(Sr25519Keyring::Dave, Role::HumanResources),
			] {
				assert!(
					pallet_agencies::Pallet::<Runtime>::acting_officer(
						&officer.to_account_id(),
						role
					)
					.is_some(),
					"{preset}: {officer:?} acts as {role:?}"
				);
			}
		});
	}
}

#[test]
fn a_signed_transaction_is_charged_its_measured_overhead_once() {
	use crate::{
		configs::system::{signed_extensions_weight, RuntimeBlockWeights},
		weights::{ExtrinsicBaseWeight, NoDatabase, ParityDbWeight},
		TxExtension,
	};
	use polkadot_sdk::{
		frame_support::{dispatch::DispatchClass, weights::constants::WEIGHT_REF_TIME_PER_MICROS},
		frame_system, pallet_transaction_payment,
		sp_runtime::{generic::Era, traits::TransactionExtension},
	};
	// The extensions counted are the runtime's: what FRAME charges a signed remark for them.
	let extensions: TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(0),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_system::WeightReclaim::new(),
	);
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() });
	assert_eq!(
		signed_extensions_weight::<ParityDbWeight>().ref_time(),
		extensions.weight(&remark).ref_time()
	);

	let measured = ExtrinsicBaseWeight::get().ref_time();
	let execution = signed_extensions_weight::<NoDatabase>().ref_time();
	assert!(
		execution < signed_extensions_weight::<ParityDbWeight>().ref_time(),
		"database costs left out"
	);
	for class in DispatchClass::all() {
		let base = RuntimeBlockWeights::get().get(*class).base_extrinsic.ref_time();
		// The overhead benchmark's signed remark ran the extensions, which are charged again
		// through their own weights: the base is what is left.
		assert_eq!(base + execution, measured, "{class:?}");
		// Decoding, the signature and the dispatch remain; a machine whose extension
		// benchmarks add up to the whole overhead has measured one of them wrong.
		assert!(base >= 10 * WEIGHT_REF_TIME_PER_MICROS, "{class:?}: base of {base} ps");
	}
}

#[test]
fn transfer_moves_funds_and_emits_event() {
	externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice: AccountId = Sr25519Keyring::Alice.to_account_id();
		let bob: AccountId = Sr25519Keyring::Bob.to_account_id();
		let bob_before = Balances::balance(&bob);
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: bob.clone().into(),
			value: 5 * UNIT,
		});
		assert!(call.get_dispatch_info().call_weight.ref_time() > 0);
		assert_ok!(call.dispatch(RuntimeOrigin::signed(alice.clone())));
		assert_eq!(Balances::balance(&bob), bob_before + 5 * UNIT);
		System::assert_last_event(
			pallet_balances::Event::Transfer { from: alice, to: bob, amount: 5 * UNIT }.into(),
		);
	});
}

#[test]
fn sudo_is_refused_without_the_key_on_local_testnet() {
	externalities(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let alice: AccountId = Sr25519Keyring::Alice.to_account_id();
		let remark = Box::new(RuntimeCall::System(polkadot_sdk::frame_system::Call::remark {
			remark: vec![1],
		}));
		assert!(crate::Sudo::sudo(RuntimeOrigin::signed(alice), remark).is_err());
	});
}
