//! What a company's controllers keep current: annual reports and their corrections, the
//! capital paid in, and contact data.

use crate::{pallet::*, types::*};
use codec::Encode;
use govchain_domain_types::{
	calendar::{annual_report_deadline, year_in_cst},
	PartyRef, Uscc,
};
use polkadot_sdk::{
	frame_support::ensure,
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult},
};

impl<T: Config> Pallet<T> {
	/// `file_annual_report`, after the signature check.
	pub(crate) fn do_file_annual_report(
		who: T::AccountId,
		uscc: Uscc,
		year: u16,
		public: ReportPublicData<T>,
		figures: FiguresDisclosure,
		document_hash: H256,
	) -> DispatchResult {
		let mut company = Self::controlled_company(&who, &uscc)?;
		Self::check_report_public_data(&public)?;
		ensure!(!AnnualReports::<T>::contains_key(uscc, year), Error::<T>::ReportAlreadyFiled);
		ensure!(year >= company.next_report_year, Error::<T>::ReportPredatesRegistry);
		ensure!(year == company.next_report_year, Error::<T>::EarlierReportMissing);
		let now = Self::now();
		ensure!(year < year_in_cst(now), Error::<T>::ReportYearNotEnded);
		let late = now >= annual_report_deadline(year);
		let report = AnnualReport {
			public: Some(public),
			figures,
			document_hash,
			filed_by: who.clone(),
			filed_at: now,
			late,
			corrections: 0,
		};
		let record = Self::history_record(
			now,
			Actor::Controller(who.clone()),
			Change::AnnualReportFiled { year, late },
			Default::default(),
		);
		Self::charge_storage(&who, report.encoded_size().saturating_add(record.encoded_size()))?;
		Self::record_implied(&uscc, &mut company, now, &who)?;
		// `year` is before the current year, so this cannot saturate.
		company.next_report_year = year.saturating_add(1);
		AnnualReports::<T>::insert(uscc, year, report);
		Self::commit(&uscc, company, record, None, |entry| Event::AnnualReportFiled {
			uscc,
			year,
			late,
			entry,
		})
	}

	/// `correct_annual_report`, after the signature check.
	pub(crate) fn do_correct_annual_report(
		who: T::AccountId,
		uscc: Uscc,
		year: u16,
		public: ReportPublicData<T>,
		figures: FiguresDisclosure,
		document_hash: H256,
		reason: Text<T::MaxReasonLength>,
	) -> DispatchResult {
		let mut company = Self::controlled_company(&who, &uscc)?;
		Self::check_report_public_data(&public)?;
		let previous = AnnualReports::<T>::get(uscc, year).ok_or(Error::<T>::ReportNotFiled)?;
		let now = Self::now();
		ensure!(now < annual_report_deadline(year), Error::<T>::CorrectionPeriodOver);
		ensure!(previous.corrections < MAX_REPORT_CORRECTIONS, Error::<T>::TooManyCorrections);
		// Below the bound just checked, so this cannot saturate.
		let correction = previous.corrections.saturating_add(1);
		let report = AnnualReport {
			public: Some(public),
			figures,
			document_hash,
			filed_by: who.clone(),
			filed_at: now,
			late: previous.late,
			corrections: correction,
		};
		let record = Self::history_record(
			now,
			Actor::Controller(who.clone()),
			Change::AnnualReportCorrected { year, correction },
			reason,
		);
		Self::charge_storage(&who, report.encoded_size().saturating_add(record.encoded_size()))?;
		Self::record_implied(&uscc, &mut company, now, &who)?;
		SupersededReports::<T>::insert((uscc, year, previous.corrections), previous);
		AnnualReports::<T>::insert(uscc, year, report);
		Self::commit(&uscc, company, record, None, |entry| Event::AnnualReportCorrected {
			uscc,
			year,
			correction,
			entry,
		})
	}

	/// A report's public data: UTF-8 website, paid-in capital within the subscribed.
	fn check_report_public_data(public: &ReportPublicData<T>) -> DispatchResult {
		Self::check_utf8(&public.website)?;
		ensure!(
			public.paid_in_capital <= public.subscribed_capital,
			Error::<T>::PaidInExceedsSubscription
		);
		Ok(())
	}

	/// `record_paid_in`, after the signature check.
	pub(crate) fn do_record_paid_in(
		who: T::AccountId,
		uscc: Uscc,
		shareholder: PartyRef,
		paid_in: u128,
	) -> DispatchResult {
		let mut company = Self::controlled_company(&who, &uscc)?;
		let holding = company
			.particulars
			.shareholders
			.iter_mut()
			.find(|holding| holding.party == shareholder)
			.ok_or(Error::<T>::NotAShareholder)?;
		ensure!(paid_in > holding.paid_in, Error::<T>::PaidInNotIncreased);
		ensure!(paid_in <= holding.subscribed, Error::<T>::PaidInExceedsSubscription);
		holding.paid_in = paid_in;
		let record = Self::history_record(
			Self::now(),
			Actor::Controller(who.clone()),
			Change::CapitalPaidIn { shareholder, paid_in },
			Default::default(),
		);
		Self::commit(&uscc, company, record, Some(&who), |entry| Event::CapitalPaidIn {
			uscc,
			shareholder,
			paid_in,
			entry,
		})
	}

	/// `update_contact`, after the signature check.
	pub(crate) fn do_update_contact(
		who: T::AccountId,
		uscc: Uscc,
		contact: Contact<T>,
	) -> DispatchResult {
		let mut company = Self::controlled_company(&who, &uscc)?;
		for field in [&contact.phone, &contact.email, &contact.website, &contact.postal_address] {
			Self::check_utf8(field)?;
		}
		company.contact = contact.clone();
		let record = Self::history_record(
			Self::now(),
			Actor::Controller(who.clone()),
			Change::ContactUpdated(contact),
			Default::default(),
		);
		Self::commit(&uscc, company, record, Some(&who), |entry| Event::ContactUpdated {
			uscc,
			entry,
		})
	}

	/// The company, if it is not closed and `who` is one of its controllers.
	pub(crate) fn controlled_company(
		who: &T::AccountId,
		uscc: &Uscc,
	) -> Result<Company<T>, DispatchError> {
		let company = Self::open_company(uscc)?;
		ensure!(company.controllers.contains(who), Error::<T>::NotController);
		Ok(company)
	}
}
