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

/// Where a company stands in the registry. Times are the chain's (milliseconds since the
/// Unix epoch).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum CompanyStatus {
	/// In existence and in good standing (存续).
	Active,
	/// On the abnormal-operations list (经营异常) since the given moment.
	Abnormal { reason: AbnormalReason, since: UnixMillis },
	/// Business licence revoked (吊销) at the given moment; the record stays for ever.
	Revoked { since: UnixMillis },
	/// Deregistered (注销) at the given moment; the record stays for ever.
	Deregistered { since: UnixMillis },
}

impl CompanyStatus {
	/// Revoked or deregistered: nothing more can be done for the company.
	pub fn is_closed(&self) -> bool {
		matches!(self, CompanyStatus::Revoked { .. } | CompanyStatus::Deregistered { .. })
	}
}

/// A party named in a registration: a shareholder or an officer.
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
	/// The company's status now, including a listing the annual-report rule implies but
	/// nobody has recorded yet; `None` if no company has the code.
	fn status(uscc: &Uscc) -> Option<CompanyStatus>;

	/// Whether the company exists and is active now.
	fn is_active(uscc: &Uscc) -> bool {
		Self::status(uscc) == Some(CompanyStatus::Active)
	}

	/// Whether `who` is one of the accounts that may act on chain for the company.
	fn is_controller(uscc: &Uscc, who: &AccountId) -> bool;
}
