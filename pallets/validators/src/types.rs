//! The validator record and the proposals the council decides on.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use govchain_domain_types::Uscc;
use polkadot_sdk::sp_staking::SessionIndex;
use scale_info::TypeInfo;

/// A validator the council approved.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Validator<BlockNumber> {
	/// The agency that operates it and answers for it.
	pub agency: Uscc,
	/// Block of the council's approval.
	pub approved_at: BlockNumber,
	/// GRANDPA equivocations reported against it while it validated.
	pub offences: u32,
	/// Session of the latest of them.
	pub last_offence_session: Option<SessionIndex>,
}

/// What an agency asks the council to do with one of its validator accounts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Change {
	/// Make the account a validator.
	Add,
	/// Stop the account validating.
	Remove,
}

/// A change an agency proposed and the council has not yet decided.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Proposal<BlockNumber> {
	/// The proposing agency.
	pub agency: Uscc,
	/// Addition or removal.
	pub change: Change,
	/// Block of the proposal.
	pub proposed_at: BlockNumber,
}

/// Why a validator left the set.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum RemovalReason {
	/// The council approved its agency's proposal to remove it.
	AgencyRequest,
	/// The council removed it on its own motion.
	Council,
	/// Its agency was suspended or dissolved.
	AgencyDeparted,
}
