//! Unit tests: every call's success (state and event) and every error path, the session
//! rotation, agency departures, authored blocks and offence records.

use crate::{
	mock::*, AuthoredBlocks, Change, CurrentSession, Error, Event, PlannedSet, Proposals,
	ProposalsOf, RemovalReason, Validators, ValidatorsOf,
};
use govchain_domain_types::{
	fixtures::agencies::{CUSTOMS, HUMAN_RESOURCES, MARKET_REGULATOR},
	testing::panic_message,
	AgencyDepartures,
};
use pallet_session::SessionInterface;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::ValidatorRegistration},
	sp_runtime::{traits::Convert, BuildStorage, DispatchError, Perbill},
	sp_staking::offence::{OffenceDetails, OnOffenceHandler},
};

type Pallet = crate::Pallet<Test>;

const MARKET: u64 = 1;
const CUSTOMS_ADMIN: u64 = 2;
const HR_ADMIN: u64 = 4;
/// An account human resources operates and proposes.
const NEW_VALIDATOR: u64 = 41;

fn signed(account: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(account)
}

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Validators(event) => Some(event),
			_ => None,
		})
		.expect("a validators event")
}

fn validators_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Validators(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Sets `account`'s session keys as its operator would with `session.set_keys`.
fn set_keys(account: u64) {
	assert_ok!(<Session as SessionInterface>::set_keys(&account, keys(account)));
}

/// Human resources proposes `account`, its operator sets keys, the council approves.
fn add_validator(account: u64) {
	assert_ok!(Pallet::propose_addition(signed(HR_ADMIN), account));
	set_keys(account);
	assert_ok!(Pallet::approve(root(), account));
}

fn session_validators() -> Vec<u64> {
	let mut set = pallet_session::Validators::<Test>::get();
	set.sort();
	set
}

#[test]
fn genesis_validators_are_the_session_set() {
	new_test_ext().execute_with(|| {
		assert_eq!(Validators::<Test>::count(), 3);
		assert_eq!(session_validators(), vec![11, 21, 31]);
		assert_eq!(PlannedSet::<Test>::get().into_inner(), vec![11, 21, 31]);
		assert_eq!(ValidatorsOf::<Test>::get(agency(CUSTOMS)).into_inner(), vec![21]);
		assert_eq!(
			Validators::<Test>::get(11).expect("validator").agency,
			agency(MARKET_REGULATOR)
		);
	});
}

#[test]
fn propose_addition_stores_the_proposal() {
	new_test_ext().execute_with(|| {
		assert_ok!(Pallet::propose_addition(signed(HR_ADMIN), NEW_VALIDATOR));
		let proposal = Proposals::<Test>::get(NEW_VALIDATOR).expect("proposal");
		assert_eq!(proposal.agency, agency(HUMAN_RESOURCES));
		assert_eq!(proposal.change, Change::Add);
		assert_eq!(proposal.proposed_at, 1);
		assert_eq!(ProposalsOf::<Test>::get(agency(HUMAN_RESOURCES)).into_inner(), vec![41]);
		assert_eq!(
			last_event(),
			Event::AdditionProposed { agency: agency(HUMAN_RESOURCES), validator: NEW_VALIDATOR }
		);
	});
}

#[test]
fn propose_addition_errors() {
	new_test_ext().execute_with(|| {
		// Not an agency admin.
		assert_noop!(Pallet::propose_addition(signed(41), 42), DispatchError::BadOrigin);
		assert_noop!(Pallet::propose_addition(root(), 42), DispatchError::BadOrigin);
		// Already a validator.
		assert_noop!(Pallet::propose_addition(signed(MARKET), 21), Error::<Test>::AlreadyValidator);
		// A proposal about the account is pending, from whichever agency.
		assert_ok!(Pallet::propose_addition(signed(HR_ADMIN), NEW_VALIDATOR));
		assert_noop!(
			Pallet::propose_addition(signed(MARKET), NEW_VALIDATOR),
			Error::<Test>::ProposalPending
		);
		// The market regulator operates 11; one more proposal fills its two places.
		assert_ok!(Pallet::propose_addition(signed(MARKET), 12));
		assert_noop!(Pallet::propose_addition(signed(MARKET), 13), Error::<Test>::TooManyForAgency);
	});
}

#[test]
fn only_proposed_or_approved_accounts_may_set_session_keys() {
	new_test_ext().execute_with(|| {
		assert_eq!(crate::ProposedOrApproved::<Test>::convert(NEW_VALIDATOR), None);
		assert_noop!(
			<Session as SessionInterface>::set_keys(&NEW_VALIDATOR, keys(NEW_VALIDATOR)),
			pallet_session::Error::<Test>::NoAssociatedValidatorId
		);
		assert_ok!(Pallet::propose_addition(signed(HR_ADMIN), NEW_VALIDATOR));
		assert_eq!(crate::ProposedOrApproved::<Test>::convert(NEW_VALIDATOR), Some(NEW_VALIDATOR));
		set_keys(NEW_VALIDATOR);
		assert!(Session::is_registered(&NEW_VALIDATOR));
		assert_eq!(crate::ProposedOrApproved::<Test>::convert(11), Some(11));
	});
}

#[test]
fn approved_addition_validates_from_the_session_after_the_next_boundary() {
	new_test_ext().execute_with(|| {
		add_validator(NEW_VALIDATOR);
		assert_eq!(
			last_event(),
			Event::ValidatorAdded { agency: agency(HUMAN_RESOURCES), validator: NEW_VALIDATOR }
		);
		let record = Validators::<Test>::get(NEW_VALIDATOR).expect("validator");
		assert_eq!((record.agency, record.approved_at), (agency(HUMAN_RESOURCES), 1));
		assert_eq!(Proposals::<Test>::get(NEW_VALIDATOR), None);
		assert!(ProposalsOf::<Test>::get(agency(HUMAN_RESOURCES)).is_empty());
		assert_eq!(ValidatorsOf::<Test>::get(agency(HUMAN_RESOURCES)).into_inner(), vec![41]);

		// Planned for session 2 as session 1 starts.
		start_session(1);
		assert_eq!(PlannedSet::<Test>::get().into_inner(), vec![11, 21, 31, 41]);
		assert!(
			validators_events().contains(&Event::ValidatorSetPlanned { session: 2, validators: 4 })
		);
		assert_eq!(session_validators(), vec![11, 21, 31]);
		start_session(2);
		assert_eq!(session_validators(), vec![11, 21, 31, 41]);
		assert_eq!(CurrentSession::<Test>::get(), 2);
	});
}

#[test]
fn approve_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(Pallet::approve(root(), NEW_VALIDATOR), Error::<Test>::NoProposal);
		assert_ok!(Pallet::propose_addition(signed(HR_ADMIN), NEW_VALIDATOR));
		assert_noop!(Pallet::approve(signed(HR_ADMIN), NEW_VALIDATOR), DispatchError::BadOrigin);
		// Keys not set yet.
		assert_noop!(Pallet::approve(root(), NEW_VALIDATOR), Error::<Test>::SessionKeysNotSet);
	});
}

