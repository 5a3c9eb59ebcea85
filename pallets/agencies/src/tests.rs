//! Unit tests: every call's success (state and event) and every error path.

use crate::{mock::*, AgencyStatus, Error, Event, OfficerOf, Seats};
use govchain_domain_types::{AgencyOfficer, Role};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok, parameter_types,
		traits::{EnsureOrigin, Get},
		BoundedVec,
	},
	sp_runtime::DispatchError,
};

type MarketRegulatorOfficer = crate::EnsureAgencyOfficer<Test, MarketRegulatorRole>;
type CustomsOfficer = crate::EnsureAgencyOfficer<Test, CustomsRole>;

parameter_types! {
	pub const MarketRegulatorRole: Role = Role::MarketRegulator;
	pub const CustomsRole: Role = Role::Customs;
}

fn name(text: &[u8]) -> BoundedVec<u8, polkadot_sdk::frame_support::traits::ConstU32<32>> {
	text.to_vec().try_into().expect("test name within bounds")
}

fn roles(list: &[Role]) -> BoundedVec<Role, crate::MaxRoles> {
	list.to_vec().try_into().expect("test roles within bounds")
}

fn admit(code: &[u8; 18], admin: u64, with: &[Role]) -> polkadot_sdk::sp_runtime::DispatchResult {
	Agencies::admit_agency(RuntimeOrigin::root(), uscc(code), name(b"Agency"), admin, roles(with))
}

fn status(code: &[u8; 18]) -> AgencyStatus<u64> {
	crate::Agencies::<Test>::get(uscc(code)).expect("agency exists").status
}

/// The accounts an agency lists, sorted, after checking that its record counts them.
fn officers(code: &[u8; 18]) -> Vec<u64> {
	let mut listed: Vec<u64> = crate::Officers::<Test>::iter_key_prefix(uscc(code)).collect();
	listed.sort();
	let agency = crate::Agencies::<Test>::get(uscc(code)).expect("agency exists");
	assert_eq!(agency.officer_count as usize, listed.len(), "the record counts its officers");
	listed
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Agencies(event) => Some(event),
			_ => None,
		})
		.next_back()
		.expect("an agencies event")
}

fn acts_as_market_regulator(account: u64) -> bool {
	MarketRegulatorOfficer::try_origin(RuntimeOrigin::signed(account)).is_ok()
}

#[test]
fn genesis_admits_agencies_with_officers_and_seats() {
	new_test_ext().execute_with(|| {
		let agency = crate::Agencies::<Test>::get(uscc(MARKET_REGULATOR)).expect("admitted");
		assert_eq!(agency.admin, 1);
		assert_eq!(officers(MARKET_REGULATOR), vec![1, 11]);
		assert_eq!(agency.status, AgencyStatus::Active);
		assert_eq!(OfficerOf::<Test>::get(11), Some(uscc(MARKET_REGULATOR)));
		assert_eq!(Seats::<Test>::get().to_vec(), vec![1, 2]);
		assert_eq!(council(), vec![1, 2]);
	});
}

#[test]
fn admit_agency_stores_record_gives_seat_and_emits_event() {
	new_test_ext().execute_with(|| {
		assert_ok!(admit(SECURITIES_REGULATOR, 3, &[Role::SecuritiesRegulator, Role::OtherAgency]));
		let agency = crate::Agencies::<Test>::get(uscc(SECURITIES_REGULATOR)).expect("admitted");
		assert_eq!(agency.name.to_vec(), b"Agency".to_vec());
		assert_eq!(agency.admin, 3);
		assert_eq!(officers(SECURITIES_REGULATOR), vec![3]);
		assert!(agency.roles.contains(&Role::SecuritiesRegulator));
		assert!(agency.roles.contains(&Role::OtherAgency));
		assert_eq!(agency.admitted_at, 1);
		assert_eq!(OfficerOf::<Test>::get(3), Some(uscc(SECURITIES_REGULATOR)));
		assert_eq!(council(), vec![1, 2, 3]);
		assert_eq!(
			last_event(),
			Event::AgencyAdmitted { agency: uscc(SECURITIES_REGULATOR), admin: 3 }
		);
	});
}

