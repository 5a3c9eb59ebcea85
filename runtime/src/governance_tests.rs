//! Runtime-level governance tests: council motions admit agencies and grant roles, the
//! agency-officer origin follows them, and the council upgrades the runtime.

use crate::{
	configs::governance::{CustomsOfficer, MarketRegulatorOfficer},
	tests::externalities,
	AccountId, Agencies, Council, Governance, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	System, WASM_BINARY_BLOATY,
};
use codec::Encode;
use govchain_domain_types::{AgencyOfficer, Role, Uscc};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok, dispatch::GetDispatchInfo, instances::Instance1,
		traits::EnsureOrigin,
	},
	frame_system, pallet_collective,
	sc_executor::WasmExecutor,
	sp_core::traits::ReadRuntimeVersionExt,
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_io::{hashing::blake2_256, SubstrateHostFunctions},
	sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Ferdie},
	sp_runtime::{traits::Hash as _, DispatchError},
};

/// An agency not among the founders, and customs (shared fixtures).
use govchain_domain_types::fixtures::agencies::{COMMERCE_BUREAU, CUSTOMS};

pub(crate) fn account(key: Sr25519Keyring) -> AccountId {
	key.to_account_id()
}

/// Alice proposes `call`; she, Bob and Charlie vote aye (3 of 4 seats); Alice closes it.
/// Returns the motion's `Executed` result.
pub(crate) fn council_passes(call: RuntimeCall) -> Result<(), DispatchError> {
	council_vote(call, &[Bob, Charlie])
}

/// Alice proposes `call` and votes aye with `ayes`, then closes the motion.
fn council_vote(call: RuntimeCall, ayes: &[Sr25519Keyring]) -> Result<(), DispatchError> {
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().total_weight();
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, Instance1>::get();
	let threshold = 1 + ayes.len() as u32;
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(account(Alice)),
		threshold,
		Box::new(call),
		length
	));
	for voter in core::iter::once(&Alice).chain(ayes) {
		assert_ok!(Council::vote(RuntimeOrigin::signed(account(*voter)), hash, index, true));
	}
	assert_ok!(Council::close(RuntimeOrigin::signed(account(Alice)), hash, index, weight, length));
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { proposal_hash, result })
				if proposal_hash == hash =>
			{
				Some(result)
			},
			_ => None,
		})
		.unwrap_or(Err(DispatchError::Other("motion was not executed")))
}

fn commerce_bureau() -> Uscc {
	Uscc::parse(COMMERCE_BUREAU).expect("valid code")
}

#[test]
fn council_motion_admits_an_agency_whose_officer_then_acts_for_its_role() {
	externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		let admin = account(Ferdie);
		// Ferdie is a customs officer in genesis; release him first through customs' admin.
		assert_ok!(Agencies::remove_officer(RuntimeOrigin::signed(account(Bob)), admin.clone()));

		let admit = RuntimeCall::Agencies(pallet_agencies::Call::admit_agency {
			uscc: commerce_bureau(),
			name: b"Beijing Municipal Commerce Bureau".to_vec().try_into().expect("short name"),
			admin: admin.clone(),
			roles: vec![Role::OtherAgency].try_into().expect("one role"),
		});
		assert_ok!(council_passes(admit));
		assert!(pallet_agencies::Agencies::<Runtime>::contains_key(commerce_bureau()));
		// The new agency has a council seat.
		assert!(pallet_collective::Members::<Runtime, Instance1>::get().contains(&admin));
		// It holds no market-regulator role yet.
		assert!(MarketRegulatorOfficer::try_origin(RuntimeOrigin::signed(admin.clone())).is_err());

		let grant = RuntimeCall::Agencies(pallet_agencies::Call::grant_role {
			uscc: commerce_bureau(),
			role: Role::MarketRegulator,
		});
		// Three of the five seats are not two thirds; four are.
		assert_eq!(council_passes(grant.clone()), Err(DispatchError::BadOrigin));
		assert_ok!(council_vote(grant, &[Bob, Charlie, Dave]));
		assert_eq!(
			MarketRegulatorOfficer::try_origin(RuntimeOrigin::signed(admin.clone())).ok(),
			Some(AgencyOfficer { agency: commerce_bureau(), officer: admin })
		);
	});
}

