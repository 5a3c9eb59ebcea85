//! Unit tests: schemes, bodies and accreditation, issuing singly and in batches,
//! prerequisites, expiry on both sides, renewal, suspension and revocation, the effect of a
//! withdrawn accreditation, paged revocation, and that holders appear only as hashes.

use crate::{mock::*, *};
use codec::Encode;
use govchain_domain_types::testing::{bounded, text};
use govchain_domain_types::{
	fixtures::{
		agencies::PUBLIC_INSTITUTION as UNIVERSITY,
		companies::{CHAOYANG_ENTERPRISE as TRAINING_COMPANY, HAIDIAN_ENTERPRISE as UNREGISTERED},
	},
	CompanyStatus, Uscc,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::Get, BoundedVec},
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult},
};

/// Acts for the university.
const REGISTRAR: u64 = 10;
/// Acts for the training company.
const TRAINER: u64 = 20;
const STRANGER: u64 = 99;
const DAY: u64 = 86_400_000;
/// Level 4 (intermediate worker): three years.
const LEVEL_4: SchemeId = 0;
/// Level 3 (senior worker): needs level 4; three years.
const LEVEL_3: SchemeId = 1;
/// Certificates of level 4 last 1,095 days.
const VALIDITY: u64 = 1_095 * DAY;

fn ministry() -> RuntimeOrigin {
	RuntimeOrigin::signed(OFFICER)
}

fn officer() -> govchain_domain_types::AgencyOfficer<u64> {
	govchain_domain_types::AgencyOfficer { agency: uscc(HUMAN_RESOURCES), officer: OFFICER }
}

fn university() -> Uscc {
	uscc(UNIVERSITY)
}

/// The holder with number `n`: a salted hash, never an identity.
fn holder(n: u8) -> H256 {
	holder_commitment(&[n; 32], format!("11010519900101{n:04}").as_bytes())
}

fn recipient(n: u8) -> Recipient<Test> {
	Recipient { holder: holder(n), account: None, document: H256::repeat_byte(n.max(1)) }
}

fn define(level: u8, validity_days: Option<u32>, prerequisite: Option<SchemeId>) -> DispatchResult {
	Certification::define_scheme(
		ministry(),
		text("区块链应用操作员"),
		Level::Vocational(level),
		validity_days,
		prerequisite,
	)
}

fn issue_as(who: u64, body: Uscc, scheme: SchemeId, n: u8) -> DispatchResult {
	Certification::issue(RuntimeOrigin::signed(who), body, scheme, recipient(n))
}

fn issue(scheme: SchemeId, n: u8) -> DispatchResult {
	issue_as(REGISTRAR, university(), scheme, n)
}

fn status(id: CertificateId) -> VerificationStatus<Test> {
	Certification::verify(id).expect("issued").status
}

fn window() -> (u64, u64) {
	(START - DAY, START + 3_650 * DAY)
}

/// Levels 4 and 3 defined; the university registered with its registrar and accredited
/// for both; the training company registered in the company register.
fn with_schemes(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		TestRegistry::add(TRAINING_COMPANY, &[TRAINER]);
		assert_ok!(define(4, Some(1_095), None));
		assert_ok!(define(3, Some(1_095), Some(LEVEL_4)));
		assert_ok!(Certification::register_body(
			ministry(),
			university(),
			bounded(vec![REGISTRAR])
		));
		let (from, until) = window();
		for scheme in [LEVEL_4, LEVEL_3] {
			assert_ok!(Certification::accredit(ministry(), university(), scheme, from, until));
		}
		test()
	})
}

