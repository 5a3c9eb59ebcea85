//! The calls' logic — schemes, bodies and accreditation, issuing and the certificate's
//! lifecycle — and verification.

use crate::{pallet::*, types::*};
use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use govchain_domain_types::{
	AgencyOfficer, CompanyRegistry, RegistrationAuthority, UnixMillis, Uscc,
};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{EnsureOrigin, Get},
		BoundedVec,
	},
	frame_system::{ensure_signed, pallet_prelude::OriginFor},
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult, TryRuntimeError},
};

impl<T: Config> Pallet<T> {
	/// `define_scheme`, after the origin check.
	pub(crate) fn do_define_scheme(
		officer: AgencyOfficer<T::AccountId>,
		profession: Text<T::MaxProfessionLength>,
		level: Level,
		validity_days: Option<u32>,
		prerequisite: Option<SchemeId>,
	) -> DispatchResult {
		Self::check_text(&profession)?;
		ensure!(level.is_valid(), Error::<T>::InvalidLevel);
		ensure!(validity_days != Some(0), Error::<T>::ZeroValidity);
		if let Some(required) = prerequisite {
			Self::open_scheme(required)?;
		}
		let scheme = NextSchemeId::<T>::get();
		let next = scheme.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Schemes::<T>::insert(
			scheme,
			Scheme {
				profession,
				level,
				validity_days,
				prerequisite,
				defined_by: officer,
				retired_at: None,
			},
		);
		NextSchemeId::<T>::put(next);
		Self::deposit_event(Event::SchemeDefined { scheme, level, prerequisite });
		Ok(())
	}

	/// `retire_scheme`, after the origin check.
	pub(crate) fn do_retire_scheme(scheme: SchemeId) -> DispatchResult {
		let mut record = Self::open_scheme(scheme)?;
		record.retired_at = Some(Self::now());
		Schemes::<T>::insert(scheme, record);
		Self::deposit_event(Event::SchemeRetired { scheme });
		Ok(())
	}

	/// A scheme that exists and is not retired.
	fn open_scheme(scheme: SchemeId) -> Result<Scheme<T>, DispatchError> {
		let record = Schemes::<T>::get(scheme).ok_or(Error::<T>::UnknownScheme)?;
		ensure!(record.retired_at.is_none(), Error::<T>::SchemeRetired);
		Ok(record)
	}

	/// A required text: not empty, UTF-8.
	fn check_text(text: &[u8]) -> DispatchResult {
		ensure!(!text.is_empty(), Error::<T>::EmptyText);
		ensure!(core::str::from_utf8(text).is_ok(), Error::<T>::NotUtf8);
		Ok(())
	}

	/// A market entity must be in the register and not closed; other organisations are not
	/// in the chain's register and rest on the ministry's vouching.
	fn check_organisation(body: &Uscc) -> DispatchResult {
		if body.registration_authority() == RegistrationAuthority::MarketRegulator {
			let status = T::Registry::status(body).ok_or(Error::<T>::UnknownCompany)?;
			ensure!(!status.is_closed(), Error::<T>::CompanyClosed);
		}
		Ok(())
	}

	/// `register_body`, after the origin check.
	pub(crate) fn do_register_body(
		body: Uscc,
		operators: BoundedVec<T::AccountId, T::MaxOperators>,
	) -> DispatchResult {
		Self::check_organisation(&body)?;
		ensure!(!operators.is_empty(), Error::<T>::NoOperators);
		let count = operators.len() as u32;
		Bodies::<T>::insert(body, operators);
		Self::deposit_event(Event::BodyRegistered { body, operators: count });
		Ok(())
	}

	/// `accredit`, after the origin check.
	pub(crate) fn do_accredit(
		officer: AgencyOfficer<T::AccountId>,
		body: Uscc,
		scheme: SchemeId,
		valid_from: UnixMillis,
		valid_until: UnixMillis,
	) -> DispatchResult {
		ensure!(Bodies::<T>::contains_key(body), Error::<T>::UnknownBody);
		Self::check_organisation(&body)?;
		Self::open_scheme(scheme)?;
		let now = Self::now();
		ensure!(valid_from < valid_until && now < valid_until, Error::<T>::InvalidWindow);
		Accreditations::<T>::insert(
			body,
			scheme,
			Accreditation {
				valid_from,
				valid_until,
				status: AccreditationStatus::Active,
				since: now,
				by: officer,
				reason: Default::default(),
			},
		);
		Self::deposit_event(Event::Accredited { body, scheme, valid_from, valid_until });
		Ok(())
	}