#[test]
fn public_institutions_are_government_codes_too() {
	new_test_ext().execute_with(|| {
		assert_ok!(admit(PUBLIC_INSTITUTION, 3, &[Role::OtherAgency]));
	});
}

#[test]
fn admit_agency_refuses_bad_input() {
	new_test_ext().execute_with(|| {
		let other = roles(&[Role::OtherAgency]);
		assert_noop!(
			Agencies::admit_agency(
				RuntimeOrigin::signed(1),
				uscc(HR_MINISTRY),
				name(b"HR"),
				3,
				other.clone()
			),
			DispatchError::BadOrigin
		);
		// Wrong check character: the last character of a valid code changed.
		let mut wrong_check = *HR_MINISTRY;
		wrong_check[17] = b'6';
		assert_noop!(admit(&wrong_check, 3, &[Role::OtherAgency]), Error::<Test>::InvalidUscc);
		assert_noop!(admit(ENTERPRISE, 3, &[Role::OtherAgency]), Error::<Test>::NotAGovernmentCode);
		assert_noop!(admit(CUSTOMS, 3, &[Role::Customs]), Error::<Test>::AgencyAlreadyAdmitted);
		assert_noop!(
			Agencies::admit_agency(RuntimeOrigin::root(), uscc(HR_MINISTRY), name(b""), 3, other),
			Error::<Test>::EmptyName
		);
		assert_noop!(admit(HR_MINISTRY, 3, &[]), Error::<Test>::NoRoles);
		assert_noop!(
			admit(HR_MINISTRY, 3, &[Role::HumanResources, Role::HumanResources]),
			Error::<Test>::DuplicateRole
		);
		assert_noop!(
			admit(HR_MINISTRY, 11, &[Role::HumanResources]),
			Error::<Test>::AlreadyAnOfficer
		);
	});
}

#[test]
fn codes_with_forbidden_letters_cannot_be_decoded_and_failing_checks_are_refused() {
	// A forbidden letter: the call carrying the code does not even decode.
	let mut forbidden = *HR_MINISTRY;
	forbidden[10] = b'O';
	assert!(<govchain_domain_types::Uscc as codec::Decode>::decode(&mut &forbidden[..]).is_err());
	// A well-formed code whose check character fails decodes, and admission refuses it.
	new_test_ext().execute_with(|| {
		let mut failing = *HR_MINISTRY;
		failing[17] = if failing[17] == b'1' { b'2' } else { b'1' };
		assert_noop!(
			Agencies::admit_agency(
				RuntimeOrigin::root(),
				uscc(&failing),
				name(b"HR"),
				3,
				roles(&[Role::OtherAgency])
			),
			Error::<Test>::InvalidUscc
		);
	});
}

#[test]
fn admissions_stop_when_all_seats_are_taken() {
	new_test_ext().execute_with(|| {
		assert_ok!(admit(SECURITIES_REGULATOR, 3, &[Role::SecuritiesRegulator]));
		assert_eq!(Seats::<Test>::get().len() as u32, <MaxActiveAgencies as Get<u32>>::get());
		assert_noop!(
			admit(HR_MINISTRY, 4, &[Role::HumanResources]),
			Error::<Test>::TooManyActiveAgencies
		);
	});
}

#[test]
fn suspend_bars_officers_and_vacates_seat() {
	new_test_ext().execute_with(|| {
		assert!(acts_as_market_regulator(11));
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(MARKET_REGULATOR)));
		assert_eq!(status(MARKET_REGULATOR), AgencyStatus::Suspended { since: 1 });
		assert_eq!(council(), vec![2]);
		assert!(!acts_as_market_regulator(11));
		assert!(!acts_as_market_regulator(1));
		assert_eq!(last_event(), Event::AgencySuspended { agency: uscc(MARKET_REGULATOR) });
		// The admin of a suspended agency cannot manage officers either.
		assert_noop!(
			Agencies::add_officer(RuntimeOrigin::signed(1), 12),
			Error::<Test>::AgencyNotActive
		);
		assert_noop!(
			Agencies::remove_officer(RuntimeOrigin::signed(1), 11),
			Error::<Test>::AgencyNotActive
		);
	});
}