#[test]
fn the_ministry_defines_schemes_with_levels_validity_and_prerequisites() {
	new_test_ext().execute_with(|| {
		assert_ok!(define(4, Some(1_095), None));
		System::assert_last_event(
			Event::SchemeDefined { scheme: 0, level: Level::Vocational(4), prerequisite: None }
				.into(),
		);
		assert_ok!(define(3, None, Some(0)));
		let scheme = Schemes::<Test>::get(1).expect("stored");
		assert_eq!(
			(scheme.level, scheme.validity_days, scheme.prerequisite),
			(Level::Vocational(3), None, Some(0))
		);
		assert_eq!(scheme.defined_by, officer());
		assert_eq!(NextSchemeId::<Test>::get(), 2);
		assert_ok!(Certification::define_scheme(
			ministry(),
			text("x"),
			Level::SchemeSpecific(0),
			Some(1),
			None
		));

		assert_noop!(
			Certification::define_scheme(
				RuntimeOrigin::signed(STRANGER),
				text("x"),
				Level::Vocational(4),
				None,
				None
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Certification::define_scheme(ministry(), text(""), Level::Vocational(4), None, None),
			Error::<Test>::EmptyText
		);
		assert_noop!(
			Certification::define_scheme(
				ministry(),
				bounded(vec![0xff]),
				Level::Vocational(4),
				None,
				None
			),
			Error::<Test>::NotUtf8
		);
		assert_noop!(define(0, None, None), Error::<Test>::InvalidLevel);
		assert_noop!(define(6, None, None), Error::<Test>::InvalidLevel);
		assert_noop!(define(4, Some(0), None), Error::<Test>::ZeroValidity);
		assert_noop!(define(4, None, Some(9)), Error::<Test>::UnknownScheme);
		assert_ok!(Certification::retire_scheme(ministry(), 0));
		assert_noop!(define(2, None, Some(0)), Error::<Test>::SchemeRetired);
	});
}

#[test]
fn a_retired_scheme_takes_no_new_certificates_or_accreditations() {
	with_schemes(|| {
		assert_ok!(issue(LEVEL_4, 1));
		assert_noop!(
			Certification::retire_scheme(RuntimeOrigin::signed(REGISTRAR), LEVEL_4),
			DispatchError::BadOrigin
		);
		assert_noop!(Certification::retire_scheme(ministry(), 7), Error::<Test>::UnknownScheme);
		assert_ok!(Certification::retire_scheme(ministry(), LEVEL_4));
		System::assert_last_event(Event::SchemeRetired { scheme: LEVEL_4 }.into());
		assert_eq!(Schemes::<Test>::get(LEVEL_4).expect("kept").retired_at, Some(START));
		assert_noop!(
			Certification::retire_scheme(ministry(), LEVEL_4),
			Error::<Test>::SchemeRetired
		);
		assert_noop!(issue(LEVEL_4, 2), Error::<Test>::SchemeRetired);
		let (from, until) = window();
		assert_noop!(
			Certification::accredit(ministry(), university(), LEVEL_4, from, until),
			Error::<Test>::SchemeRetired
		);
		// What was issued stays valid.
		assert_eq!(status(0), VerificationStatus::Valid { until: Some(START + VALIDITY) });
	});
}

#[test]
fn bodies_are_registered_by_code_with_their_operators() {
	with_schemes(|| {
		// A public institution is not in the company register: the ministry vouches for it.
		assert_eq!(
			Bodies::<Test>::get(university()).map(|o| o.into_inner()),
			Some(vec![REGISTRAR])
		);
		assert_ok!(Certification::register_body(
			ministry(),
			uscc(TRAINING_COMPANY),
			bounded(vec![TRAINER, STRANGER])
		));
		System::assert_last_event(
			Event::BodyRegistered { body: uscc(TRAINING_COMPANY), operators: 2 }.into(),
		);
		assert_ok!(Certification::register_body(
			ministry(),
			uscc(TRAINING_COMPANY),
			bounded(vec![TRAINER])
		));
		assert_eq!(Bodies::<Test>::get(uscc(TRAINING_COMPANY)).map(|o| o.len()), Some(1));

		assert_noop!(
			Certification::register_body(
				RuntimeOrigin::signed(TRAINER),
				uscc(TRAINING_COMPANY),
				bounded(vec![TRAINER])
			),
			DispatchError::BadOrigin
		);
		// A market entity must be in the register, and not closed.
		assert_noop!(
			Certification::register_body(ministry(), uscc(UNREGISTERED), bounded(vec![TRAINER])),
			Error::<Test>::UnknownCompany
		);
		assert_noop!(
			Certification::register_body(ministry(), university(), bounded(vec![])),
			Error::<Test>::NoOperators
		);
		TestRegistry::set_standing(TRAINING_COMPANY, |s| {
			s.status = CompanyStatus::Revoked { since: START }
		});
		assert_noop!(
			Certification::register_body(
				ministry(),
				uscc(TRAINING_COMPANY),
				bounded(vec![TRAINER])
			),
			Error::<Test>::CompanyClosed
		);
	});
}

#[test]
fn the_ministry_accredits_a_registered_body_within_a_window() {
	with_schemes(|| {
		let accreditation = Accreditations::<Test>::get(university(), LEVEL_4).expect("stored");
		assert_eq!((accreditation.valid_from, accreditation.valid_until), window());
		assert_eq!(
			(accreditation.status, accreditation.since, accreditation.by),
			(AccreditationStatus::Active, START, officer())
		);
		let body = uscc(TRAINING_COMPANY);
		assert_noop!(
			Certification::accredit(ministry(), body, LEVEL_4, START, START + DAY),
			Error::<Test>::UnknownBody
		);
		assert_ok!(Certification::register_body(ministry(), body, bounded(vec![TRAINER])));
		assert_noop!(
			Certification::accredit(
				RuntimeOrigin::signed(TRAINER),
				body,
				LEVEL_4,
				START,
				START + DAY
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Certification::accredit(ministry(), body, 9, START, START + DAY),
			Error::<Test>::UnknownScheme
		);
		assert_noop!(
			Certification::accredit(ministry(), body, LEVEL_4, START, START),
			Error::<Test>::InvalidWindow
		);
		assert_noop!(
			Certification::accredit(ministry(), body, LEVEL_4, START - 2 * DAY, START),
			Error::<Test>::InvalidWindow
		);
		assert_ok!(Certification::accredit(ministry(), body, LEVEL_4, START, START + DAY));
		System::assert_last_event(
			Event::Accredited {
				body,
				scheme: LEVEL_4,
				valid_from: START,
				valid_until: START + DAY,
			}
			.into(),
		);
		TestRegistry::set_standing(TRAINING_COMPANY, |s| {
			s.status = CompanyStatus::Deregistered { since: START }
		});
		assert_noop!(
			Certification::accredit(ministry(), body, LEVEL_3, START, START + DAY),
			Error::<Test>::CompanyClosed
		);
	});
}

#[test]
fn accreditation_is_suspended_and_withdrawn_with_a_reason() {
	with_schemes(|| {
		let body = university();
		assert_noop!(
			Certification::suspend_accreditation(
				RuntimeOrigin::signed(REGISTRAR),
				body,
				LEVEL_4,
				text("x")
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Certification::withdraw_accreditation(
				RuntimeOrigin::signed(REGISTRAR),
				body,
				LEVEL_4,
				text("x"),
				false
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Certification::suspend_accreditation(
				ministry(),
				uscc(TRAINING_COMPANY),
				LEVEL_4,
				text("x")
			),
			Error::<Test>::NotAccredited
		);
		assert_noop!(
			Certification::withdraw_accreditation(
				ministry(),
				uscc(TRAINING_COMPANY),
				LEVEL_4,
				text("x"),
				false
			),
			Error::<Test>::NotAccredited
		);
		assert_noop!(
			Certification::suspend_accreditation(ministry(), body, LEVEL_4, text("")),
			Error::<Test>::EmptyText
		);
		assert_ok!(Certification::suspend_accreditation(ministry(), body, LEVEL_4, text("audit")));
		System::assert_last_event(Event::AccreditationSuspended { body, scheme: LEVEL_4 }.into());
		let suspended = Accreditations::<Test>::get(body, LEVEL_4).expect("kept");
		assert_eq!(
			(suspended.status, &suspended.reason[..]),
			(AccreditationStatus::Suspended, &b"audit"[..])
		);
		assert_noop!(
			Certification::suspend_accreditation(ministry(), body, LEVEL_4, text("again")),
			Error::<Test>::AlreadySuspended
		);
		assert_noop!(
			Certification::withdraw_accreditation(ministry(), body, LEVEL_4, text(""), false),
			Error::<Test>::EmptyText
		);
		assert_ok!(Certification::withdraw_accreditation(
			ministry(),
			body,
			LEVEL_4,
			text("fraud"),
			false
		));
		System::assert_last_event(
			Event::AccreditationWithdrawn { body, scheme: LEVEL_4, voided: false }.into(),
		);
		assert_noop!(
			Certification::withdraw_accreditation(ministry(), body, LEVEL_4, text("x"), true),
			Error::<Test>::AlreadyWithdrawn
		);
		assert_noop!(
			Certification::suspend_accreditation(ministry(), body, LEVEL_4, text("x")),
			Error::<Test>::AlreadyWithdrawn
		);
	});
}

#[test]
fn an_operator_of_an_accredited_body_issues_a_certificate_from_chain_time() {
	with_schemes(|| {
		let mut with_account = recipient(1);
		with_account.account = Some(77);
		assert_ok!(Certification::issue(
			RuntimeOrigin::signed(REGISTRAR),
			university(),
			LEVEL_4,
			with_account
		));
		System::assert_last_event(
			Event::Issued {
				certificate: 0,
				scheme: LEVEL_4,
				issuer: university(),
				holder: holder(1),
			}
			.into(),
		);
		let certificate = Certificates::<Test>::get(0).expect("stored");
		assert_eq!(
			(certificate.scheme, certificate.issuer, certificate.issued_by),
			(LEVEL_4, university(), REGISTRAR)
		);
		assert_eq!((certificate.holder, certificate.holder_account), (holder(1), Some(77)));
		assert_eq!(certificate.document, H256::repeat_byte(1));
		assert_eq!(
			(certificate.issued_at, certificate.expires_at),
			(START, Some(START + VALIDITY))
		);
		assert_eq!(certificate.accredited_window, window());
		assert_eq!(certificate.state, CertificateState::Issued);
		assert_eq!(HolderCertificates::<Test>::get(holder(1), LEVEL_4), Some(0));
		assert!(IssuedBy::<Test>::contains_key((university(), LEVEL_4), 0));
		assert_eq!(NextCertificateId::<Test>::get(), 1);
		let verification = Certification::verify_holder(holder(1), LEVEL_4).expect("found");
		assert_eq!(verification.id, 0);
		assert!(verification.issuer_accredited_at_issue);
		assert_eq!(
			verification.status,
			VerificationStatus::Valid { until: Some(START + VALIDITY) }
		);
	});
}

#[test]
fn issuing_needs_an_operator_an_accreditation_in_force_and_hashes() {
	with_schemes(|| {
		assert_noop!(
			Certification::issue(RuntimeOrigin::none(), university(), LEVEL_4, recipient(1)),
			DispatchError::BadOrigin
		);
		assert_noop!(issue(9, 1), Error::<Test>::UnknownScheme);
		assert_noop!(
			issue_as(TRAINER, uscc(TRAINING_COMPANY), LEVEL_4, 1),
			Error::<Test>::UnknownBody
		);
		assert_noop!(issue_as(STRANGER, university(), LEVEL_4, 1), Error::<Test>::NotOperator);
		let mut no_holder = recipient(1);
		no_holder.holder = H256::zero();
		assert_noop!(
			Certification::issue(
				RuntimeOrigin::signed(REGISTRAR),
				university(),
				LEVEL_4,
				no_holder
			),
			Error::<Test>::EmptyHash
		);
		let mut no_document = recipient(1);
		no_document.document = H256::zero();
		assert_noop!(
			Certification::issue(
				RuntimeOrigin::signed(REGISTRAR),
				university(),
				LEVEL_4,
				no_document
			),
			Error::<Test>::EmptyHash
		);
		assert_ok!(issue(LEVEL_4, 1));
		assert_noop!(issue(LEVEL_4, 1), Error::<Test>::AlreadyCertified);

		// The training company: registered, but not accredited; then outside its window.
		let body = uscc(TRAINING_COMPANY);
		assert_ok!(Certification::register_body(ministry(), body, bounded(vec![TRAINER])));
		assert_noop!(issue_as(TRAINER, body, LEVEL_4, 2), Error::<Test>::NotAccredited);
		assert_ok!(Certification::accredit(
			ministry(),
			body,
			LEVEL_4,
			START + DAY,
			START + 2 * DAY
		));
		assert_noop!(issue_as(TRAINER, body, LEVEL_4, 2), Error::<Test>::AccreditationNotInForce);
		set_time(START + DAY);
		assert_ok!(issue_as(TRAINER, body, LEVEL_4, 2));
		set_time(START + 2 * DAY);
		assert_noop!(issue_as(TRAINER, body, LEVEL_4, 3), Error::<Test>::AccreditationNotInForce);
		// A market entity revoked in the register cannot issue even within its window.
		assert_ok!(Certification::accredit(ministry(), body, LEVEL_4, START, START + 9 * DAY));
		TestRegistry::set_standing(TRAINING_COMPANY, |s| {
			s.status = CompanyStatus::Revoked { since: START }
		});
		assert_noop!(issue_as(TRAINER, body, LEVEL_4, 3), Error::<Test>::CompanyClosed);
		// A suspended accreditation issues nothing.
		assert_ok!(Certification::suspend_accreditation(
			ministry(),
			university(),
			LEVEL_4,
			text("audit")
		));
		assert_noop!(issue(LEVEL_4, 4), Error::<Test>::AccreditationNotInForce);
	});
}

#[test]
fn a_higher_level_needs_a_valid_certificate_of_its_prerequisite() {
	with_schemes(|| {
		assert_noop!(issue(LEVEL_3, 1), Error::<Test>::PrerequisiteMissing);
		assert_ok!(issue(LEVEL_4, 1));
		assert_ok!(issue(LEVEL_3, 1));

		// Suspended, revoked or expired prerequisites do not count.
		assert_ok!(issue(LEVEL_4, 2));
		assert_ok!(Certification::suspend(ministry(), 2, text("inquiry")));
		assert_noop!(issue(LEVEL_3, 2), Error::<Test>::PrerequisiteMissing);
		assert_ok!(Certification::revoke(ministry(), 2, text("cheated")));
		assert_noop!(issue(LEVEL_3, 2), Error::<Test>::PrerequisiteMissing);
		assert_ok!(issue(LEVEL_4, 3));
		set_time(START + VALIDITY);
		assert_noop!(issue(LEVEL_3, 3), Error::<Test>::PrerequisiteMissing);
	});
}

#[test]
fn a_certificate_expires_exactly_at_its_expiry_and_may_then_be_issued_again() {
	with_schemes(|| {
		assert_ok!(issue(LEVEL_4, 1));
		set_time(START + VALIDITY - 1);
		assert_eq!(status(0), VerificationStatus::Valid { until: Some(START + VALIDITY) });
		assert_noop!(issue(LEVEL_4, 1), Error::<Test>::AlreadyCertified);
		set_time(START + VALIDITY);
		assert_eq!(status(0), VerificationStatus::Expired { at: START + VALIDITY });
		assert_ok!(issue(LEVEL_4, 1));
		assert_eq!(HolderCertificates::<Test>::get(holder(1), LEVEL_4), Some(1));
		// The expired one stays readable.
		assert_eq!(status(0), VerificationStatus::Expired { at: START + VALIDITY });
	});
}

#[test]
fn a_class_is_certified_in_one_batch_at_the_bound_all_or_nothing() {
	with_schemes(|| {
		let max: u32 = <Test as Config>::MaxBatch::get();
		let class: Vec<Recipient<Test>> = (1..=max as u8).map(recipient).collect();
		assert!(BoundedVec::<Recipient<Test>, <Test as Config>::MaxBatch>::try_from(
			[class.clone(), vec![recipient(99)]].concat()
		)
		.is_err());
		assert_noop!(
			Certification::issue_batch(
				RuntimeOrigin::signed(REGISTRAR),
				university(),
				LEVEL_4,
				bounded(vec![])
			),
			Error::<Test>::EmptyBatch
		);
		let twice = vec![recipient(1), recipient(2), recipient(1)];
		assert_noop!(
			Certification::issue_batch(
				RuntimeOrigin::signed(REGISTRAR),
				university(),
				LEVEL_4,
				bounded(twice)
			),
			Error::<Test>::DuplicateHolder
		);
		// One holder without the prerequisite stops the whole class.
		assert_ok!(issue(LEVEL_4, 1));
		assert_noop!(
			Certification::issue_batch(
				RuntimeOrigin::signed(REGISTRAR),
				university(),
				LEVEL_3,
				bounded(vec![recipient(1), recipient(2)])
			),
			Error::<Test>::PrerequisiteMissing
		);
		assert_noop!(
			Certification::issue_batch(
				RuntimeOrigin::signed(STRANGER),
				university(),
				LEVEL_4,
				bounded(class.clone())
			),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			Certification::issue_batch(
				RuntimeOrigin::signed(REGISTRAR),
				university(),
				LEVEL_4,
				bounded(class.clone())
			),
			Error::<Test>::AlreadyCertified
		);
		let fresh: Vec<Recipient<Test>> = (11..11 + max as u8).map(recipient).collect();
		assert_ok!(Certification::issue_batch(
			RuntimeOrigin::signed(REGISTRAR),
			university(),
			LEVEL_4,
			bounded(fresh)
		));
		assert_eq!(NextCertificateId::<Test>::get(), 1 + max as u64);
		for (offset, n) in (11..11 + max as u8).enumerate() {
			let id = 1 + offset as u64;
			assert_eq!(Certificates::<Test>::get(id).map(|c| c.holder), Some(holder(n)));
			System::assert_has_event(
				Event::Issued {
					certificate: id,
					scheme: LEVEL_4,
					issuer: university(),
					holder: holder(n),
				}
				.into(),
			);
		}
	});
}

#[test]
fn renewal_moves_the_expiry_and_keeps_the_history() {
	with_schemes(|| {
		assert_ok!(issue(LEVEL_4, 1));
		// Renewed early: from the current expiry.
		set_time(START + DAY);
		assert_ok!(Certification::renew(RuntimeOrigin::signed(REGISTRAR), 0, H256::repeat_byte(9)));
		System::assert_last_event(
			Event::Renewed { certificate: 0, expires_at: Some(START + 2 * VALIDITY) }.into(),
		);
		// Renewed after expiry: from now.
		let late = START + 3 * VALIDITY;
		set_time(late);
		assert_eq!(status(0), VerificationStatus::Expired { at: START + 2 * VALIDITY });
		assert_ok!(Certification::renew(RuntimeOrigin::signed(REGISTRAR), 0, H256::repeat_byte(8)));
		let certificate = Certificates::<Test>::get(0).expect("kept");
		assert_eq!((certificate.expires_at, certificate.renewals), (Some(late + VALIDITY), 2));
		assert_eq!(certificate.document, H256::repeat_byte(8));
		assert_eq!(certificate.issued_at, START);
		let history = Renewals::<Test>::get(0);
		assert_eq!(history.len(), 2);
		assert_eq!(
			(history[0].at, history[0].previous_expiry, history[0].new_expiry),
			(START + DAY, Some(START + VALIDITY), Some(START + 2 * VALIDITY))
		);
		assert_eq!((history[1].by, history[1].document), (REGISTRAR, H256::repeat_byte(8)));
		assert_noop!(
			Certification::renew(RuntimeOrigin::signed(REGISTRAR), 0, H256::repeat_byte(7)),
			Error::<Test>::TooManyRenewals
		);
	});
}

#[test]
fn renewal_needs_the_issuer_in_force_and_a_certificate_in_effect() {
	with_schemes(|| {
		assert_ok!(define(2, None, None));
		assert_ok!(Certification::accredit(ministry(), university(), 2, window().0, window().1));
		assert_ok!(issue(2, 1));
		assert_noop!(
			Certification::renew(RuntimeOrigin::signed(REGISTRAR), 0, H256::repeat_byte(1)),
			Error::<Test>::NeverExpires
		);
		assert_ok!(issue(LEVEL_4, 1));
		let renew = |who, document| Certification::renew(RuntimeOrigin::signed(who), 1, document);
		assert_noop!(
			Certification::renew(RuntimeOrigin::none(), 1, H256::repeat_byte(1)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Certification::renew(RuntimeOrigin::signed(REGISTRAR), 9, H256::repeat_byte(1)),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(renew(STRANGER, H256::repeat_byte(1)), Error::<Test>::NotOperator);
		assert_noop!(renew(REGISTRAR, H256::zero()), Error::<Test>::EmptyHash);
		assert_ok!(Certification::suspend(ministry(), 1, text("inquiry")));
		assert_noop!(renew(REGISTRAR, H256::repeat_byte(1)), Error::<Test>::CertificateSuspended);
		assert_ok!(Certification::revoke(ministry(), 1, text("cheated")));
		assert_noop!(renew(REGISTRAR, H256::repeat_byte(1)), Error::<Test>::CertificateRevoked);
		assert_ok!(issue(LEVEL_4, 2));
		assert_ok!(Certification::suspend_accreditation(
			ministry(),
			university(),
			LEVEL_4,
			text("audit")
		));
		assert_noop!(
			Certification::renew(RuntimeOrigin::signed(REGISTRAR), 2, H256::repeat_byte(1)),
			Error::<Test>::AccreditationNotInForce
		);
		assert_ok!(Certification::accredit(
			ministry(),
			university(),
			LEVEL_4,
			window().0,
			window().1
		));
		assert_ok!(Certification::retire_scheme(ministry(), LEVEL_4));
		assert_noop!(
			Certification::renew(RuntimeOrigin::signed(REGISTRAR), 2, H256::repeat_byte(1)),
			Error::<Test>::SchemeRetired
		);
	});
}

#[test]
fn the_issuer_or_the_ministry_suspends_reinstates_and_revokes() {
	with_schemes(|| {
		assert_ok!(issue(LEVEL_4, 1));
		let issuer = Actor::Issuer(REGISTRAR);
		assert_ok!(Certification::suspend(RuntimeOrigin::signed(REGISTRAR), 0, text("inquiry")));
		System::assert_last_event(Event::Suspended { certificate: 0, by: issuer.clone() }.into());
		assert_eq!(
			status(0),
			VerificationStatus::Suspended { since: START, reason: text("inquiry") }
		);
		assert_noop!(
			Certification::suspend(ministry(), 0, text("again")),
			Error::<Test>::CertificateSuspended
		);
		assert_ok!(Certification::reinstate(ministry(), 0));
		System::assert_last_event(
			Event::Reinstated { certificate: 0, by: Actor::Ministry(officer()) }.into(),
		);
		assert_eq!(status(0), VerificationStatus::Valid { until: Some(START + VALIDITY) });
		assert_noop!(Certification::reinstate(ministry(), 0), Error::<Test>::NotSuspended);

		set_time(START + DAY);
		assert_ok!(Certification::revoke(RuntimeOrigin::signed(REGISTRAR), 0, text("exam fraud")));
		System::assert_last_event(Event::Revoked { certificate: 0, by: issuer.clone() }.into());
		assert_eq!(
			status(0),
			VerificationStatus::Revoked { at: START + DAY, reason: text("exam fraud"), by: issuer }
		);
		assert_noop!(
			Certification::revoke(ministry(), 0, text("again")),
			Error::<Test>::CertificateRevoked
		);
		assert_noop!(Certification::reinstate(ministry(), 0), Error::<Test>::CertificateRevoked);
		assert_noop!(
			Certification::suspend(ministry(), 0, text("x")),
			Error::<Test>::CertificateRevoked
		);

		assert_ok!(issue(LEVEL_4, 2));
		for (call, error) in [
			(
				Certification::suspend(RuntimeOrigin::signed(STRANGER), 1, text("x")),
				Error::<Test>::NotIssuerOrMinistry,
			),
			(
				Certification::reinstate(RuntimeOrigin::signed(STRANGER), 1),
				Error::<Test>::NotIssuerOrMinistry,
			),
			(
				Certification::revoke(RuntimeOrigin::signed(STRANGER), 1, text("x")),
				Error::<Test>::NotIssuerOrMinistry,
			),
			(Certification::revoke(ministry(), 9, text("x")), Error::<Test>::UnknownCertificate),
			(Certification::revoke(ministry(), 1, text("")), Error::<Test>::EmptyText),
			(Certification::suspend(ministry(), 1, text("")), Error::<Test>::EmptyText),
		] {
			assert_eq!(call, Err(error.into()));
		}
		assert_noop!(
			Certification::revoke(RuntimeOrigin::none(), 1, text("x")),
			DispatchError::BadOrigin
		);
		assert_eq!(Certificates::<Test>::get(1).map(|c| c.state), Some(CertificateState::Issued));
	});
}

#[test]
fn a_withdrawn_accreditation_shows_and_voids_only_when_the_ministry_says_so() {
	with_schemes(|| {
		assert_ok!(issue(LEVEL_4, 1));
		assert_ok!(issue(LEVEL_3, 1));
		set_time(START + DAY);
		// Withdrawn without voiding: issued certificates stay valid and show the withdrawal.
		assert_ok!(Certification::withdraw_accreditation(
			ministry(),
			university(),
			LEVEL_4,
			text("closed"),
			false
		));
		let verification = Certification::verify(0).expect("issued");
		assert_eq!(
			verification.status,
			VerificationStatus::Valid { until: Some(START + VALIDITY) }
		);
		assert!(verification.issuer_accredited_at_issue);
		assert_eq!(verification.issuer_now.map(|a| a.status), Some(AccreditationStatus::Withdrawn));
		assert_noop!(issue(LEVEL_4, 2), Error::<Test>::AccreditationNotInForce);

		// Withdrawn for cause and voided: every certificate it issued under the scheme before.
		assert_ok!(Certification::withdraw_accreditation(
			ministry(),
			university(),
			LEVEL_3,
			text("fraud"),
			true
		));
		System::assert_last_event(
			Event::AccreditationWithdrawn { body: university(), scheme: LEVEL_3, voided: true }
				.into(),
		);
		let voided = Certification::verify(1).expect("issued");
		assert_eq!(voided.status, VerificationStatus::IssuerNotAccredited);
		assert!(voided.issuer_accredited_at_issue, "it was accredited when it issued");
		// Accredited again, its new certificates verify; the voided ones stay void.
		assert_ok!(Certification::accredit(
			ministry(),
			university(),
			LEVEL_3,
			START,
			START + VALIDITY
		));
		assert_ok!(Certification::accredit(
			ministry(),
			university(),
			LEVEL_4,
			START,
			START + VALIDITY
		));
		assert_ok!(issue(LEVEL_4, 3));
		assert_ok!(issue(LEVEL_3, 3));
		assert_eq!(status(1), VerificationStatus::IssuerNotAccredited);
		assert!(matches!(status(3), VerificationStatus::Valid { .. }));
		// A revocation is still the stronger answer.
		assert_ok!(Certification::revoke(ministry(), 1, text("fraud")));
		assert!(matches!(status(1), VerificationStatus::Revoked { .. }));
	});
}

#[test]
fn the_ministry_revokes_a_bodys_certificates_page_by_page() {
	with_schemes(|| {
		for n in 1..=3 {
			assert_ok!(issue(LEVEL_4, n));
		}
		assert_ok!(Certification::revoke(RuntimeOrigin::signed(REGISTRAR), 1, text("own error")));
		let revoke = || {
			Certification::revoke_issued_by(ministry(), university(), LEVEL_4, text("body closed"))
		};
		assert_noop!(revoke(), Error::<Test>::NotWithdrawn);
		assert_noop!(
			Certification::revoke_issued_by(ministry(), uscc(TRAINING_COMPANY), LEVEL_4, text("x")),
			Error::<Test>::NotAccredited
		);
		assert_ok!(Certification::withdraw_accreditation(
			ministry(),
			university(),
			LEVEL_4,
			text("closed"),
			false
		));
		assert_noop!(
			Certification::revoke_issued_by(
				RuntimeOrigin::signed(REGISTRAR),
				university(),
				LEVEL_4,
				text("x")
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Certification::revoke_issued_by(ministry(), university(), LEVEL_4, text("")),
			Error::<Test>::EmptyText
		);
		// Two per call (the mock's bound): two pages.
		assert_ok!(revoke());
		assert_ok!(revoke());
		let pages: Vec<(u32, bool)> = System::events()
			.into_iter()
			.filter_map(|record| match record.event {
				RuntimeEvent::Certification(Event::BodyCertificatesRevoked {
					revoked,
					complete,
					..
				}) => Some((revoked, complete)),
				_ => None,
			})
			.collect();
		let total: u32 = pages.iter().map(|(revoked, _)| revoked).sum();
		assert_eq!(total, 2, "the one revoked before is passed over");
		assert_eq!(pages.last().map(|(_, complete)| *complete), Some(true));
		assert_eq!(pages.first().map(|(_, complete)| *complete), Some(false));
		for id in 0..3 {
			assert!(matches!(status(id), VerificationStatus::Revoked { .. }));
		}
		assert!(matches!(status(0), VerificationStatus::Revoked { by: Actor::Ministry(_), .. }));
		assert!(matches!(
			status(1),
			VerificationStatus::Revoked { by: Actor::Issuer(REGISTRAR), .. }
		));
	});
}

#[test]
fn the_holder_appears_on_chain_only_as_a_salted_hash_that_a_verifier_can_check() {
	with_schemes(|| {
		let salt = [0x5a; 32];
		let identity = "110105199001011234".as_bytes();
		let name = "张三".as_bytes();
		let commitment = holder_commitment(&salt, identity);
		let recipient =
			Recipient { holder: commitment, account: None, document: H256::repeat_byte(3) };
		assert_ok!(Certification::issue(
			RuntimeOrigin::signed(REGISTRAR),
			university(),
			LEVEL_4,
			recipient
		));

		// Nothing stored or emitted contains the identity or the name.
		let mut key = polkadot_sdk::sp_io::storage::next_key(&[]);
		while let Some(current) = key {
			let value = polkadot_sdk::sp_io::storage::get(&current).expect("present").to_vec();
			for secret in [identity, name] {
				assert!(!contains(&value, secret) && !contains(&current, secret));
			}
			key = polkadot_sdk::sp_io::storage::next_key(&current);
		}
		let events = System::events().encode();
		assert!(!contains(&events, identity) && !contains(&events, name));

		// An employer given the certificate number and the salt checks the ID card shown.
		let verification = Certification::verify(0).expect("issued");
		assert_eq!(verification.certificate.holder, holder_commitment(&salt, identity));
		assert_ne!(verification.certificate.holder, holder_commitment(&[0x5b; 32], identity));
		assert_ne!(
			verification.certificate.holder,
			holder_commitment(&salt, b"110105199001011235")
		);
		assert!(matches!(verification.status, VerificationStatus::Valid { .. }));
	});
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
	haystack.windows(needle.len()).any(|window| window == needle)
}

#[test]
fn the_invariants_catch_a_holder_index_pointing_elsewhere() {
	with_schemes(|| {
		assert_ok!(issue(LEVEL_4, 1));
		HolderCertificates::<Test>::insert(holder(2), LEVEL_4, 0);
		assert!(Certification::do_try_state().is_err());
		HolderCertificates::<Test>::remove(holder(2), LEVEL_4);
		assert_ok!(Certification::do_try_state());
	});
}

#[test]
fn numbering_that_would_overflow_is_refused() {
	with_schemes(|| {
		NextSchemeId::<Test>::put(SchemeId::MAX);
		assert_noop!(define(4, None, None), Error::<Test>::Overflow);
		NextSchemeId::<Test>::put(2);
		// Certificates are numbered without gaps: the invariants would reject a jump, so it
		// is undone before the test ends.
		NextCertificateId::<Test>::put(CertificateId::MAX);
		assert_noop!(issue(LEVEL_4, 1), Error::<Test>::Overflow);
		NextCertificateId::<Test>::put(0);
	});
}