	/// `suspend_accreditation`, after the origin check.
	pub(crate) fn do_suspend_accreditation(
		officer: AgencyOfficer<T::AccountId>,
		body: Uscc,
		scheme: SchemeId,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let mut record = Accreditations::<T>::get(body, scheme).ok_or(Error::<T>::NotAccredited)?;
		match record.status {
			AccreditationStatus::Suspended => Err(Error::<T>::AlreadySuspended)?,
			AccreditationStatus::Withdrawn => Err(Error::<T>::AlreadyWithdrawn)?,
			AccreditationStatus::Active => {},
		}
		Self::check_text(&reason)?;
		record.status = AccreditationStatus::Suspended;
		record.since = Self::now();
		record.by = officer;
		record.reason = reason;
		Accreditations::<T>::insert(body, scheme, record);
		Self::deposit_event(Event::AccreditationSuspended { body, scheme });
		Ok(())
	}

	/// `withdraw_accreditation`, after the origin check.
	pub(crate) fn do_withdraw_accreditation(
		officer: AgencyOfficer<T::AccountId>,
		body: Uscc,
		scheme: SchemeId,
		reason: Text<T::MaxReasonLength>,
		void_certificates: bool,
	) -> DispatchResult {
		let mut record = Accreditations::<T>::get(body, scheme).ok_or(Error::<T>::NotAccredited)?;
		ensure!(record.status != AccreditationStatus::Withdrawn, Error::<T>::AlreadyWithdrawn);
		Self::check_text(&reason)?;
		let now = Self::now();
		record.status = AccreditationStatus::Withdrawn;
		record.since = now;
		record.by = officer;
		record.reason = reason;
		Accreditations::<T>::insert(body, scheme, record);
		if void_certificates {
			VoidedBefore::<T>::insert(body, scheme, now);
		}
		Self::deposit_event(Event::AccreditationWithdrawn {
			body,
			scheme,
			voided: void_certificates,
		});
		Ok(())
	}

	/// The signer acts for `body`, which is accredited for `scheme` now: returns the
	/// accreditation.
	fn check_issuer(
		who: &T::AccountId,
		body: &Uscc,
		scheme: SchemeId,
		now: UnixMillis,
	) -> Result<Accreditation<T>, DispatchError> {
		let operators = Bodies::<T>::get(body).ok_or(Error::<T>::UnknownBody)?;
		ensure!(operators.contains(who), Error::<T>::NotOperator);
		let accreditation =
			Accreditations::<T>::get(body, scheme).ok_or(Error::<T>::NotAccredited)?;
		ensure!(accreditation.is_in_force(now), Error::<T>::AccreditationNotInForce);
		Self::check_organisation(body)?;
		Ok(accreditation)
	}

	/// `issue` and `issue_batch`, after the signature check: every recipient is checked
	/// before anything is written.
	pub(crate) fn do_issue(
		who: T::AccountId,
		body: Uscc,
		scheme: SchemeId,
		recipients: Vec<Recipient<T>>,
	) -> DispatchResult {
		let record = Self::open_scheme(scheme)?;
		let now = Self::now();
		let accreditation = Self::check_issuer(&who, &body, scheme, now)?;
		ensure!(!recipients.is_empty(), Error::<T>::EmptyBatch);
		let mut holders = BTreeSet::new();
		for recipient in &recipients {
			ensure!(
				recipient.holder != H256::zero() && recipient.document != H256::zero(),
				Error::<T>::EmptyHash
			);
			ensure!(holders.insert(recipient.holder), Error::<T>::DuplicateHolder);
			if let Some(required) = record.prerequisite {
				ensure!(
					Self::holds_valid(&recipient.holder, required, now),
					Error::<T>::PrerequisiteMissing
				);
			}
			ensure!(
				!Self::holds_current(&recipient.holder, scheme, now),
				Error::<T>::AlreadyCertified
			);
		}
		let first = NextCertificateId::<T>::get();
		let next = first.checked_add(recipients.len() as u64).ok_or(Error::<T>::Overflow)?;
		let expires_at = Self::expiry_after(&record, now);
		for (id, recipient) in (first..next).zip(recipients) {
			Certificates::<T>::insert(
				id,
				Certificate {
					scheme,
					issuer: body,
					issued_by: who.clone(),
					holder: recipient.holder,
					holder_account: recipient.account,
					document: recipient.document,
					issued_at: now,
					expires_at,
					accredited_window: (accreditation.valid_from, accreditation.valid_until),
					state: CertificateState::Issued,
					renewals: 0,
				},
			);
			HolderCertificates::<T>::insert(recipient.holder, scheme, id);
			IssuedBy::<T>::insert((body, scheme), id, ());
			Self::deposit_event(Event::Issued {
				certificate: id,
				scheme,
				issuer: body,
				holder: recipient.holder,
			});
		}
		NextCertificateId::<T>::put(next);
		Ok(())
	}

