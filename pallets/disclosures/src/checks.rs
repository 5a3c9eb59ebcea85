//! The calls' logic — who may file, what a filing must satisfy, attestation and the
//! regulator's records — and the reads behind the runtime API.

use crate::{pallet::*, types::*};
use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use govchain_domain_types::{AgencyOfficer, CompanyRegistry, UnixMillis, Uscc};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult, TryRuntimeError},
};

const MILLIS_PER_DAY: u64 = 86_400_000;

impl<T: Config> Pallet<T> {
	/// `file`, after the signature check.
	pub(crate) fn do_file(
		who: T::AccountId,
		company: Uscc,
		period: Period,
		content: FilingContent<T>,
	) -> DispatchResult {
		Self::check_filer(&who, &company)?;
		ensure!(period.is_valid(), Error::<T>::InvalidPeriod);
		let now = Self::now();
		ensure!(period.fileable_from() <= now, Error::<T>::PeriodNotEnded);
		ensure!(!LatestVersion::<T>::contains_key(company, period), Error::<T>::AlreadyFiled);
		Self::check_content(&content)?;
		let filing = Self::record(who, period, content, now, None, Default::default());
		let late = filing.late;
		Filings::<T>::insert((company, period, 1), filing);
		LatestVersion::<T>::insert(company, period, 1);
		Self::deposit_event(Event::Filed {
			filing: FilingId { company, period, version: 1 },
			late,
		});
		Ok(())
	}

	/// `amend`, after the signature check.
	pub(crate) fn do_amend(
		who: T::AccountId,
		company: Uscc,
		period: Period,
		amends: Version,
		content: FilingContent<T>,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		Self::check_filer(&who, &company)?;
		let latest = LatestVersion::<T>::get(company, period).ok_or(Error::<T>::UnknownFiling)?;
		ensure!(amends == latest, Error::<T>::NotLatestVersion);
		let version = latest
			.checked_add(1)
			.filter(|version| u32::from(*version) <= T::MaxVersions::get())
			.ok_or(Error::<T>::TooManyVersions)?;
		Self::check_reason(&reason)?;
		Self::check_content(&content)?;
		let filing = Self::record(who, period, content, Self::now(), Some(amends), reason);
		let late = filing.late;
		Filings::<T>::insert((company, period, version), filing);
		LatestVersion::<T>::insert(company, period, version);
		Self::deposit_event(Event::Amended {
			filing: FilingId { company, period, version },
			amends,
			late,
		});
		Ok(())
	}

	/// A version as stored: stamped with the time, the deadline in force and lateness.
	fn record(
		filed_by: T::AccountId,
		period: Period,
		content: FilingContent<T>,
		now: UnixMillis,
		amends: Option<Version>,
		reason: Text<T::MaxReasonLength>,
	) -> Filing<T> {
		let deadline = Self::deadline_of(&period);
		Filing {
			content,
			filed_by,
			filed_at: now,
			deadline,
			late: deadline.is_some_and(|deadline| now >= deadline),
			amends,
			reason,
		}
	}

	/// The moment filings for `period` become late under the deadline in force now.
	pub fn deadline_of(period: &Period) -> Option<UnixMillis> {
		Deadlines::<T>::get(period.kind())
			.map(|days| period.end().saturating_add(u64::from(days).saturating_mul(MILLIS_PER_DAY)))
	}

	/// The signer may file for the company: it is registered, active, on neither list, and
	/// the signer is one of its controllers.
	fn check_filer(who: &T::AccountId, company: &Uscc) -> DispatchResult {
		let standing = T::Registry::standing(company).ok_or(Error::<T>::UnknownCompany)?;
		ensure!(
			standing.status == govchain_domain_types::CompanyStatus::Active,
			Error::<T>::CompanyNotActive
		);
		ensure!(
			standing.abnormal_listings == 0 && standing.serious_violation_since.is_none(),
			Error::<T>::CompanyListedAbnormal
		);
		ensure!(T::Registry::is_controller(company, who), Error::<T>::NotController);
		Ok(())
	}

	/// The content's rules: figures' signs and the equity identity, well-formed distinct
	/// concepts, a document hash, a well-formed URI.
	pub fn check_content(content: &FilingContent<T>) -> DispatchResult {
		let figures = &content.figures;
		ensure!(
			[figures.revenue, figures.total_assets, figures.total_liabilities]
				.iter()
				.all(|figure| figure.is_none_or(|value| value >= 0)),
			Error::<T>::NegativeFigure
		);
		if let (Some(assets), Some(liabilities), Some(equity)) =
			(figures.total_assets, figures.total_liabilities, figures.equity)
		{
			ensure!(assets.checked_sub(liabilities) == Some(equity), Error::<T>::EquityMismatch);
		}
		let mut concepts = BTreeSet::new();
		for fact in content.facts.iter() {
			ensure!(is_qualified_name(&fact.concept), Error::<T>::InvalidConcept);
			ensure!(concepts.insert(&fact.concept[..]), Error::<T>::DuplicateConcept);
		}
		ensure!(content.document.digest != H256::zero(), Error::<T>::EmptyDocumentHash);
		if let Some(uri) = &content.uri {
			ensure!(is_uri(uri), Error::<T>::InvalidUri);
		}
		Ok(())
	}