#[test]
fn suspend_refuses_wrong_origin_unknown_and_inactive_agencies() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Agencies::suspend_agency(RuntimeOrigin::signed(1), uscc(CUSTOMS)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Agencies::suspend_agency(RuntimeOrigin::root(), uscc(HR_MINISTRY)),
			Error::<Test>::UnknownAgency
		);
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		assert_noop!(
			Agencies::suspend_agency(RuntimeOrigin::root(), uscc(CUSTOMS)),
			Error::<Test>::AgencyNotActive
		);
	});
}

#[test]
fn reinstate_restores_officers_and_seat() {
	new_test_ext().execute_with(|| {
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(MARKET_REGULATOR)));
		assert_ok!(Agencies::reinstate_agency(RuntimeOrigin::root(), uscc(MARKET_REGULATOR)));
		assert_eq!(status(MARKET_REGULATOR), AgencyStatus::Active);
		assert_eq!(council(), vec![1, 2]);
		assert!(acts_as_market_regulator(11));
		assert_eq!(last_event(), Event::AgencyReinstated { agency: uscc(MARKET_REGULATOR) });
	});
}

#[test]
fn reinstate_refuses_wrong_origin_unknown_and_unsuspended_agencies() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Agencies::reinstate_agency(RuntimeOrigin::signed(1), uscc(CUSTOMS)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Agencies::reinstate_agency(RuntimeOrigin::root(), uscc(HR_MINISTRY)),
			Error::<Test>::UnknownAgency
		);
		assert_noop!(
			Agencies::reinstate_agency(RuntimeOrigin::root(), uscc(CUSTOMS)),
			Error::<Test>::AgencyNotSuspended
		);
		assert_ok!(Agencies::dissolve_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		assert_noop!(
			Agencies::reinstate_agency(RuntimeOrigin::root(), uscc(CUSTOMS)),
			Error::<Test>::AgencyNotSuspended
		);
	});
}

#[test]
fn reinstate_refuses_when_all_seats_are_taken() {
	new_test_ext().execute_with(|| {
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		assert_ok!(admit(SECURITIES_REGULATOR, 3, &[Role::SecuritiesRegulator]));
		assert_ok!(admit(HR_MINISTRY, 4, &[Role::HumanResources]));
		assert_noop!(
			Agencies::reinstate_agency(RuntimeOrigin::root(), uscc(CUSTOMS)),
			Error::<Test>::TooManyActiveAgencies
		);
	});
}

#[test]
fn dissolve_keeps_record_releases_officers_and_vacates_seat() {
	new_test_ext().execute_with(|| {
		System::set_block_number(7);
		assert_ok!(Agencies::dissolve_agency(RuntimeOrigin::root(), uscc(MARKET_REGULATOR)));
		let agency = crate::Agencies::<Test>::get(uscc(MARKET_REGULATOR)).expect("record stays");
		assert_eq!(agency.status, AgencyStatus::Dissolved { since: 7 });
		assert_eq!(officers(MARKET_REGULATOR), vec![1, 11], "history keeps who served");
		assert_eq!(OfficerOf::<Test>::get(1), None);
		assert_eq!(OfficerOf::<Test>::get(11), None);
		assert_eq!(council(), vec![2]);
		assert!(!acts_as_market_regulator(11));
		assert_eq!(last_event(), Event::AgencyDissolved { agency: uscc(MARKET_REGULATOR) });
		// A released officer may serve another agency; the code cannot be reused.
		assert_ok!(Agencies::add_officer(RuntimeOrigin::signed(2), 11));
		assert_noop!(
			admit(MARKET_REGULATOR, 5, &[Role::MarketRegulator]),
			Error::<Test>::AgencyAlreadyAdmitted
		);
	});
}