	/// The scheme's validity after `from`; `None` for life.
	fn expiry_after(scheme: &Scheme<T>, from: UnixMillis) -> Option<UnixMillis> {
		scheme
			.validity_days
			.map(|days| from.saturating_add(u64::from(days).saturating_mul(MILLIS_PER_DAY)))
	}

	/// Whether the holder's latest certificate of `scheme` verifies as valid at `now`.
	fn holds_valid(holder: &H256, scheme: SchemeId, now: UnixMillis) -> bool {
		HolderCertificates::<T>::get(holder, scheme)
			.and_then(|id| Certificates::<T>::get(id))
			.is_some_and(|certificate| {
				matches!(Self::status_of(&certificate, now), VerificationStatus::Valid { .. })
			})
	}

	/// Whether the holder's latest certificate of `scheme` is still current: neither revoked
	/// nor expired (a suspended one is current: it may be reinstated).
	fn holds_current(holder: &H256, scheme: SchemeId, now: UnixMillis) -> bool {
		HolderCertificates::<T>::get(holder, scheme)
			.and_then(|id| Certificates::<T>::get(id))
			.is_some_and(|certificate| {
				!matches!(certificate.state, CertificateState::Revoked { .. })
					&& certificate.expires_at.is_none_or(|expiry| now < expiry)
			})
	}

	/// `renew`, after the signature check.
	pub(crate) fn do_renew(who: T::AccountId, id: CertificateId, document: H256) -> DispatchResult {
		let mut certificate = Certificates::<T>::get(id).ok_or(Error::<T>::UnknownCertificate)?;
		let now = Self::now();
		Self::check_issuer(&who, &certificate.issuer, certificate.scheme, now)?;
		Self::check_in_effect(&certificate)?;
		let scheme = Self::open_scheme(certificate.scheme)?;
		ensure!(document != H256::zero(), Error::<T>::EmptyHash);
		let previous_expiry = certificate.expires_at;
		let from = previous_expiry.ok_or(Error::<T>::NeverExpires)?.max(now);
		let new_expiry = Self::expiry_after(&scheme, from);
		let mut renewals = Renewals::<T>::get(id);
		renewals
			.try_push(Renewal { at: now, by: who, previous_expiry, new_expiry, document })
			.map_err(|_| Error::<T>::TooManyRenewals)?;
		certificate.expires_at = new_expiry;
		certificate.document = document;
		certificate.renewals = renewals.len() as u32;
		Certificates::<T>::insert(id, certificate);
		Renewals::<T>::insert(id, renewals);
		Self::deposit_event(Event::Renewed { certificate: id, expires_at: new_expiry });
		Ok(())
	}

	/// Neither revoked nor suspended.
	fn check_in_effect(certificate: &Certificate<T>) -> DispatchResult {
		match certificate.state {
			CertificateState::Issued => Ok(()),
			CertificateState::Suspended { .. } => Err(Error::<T>::CertificateSuspended.into()),
			CertificateState::Revoked { .. } => Err(Error::<T>::CertificateRevoked.into()),
		}
	}