#[test]
fn approve_refuses_beyond_max_validators() {
	new_test_ext().execute_with(|| {
		// 3 at genesis, 2 of human resources', 1 more of customs': 6, the maximum.
		add_validator(41);
		add_validator(42);
		assert_ok!(Pallet::propose_addition(signed(CUSTOMS_ADMIN), 22));
		set_keys(22);
		assert_ok!(Pallet::approve(root(), 22));
		assert_ok!(Pallet::propose_addition(signed(MARKET), 12));
		set_keys(12);
		assert_noop!(Pallet::approve(root(), 12), Error::<Test>::TooManyValidators);
	});
}

#[test]
fn removal_goes_through_the_council_and_keeps_the_minimum() {
	new_test_ext().execute_with(|| {
		assert_ok!(Pallet::propose_removal(signed(CUSTOMS_ADMIN), 21));
		assert_eq!(Proposals::<Test>::get(21).expect("proposal").change, Change::Remove);
		assert_eq!(last_event(), Event::RemovalProposed { agency: agency(CUSTOMS), validator: 21 });
		// Three validators, minimum three.
		assert_noop!(Pallet::approve(root(), 21), Error::<Test>::TooFewValidators);

		add_validator(NEW_VALIDATOR);
		assert_ok!(Pallet::approve(root(), 21));
		assert_eq!(
			last_event(),
			Event::ValidatorRemoved {
				agency: agency(CUSTOMS),
				validator: 21,
				reason: RemovalReason::AgencyRequest
			}
		);
		assert_eq!(Validators::<Test>::get(21), None);
		assert!(ValidatorsOf::<Test>::get(agency(CUSTOMS)).is_empty());
		assert_eq!(Proposals::<Test>::get(21), None);
		start_session(2);
		assert_eq!(session_validators(), vec![11, 31, 41]);
	});
}