#[test]
fn a_minority_of_the_council_cannot_admit_agencies() {
	externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		let admit = pallet_agencies::Call::<Runtime>::admit_agency {
			uscc: commerce_bureau(),
			name: b"Commerce".to_vec().try_into().expect("short name"),
			admin: account(Ferdie),
			roles: vec![Role::OtherAgency].try_into().expect("one role"),
		};
		// Half of the seats is not more than half.
		let half: RuntimeOrigin =
			pallet_collective::RawOrigin::<AccountId, Instance1>::Members(2, 4).into();
		assert_noop!(
			polkadot_sdk::frame_support::traits::UnfilteredDispatchable::dispatch_bypass_filter(
				admit, half
			),
			DispatchError::BadOrigin
		);
		// A signed officer is not the council either.
		assert_noop!(
			Agencies::suspend_agency(RuntimeOrigin::signed(account(Alice)), commerce_bureau()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn officers_of_a_suspended_agency_fail_the_origin() {
	externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		let customs = Uscc::parse(CUSTOMS).expect("valid code");
		let officer = RuntimeOrigin::signed(account(Ferdie));
		assert!(CustomsOfficer::try_origin(officer.clone()).is_ok());
		assert_ok!(council_passes(RuntimeCall::Agencies(pallet_agencies::Call::suspend_agency {
			uscc: customs
		})));
		assert!(CustomsOfficer::try_origin(officer.clone()).is_err());
		assert!(!pallet_collective::Members::<Runtime, Instance1>::get().contains(&account(Bob)));
		// The suspended agency's admin has lost its seat: it can no longer propose.
		let reinstate =
			RuntimeCall::Agencies(pallet_agencies::Call::reinstate_agency { uscc: customs });
		assert_noop!(
			Council::propose(
				RuntimeOrigin::signed(account(Bob)),
				2,
				Box::new(reinstate.clone()),
				reinstate.encoded_size() as u32
			),
			pallet_collective::Error::<Runtime, Instance1>::NotMember
		);
		// Two of the three remaining seats are two thirds.
		assert_ok!(council_vote(reinstate, &[Charlie]));
		assert!(CustomsOfficer::try_origin(officer).is_ok());
	});
}

/// The runtime's own code with its embedded `spec_version` raised by one, as the next
/// release of the runtime would carry.
pub(crate) fn next_runtime_version_code() -> Vec<u8> {
	let mut code = WASM_BINARY_BLOATY.expect("runtime wasm is built").to_vec();
	let version = crate::VERSION;
	// The embedded version section starts with spec name, impl name, authoring version.
	let mut prefix = version.spec_name.encode();
	prefix.extend(version.impl_name.encode());
	prefix.extend(version.authoring_version.encode());
	prefix.extend(version.spec_version.encode());
	let positions: Vec<usize> = code
		.windows(prefix.len())
		.enumerate()
		.filter(|(_, w)| *w == prefix)
		.map(|(i, _)| i)
		.collect();
	assert_eq!(positions.len(), 1, "the version section appears exactly once");
	let spec_version_at = positions[0] + prefix.len() - 4;
	code[spec_version_at..spec_version_at + 4]
		.copy_from_slice(&(version.spec_version + 1).to_le_bytes());
	code
}

/// The runtime code in storage (`:code`).
pub(crate) fn stored_code() -> Option<Vec<u8>> {
	polkadot_sdk::sp_io::storage::get(polkadot_sdk::sp_core::storage::well_known_keys::CODE)
		.map(|code| code.to_vec())
}

fn rejected_upgrade_reason() -> Option<DispatchError> {
	System::events().into_iter().rev().find_map(|record| match record.event {
		RuntimeEvent::System(frame_system::Event::RejectedInvalidAuthorizedUpgrade {
			error,
			..
		}) => Some(error),
		_ => None,
	})
}

#[test]
fn council_authorizes_a_runtime_upgrade_that_anyone_applies() {
	let current = WASM_BINARY_BLOATY.expect("runtime wasm is built").to_vec();
	let next = next_runtime_version_code();
	let mut ext = externalities(DEV_RUNTIME_PRESET);
	// Reading a code's version needs an executor, as on a real node.
	ext.externalities_mut().register_extension(ReadRuntimeVersionExt::new(
		WasmExecutor::<SubstrateHostFunctions>::builder().build(),
	));
	ext.execute_with(|| {
		let authorize = |code: &[u8]| {
			RuntimeCall::Governance(pallet_governance::Call::authorize_upgrade {
				code_hash: blake2_256(code).into(),
			})
		};
		let anyone = || RuntimeOrigin::signed(account(Dave));

		// Two of four seats pass the motion's own threshold, but that is not two thirds.
		assert_eq!(council_vote(authorize(&next), &[Bob]), Err(DispatchError::BadOrigin));
		assert!(frame_system::Pallet::<Runtime>::authorized_upgrade().is_none());

		// Same spec_version: authorized, but refused when applied; the code stays.
		let code_before = stored_code();
		assert_ok!(council_passes(authorize(&current)));
		assert_ok!(System::apply_authorized_upgrade(anyone(), current.clone()));
		assert_eq!(
			rejected_upgrade_reason(),
			Some(frame_system::Error::<Runtime>::SpecVersionNeedsToIncrease.into())
		);
		assert_eq!(stored_code(), code_before);
		assert!(frame_system::Pallet::<Runtime>::authorized_upgrade().is_none());

		// Higher spec_version: a wrong code is refused, the authorized one is enacted.
		assert_ok!(council_passes(authorize(&next)));
		assert_noop!(
			System::apply_authorized_upgrade(anyone(), current.clone()),
			frame_system::Error::<Runtime>::Unauthorized
		);
		assert_ok!(System::apply_authorized_upgrade(anyone(), next.clone()));
		assert_eq!(stored_code(), Some(next));
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::System(frame_system::Event::CodeUpdated { .. })
		)));
		assert!(frame_system::Pallet::<Runtime>::authorized_upgrade().is_none());
	});
}

