//! The runtime API through which clients (polkadot.js, other agencies' systems) read the
//! registry: a company with its status now, its history page by page, an annual report.

use codec::Codec;
use govchain_domain_types::Uscc;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Reads the company registry. The runtime fixes the types to the pallet's
	/// `CompanyDetails`, `HistoryPage` and `AnnualReport`.
	pub trait CompanyRegistryApi<Details, Page, Report>
	where
		Details: Codec,
		Page: Codec,
		Report: Codec,
	{
		/// The company registered under `uscc`, with its status now (the annual-report
		/// rule applied) and the length of its history.
		fn company(uscc: Uscc) -> Option<Details>;

		/// Up to `count` history entries from entry `start` (oldest is 0), at most 100 per
		/// call, and the total number of entries.
		fn history(uscc: Uscc, start: u32, count: u32) -> Page;

		/// The annual report `uscc` filed for `year`.
		fn annual_report(uscc: Uscc, year: u16) -> Option<Report>;
	}
}
