//! Block production (Aura) and finality (GRANDPA).

use crate::{AuraId, Runtime, RuntimeEvent};
use polkadot_sdk::{
	frame_support::traits::{ConstBool, ConstU32, ConstU64},
	pallet_aura, pallet_grandpa,
	sp_core::Void,
};

/// Upper bound on validators. Agencies run validators, and the plan counts over a hundred
/// agencies; not all validate, so 128 leaves room.
pub type MaxAuthorities = ConstU32<128>;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	// No staking: nobody nominates.
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// Equivocation reports need a session pallet's key-ownership proofs; until validators are
	// managed on chain by session, equivocations are not reported on chain.
	type KeyOwnerProof = Void;
	type EquivocationReportSystem = ();
}