#[test]
fn governance_pallet_refuses_origins_below_two_thirds() {
	externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		let code_hash = blake2_256(b"some code").into();
		let majority: RuntimeOrigin =
			pallet_collective::RawOrigin::<AccountId, Instance1>::Members(3, 5).into();
		assert_noop!(Governance::authorize_upgrade(majority, code_hash), DispatchError::BadOrigin);
		let two_thirds: RuntimeOrigin =
			pallet_collective::RawOrigin::<AccountId, Instance1>::Members(3, 4).into();
		assert_ok!(Governance::authorize_upgrade(two_thirds, code_hash));
	});
}

#[test]
fn calls_that_move_council_seats_are_weighed_for_a_full_council() {
	let seat_change = crate::configs::governance::CouncilSeatChangeWeight::get();
	let customs = Uscc::parse(CUSTOMS).expect("valid code");
	for call in [
		pallet_agencies::Call::<Runtime>::suspend_agency { uscc: customs },
		pallet_agencies::Call::<Runtime>::reinstate_agency { uscc: customs },
		pallet_agencies::Call::<Runtime>::dissolve_agency { uscc: customs },
		pallet_agencies::Call::<Runtime>::replace_admin { uscc: customs, new_admin: account(Dave) },
	] {
		let weight = RuntimeCall::Agencies(call).get_dispatch_info().call_weight;
		assert!(weight.all_gt(seat_change), "{weight:?} covers {seat_change:?}");
	}
}

/// The bytes of an `admit_agency` call whose name has `name_length` bytes.
fn admit_call_bytes(name_length: usize) -> Vec<u8> {
	use polkadot_sdk::frame_support::traits::PalletInfoAccess;
	let mut bytes = vec![Agencies::index() as u8, 0];
	bytes.extend(commerce_bureau().encode());
	bytes.extend(vec![b'a'; name_length].encode());
	bytes.extend(account(Ferdie).encode());
	bytes.extend(vec![Role::OtherAgency].encode());
	bytes
}

#[test]
fn over_long_agency_names_cannot_even_be_submitted() {
	use codec::Decode;
	use polkadot_sdk::frame_support::traits::Get;
	let longest = <<Runtime as pallet_agencies::Config>::MaxNameLength as Get<u32>>::get() as usize;
	assert!(RuntimeCall::decode(&mut &admit_call_bytes(longest)[..]).is_ok());
	assert!(RuntimeCall::decode(&mut &admit_call_bytes(longest + 1)[..]).is_err());
}
