//! The agency record.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use govchain_domain_types::Role;
use polkadot_sdk::frame_support::{traits::Get, BoundedBTreeSet, BoundedVec};
use scale_info::TypeInfo;

/// Upper bound of the role set: one of each role.
pub type MaxRoles = polkadot_sdk::frame_support::traits::ConstU32<5>;

/// Where an agency stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum AgencyStatus<BlockNumber> {
	/// Its officers may act and its admin holds a council seat.
	Active,
	/// Temporarily barred by the council since the given block: its officers can do nothing
	/// and it has no council seat.
	Suspended { since: BlockNumber },
	/// Closed for good since the given block. The record stays; its officers are released.
	Dissolved { since: BlockNumber },
}

/// An agency taking part in govchain, keyed by its USCC. Its officers are listed apart
/// (`Officers`), so that checking an officer's origin reads a record of fixed, small size.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxNameLength))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Agency<AccountId, BlockNumber, MaxNameLength: Get<u32>> {
	/// Official name, UTF-8.
	pub name: BoundedVec<u8, MaxNameLength>,
	/// The roles the council granted it.
	pub roles: BoundedBTreeSet<Role, MaxRoles>,
	/// Active, suspended or dissolved.
	pub status: AgencyStatus<BlockNumber>,
	/// The officer who manages the agency's officers and holds its council seat.
	pub admin: AccountId,
	/// How many accounts `Officers` lists for the agency, the admin included: at most
	/// `MaxOfficers`.
	pub officer_count: u32,
	/// Block of admission.
	pub admitted_at: BlockNumber,
}