#[test]
fn dissolving_a_suspended_agency_keeps_seats_unchanged() {
	new_test_ext().execute_with(|| {
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		assert_ok!(Agencies::dissolve_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		assert_eq!(council(), vec![1]);
		assert_eq!(status(CUSTOMS), AgencyStatus::Dissolved { since: 1 });
	});
}

#[test]
fn dissolve_refuses_wrong_origin_unknown_and_dissolved_agencies() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Agencies::dissolve_agency(RuntimeOrigin::signed(1), uscc(CUSTOMS)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Agencies::dissolve_agency(RuntimeOrigin::root(), uscc(HR_MINISTRY)),
			Error::<Test>::UnknownAgency
		);
		assert_ok!(Agencies::dissolve_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		assert_noop!(
			Agencies::dissolve_agency(RuntimeOrigin::root(), uscc(CUSTOMS)),
			Error::<Test>::AgencyDissolved
		);
	});
}

#[test]
fn grant_and_revoke_role_change_what_officers_may_do() {
	new_test_ext().execute_with(|| {
		assert!(CustomsOfficer::try_origin(RuntimeOrigin::signed(11)).is_err());
		assert_ok!(Agencies::grant_role(
			RuntimeOrigin::root(),
			uscc(MARKET_REGULATOR),
			Role::Customs
		));
		assert_eq!(
			last_event(),
			Event::RoleGranted { agency: uscc(MARKET_REGULATOR), role: Role::Customs }
		);
		assert_eq!(
			CustomsOfficer::try_origin(RuntimeOrigin::signed(11)).ok(),
			Some(AgencyOfficer { agency: uscc(MARKET_REGULATOR), officer: 11 })
		);
		assert_ok!(Agencies::revoke_role(
			RuntimeOrigin::root(),
			uscc(MARKET_REGULATOR),
			Role::MarketRegulator
		));
		assert_eq!(
			last_event(),
			Event::RoleRevoked { agency: uscc(MARKET_REGULATOR), role: Role::MarketRegulator }
		);
		assert!(!acts_as_market_regulator(11));
		let agency = crate::Agencies::<Test>::get(uscc(MARKET_REGULATOR)).expect("exists");
		assert_eq!(agency.roles.into_iter().collect::<Vec<_>>(), vec![Role::Customs]);
	});
}

#[test]
fn role_changes_refuse_bad_requests() {
	new_test_ext().execute_with(|| {
		let code = uscc(CUSTOMS);
		assert_noop!(
			Agencies::grant_role(RuntimeOrigin::signed(2), code, Role::OtherAgency),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Agencies::revoke_role(RuntimeOrigin::signed(2), code, Role::Customs),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Agencies::grant_role(RuntimeOrigin::root(), uscc(HR_MINISTRY), Role::OtherAgency),
			Error::<Test>::UnknownAgency
		);
		assert_noop!(
			Agencies::revoke_role(RuntimeOrigin::root(), uscc(HR_MINISTRY), Role::OtherAgency),
			Error::<Test>::UnknownAgency
		);
		assert_noop!(
			Agencies::grant_role(RuntimeOrigin::root(), code, Role::Customs),
			Error::<Test>::RoleAlreadyHeld
		);
		assert_noop!(
			Agencies::revoke_role(RuntimeOrigin::root(), code, Role::OtherAgency),
			Error::<Test>::RoleNotHeld
		);
		assert_ok!(Agencies::dissolve_agency(RuntimeOrigin::root(), code));
		assert_noop!(
			Agencies::grant_role(RuntimeOrigin::root(), code, Role::OtherAgency),
			Error::<Test>::AgencyDissolved
		);
		assert_noop!(
			Agencies::revoke_role(RuntimeOrigin::root(), code, Role::Customs),
			Error::<Test>::AgencyDissolved
		);
	});
}

#[test]
fn admin_adds_and_removes_officers() {
	new_test_ext().execute_with(|| {
		assert_ok!(Agencies::add_officer(RuntimeOrigin::signed(1), 12));
		assert_eq!(
			last_event(),
			Event::OfficerAdded { agency: uscc(MARKET_REGULATOR), officer: 12 }
		);
		assert!(acts_as_market_regulator(12));
		assert_eq!(OfficerOf::<Test>::get(12), Some(uscc(MARKET_REGULATOR)));

		assert_ok!(Agencies::remove_officer(RuntimeOrigin::signed(1), 12));
		assert_eq!(
			last_event(),
			Event::OfficerRemoved { agency: uscc(MARKET_REGULATOR), officer: 12 }
		);
		assert!(!acts_as_market_regulator(12));
		assert_eq!(OfficerOf::<Test>::get(12), None);
		assert_eq!(officers(MARKET_REGULATOR), vec![1, 11]);
	});
}