	/// The ministry, or an operator of the certificate's issuer (whatever its accreditation:
	/// a body may always suspend or revoke what it issued).
	pub(crate) fn issuer_or_ministry(
		origin: OriginFor<T>,
		id: CertificateId,
	) -> Result<(Actor<T::AccountId>, Certificate<T>), DispatchError> {
		let actor = match T::MinistryOrigin::try_origin(origin) {
			Ok(officer) => Actor::Ministry(officer),
			Err(origin) => Actor::Issuer(ensure_signed(origin)?),
		};
		let certificate = Certificates::<T>::get(id).ok_or(Error::<T>::UnknownCertificate)?;
		if let Actor::Issuer(who) = &actor {
			ensure!(
				Bodies::<T>::get(certificate.issuer)
					.is_some_and(|operators| operators.contains(who)),
				Error::<T>::NotIssuerOrMinistry
			);
		}
		Ok((actor, certificate))
	}

	/// `suspend`, after the origin check.
	pub(crate) fn do_suspend(
		actor: Actor<T::AccountId>,
		id: CertificateId,
		mut certificate: Certificate<T>,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		Self::check_in_effect(&certificate)?;
		Self::check_text(&reason)?;
		certificate.state =
			CertificateState::Suspended { since: Self::now(), reason, by: actor.clone() };
		Certificates::<T>::insert(id, certificate);
		Self::deposit_event(Event::Suspended { certificate: id, by: actor });
		Ok(())
	}

	/// `reinstate`, after the origin check.
	pub(crate) fn do_reinstate(
		actor: Actor<T::AccountId>,
		id: CertificateId,
		mut certificate: Certificate<T>,
	) -> DispatchResult {
		match certificate.state {
			CertificateState::Suspended { .. } => {},
			CertificateState::Revoked { .. } => Err(Error::<T>::CertificateRevoked)?,
			CertificateState::Issued => Err(Error::<T>::NotSuspended)?,
		}
		certificate.state = CertificateState::Issued;
		Certificates::<T>::insert(id, certificate);
		Self::deposit_event(Event::Reinstated { certificate: id, by: actor });
		Ok(())
	}

	/// `revoke`, after the origin check.
	pub(crate) fn do_revoke(
		actor: Actor<T::AccountId>,
		id: CertificateId,
		mut certificate: Certificate<T>,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		ensure!(
			!matches!(certificate.state, CertificateState::Revoked { .. }),
			Error::<T>::CertificateRevoked
		);
		Self::check_text(&reason)?;
		certificate.state =
			CertificateState::Revoked { at: Self::now(), reason, by: actor.clone() };
		Certificates::<T>::insert(id, certificate);
		Self::deposit_event(Event::Revoked { certificate: id, by: actor });
		Ok(())
	}

	/// `revoke_issued_by`, after the origin check: returns how many certificates it handled.
	pub(crate) fn do_revoke_issued_by(
		officer: AgencyOfficer<T::AccountId>,
		body: Uscc,
		scheme: SchemeId,
		reason: Text<T::MaxReasonLength>,
	) -> Result<u32, DispatchError> {
		let accreditation =
			Accreditations::<T>::get(body, scheme).ok_or(Error::<T>::NotAccredited)?;
		ensure!(accreditation.status == AccreditationStatus::Withdrawn, Error::<T>::NotWithdrawn);
		Self::check_text(&reason)?;
		let key = (body, scheme);
		let mut ids = match RevocationCursor::<T>::get(key) {
			Some(last) => {
				IssuedBy::<T>::iter_key_prefix_from(key, IssuedBy::<T>::hashed_key_for(key, last))
			},
			None => IssuedBy::<T>::iter_key_prefix(key),
		}
		.peekable();
		let now = Self::now();
		let actor = Actor::Ministry(officer);
		let (mut handled, mut revoked) = (0u32, 0u32);
		let mut last = None;
		for id in ids.by_ref().take(T::MaxRevocationsPerCall::get() as usize) {
			handled = handled.saturating_add(1);
			last = Some(id);
			let Some(mut certificate) = Certificates::<T>::get(id) else { continue };
			if matches!(certificate.state, CertificateState::Revoked { .. }) {
				continue;
			}
			certificate.state =
				CertificateState::Revoked { at: now, reason: reason.clone(), by: actor.clone() };
			Certificates::<T>::insert(id, certificate);
			revoked = revoked.saturating_add(1);
		}
		let complete = ids.peek().is_none();
		if let Some(last) = last {
			RevocationCursor::<T>::insert(key, last);
		}
		Self::deposit_event(Event::BodyCertificatesRevoked { body, scheme, revoked, complete });
		Ok(handled)
	}

