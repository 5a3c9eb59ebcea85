//! What a company's controllers keep current: annual reports and contact data.

use crate::{pallet::*, types::*};
use codec::Encode;
use govchain_domain_types::{
	calendar::{annual_report_deadline, year_in_cst},
	Uscc,
};
use polkadot_sdk::{frame_support::ensure, sp_core::H256, sp_runtime::DispatchResult};

impl<T: Config> Pallet<T> {
	/// `file_annual_report`, after the signature check.
	pub(crate) fn do_file_annual_report(
		who: T::AccountId,
		uscc: Uscc,
		year: u16,
		figures: ReportFigures,
		document_hash: H256,
	) -> DispatchResult {
		let mut company = Self::open_company(&uscc)?;
		ensure!(company.controllers.contains(&who), Error::<T>::NotController);
		ensure!(!AnnualReports::<T>::contains_key(uscc, year), Error::<T>::ReportAlreadyFiled);
		ensure!(year >= company.next_report_year, Error::<T>::ReportPredatesRegistry);
		ensure!(year == company.next_report_year, Error::<T>::EarlierReportMissing);
		let now = Self::now();
		ensure!(year < year_in_cst(now), Error::<T>::ReportYearNotEnded);
		let late = now >= annual_report_deadline(year);
		let report =
			AnnualReport { figures, document_hash, filed_by: who.clone(), filed_at: now, late };
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

	/// `update_contact`, after the signature check.
	pub(crate) fn do_update_contact(
		who: T::AccountId,
		uscc: Uscc,
		contact: Contact<T>,
	) -> DispatchResult {
		let mut company = Self::open_company(&uscc)?;
		ensure!(company.controllers.contains(&who), Error::<T>::NotController);
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
}