#[test]
fn officer_management_refuses_bad_requests() {
	new_test_ext().execute_with(|| {
		assert_noop!(Agencies::add_officer(RuntimeOrigin::root(), 12), DispatchError::BadOrigin);
		assert_noop!(Agencies::remove_officer(RuntimeOrigin::root(), 11), DispatchError::BadOrigin);
		// An officer who is not the admin, and an account that is no officer at all.
		assert_noop!(
			Agencies::add_officer(RuntimeOrigin::signed(11), 12),
			Error::<Test>::NotAgencyAdmin
		);
		assert_noop!(
			Agencies::remove_officer(RuntimeOrigin::signed(11), 1),
			Error::<Test>::NotAgencyAdmin
		);
		assert_noop!(
			Agencies::add_officer(RuntimeOrigin::signed(99), 12),
			Error::<Test>::NotAgencyAdmin
		);
		// One agency at a time.
		assert_noop!(
			Agencies::add_officer(RuntimeOrigin::signed(1), 2),
			Error::<Test>::AlreadyAnOfficer
		);
		assert_noop!(
			Agencies::add_officer(RuntimeOrigin::signed(1), 11),
			Error::<Test>::AlreadyAnOfficer
		);
		assert_noop!(
			Agencies::remove_officer(RuntimeOrigin::signed(1), 2),
			Error::<Test>::NotAnOfficer
		);
		assert_noop!(
			Agencies::remove_officer(RuntimeOrigin::signed(1), 1),
			Error::<Test>::CannotRemoveAdmin
		);
		// Bounds: at most three officers.
		assert_ok!(Agencies::add_officer(RuntimeOrigin::signed(1), 12));
		assert_noop!(
			Agencies::add_officer(RuntimeOrigin::signed(1), 13),
			Error::<Test>::TooManyOfficers
		);
	});
}

#[test]
fn replace_admin_moves_admin_rights_and_seat() {
	new_test_ext().execute_with(|| {
		assert_ok!(Agencies::replace_admin(RuntimeOrigin::root(), uscc(MARKET_REGULATOR), 5));
		assert_eq!(
			last_event(),
			Event::AdminReplaced { agency: uscc(MARKET_REGULATOR), old_admin: 1, new_admin: 5 }
		);
		let agency = crate::Agencies::<Test>::get(uscc(MARKET_REGULATOR)).expect("exists");
		assert_eq!(agency.admin, 5);
		assert_eq!(officers(MARKET_REGULATOR), vec![5, 11]);
		assert_eq!(OfficerOf::<Test>::get(1), None);
		assert_eq!(council(), vec![2, 5]);
		assert!(!acts_as_market_regulator(1));
		assert_ok!(Agencies::add_officer(RuntimeOrigin::signed(5), 12));
		// Promoting an existing officer keeps the list without duplicates.
		assert_ok!(Agencies::replace_admin(RuntimeOrigin::root(), uscc(MARKET_REGULATOR), 11));
		assert_eq!(officers(MARKET_REGULATOR), vec![11, 12]);
		assert_eq!(council(), vec![2, 11]);
	});
}