#[test]
fn propose_removal_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(Pallet::propose_removal(signed(99), 21), DispatchError::BadOrigin);
		assert_noop!(
			Pallet::propose_removal(signed(CUSTOMS_ADMIN), 41),
			Error::<Test>::NotValidator
		);
		assert_noop!(Pallet::propose_removal(signed(MARKET), 21), Error::<Test>::NotOwnAgency);
		assert_ok!(Pallet::propose_removal(signed(CUSTOMS_ADMIN), 21));
		assert_noop!(
			Pallet::propose_removal(signed(CUSTOMS_ADMIN), 21),
			Error::<Test>::ProposalPending
		);
	});
}

#[test]
fn withdraw_proposal_removes_it() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Pallet::withdraw_proposal(signed(HR_ADMIN), NEW_VALIDATOR),
			Error::<Test>::NoProposal
		);
		assert_ok!(Pallet::propose_addition(signed(HR_ADMIN), NEW_VALIDATOR));
		assert_noop!(
			Pallet::withdraw_proposal(signed(MARKET), NEW_VALIDATOR),
			Error::<Test>::NotOwnAgency
		);
		assert_noop!(Pallet::withdraw_proposal(root(), NEW_VALIDATOR), DispatchError::BadOrigin);
		assert_ok!(Pallet::withdraw_proposal(signed(HR_ADMIN), NEW_VALIDATOR));
		assert_eq!(Proposals::<Test>::get(NEW_VALIDATOR), None);
		assert!(ProposalsOf::<Test>::get(agency(HUMAN_RESOURCES)).is_empty());
		assert_eq!(
			last_event(),
			Event::ProposalWithdrawn { agency: agency(HUMAN_RESOURCES), validator: NEW_VALIDATOR }
		);
	});
}

#[test]
fn reject_drops_the_proposal() {
	new_test_ext().execute_with(|| {
		assert_noop!(Pallet::reject(root(), NEW_VALIDATOR), Error::<Test>::NoProposal);
		assert_ok!(Pallet::propose_addition(signed(HR_ADMIN), NEW_VALIDATOR));
		assert_noop!(Pallet::reject(signed(MARKET), NEW_VALIDATOR), DispatchError::BadOrigin);
		assert_ok!(Pallet::reject(root(), NEW_VALIDATOR));
		assert_eq!(Proposals::<Test>::get(NEW_VALIDATOR), None);
		assert_eq!(Validators::<Test>::get(NEW_VALIDATOR), None);
		assert_eq!(
			last_event(),
			Event::ProposalRejected { agency: agency(HUMAN_RESOURCES), validator: NEW_VALIDATOR }
		);
	});
}