	/// A reason or note: not empty, UTF-8.
	fn check_reason(reason: &[u8]) -> DispatchResult {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		ensure!(core::str::from_utf8(reason).is_ok(), Error::<T>::NotUtf8);
		Ok(())
	}

	/// `attest`, after the signature check.
	pub(crate) fn do_attest(
		who: T::AccountId,
		auditor: Uscc,
		id: FilingId,
		document: DocumentHash,
		opinion: Opinion,
	) -> DispatchResult {
		let filing = Self::filing(&id)?;
		Self::check_accredited(&auditor)?;
		ensure!(T::Registry::is_controller(&auditor, &who), Error::<T>::NotController);
		ensure!(auditor != id.company, Error::<T>::SelfAudit);
		ensure!(
			LatestVersion::<T>::get(id.company, id.period) == Some(id.version),
			Error::<T>::Superseded
		);
		ensure!(filing.content.document == document, Error::<T>::DocumentMismatch);
		let mut attestations = Attestations::<T>::get((id.company, id.period, id.version));
		ensure!(
			attestations.iter().all(|attestation| attestation.auditor != auditor),
			Error::<T>::AlreadyAttested
		);
		attestations
			.try_push(Attestation {
				auditor,
				signed_by: who,
				opinion,
				document,
				attested_at: Self::now(),
			})
			.map_err(|_| Error::<T>::TooManyAttestations)?;
		Attestations::<T>::insert((id.company, id.period, id.version), attestations);
		Self::deposit_event(Event::Attested { filing: id, auditor, opinion });
		Ok(())
	}

	/// The firm may attest now.
	fn check_accredited(firm: &Uscc) -> DispatchResult {
		match Auditors::<T>::get(firm).map(|accreditation| accreditation.status) {
			Some(AuditorStatus::Accredited) => Ok(()),
			Some(AuditorStatus::Suspended) => Err(Error::<T>::AuditorSuspended.into()),
			Some(AuditorStatus::Withdrawn) => Err(Error::<T>::AuditorWithdrawn.into()),
			None => Err(Error::<T>::NotAnAuditor.into()),
		}
	}

	/// A recorded filing, or `UnknownFiling`.
	fn filing(id: &FilingId) -> Result<Filing<T>, DispatchError> {
		Ok(Filings::<T>::get((id.company, id.period, id.version))
			.ok_or(Error::<T>::UnknownFiling)?)
	}

	/// `accredit_auditor`, after the origin check.
	pub(crate) fn do_accredit_auditor(
		officer: AgencyOfficer<T::AccountId>,
		firm: Uscc,
	) -> DispatchResult {
		let status = T::Registry::status(&firm).ok_or(Error::<T>::UnknownCompany)?;
		ensure!(!status.is_closed(), Error::<T>::CompanyClosed);
		ensure!(
			Auditors::<T>::get(firm)
				.is_none_or(|accreditation| accreditation.status != AuditorStatus::Accredited),
			Error::<T>::AlreadyAccredited
		);
		Auditors::<T>::insert(
			firm,
			Accreditation {
				status: AuditorStatus::Accredited,
				since: Self::now(),
				by: officer.clone(),
				reason: Default::default(),
			},
		);
		Self::deposit_event(Event::AuditorAccredited { firm, officer });
		Ok(())
	}

	/// `suspend_auditor` and `withdraw_auditor`, after the origin check.
	pub(crate) fn change_auditor(
		officer: AgencyOfficer<T::AccountId>,
		firm: Uscc,
		status: AuditorStatus,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let current = Auditors::<T>::get(firm).ok_or(Error::<T>::NotAnAuditor)?.status;
		match (current, status) {
			(AuditorStatus::Withdrawn, _) => Err(Error::<T>::AuditorWithdrawn)?,
			(AuditorStatus::Suspended, AuditorStatus::Suspended) => {
				Err(Error::<T>::AuditorSuspended)?
			},
			_ => {},
		}
		Self::check_reason(&reason)?;
		Auditors::<T>::insert(
			firm,
			Accreditation { status, since: Self::now(), by: officer.clone(), reason },
		);
		Self::deposit_event(match status {
			AuditorStatus::Suspended => Event::AuditorSuspended { firm, officer },
			_ => Event::AuditorWithdrawn { firm, officer },
		});
		Ok(())
	}

