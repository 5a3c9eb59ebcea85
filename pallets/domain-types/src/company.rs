//! Companies as the other agencies see them: their status in the company registry, who
//! may act for them, and how registrations name parties.

use crate::{calendar::UnixMillis, Lei, Uscc};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_core::H256;
use scale_info::TypeInfo;

/// Why the market regulator listed a company as abnormal (经营异常名录), after the grounds of
/// the Interim Measures for the Administration of the List of Enterprises with Abnormal
/// Operations.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum AbnormalReason {
	/// The annual report for the year was not filed by 30 June of the next year.
	AnnualReportOverdue { year: u16 },
	/// Information the regulator ordered disclosed was not disclosed in time.
	InformationNotDisclosedAsOrdered,
	/// Disclosed information concealed facts or was false.
	FalseInformation,
	/// The company cannot be reached at its registered address.
	UnreachableAtRegisteredAddress,
}

/// One listing on the abnormal-operations list, with its ground and the moment it began.
/// A company can stand on the list for several grounds at once; each is removed on its own.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct AbnormalListing {
	/// The ground.
	pub reason: AbnormalReason,
	/// When the listing began (for an overdue report: the missed deadline).
	pub since: UnixMillis,
}

/// Where a company stands in its lifecycle (Market Entity Registration Regulations 2022).
/// Listings on the abnormal and serious-violation lists are separate from it: see
/// [`Standing`]. Times are the chain's (milliseconds since the Unix epoch).
///
/// The codec indexes of `Active`, `Revoked` and `Deregistered` are those of storage
/// version 0, whose index 1 (an abnormal listing) is retired: a record that escaped the
/// migration fails to decode instead of reading as another status.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum CompanyStatus {
	/// In existence and operating (存续).
	#[codec(index = 0)]
	Active,
	/// Business suspended (歇业) from `since` until `until`, at most three years; at `until`
	/// the company is deemed to have resumed business unless it resumed or entered
	/// liquidation before.
	#[codec(index = 4)]
	Suspended { since: UnixMillis, until: UnixMillis },
	/// In liquidation (清算) since the given moment, the step before deregistration.
	#[codec(index = 5)]
	Liquidating { since: UnixMillis },
	/// Business licence revoked (吊销) at the given moment; the record stays for ever.
	#[codec(index = 2)]
	Revoked { since: UnixMillis },
	/// Registration cancelled (撤销登记) as obtained by fraud at the given moment; the record
	/// stays for ever.
	#[codec(index = 6)]
	Cancelled { since: UnixMillis },
	/// Deregistered (注销) at the given moment; the record stays for ever.
	#[codec(index = 3)]
	Deregistered { since: UnixMillis },
}

impl CompanyStatus {
	/// Revoked, cancelled or deregistered: the company may no longer act.
	pub fn is_closed(&self) -> bool {
		matches!(
			self,
			CompanyStatus::Revoked { .. }
				| CompanyStatus::Cancelled { .. }
				| CompanyStatus::Deregistered { .. }
		)
	}

	/// Cancelled or deregistered: the record is final and nothing can change it.
	pub fn is_final(&self) -> bool {
		matches!(self, CompanyStatus::Cancelled { .. } | CompanyStatus::Deregistered { .. })
	}
}

/// A company's standing now, as other agencies read it: its lifecycle status with the lazy
/// rules applied (suspension expiry, overdue annual reports, the three-year move to the
/// serious-violation list).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Standing {
	/// The lifecycle status now.
	pub status: CompanyStatus,
	/// Number of grounds it stands on the abnormal-operations list for (经营异常名录).
	pub abnormal_listings: u32,
	/// Since when it has been on the serious-violation list (严重违法失信名单), if it is.
	pub serious_violation_since: Option<UnixMillis>,
}

impl Standing {
	/// Active, on neither list: the company may receive every simplified treatment.
	pub fn is_in_good_standing(&self) -> bool {
		self.status == CompanyStatus::Active
			&& self.abnormal_listings == 0
			&& self.serious_violation_since.is_none()
	}
}

/// A party named in a registration: a shareholder or one of the key personnel.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum PartyRef {
	/// A Chinese legal entity, by its USCC.
	Entity(Uscc),
	/// A foreign legal entity, by its LEI.
	ForeignEntity(Lei),
	/// A natural person, by a salted hash of their identity document (never in clear).
	/// The registry keeps the salt and document off chain; whoever holds them can prove
	/// the link.
	Person(H256),
}

/// The company registry as other pallets read it. Implemented by the company-registry
/// pallet; customs, disclosures and certification depend on this trait only.
pub trait CompanyRegistry<AccountId> {
	/// The company's standing now, including what the registry's lazy rules imply but
	/// nobody has recorded yet; `None` if no company has the code.
	fn standing(uscc: &Uscc) -> Option<Standing>;

	/// The company's lifecycle status now; `None` if no company has the code.
	fn status(uscc: &Uscc) -> Option<CompanyStatus> {
		Self::standing(uscc).map(|standing| standing.status)
	}

	/// Whether the company exists, is active and on neither list now.
	fn is_in_good_standing(uscc: &Uscc) -> bool {
		Self::standing(uscc).is_some_and(|standing| standing.is_in_good_standing())
	}

	/// Whether `who` is one of the accounts that may act on chain for the company.
	fn is_controller(uscc: &Uscc, who: &AccountId) -> bool;
}