#[test]
fn replace_admin_of_suspended_agency_leaves_seats_alone() {
	new_test_ext().execute_with(|| {
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		assert_ok!(Agencies::replace_admin(RuntimeOrigin::root(), uscc(CUSTOMS), 6));
		assert_eq!(council(), vec![1]);
		assert_ok!(Agencies::reinstate_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		assert_eq!(council(), vec![1, 6]);
	});
}

#[test]
fn replace_admin_refuses_bad_requests() {
	new_test_ext().execute_with(|| {
		let code = uscc(CUSTOMS);
		assert_noop!(
			Agencies::replace_admin(RuntimeOrigin::signed(2), code, 5),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Agencies::replace_admin(RuntimeOrigin::root(), uscc(HR_MINISTRY), 5),
			Error::<Test>::UnknownAgency
		);
		assert_noop!(
			Agencies::replace_admin(RuntimeOrigin::root(), code, 2),
			Error::<Test>::AlreadyAdmin
		);
		assert_noop!(
			Agencies::replace_admin(RuntimeOrigin::root(), code, 11),
			Error::<Test>::AlreadyAnOfficer
		);
		assert_ok!(Agencies::dissolve_agency(RuntimeOrigin::root(), code));
		assert_noop!(
			Agencies::replace_admin(RuntimeOrigin::root(), code, 5),
			Error::<Test>::AgencyDissolved
		);
	});
}

#[test]
fn origin_refuses_unsigned_root_and_strangers() {
	new_test_ext().execute_with(|| {
		assert!(MarketRegulatorOfficer::try_origin(RuntimeOrigin::root()).is_err());
		assert!(MarketRegulatorOfficer::try_origin(RuntimeOrigin::none()).is_err());
		assert!(!acts_as_market_regulator(99));
		// Customs' admin is an officer, but of an agency without the role.
		assert!(!acts_as_market_regulator(2));
		assert_eq!(
			MarketRegulatorOfficer::try_origin(RuntimeOrigin::signed(1)).ok(),
			Some(AgencyOfficer { agency: uscc(MARKET_REGULATOR), officer: 1 })
		);
	});
}

#[test]
fn no_seat_is_removed_at_the_minimum_of_active_agencies() {
	new_test_ext().execute_with(|| {
		assert_eq!(<MinActiveAgencies as Get<u32>>::get(), 1);
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		assert_eq!(council(), vec![1]);
		assert_noop!(
			Agencies::suspend_agency(RuntimeOrigin::root(), uscc(MARKET_REGULATOR)),
			Error::<Test>::TooFewActiveAgencies
		);
		assert_noop!(
			Agencies::dissolve_agency(RuntimeOrigin::root(), uscc(MARKET_REGULATOR)),
			Error::<Test>::TooFewActiveAgencies
		);
		// A suspended agency holds no seat: dissolving it removes none.
		assert_ok!(Agencies::dissolve_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		// Moving the last seat to a new admin keeps the count.
		assert_ok!(Agencies::replace_admin(RuntimeOrigin::root(), uscc(MARKET_REGULATOR), 5));
		assert_eq!(council(), vec![5]);
	});
}

#[test]
fn invariant_checks_catch_a_register_out_of_step_with_the_council() {
	new_test_ext().execute_with(|| {
		assert_ok!(Agencies::do_try_state());
		// A seat without an active agency behind it.
		let honest = Seats::<Test>::get();
		Seats::<Test>::put(BoundedVec::truncate_from(vec![1, 2, 3]));
		assert!(Agencies::do_try_state().is_err());
		Seats::<Test>::put(honest);
		// An officer the agency does not list.
		OfficerOf::<Test>::insert(99, uscc(CUSTOMS));
		assert!(Agencies::do_try_state().is_err());
		OfficerOf::<Test>::remove(99);
		// A listed officer released without the agency being dissolved.
		OfficerOf::<Test>::remove(11);
		assert!(Agencies::do_try_state().is_err());
		OfficerOf::<Test>::insert(11, uscc(MARKET_REGULATOR));
		assert_ok!(Agencies::do_try_state());
	});
}

/// Builds the agencies' genesis from `agencies` and returns the panic message, if any.
fn genesis_failure(
	agencies: Vec<(govchain_domain_types::Uscc, String, u64, Vec<Role>, Vec<u64>)>,
) -> Option<String> {
	use polkadot_sdk::sp_runtime::BuildStorage;
	let built = std::panic::catch_unwind(|| {
		crate::GenesisConfig::<Test> { agencies }
			.build_storage()
			.expect("storage builds")
	});
	built.err().map(|panic| govchain_domain_types::testing::panic_message(&*panic))
}

#[test]
fn genesis_refuses_bad_agencies_with_a_message_naming_them() {
	let good = |code: &[u8; 18], admin: u64| {
		(uscc(code), "Agency".to_string(), admin, vec![Role::OtherAgency], vec![])
	};
	assert_eq!(genesis_failure(vec![good(CUSTOMS, 2)]), None);

	let message = genesis_failure(vec![good(ENTERPRISE, 2)]).expect("an enterprise is refused");
	assert!(message.contains("91110000MA01ABCD52"), "{message}");
	assert!(message.contains("NotAGovernmentCode"), "{message}");

	let mut wrong_check = *CUSTOMS;
	wrong_check[17] = b'0';
	let message = genesis_failure(vec![good(&wrong_check, 2)]).expect("bad check character");
	assert!(message.contains("InvalidUscc"), "{message}");

	let mut long_name = good(CUSTOMS, 2);
	long_name.1 = "x".repeat(33);
	let message = genesis_failure(vec![long_name]).expect("name too long");
	assert!(message.contains("name too long"), "{message}");

	let mut no_roles = good(CUSTOMS, 2);
	no_roles.3 = vec![];
	let message = genesis_failure(vec![no_roles]).expect("no roles");
	assert!(message.contains("NoRoles"), "{message}");

	let mut shared_officer = good(CUSTOMS, 2);
	shared_officer.4 = vec![1];
	let message = genesis_failure(vec![good(MARKET_REGULATOR, 1), shared_officer])
		.expect("an officer serves two agencies");
	assert!(message.contains("11110000MB0013434F") && message.contains("AlreadyAnOfficer"));
}

#[test]
fn a_refused_departure_writes_nothing_and_an_accepted_one_is_heard() {
	new_test_ext().execute_with(|| {
		assert_ok!(admit(PUBLIC_INSTITUTION, 3, &[Role::OtherAgency]));
		DepartureRefused::set(true);
		let refused = DispatchError::Other("validators needed");
		assert_noop!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(CUSTOMS)), refused);
		assert_noop!(Agencies::dissolve_agency(RuntimeOrigin::root(), uscc(CUSTOMS)), refused);
		assert!(Departed::get().is_empty());

		DepartureRefused::set(false);
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		assert_ok!(Agencies::dissolve_agency(RuntimeOrigin::root(), uscc(PUBLIC_INSTITUTION)));
		assert_eq!(Departed::get(), vec![uscc(CUSTOMS), uscc(PUBLIC_INSTITUTION)]);
	});
}

