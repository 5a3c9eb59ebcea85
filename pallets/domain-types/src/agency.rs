//! Who acts on govchain: agencies, the roles they hold, and the officers acting for them.
//!
//! Domain pallets never check roles themselves. They name the role a call needs in their
//! `Config` with an origin whose success value is an [`AgencyOfficer`]; the agencies pallet
//! provides that origin and the runtime wires it in.

use crate::Uscc;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A public function an agency is empowered to perform. Several agencies may hold the same
/// role (district market regulators, for instance).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, serde::Serialize, serde::Deserialize)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Role {
	/// Registers companies and keeps the company registry (市场监督管理).
	MarketRegulator,
	/// Clears goods at the border (海关).
	Customs,
	/// Supervises securities issuers and their disclosures (证券监督管理).
	SecuritiesRegulator,
	/// Accredits certification bodies (人力资源和社会保障).
	HumanResources,
	/// Any other agency taking part in the chain.
	OtherAgency,
}

impl Role {
	/// Every role, in declaration order.
	pub const ALL: [Role; 5] = [
		Role::MarketRegulator,
		Role::Customs,
		Role::SecuritiesRegulator,
		Role::HumanResources,
		Role::OtherAgency,
	];
}

/// Who acted: the agency (by its USCC) and the officer account that signed for it. The
/// success value of the agency-officer origin.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct AgencyOfficer<AccountId> {
	/// The agency the officer acted for.
	pub agency: Uscc,
	/// The account that signed.
	pub officer: AccountId,
}

/// Pallets that hold something on behalf of an agency and must hear when it stops taking
/// part. The agencies pallet asks [`can_depart`](Self::can_depart) before suspending or
/// dissolving an agency, writes nothing if it is refused, and calls
/// [`departed`](Self::departed) after. The validator set uses it so that a suspension can
/// never take the chain below its minimum of validators, and so that a departed agency's
/// validators leave at the next session.
pub trait AgencyDepartures {
	/// Whether `agency` may be suspended or dissolved now. Writes nothing.
	fn can_depart(agency: &crate::Uscc) -> polkadot_sdk::sp_runtime::DispatchResult;
	/// `agency` was suspended or dissolved: release what it held.
	fn departed(agency: &crate::Uscc);
	/// Worst-case weight of `can_depart` followed by `departed`.
	fn weight() -> polkadot_sdk::frame_support::weights::Weight;
}

/// Nothing depends on agencies staying.
impl AgencyDepartures for () {
	fn can_depart(_agency: &crate::Uscc) -> polkadot_sdk::sp_runtime::DispatchResult {
		Ok(())
	}
	fn departed(_agency: &crate::Uscc) {}
	fn weight() -> polkadot_sdk::frame_support::weights::Weight {
		polkadot_sdk::frame_support::weights::Weight::zero()
	}
}
