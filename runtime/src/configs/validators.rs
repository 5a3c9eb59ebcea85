//! Validators run by agencies: the validator set the council changes, the session rotation
//! that hands it to Aura and GRANDPA, equivocation reports, block-author counts and the
//! permissioned network.
//!
//! | decision | origin |
//! | --- | --- |
//! | propose adding or removing one of its own validators | the agency's admin |
//! | approve or reject a proposal, remove any validator | at least two thirds of the council |
//! | add, remove, swap or reset the nodes allowed to connect | at least two thirds of the council |

use crate::{
	configs::{consensus::MaxAuthorities, governance::CouncilOrRoot},
	AccountId, Aura, Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, SessionKeys,
	Validators,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstU32, Contains},
	},
	pallet_authorship, pallet_node_authorization, pallet_offences,
	sp_runtime::traits::OpaqueKeys,
};

/// Fewest validators: no removal, suspension or dissolution goes below it. With three,
/// GRANDPA needs all three to finalize; from four on it tolerates one faulty validator in
/// every three more.
pub const MIN_VALIDATORS: u32 = 3;
const _: () = assert!(MIN_VALIDATORS >= 3 && MIN_VALIDATORS <= 128);

parameter_types! {
	pub const MinValidators: u32 = MIN_VALIDATORS;
	/// An agency runs a validator and perhaps a standby; four leaves room for a migration
	/// between machines.
	pub const MaxValidatorsPerAgency: u32 = 4;
	/// Sessions of block counts and key-ownership proofs kept: a week of hourly sessions.
	pub const HistoryDepth: u32 = 168;
}

impl pallet_validators::Config for Runtime {
	type AgencyAdminOrigin = pallet_agencies::EnsureAgencyAdmin<Runtime>;
	type CouncilOrigin = CouncilOrRoot;
	type Session = crate::Session;
	type MinValidators = MinValidators;
	type MaxValidators = MaxAuthorities;
	type MaxValidatorsPerAgency = MaxValidatorsPerAgency;
	type HistoryDepth = HistoryDepth;
	type DefaultSessionBlocks = ConstU32<{ crate::HOURS }>;
	type WeightInfo = pallet_validators::weights::SubstrateWeight<Runtime>;
}

/// Sessions end every `SessionBlocks` blocks (set in the genesis preset), counted from
/// block 0.
type Rotation =
	pallet_session::PeriodicSessions<pallet_validators::SessionLength<Runtime>, ConstU32<0>>;

parameter_types! {
	/// Only proposed and approved validators may set keys, so no deposit is needed to keep
	/// strangers from storing keys.
	pub const KeyDeposit: Balance = 0;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_validators::ProposedOrApproved<Runtime>;
	type ShouldEndSession = Rotation;
	type NextSessionRotation = Rotation;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Runtime, Validators>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// Nobody is disabled automatically: an equivocation is recorded and the council decides.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = KeyDeposit;
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = pallet_validators::UnitIdentification;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = Validators;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = Validators;
}

impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type MaxWellKnownNodes = ConstU32<256>;
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = CouncilOrRoot;
	type RemoveOrigin = CouncilOrRoot;
	type SwapOrigin = CouncilOrRoot;
	type ResetOrigin = CouncilOrRoot;
	// pallet-node-authorization publishes no benchmarked weights.
	type WeightInfo = ();
}

/// The call filter: every call passes except `node_authorization.claim_node`, which lets any
/// account claim a node outside the well-known set without the council.
pub struct NoNodeClaims;

impl Contains<RuntimeCall> for NoNodeClaims {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(
			call,
			RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::claim_node { .. })
		)
	}
}