#[test]
fn council_removes_a_validator_on_its_own_motion() {
	new_test_ext().execute_with(|| {
		assert_noop!(Pallet::remove_validator(root(), NEW_VALIDATOR), Error::<Test>::NotValidator);
		assert_noop!(Pallet::remove_validator(root(), 21), Error::<Test>::TooFewValidators);
		add_validator(NEW_VALIDATOR);
		assert_noop!(Pallet::remove_validator(signed(MARKET), 21), DispatchError::BadOrigin);
		// A pending removal proposal about it is dropped with it.
		assert_ok!(Pallet::propose_removal(signed(CUSTOMS_ADMIN), 21));
		assert_ok!(Pallet::remove_validator(root(), 21));
		assert_eq!(Validators::<Test>::get(21), None);
		assert_eq!(Proposals::<Test>::get(21), None);
		assert!(ProposalsOf::<Test>::get(agency(CUSTOMS)).is_empty());
		assert_eq!(
			last_event(),
			Event::ValidatorRemoved {
				agency: agency(CUSTOMS),
				validator: 21,
				reason: RemovalReason::Council
			}
		);
	});
}

#[test]
fn a_departing_agency_cannot_take_the_set_below_the_minimum() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			<Pallet as AgencyDepartures>::can_depart(&agency(CUSTOMS)),
			Error::<Test>::TooFewValidators
		);
		// An agency without validators may always go.
		assert_ok!(<Pallet as AgencyDepartures>::can_depart(&agency(HUMAN_RESOURCES)));
		add_validator(NEW_VALIDATOR);
		assert_ok!(<Pallet as AgencyDepartures>::can_depart(&agency(CUSTOMS)));
	});
}

#[test]
fn a_departed_agency_loses_its_validators_and_proposals_at_the_next_session() {
	new_test_ext().execute_with(|| {
		add_validator(NEW_VALIDATOR);
		start_session(2);
		assert_eq!(session_validators(), vec![11, 21, 31, 41]);
		assert_ok!(Pallet::propose_addition(signed(HR_ADMIN), 42));

		<Pallet as AgencyDepartures>::departed(&agency(HUMAN_RESOURCES));
		assert_eq!(Validators::<Test>::get(NEW_VALIDATOR), None);
		assert_eq!(Proposals::<Test>::get(42), None);
		assert!(ValidatorsOf::<Test>::get(agency(HUMAN_RESOURCES)).is_empty());
		assert!(ProposalsOf::<Test>::get(agency(HUMAN_RESOURCES)).is_empty());
		let events = validators_events();
		assert!(events.contains(&Event::ValidatorRemoved {
			agency: agency(HUMAN_RESOURCES),
			validator: NEW_VALIDATOR,
			reason: RemovalReason::AgencyDeparted
		}));
		assert!(events
			.contains(&Event::ProposalDropped { agency: agency(HUMAN_RESOURCES), validator: 42 }));
		start_session(4);
		assert_eq!(session_validators(), vec![11, 21, 31]);
	});
}

#[test]
fn validators_without_keys_leave_and_the_shortfall_is_reported() {
	new_test_ext().execute_with(|| {
		add_validator(NEW_VALIDATOR);
		// Two of the four purge their keys.
		assert_ok!(Session::purge_keys(signed(11)));
		assert_ok!(Session::purge_keys(signed(NEW_VALIDATOR)));
		start_session(1);
		assert!(validators_events().contains(&Event::ValidatorsWithoutKeys {
			session: 2,
			approved: 4,
			ready: 2
		}));
		assert_eq!(PlannedSet::<Test>::get().into_inner(), vec![21, 31]);
		start_session(2);
		assert_eq!(session_validators(), vec![21, 31]);
		// Still approved: setting keys again brings them back.
		assert_eq!(Validators::<Test>::count(), 4);
		set_keys(11);
		start_session(4);
		assert_eq!(session_validators(), vec![11, 21, 31]);
	});
}

