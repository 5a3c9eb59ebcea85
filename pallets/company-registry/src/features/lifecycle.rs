//! The lifecycle (Market Entity Registration Regulations 2022): abnormal listings,
//! business suspension and resumption, liquidation, and the four-eyes closing decisions.

use crate::{pallet::*, types::*};
use govchain_domain_types::{
	calendar::years_after, AbnormalListing, AbnormalReason, AgencyOfficer, CivilDate,
	CompanyStatus, UnixMillis, Uscc,
};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::DispatchResult,
};

/// Longest business suspension, in years from its start.
pub(crate) const MAX_SUSPENSION_YEARS: u16 = 3;

impl<T: Config> Pallet<T> {
	/// `list_abnormal`, after the origin and jurisdiction checks.
	pub(crate) fn do_list_abnormal(
		officer: AgencyOfficer<T::AccountId>,
		uscc: Uscc,
		ground: AbnormalReason,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		ensure!(
			!matches!(ground, AbnormalReason::AnnualReportOverdue { .. }),
			Error::<T>::OverdueListingIsAutomatic
		);
		let mut company = Self::open_company(&uscc)?;
		let now = Self::now();
		ensure!(
			!Self::listings_at(&company, now)
				.iter()
				.any(|listing| same_ground(&listing.reason, &ground)),
			Error::<T>::AlreadyListed
		);
		Self::record_implied(&uscc, &mut company, now, &officer.officer)?;
		let listing = AbnormalListing { reason: ground, since: now };
		company
			.abnormal_listings
			.try_push(listing)
			.map_err(|_| Error::<T>::AlreadyListed)?;
		let record =
			Self::history_record(now, Actor::Officer(officer), Change::Listed(listing), reason);
		Self::commit(&uscc, company, record, None, |entry| Event::ListedAbnormal {
			uscc,
			listing,
			entry,
		})
	}

	/// `remove_listing`, after the origin and jurisdiction checks.
	pub(crate) fn do_remove_listing(
		officer: AgencyOfficer<T::AccountId>,
		uscc: Uscc,
		ground: AbnormalReason,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let mut company = Self::open_company(&uscc)?;
		let now = Self::now();
		ensure!(
			Self::listings_at(&company, now).iter().any(|listing| listing.reason == ground),
			Error::<T>::NotListed
		);
		if matches!(ground, AbnormalReason::AnnualReportOverdue { .. }) {
			ensure!(Self::overdue_year(&company, now).is_none(), Error::<T>::AnnualReportOverdue);
		}
		Self::record_implied(&uscc, &mut company, now, &officer.officer)?;
		let position = company
			.abnormal_listings
			.iter()
			.position(|listing| listing.reason == ground)
			.ok_or(Error::<T>::NotListed)?;
		let listing = company.abnormal_listings.remove(position);
		let change = Change::ListingRemoved(listing);
		let record = Self::history_record(now, Actor::Officer(officer), change, reason);
		Self::commit(&uscc, company, record, None, |entry| Event::ListingRemoved {
			uscc,
			listing,
			entry,
		})
	}

	/// `suspend_business`, after the origin checks.
	pub(crate) fn do_suspend_business(
		actor: Actor<T::AccountId>,
		uscc: Uscc,
		until: CivilDate,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let company = Self::open_company(&uscc)?;
		let now = Self::now();
		let since = match Self::status_at(&company, now) {
			CompanyStatus::Active => now,
			CompanyStatus::Suspended { since, .. } => since,
			CompanyStatus::Liquidating { .. } => return Err(Error::<T>::InLiquidation.into()),
			_ => return Err(Error::<T>::CompanyClosed.into()),
		};
		ensure!(until.is_valid(), Error::<T>::InvalidDate);
		let until = until.start_in_cst();
		ensure!(until > now, Error::<T>::SuspensionEndNotInFuture);
		ensure!(until <= years_after(since, MAX_SUSPENSION_YEARS), Error::<T>::SuspensionTooLong);
		Self::change_status(
			actor,
			uscc,
			company,
			CompanyStatus::Suspended { since, until },
			now,
			reason,
		)
	}

	/// `resume_business`, after the origin checks.
	pub(crate) fn do_resume_business(
		actor: Actor<T::AccountId>,
		uscc: Uscc,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let company = Self::open_company(&uscc)?;
		let now = Self::now();
		ensure!(
			matches!(Self::status_at(&company, now), CompanyStatus::Suspended { .. }),
			Error::<T>::NotSuspended
		);
		Self::change_status(actor, uscc, company, CompanyStatus::Active, now, reason)
	}

	/// `enter_liquidation`, after the origin checks. A revoked company's liquidation is
	/// recorded by the regulator: its controllers no longer act for it.
	pub(crate) fn do_enter_liquidation(
		actor: Actor<T::AccountId>,
		uscc: Uscc,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let company = Companies::<T>::get(uscc).ok_or(Error::<T>::UnknownCompany)?;
		let now = Self::now();
		match (Self::status_at(&company, now), &actor) {
			(CompanyStatus::Active | CompanyStatus::Suspended { .. }, _) => {},
			(CompanyStatus::Revoked { .. }, Actor::Officer(_)) => {},
			(CompanyStatus::Liquidating { .. }, _) => {
				return Err(Error::<T>::AlreadyInLiquidation.into())
			},
			_ => return Err(Error::<T>::CompanyClosed.into()),
		}
		Self::change_status(
			actor,
			uscc,
			company,
			CompanyStatus::Liquidating { since: now },
			now,
			reason,
		)
	}