	/// What a verifier is told about `certificate` at `now`, most serious first.
	pub fn status_of(certificate: &Certificate<T>, now: UnixMillis) -> VerificationStatus<T> {
		if let CertificateState::Revoked { at, reason, by } = &certificate.state {
			return VerificationStatus::Revoked { at: *at, reason: reason.clone(), by: by.clone() };
		}
		let voided = VoidedBefore::<T>::get(certificate.issuer, certificate.scheme)
			.is_some_and(|before| certificate.issued_at < before);
		if voided {
			return VerificationStatus::IssuerNotAccredited;
		}
		if let CertificateState::Suspended { since, reason, .. } = &certificate.state {
			return VerificationStatus::Suspended { since: *since, reason: reason.clone() };
		}
		match certificate.expires_at {
			Some(at) if now >= at => VerificationStatus::Expired { at },
			until => VerificationStatus::Valid { until },
		}
	}

	/// The verification of certificate `id` now.
	pub fn verify(id: CertificateId) -> Option<Verification<T>> {
		let certificate = Certificates::<T>::get(id)?;
		let (from, until) = certificate.accredited_window;
		Some(Verification {
			id,
			status: Self::status_of(&certificate, Self::now()),
			issuer_accredited_at_issue: from <= certificate.issued_at
				&& certificate.issued_at < until,
			issuer_now: Accreditations::<T>::get(certificate.issuer, certificate.scheme),
			certificate,
		})
	}

	/// The verification of the holder's latest certificate of `scheme` now.
	pub fn verify_holder(holder: H256, scheme: SchemeId) -> Option<Verification<T>> {
		Self::verify(HolderCertificates::<T>::get(holder, scheme)?)
	}

	/// The invariants: numbering runs below its counters; every certificate has a known
	/// scheme, a registered issuer, an index entry under its issuer, a renewal count equal
	/// to its history and was issued within the window it records; every holder index
	/// points at a certificate of that holder and scheme; prerequisites point at earlier
	/// schemes (so they never form a cycle).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next_scheme = NextSchemeId::<T>::get();
		for (id, scheme) in Schemes::<T>::iter() {
			ensure!(id < next_scheme, "a scheme numbered beyond the counter");
			ensure!(
				scheme.prerequisite.is_none_or(|required| required < id),
				"a later prerequisite"
			);
		}
		let next_certificate = NextCertificateId::<T>::get();
		let mut count: u64 = 0;
		for (id, certificate) in Certificates::<T>::iter() {
			count = count.saturating_add(1);
			ensure!(id < next_certificate, "a certificate numbered beyond the counter");
			ensure!(Schemes::<T>::contains_key(certificate.scheme), "a certificate of no scheme");
			ensure!(Bodies::<T>::contains_key(certificate.issuer), "a certificate of no body");
			ensure!(
				IssuedBy::<T>::contains_key((certificate.issuer, certificate.scheme), id),
				"a certificate missing under its issuer"
			);
			ensure!(
				certificate.renewals == Renewals::<T>::get(id).len() as u32,
				"a renewal count out of step"
			);
			let (from, until) = certificate.accredited_window;
			ensure!(
				from <= certificate.issued_at && certificate.issued_at < until,
				"a certificate issued outside its issuer's window"
			);
		}
		ensure!(count == next_certificate, "a gap in the certificates' numbering");
		ensure!(
			IssuedBy::<T>::iter_keys().count() as u64 == count,
			"an issuer entry of no certificate"
		);
		for (holder, scheme, id) in HolderCertificates::<T>::iter() {
			let certificate =
				Certificates::<T>::get(id).ok_or("a holder entry of no certificate")?;
			ensure!(
				certificate.holder == holder && certificate.scheme == scheme,
				"a holder entry pointing at another's certificate"
			);
		}
		for key in Renewals::<T>::iter_keys() {
			ensure!(Certificates::<T>::contains_key(key), "renewals of no certificate");
		}
		Ok(())
	}
}