#[test]
fn a_validator_without_keys_is_left_out_of_the_planned_set() {
	new_test_ext().execute_with(|| {
		add_validator(41);
		add_validator(42);
		assert_ok!(Session::purge_keys(signed(42)));
		start_session(1);
		assert_eq!(PlannedSet::<Test>::get().into_inner(), vec![11, 21, 31, 41]);
	});
}

#[test]
fn authored_blocks_are_counted_per_session_and_pruned() {
	new_test_ext().execute_with(|| {
		use polkadot_sdk::pallet_authorship::EventHandler;
		Pallet::note_author(11);
		Pallet::note_author(11);
		Pallet::note_author(21);
		assert_eq!(AuthoredBlocks::<Test>::get(0, 11), 2);
		assert_eq!(AuthoredBlocks::<Test>::get(0, 21), 1);
		// 31 authored nothing: it reads as zero, which is how an offline validator shows.
		assert_eq!(AuthoredBlocks::<Test>::get(0, 31), 0);
		start_session(1);
		Pallet::note_author(31);
		assert_eq!(AuthoredBlocks::<Test>::get(1, 31), 1);
		// HistoryDepth is 3: as session 3 starts, sessions 1 to 3 are kept and 0 forgotten,
		// its key-ownership proofs with it.
		start_session(2);
		assert_eq!(AuthoredBlocks::<Test>::get(0, 11), 2);
		assert_eq!(pallet_session::historical::StoredRange::<Test>::get(), Some((0, 4)));
		start_session(3);
		assert_eq!(AuthoredBlocks::<Test>::get(0, 11), 0);
		assert_eq!(AuthoredBlocks::<Test>::get(1, 31), 1);
		assert_eq!(pallet_session::historical::StoredRange::<Test>::get(), Some((1, 5)));
	});
}

#[test]
fn a_reported_offence_is_recorded_on_the_validator() {
	new_test_ext().execute_with(|| {
		start_session(1);
		let offence = OffenceDetails { offender: (21u64, ()), reporters: vec![11u64] };
		Pallet::on_offence(&[offence], &[Perbill::zero()], 1);
		let record = Validators::<Test>::get(21).expect("validator");
		assert_eq!((record.offences, record.last_offence_session), (1, Some(1)));
		assert_eq!(last_event(), Event::OffenceRecorded { validator: 21, session: 1 });
		// Not removed: the council decides.
		assert_eq!(Validators::<Test>::count(), 3);
	});
}

#[test]
fn genesis_beyond_the_maximum_does_not_start() {
	let failure = std::panic::catch_unwind(|| {
		let mut storage = polkadot_sdk::frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.expect("system");
		crate::GenesisConfig::<Test> {
			validators: (50..57).map(|v| (agency(MARKET_REGULATOR), v)).collect(),
			session_blocks: SESSION_BLOCKS,
		}
		.assimilate_storage(&mut storage)
	})
	.expect_err("genesis with seven validators must fail");
	assert!(panic_message(failure.as_ref()).contains("7 validators, more than the 6 allowed"));
}

#[test]
fn genesis_without_a_session_length_takes_the_default() {
	let mut storage = polkadot_sdk::frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.expect("system");
	crate::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.expect("genesis");
	polkadot_sdk::sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(crate::SessionBlocks::<Test>::get(), 20);
	});
}

#[test]
fn a_chain_started_below_the_minimum_grows_but_does_not_shrink() {
	// As the development chain does: one validator, minimum three.
	new_test_ext_with(&[(11, MARKET_REGULATOR)]).execute_with(|| {
		assert_eq!(session_validators(), vec![11]);
		assert_noop!(Pallet::remove_validator(root(), 11), Error::<Test>::TooFewValidators);
		add_validator(NEW_VALIDATOR);
		start_session(2);
		assert_eq!(session_validators(), vec![11, 41]);
	});
}