	/// `propose_closure`, after the origin and jurisdiction checks.
	pub(crate) fn do_propose_closure(
		officer: AgencyOfficer<T::AccountId>,
		uscc: Uscc,
		decision: ClosingDecision,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let company = Companies::<T>::get(uscc).ok_or(Error::<T>::UnknownCompany)?;
		let now = Self::now();
		Self::check_decision(decision, Self::status_at(&company, now))?;
		if let Some(pending) = PendingDecisions::<T>::get(uscc) {
			ensure!(pending.expires_at <= now, Error::<T>::DecisionPending);
		}
		let expires_at = now.saturating_add(T::DecisionWindow::get());
		let proposed_by = officer.clone();
		PendingDecisions::<T>::insert(
			uscc,
			PendingDecision { decision, proposed_by: officer, expires_at, reason },
		);
		Self::deposit_event(Event::ClosureProposed { uscc, decision, proposed_by, expires_at });
		Ok(())
	}

	/// `confirm_closure`, after the origin and jurisdiction checks.
	pub(crate) fn do_confirm_closure(
		officer: AgencyOfficer<T::AccountId>,
		uscc: Uscc,
	) -> DispatchResult {
		let pending = PendingDecisions::<T>::get(uscc).ok_or(Error::<T>::NoPendingDecision)?;
		ensure!(pending.proposed_by.agency == officer.agency, Error::<T>::NotSameAgency);
		ensure!(pending.proposed_by.officer != officer.officer, Error::<T>::SameOfficer);
		let now = Self::now();
		ensure!(now < pending.expires_at, Error::<T>::DecisionExpired);
		let company = Companies::<T>::get(uscc).ok_or(Error::<T>::UnknownCompany)?;
		Self::check_decision(pending.decision, Self::status_at(&company, now))?;
		let to = match pending.decision {
			ClosingDecision::Revoke => CompanyStatus::Revoked { since: now },
			ClosingDecision::Cancel => CompanyStatus::Cancelled { since: now },
			ClosingDecision::Deregister => CompanyStatus::Deregistered { since: now },
		};
		let actor = Actor::FourEyes { proposed_by: pending.proposed_by, confirmed_by: officer };
		Self::change_status(actor, uscc, company, to, now, pending.reason)?;
		// The proposal goes last: only once the decision is recorded.
		PendingDecisions::<T>::remove(uscc);
		Ok(())
	}

	/// `withdraw_closure`, after the origin check.
	pub(crate) fn do_withdraw_closure(
		officer: AgencyOfficer<T::AccountId>,
		uscc: Uscc,
	) -> DispatchResult {
		let pending = PendingDecisions::<T>::get(uscc).ok_or(Error::<T>::NoPendingDecision)?;
		ensure!(pending.proposed_by.agency == officer.agency, Error::<T>::NotSameAgency);
		PendingDecisions::<T>::remove(uscc);
		Self::deposit_event(Event::ClosureWithdrawn {
			uscc,
			decision: pending.decision,
			withdrawn_by: officer,
		});
		Ok(())
	}

	/// Whether `decision` may be taken for a company whose status now is `status`.
	fn check_decision(decision: ClosingDecision, status: CompanyStatus) -> DispatchResult {
		match (decision, status) {
			(_, CompanyStatus::Cancelled { .. } | CompanyStatus::Deregistered { .. }) => {
				Err(Error::<T>::CompanyClosed.into())
			},
			(ClosingDecision::Cancel, _) => Ok(()),
			(ClosingDecision::Revoke, CompanyStatus::Active | CompanyStatus::Suspended { .. }) => {
				Ok(())
			},
			(ClosingDecision::Revoke, CompanyStatus::Liquidating { .. }) => {
				Err(Error::<T>::InLiquidation.into())
			},
			(ClosingDecision::Deregister, CompanyStatus::Liquidating { .. }) => Ok(()),
			(ClosingDecision::Deregister, _) => Err(Error::<T>::NotInLiquidation.into()),
			(ClosingDecision::Revoke, CompanyStatus::Revoked { .. }) => {
				Err(Error::<T>::CompanyClosed.into())
			},
		}
	}

	/// Records lazy rules due, then the status change by `actor`, who pays the storage fee
	/// if a controller.
	fn change_status(
		actor: Actor<T::AccountId>,
		uscc: Uscc,
		mut company: Company<T>,
		to: CompanyStatus,
		now: UnixMillis,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let payer = match &actor {
			Actor::Controller(who) => Some(who.clone()),
			_ => None,
		};
		Self::record_implied(&uscc, &mut company, now, actor.account())?;
		let from = company.status;
		company.status = to;
		let record = Self::history_record(now, actor, Change::StatusChanged { from, to }, reason);
		Self::commit(&uscc, company, record, payer.as_ref(), |entry| Event::StatusChanged {
			uscc,
			from,
			to,
			entry,
		})
	}
}