	/// `annotate`, after the origin check.
	pub(crate) fn do_annotate(
		officer: AgencyOfficer<T::AccountId>,
		id: FilingId,
		kind: AnnotationKind,
		note: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		Self::filing(&id)?;
		Self::check_reason(&note)?;
		let mut annotations = Annotations::<T>::get((id.company, id.period, id.version));
		annotations
			.try_push(Annotation { kind, officer: officer.clone(), at: Self::now(), note })
			.map_err(|_| Error::<T>::TooManyAnnotations)?;
		Annotations::<T>::insert((id.company, id.period, id.version), annotations);
		Self::deposit_event(Event::Annotated { filing: id, kind, officer });
		Ok(())
	}

	/// `flag_company`, after the origin check.
	pub(crate) fn do_flag_company(
		officer: AgencyOfficer<T::AccountId>,
		company: Uscc,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		ensure!(T::Registry::standing(&company).is_some(), Error::<T>::UnknownCompany);
		Self::check_reason(&reason)?;
		let index = FlagCount::<T>::get(company);
		let next = index.checked_add(1).ok_or(Error::<T>::TooManyFlags)?;
		Flags::<T>::insert(
			company,
			index,
			Flag { officer: officer.clone(), at: Self::now(), reason, lifted: None },
		);
		FlagCount::<T>::insert(company, next);
		Self::deposit_event(Event::CompanyFlagged { company, index, officer });
		Ok(())
	}

	/// `lift_flag`, after the origin check.
	pub(crate) fn do_lift_flag(
		officer: AgencyOfficer<T::AccountId>,
		company: Uscc,
		index: u32,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let mut flag = Flags::<T>::get(company, index).ok_or(Error::<T>::UnknownFlag)?;
		ensure!(flag.lifted.is_none(), Error::<T>::FlagAlreadyLifted);
		Self::check_reason(&reason)?;
		flag.lifted = Some(FlagLifting { officer: officer.clone(), at: Self::now(), reason });
		Flags::<T>::insert(company, index, flag);
		Self::deposit_event(Event::FlagLifted { company, index, officer });
		Ok(())
	}

	/// `set_deadline`, after the origin check.
	pub(crate) fn do_set_deadline(kind: FilingKind, days: Option<u16>) -> DispatchResult {
		ensure!(days.is_none_or(|days| days <= MAX_DEADLINE_DAYS), Error::<T>::DeadlineTooLong);
		match days {
			Some(days) => Deadlines::<T>::insert(kind, days),
			None => Deadlines::<T>::remove(kind),
		}
		Self::deposit_event(Event::DeadlineSet { kind, days });
		Ok(())
	}

	/// A version as investors read it, with the company's standing now.
	pub fn filing_view(id: FilingId) -> Option<FilingView<T>> {
		let filing = Filings::<T>::get((id.company, id.period, id.version))?;
		let superseded = LatestVersion::<T>::get(id.company, id.period)
			.is_some_and(|latest| latest > id.version);
		Some(FilingView {
			id,
			filing,
			superseded,
			company_standing: T::Registry::standing(&id.company),
		})
	}

	/// The latest version for a company and period.
	pub fn latest_filing(company: Uscc, period: Period) -> Option<FilingView<T>> {
		let version = LatestVersion::<T>::get(company, period)?;
		Self::filing_view(FilingId { company, period, version })
	}

	/// Every version for a company and period, the original first.
	pub fn versions(company: Uscc, period: Period) -> Vec<FilingView<T>> {
		let latest = LatestVersion::<T>::get(company, period).unwrap_or(0);
		(1..=latest)
			.filter_map(|version| Self::filing_view(FilingId { company, period, version }))
			.collect()
	}

	/// A version's attestations, each with the firm's accreditation now.
	pub fn attestations_of(id: FilingId) -> Vec<AttestationView<T>> {
		Attestations::<T>::get((id.company, id.period, id.version))
			.into_iter()
			.map(|attestation| {
				let auditor_now = Auditors::<T>::get(attestation.auditor);
				AttestationView { attestation, auditor_now }
			})
			.collect()
	}

