//! Registration (设立登记), amendment (变更登记) and controllers: the checks a record must
//! pass whenever it is written.

use crate::features::reads::SERIOUS_VIOLATION_YEARS;
use crate::{pallet::*, types::*};
use alloc::collections::btree_set::BTreeSet;
use govchain_domain_types::{
	calendar::{annual_report_deadline, year_in_cst, years_after},
	AgencyOfficer, CheckFailures, CompanyStatus, PartyRef, RegistrationAuthority, UnixMillis, Uscc,
};
use polkadot_sdk::{
	frame_support::{ensure, BoundedVec},
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult},
};

impl<T: Config> Pallet<T> {
	/// `register`, after the origin and jurisdiction checks. Returns how many companies the
	/// representative's bar read, which the call's weight depends on.
	pub(crate) fn do_register(
		officer: AgencyOfficer<T::AccountId>,
		uscc: Uscc,
		particulars: Particulars<T>,
		controllers: BoundedVec<T::AccountId, T::MaxControllers>,
		accepted_check_failures: CheckFailures,
		reason: Text<T::MaxReasonLength>,
	) -> Result<u32, DispatchError> {
		Self::check_code(&uscc, accepted_check_failures)?;
		ensure!(!Companies::<T>::contains_key(uscc), Error::<T>::AlreadyRegistered);
		let now = Self::now();
		Self::check_particulars(&uscc, &particulars, None, now)?;
		Self::check_controllers(&officer, &controllers)?;
		let representative = particulars.legal_representative;
		let (represented, bar_reads) = Self::representation_added(&representative, &uscc, now)?;
		let company = Company {
			next_report_year: Self::first_report_year(&particulars, now),
			particulars: particulars.clone(),
			status: CompanyStatus::Active,
			abnormal_listings: Default::default(),
			serious_violation_since: None,
			accepted_check_failures,
			registered_by: officer.clone(),
			registered_at: now,
			controllers: controllers.clone(),
			contact: Contact::default(),
		};
		let agency = officer.agency;
		let change = Change::Registered { particulars, controllers, accepted_check_failures };
		let record = Self::history_record(now, Actor::Officer(officer), change, reason);
		RepresentedCompanies::<T>::insert(representative, represented);
		Self::commit(&uscc, company, record, None, |entry| Event::CompanyRegistered {
			uscc,
			agency,
			accepted_check_failures,
			entry,
		})?;
		Ok(bar_reads)
	}

	/// The first year whose report a company brought on chain at `now` owes: the year it
	/// was established, the current year, or before 1 July the previous year, whose report
	/// is still due.
	fn first_report_year(particulars: &Particulars<T>, now: UnixMillis) -> u16 {
		let this_year = year_in_cst(now);
		let previous_year = this_year.saturating_sub(1);
		let due =
			if now < annual_report_deadline(previous_year) { previous_year } else { this_year };
		particulars.established_on.year.max(due)
	}

	/// `amend`, after the origin and jurisdiction checks. Returns how many companies the new
	/// legal representative's bar read (none when the representative stays).
	pub(crate) fn do_amend(
		officer: AgencyOfficer<T::AccountId>,
		uscc: Uscc,
		amendment: Amendment<T>,
		reason: Text<T::MaxReasonLength>,
	) -> Result<u32, DispatchError> {
		let mut company = Self::open_company(&uscc)?;
		let now = Self::now();
		let particular = amendment.particular();
		let previous_representative = company.particulars.legal_representative;
		Self::apply_amendment(&mut company.particulars, amendment.clone());
		Self::check_particulars(&uscc, &company.particulars, Some(particular), now)?;
		let representative = company.particulars.legal_representative;
		let mut bar_reads = 0;
		if representative != previous_representative {
			let (represented, reads) = Self::representation_added(&representative, &uscc, now)?;
			bar_reads = reads;
			RepresentedCompanies::<T>::mutate(previous_representative, |companies| {
				companies.retain(|other| *other != uscc)
			});
			RepresentedCompanies::<T>::insert(representative, represented);
		}
		let actor = Actor::Officer(officer);
		let record = Self::history_record(now, actor, Change::Amended(amendment), reason);
		Self::commit(&uscc, company, record, None, |entry| Event::ParticularsAmended {
			uscc,
			particular,
			entry,
		})?;
		Ok(bar_reads)
	}

