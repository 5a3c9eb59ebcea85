//! The runtime API through which clients (polkadot.js, other agencies' systems) read the
//! registry: a company with its status now, its history page by page, its annual reports
//! with their earlier versions, and the register's lists page by page.

use crate::types::{CompanyList, CompanyPage, ReportFigures};
use codec::Codec;
use govchain_domain_types::Uscc;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Reads the company registry. The runtime fixes the types to the pallet's
	/// `CompanyDetails`, `HistoryPage` and `AnnualReport`.
	///
	/// Version 2 (registry storage version 2) adds the lists, the reports owed, earlier
	/// versions of corrected reports and the check of withheld figures.
	#[api_version(2)]
	pub trait CompanyRegistryApi<Details, Page, Report>
	where
		Details: Codec,
		Page: Codec,
		Report: Codec,
	{
		/// The company registered under `uscc`, with its status and capital now (the lazy
		/// rules applied) and the length of its history.
		fn company(uscc: Uscc) -> Option<Details>;

		/// Up to `count` history entries from entry `start` (oldest is 0), at most 100 per
		/// call, and the total number of entries.
		fn history(uscc: Uscc, start: u32, count: u32) -> Page;

		/// The annual report `uscc` filed for `year`, as it stands (corrected or as filed).
		fn annual_report(uscc: Uscc, year: u16) -> Option<Report>;

		/// Version `version` of a corrected annual report (0 is the report as first
		/// filed), if the report has been corrected since.
		#[api_version(2)]
		fn superseded_report(uscc: Uscc, year: u16, version: u8) -> Option<Report>;

		/// Whether `figures` with `salt` are the figures a company withheld from its
		/// report for `year`; `None` if there is no such report or its figures are
		/// published.
		#[api_version(2)]
		fn withheld_figures_match(
			uscc: Uscc,
			year: u16,
			figures: ReportFigures,
			salt: [u8; 32],
		) -> Option<bool>;

		/// Up to `count` companies on `list` after the code `start_after` (from the start
		/// if `None`), at most 100 per call, each with its standing now, the code to
		/// continue after and the list's length. The lists hold what is recorded: the
		/// abnormal list now is this list together with `companies_owing_report` for each
		/// year whose deadline has passed; the standings show what the lazy rules imply.
		#[api_version(2)]
		fn companies_on_list(list: CompanyList, start_after: Option<Uscc>, count: u32) -> CompanyPage;

		/// Up to `count` companies, not closed, whose earliest unfiled annual report is for
		/// `year`, paged like `companies_on_list`.
		#[api_version(2)]
		fn companies_owing_report(year: u16, start_after: Option<Uscc>, count: u32) -> CompanyPage;
	}
}