	/// Up to `count` (at most [`MAX_PAGE`]) of the company's periods after `start_after`,
	/// each with its latest version, and the period to continue after if more follow.
	pub fn filings_page(
		company: Uscc,
		start_after: Option<Period>,
		count: u32,
	) -> (Vec<FilingView<T>>, Option<Period>) {
		let mut periods = match start_after {
			Some(period) => LatestVersion::<T>::iter_prefix_from(
				company,
				LatestVersion::<T>::hashed_key_for(company, period),
			),
			None => LatestVersion::<T>::iter_prefix(company),
		}
		.peekable();
		let mut page = Vec::new();
		let mut last = None;
		for (period, version) in periods.by_ref().take(count.clamp(1, MAX_PAGE) as usize) {
			page.extend(Self::filing_view(FilingId { company, period, version }));
			last = Some(period);
		}
		let next = periods.peek().and(last);
		(page, next)
	}

	/// Up to `count` (at most [`MAX_PAGE`]) of the company's flags from number `start`.
	pub fn flags_page(company: Uscc, start: u32, count: u32) -> Vec<(u32, Flag<T>)> {
		let end = start.saturating_add(count.clamp(1, MAX_PAGE)).min(FlagCount::<T>::get(company));
		(start..end)
			.filter_map(|index| Some((index, Flags::<T>::get(company, index)?)))
			.collect()
	}

	/// The invariants: every company's versions run from 1 to its latest without gaps,
	/// each amending the one before with a reason, each meeting the content rules and
	/// stamped late exactly when filed at or after its deadline; attestations and
	/// annotations belong to recorded filings, attestations to accredited-at-some-time
	/// firms and to the filing's document; flags are numbered below their count.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut versions: u64 = 0;
		for (company, period, latest) in LatestVersion::<T>::iter() {
			ensure!(latest >= 1, "a period with no version");
			ensure!(u32::from(latest) <= T::MaxVersions::get(), "more versions than the bound");
			for version in 1..=latest {
				let filing = Filings::<T>::get((company, period, version))
					.ok_or("a gap in a filing's versions")?;
				let expected = version.checked_sub(1).filter(|amended| *amended > 0);
				ensure!(filing.amends == expected, "an amendment not linked to the one before");
				ensure!(
					filing.reason.is_empty() == (version == 1),
					"an amendment without a reason, or an original with one"
				);
				ensure!(
					filing.late
						== filing.deadline.is_some_and(|deadline| filing.filed_at >= deadline),
					"lateness that does not follow from the deadline"
				);
				Self::check_content(&filing.content).map_err(|_| "content breaking the rules")?;
			}
			versions = versions.saturating_add(latest.into());
		}
		ensure!(
			Filings::<T>::iter_keys().count() as u64 == versions,
			"a version beyond its latest"
		);
		for ((company, period, version), attestations) in Attestations::<T>::iter() {
			let filing = Filings::<T>::get((company, period, version))
				.ok_or("an attestation of no filing")?;
			for attestation in attestations {
				ensure!(
					Auditors::<T>::contains_key(attestation.auditor),
					"an attestation by a firm never accredited"
				);
				ensure!(
					attestation.document == filing.content.document,
					"an attestation of another document"
				);
			}
		}
		for key in Annotations::<T>::iter_keys() {
			ensure!(Filings::<T>::contains_key(key), "an annotation of no filing");
		}
		for (company, index) in Flags::<T>::iter_keys() {
			ensure!(index < FlagCount::<T>::get(company), "a flag beyond its company's count");
		}
		let flags: u64 = FlagCount::<T>::iter_values().map(u64::from).sum();
		ensure!(Flags::<T>::iter_keys().count() as u64 == flags, "a flag count out of step");
		Ok(())
	}
}

/// Whether `name` is an XBRL qualified name: `prefix:LocalName`, each part an ASCII NCName
/// (a letter or `_`, then letters, digits, `-`, `_` or `.`).
fn is_qualified_name(name: &[u8]) -> bool {
	let is_ncname = |part: &[u8]| match part.split_first() {
		Some((first, rest)) => {
			(first.is_ascii_alphabetic() || *first == b'_')
				&& rest
					.iter()
					.all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
		},
		None => false,
	};
	let mut parts = name.splitn(2, |c| *c == b':');
	match (parts.next(), parts.next()) {
		(Some(prefix), Some(local)) => is_ncname(prefix) && is_ncname(local),
		_ => false,
	}
}

/// Whether `uri` is an ASCII URI with a scheme (RFC 3986: a letter, then letters, digits,
/// `+`, `-` or `.`, then `:`) followed by something, and no spaces or control characters.
fn is_uri(uri: &[u8]) -> bool {
	let Some(colon) = uri.iter().position(|c| *c == b':') else { return false };
	let (scheme, rest) = uri.split_at(colon);
	let scheme_ok = scheme.split_first().is_some_and(|(first, tail)| {
		first.is_ascii_alphabetic()
			&& tail
				.iter()
				.all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
	});
	scheme_ok && rest.len() > 1 && uri.iter().all(|c| (0x21..=0x7e).contains(c))
}