	/// `set_controllers`, after the origin and jurisdiction checks.
	pub(crate) fn do_set_controllers(
		officer: AgencyOfficer<T::AccountId>,
		uscc: Uscc,
		controllers: BoundedVec<T::AccountId, T::MaxControllers>,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let mut company = Self::open_company(&uscc)?;
		Self::check_controllers(&officer, &controllers)?;
		company.controllers = controllers.clone();
		let change = Change::ControllersSet(controllers.clone());
		let record = Self::history_record(Self::now(), Actor::Officer(officer), change, reason);
		Self::commit(&uscc, company, record, None, |entry| Event::ControllersSet {
			uscc,
			controllers,
			entry,
		})
	}

	/// The companies `representative` would represent with `uscc` added, if they may: not
	/// while a company they represent has been on the serious-violation list for less than
	/// three years (the bar of the Interim Regulations on Enterprise Information
	/// Publicity), and not beyond `MaxRepresentedCompanies`; with the number of companies
	/// read for the bar.
	fn representation_added(
		representative: &H256,
		uscc: &Uscc,
		now: UnixMillis,
	) -> Result<(BoundedVec<Uscc, T::MaxRepresentedCompanies>, u32), DispatchError> {
		let mut represented = RepresentedCompanies::<T>::get(representative);
		let bar_reads = u32::try_from(represented.len()).unwrap_or(u32::MAX);
		for other in represented.iter() {
			let Some(company) = Companies::<T>::get(other) else { continue };
			let barred_until = Self::standing_at(&company, now)
				.serious_violation_since
				.map(|since| years_after(since, SERIOUS_VIOLATION_YEARS));
			ensure!(
				barred_until.is_none_or(|until| until <= now),
				Error::<T>::RepresentativeBarred
			);
		}
		represented
			.try_push(*uscc)
			.map_err(|_| Error::<T>::RepresentsTooManyCompanies)?;
		Ok((represented, bar_reads))
	}

	/// A market-regulator code whose failing checks are exactly the accepted ones.
	fn check_code(uscc: &Uscc, accepted: CheckFailures) -> DispatchResult {
		ensure!(
			uscc.registration_authority() == RegistrationAuthority::MarketRegulator,
			Error::<T>::NotAMarketEntityCode
		);
		let failures = uscc.check_failures();
		ensure!(
			!failures.organisation_check || accepted.organisation_check,
			Error::<T>::CodeOrganisationCheckMismatch
		);
		ensure!(
			!failures.code_check || accepted.code_check,
			Error::<T>::CodeCheckCharacterMismatch
		);
		ensure!(failures == accepted, Error::<T>::CheckOverrideNotNeeded);
		Ok(())
	}

	/// Checks particulars as registered (`amended` is `None`) or amended, at time `now`.
	/// The capital rules are checked at registration and when the capital or the legal
	/// form changes, so that a record carried over from version 1 without contribution
	/// details can still be amended otherwise. Codes inside (currency, division, industry,
	/// parties' USCC and LEI) were checked when the call was decoded.
	fn check_particulars(
		uscc: &Uscc,
		particulars: &Particulars<T>,
		amended: Option<Particular>,
		now: UnixMillis,
	) -> DispatchResult {
		ensure!(
			particulars.kind.uscc_category() == uscc.category(),
			Error::<T>::KindDoesNotMatchCode
		);
		ensure!(!particulars.legal_name.is_empty(), Error::<T>::EmptyName);
		Self::check_utf8(&particulars.legal_name)?;
		if let Some(english_name) = &particulars.english_name {
			ensure!(!english_name.is_empty(), Error::<T>::EmptyName);
			Self::check_utf8(english_name)?;
		}
		ensure!(!particulars.registered_address.is_empty(), Error::<T>::EmptyAddress);
		Self::check_utf8(&particulars.registered_address)?;
		ensure!(!particulars.business_scope.is_empty(), Error::<T>::EmptyBusinessScope);
		Self::check_utf8(&particulars.business_scope)?;
		ensure!(particulars.established_on.is_valid(), Error::<T>::InvalidDate);
		ensure!(particulars.established_on.start_in_cst() <= now, Error::<T>::EstablishedInFuture);
		ensure!(
			particulars.legal_representative != H256::zero(),
			Error::<T>::MissingLegalRepresentative
		);
		if matches!(amended, None | Some(Particular::Capital) | Some(Particular::Kind)) {
			Self::check_capital(particulars)?;
		}
		Self::check_key_personnel(&particulars.key_personnel)
	}

