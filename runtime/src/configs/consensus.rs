//! Block production (Aura) and finality (GRANDPA).

use crate::{
	configs::validators::HistoryDepth, AuraId, Historical, Offences, Runtime, RuntimeCall,
	RuntimeEvent, UncheckedExtrinsic, HOURS,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstBool, ConstU32},
	},
	frame_system::offchain::{CreateBare, CreateTransactionBase},
	pallet_aura, pallet_grandpa, sp_session,
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

parameter_types! {
	/// GRANDPA's set-id-to-session map keeps as many entries as there are sessions of
	/// key-ownership proofs, so that every provable equivocation can be located.
	pub MaxSetIdSessionEntries: u64 = HistoryDepth::get() as u64;
	/// How long an equivocation report waits in the pool: an hour of blocks.
	pub const ReportLongevity: u64 = HOURS as u64;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	// No staking: nobody nominates.
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	// A validator that signs two votes in one round is reported by the node that sees them
	// (an unsigned transaction with a key-ownership proof from the session history) and
	// recorded by pallet-offences and the validators pallet.
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl<C> CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

/// Equivocation reports travel as bare (unsigned) transactions.
impl<C> CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}