#[test]
fn the_admin_origin_yields_the_agency_of_an_active_agencys_admin_only() {
	new_test_ext().execute_with(|| {
		type AgencyAdmin = crate::EnsureAgencyAdmin<Test>;
		assert_eq!(
			AgencyAdmin::try_origin(RuntimeOrigin::signed(1)).ok(),
			Some(AgencyOfficer { agency: uscc(MARKET_REGULATOR), officer: 1 })
		);
		// An officer who is not the admin, an unknown account, root.
		assert!(AgencyAdmin::try_origin(RuntimeOrigin::signed(11)).is_err());
		assert!(AgencyAdmin::try_origin(RuntimeOrigin::signed(99)).is_err());
		assert!(AgencyAdmin::try_origin(RuntimeOrigin::root()).is_err());
		// The admin of a suspended agency.
		assert_ok!(admit(PUBLIC_INSTITUTION, 3, &[Role::OtherAgency]));
		assert_ok!(Agencies::suspend_agency(RuntimeOrigin::root(), uscc(CUSTOMS)));
		assert!(AgencyAdmin::try_origin(RuntimeOrigin::signed(2)).is_err());
	});
}

mod migration {
	use super::*;
	use crate::migrations::v1::{self, v0};
	use polkadot_sdk::frame_support::traits::{
		GetStorageVersion, OnRuntimeUpgrade, StorageVersion,
	};

	fn v0_agency(admin: u64, officers: Vec<u64>, status: AgencyStatus<u64>) -> v0::AgencyOf<Test> {
		v0::Agency {
			name: name(b"Agency"),
			roles: [Role::MarketRegulator]
				.into_iter()
				.collect::<std::collections::BTreeSet<_>>()
				.try_into()
				.expect("one role"),
			status,
			admin,
			officers: officers.try_into().expect("within MaxOfficers"),
			admitted_at: 1,
		}
	}

