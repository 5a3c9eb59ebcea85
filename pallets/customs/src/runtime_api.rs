//! The runtime API through which declarants, brokers and the public read customs: a
//! declaration with its history, a declarant's declarations page by page, and the
//! clearance-time figures by lane and by office.

use crate::types::{ClearanceStats, Lane, OfficeCode};
use codec::Codec;
use govchain_domain_types::{Ucr, Uscc};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Reads customs. The runtime fixes `Declaration` and `Entry` to the pallet's
	/// `Declaration` and `HistoryEntry`.
	pub trait CustomsApi<Declaration, Entry>
	where
		Declaration: Codec,
		Entry: Codec,
	{
		/// The declaration lodged under `ucr`.
		fn declaration(ucr: Ucr) -> Option<Declaration>;

		/// The declaration's history, oldest first (at most a few dozen steps).
		fn history(ucr: Ucr) -> alloc::vec::Vec<Entry>;

		/// Up to `count` (at most 100) of `declarant`'s declarations after the UCR
		/// `start_after`, and the UCR to continue after if more follow.
		fn declarations_of(
			declarant: Uscc,
			start_after: Option<Ucr>,
			count: u32,
		) -> (alloc::vec::Vec<Declaration>, Option<Ucr>);

		/// Clearance times of released declarations on each lane.
		fn clearance_by_lane() -> alloc::vec::Vec<(Lane, ClearanceStats)>;

		/// Clearance times of released declarations at an office.
		fn clearance_at_office(office: OfficeCode) -> ClearanceStats;
	}
}