	/// The shareholders: distinct, no more than the legal form allows, each with a
	/// subscription, its form, paid in no more than subscribed, and a deadline for what is
	/// unpaid within the legal one; the subscriptions adding up to the registered capital.
	fn check_capital(particulars: &Particulars<T>) -> DispatchResult {
		let shareholders = &particulars.shareholders;
		if let Some(bound) = particulars.kind.max_shareholders() {
			ensure!(shareholders.len() <= bound as usize, Error::<T>::TooManyShareholdersForKind);
		}
		let legal_deadline = particulars.capital_due_by();
		let mut parties = BTreeSet::new();
		let mut subscribed: u128 = 0;
		for holding in shareholders.iter() {
			Self::check_party(&holding.party)?;
			ensure!(parties.insert(holding.party), Error::<T>::DuplicateShareholder);
			ensure!(holding.subscribed > 0, Error::<T>::ZeroSubscription);
			ensure!(holding.paid_in <= holding.subscribed, Error::<T>::PaidInExceedsSubscription);
			ensure!(holding.form.is_some(), Error::<T>::MissingContributionForm);
			if holding.paid_in < holding.subscribed {
				let deadline =
					holding.subscription_deadline.ok_or(Error::<T>::MissingSubscriptionDeadline)?;
				ensure!(deadline.is_valid(), Error::<T>::InvalidDate);
				ensure!(
					legal_deadline.is_none_or(|legal| deadline <= legal),
					Error::<T>::SubscriptionDeadlineBeyondFiveYears
				);
			}
			subscribed = subscribed
				.checked_add(holding.subscribed)
				.ok_or(Error::<T>::SubscriptionsDoNotMatchCapital)?;
		}
		ensure!(
			shareholders.is_empty() || subscribed == particulars.registered_capital.amount,
			Error::<T>::SubscriptionsDoNotMatchCapital
		);
		Ok(())
	}

	fn check_key_personnel(key_personnel: &[KeyPerson]) -> DispatchResult {
		let mut positions = BTreeSet::new();
		for person in key_personnel {
			Self::check_party(&person.party)?;
			ensure!(positions.insert((person.role, person.party)), Error::<T>::DuplicateKeyPerson);
		}
		Ok(())
	}

	/// A person's hash must be set; entities' codes were checked when decoded.
	fn check_party(party: &PartyRef) -> DispatchResult {
		ensure!(*party != PartyRef::Person(H256::zero()), Error::<T>::InvalidPartyReference);
		Ok(())
	}

	/// Distinct accounts, the acting officer not among them.
	fn check_controllers(
		officer: &AgencyOfficer<T::AccountId>,
		controllers: &[T::AccountId],
	) -> DispatchResult {
		ensure!(!controllers.contains(&officer.officer), Error::<T>::OfficerAsController);
		let distinct: BTreeSet<&T::AccountId> = controllers.iter().collect();
		ensure!(distinct.len() == controllers.len(), Error::<T>::DuplicateController);
		Ok(())
	}

	pub(crate) fn check_utf8(text: &[u8]) -> DispatchResult {
		core::str::from_utf8(text).map_err(|_| Error::<T>::NotUtf8)?;
		Ok(())
	}

	/// Replaces the part of the particulars the amendment names.
	pub(crate) fn apply_amendment(particulars: &mut Particulars<T>, amendment: Amendment<T>) {
		match amendment {
			Amendment::Name { legal_name, english_name } => {
				particulars.legal_name = legal_name;
				particulars.english_name = english_name;
			},
			Amendment::Kind(kind) => particulars.kind = kind,
			Amendment::Capital { registered_capital, shareholders } => {
				particulars.registered_capital = registered_capital;
				particulars.shareholders = shareholders;
			},
			Amendment::RegisteredAddress { address, division } => {
				particulars.registered_address = address;
				particulars.division = division;
			},
			Amendment::BusinessScope(scope) => particulars.business_scope = scope,
			Amendment::Industry(industry) => particulars.industry = industry,
			Amendment::LegalRepresentative(hash) => particulars.legal_representative = hash,
			Amendment::KeyPersonnel(key_personnel) => particulars.key_personnel = key_personnel,
		}
	}
}
