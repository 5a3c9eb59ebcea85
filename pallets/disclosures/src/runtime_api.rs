//! The runtime API through which investors and the public read disclosures: the latest
//! filing for a period and every version, a version's attestations and annotations, a
//! company's filings and flags page by page, and an audit firm's accreditation.

use crate::types::{FilingId, Period, Version};
use codec::Codec;
use govchain_domain_types::Uscc;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Reads disclosures. The runtime fixes the type parameters to the pallet's
	/// `FilingView`, `AttestationView`, `Annotation`, `Flag` and `Accreditation`.
	pub trait DisclosuresApi<FilingView, AttestationView, Annotation, Flag, Accreditation>
	where
		FilingView: Codec,
		AttestationView: Codec,
		Annotation: Codec,
		Flag: Codec,
		Accreditation: Codec,
	{
		/// The latest version of `company`'s filing for `period`, with its standing now.
		fn latest_filing(company: Uscc, period: Period) -> Option<FilingView>;

		/// One version of a filing.
		fn filing(company: Uscc, period: Period, version: Version) -> Option<FilingView>;

		/// Every version for `company` and `period`, the original first (bounded by the
		/// pallet's `MaxVersions`).
		fn versions(company: Uscc, period: Period) -> alloc::vec::Vec<FilingView>;

		/// A version's attestations, each with the firm's accreditation now.
		fn attestations(filing: FilingId) -> alloc::vec::Vec<AttestationView>;

		/// A version's annotations by the securities regulator, oldest first.
		fn annotations(filing: FilingId) -> alloc::vec::Vec<Annotation>;

		/// Up to `count` (at most 100) of `company`'s periods after `start_after`, each with
		/// its latest version, and the period to continue after if more follow.
		fn filings_of(
			company: Uscc,
			start_after: Option<Period>,
			count: u32,
		) -> (alloc::vec::Vec<FilingView>, Option<Period>);

		/// Up to `count` (at most 100) of the regulator's flags on `company` from number
		/// `start`, lifted ones included.
		fn flags(company: Uscc, start: u32, count: u32) -> alloc::vec::Vec<(u32, Flag)>;

		/// An audit firm's accreditation as it stands.
		fn auditor(firm: Uscc) -> Option<Accreditation>;
	}
}