	/// The genesis agencies as version 0 stored them, and a dissolved one whose officers
	/// (4 and 14) no longer act.
	fn populate_version_0() {
		let _ = crate::Agencies::<Test>::clear(u32::MAX, None);
		let _ = crate::Officers::<Test>::clear(u32::MAX, None);
		v0::Agencies::<Test>::insert(
			uscc(MARKET_REGULATOR),
			v0_agency(1, vec![1, 11], AgencyStatus::Active),
		);
		v0::Agencies::<Test>::insert(uscc(CUSTOMS), v0_agency(2, vec![2], AgencyStatus::Active));
		v0::Agencies::<Test>::insert(
			uscc(PUBLIC_INSTITUTION),
			v0_agency(4, vec![4, 14], AgencyStatus::Dissolved { since: 3 }),
		);
		StorageVersion::new(0).put::<crate::Pallet<Test>>();
	}

	fn state_root() -> Vec<u8> {
		polkadot_sdk::sp_io::storage::root(polkadot_sdk::sp_runtime::StateVersion::V1)
	}

	#[test]
	fn version_0_officers_move_out_of_the_records() {
		new_test_ext().without_invariant_checks().execute_with(|| {
			populate_version_0();
			let state = v1::pre_upgrade_state::<Test>().expect("version 0 records read");
			v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(crate::Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(1));
			assert_ok!(v1::check_post_upgrade::<Test>(state));

			let market = crate::Agencies::<Test>::get(uscc(MARKET_REGULATOR)).expect("kept");
			assert_eq!(
				(market.admin, market.status, market.admitted_at),
				(1, AgencyStatus::Active, 1)
			);
			assert_eq!(market.name.to_vec(), b"Agency".to_vec());
			assert_eq!(officers(MARKET_REGULATOR), vec![1, 11]);
			assert_eq!(officers(CUSTOMS), vec![2]);
			assert_eq!(officers(PUBLIC_INSTITUTION), vec![4, 14], "who served stays listed");
			// Officers act as before; the register's invariants hold.
			assert!(acts_as_market_regulator(11));
			assert_ok!(Agencies::do_try_state());

			// The migration runs once: a second upgrade leaves everything as it is.
			let after = state_root();
			v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(state_root(), after);
			// And the agencies work on, up to their bound of three officers.
			assert_ok!(Agencies::add_officer(RuntimeOrigin::signed(1), 12));
			assert_noop!(
				Agencies::add_officer(RuntimeOrigin::signed(1), 13),
				Error::<Test>::TooManyOfficers
			);
			assert_ok!(Agencies::remove_officer(RuntimeOrigin::signed(1), 11));
			assert_eq!(officers(MARKET_REGULATOR), vec![1, 12]);
			assert_ok!(Agencies::do_try_state());
		});
	}

	#[test]
	fn the_post_upgrade_check_catches_a_lost_officer() {
		new_test_ext().without_invariant_checks().execute_with(|| {
			populate_version_0();
			let state = v1::pre_upgrade_state::<Test>().expect("version 0 records read");
			v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			crate::Officers::<Test>::remove(uscc(PUBLIC_INSTITUTION), 14);
			assert!(v1::check_post_upgrade::<Test>(state).is_err());
		});
	}

	#[test]
	fn the_pre_upgrade_check_refuses_records_it_cannot_read() {
		new_test_ext().without_invariant_checks().execute_with(|| {
			populate_version_0();
			assert_ok!(v1::pre_upgrade_state::<Test>());
			// A truncated record would be skipped by the migration: the upgrade must not run.
			polkadot_sdk::sp_io::storage::set(
				&v0::Agencies::<Test>::hashed_key_for(uscc(CUSTOMS)),
				&[1, 2, 3],
			);
			assert!(v1::pre_upgrade_state::<Test>().is_err());
		});
	}

	#[test]
	fn the_pre_upgrade_check_refuses_a_chain_already_migrated() {
		new_test_ext().without_invariant_checks().execute_with(|| {
			// Genesis wrote version 1: its records do not read as version 0.
			assert!(v1::pre_upgrade_state::<Test>().is_err());
		});
	}
}
