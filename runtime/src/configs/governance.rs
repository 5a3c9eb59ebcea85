//! The agencies, their council, and how the council governs the chain.
//!
//! | decision | origin |
//! | --- | --- |
//! | admit, suspend, reinstate, dissolve agencies; grant and revoke roles; replace admins | at least two thirds of the council |
//! | authorize a runtime upgrade | at least two thirds of the council |
//! | disapprove or kill a motion | at least two thirds of the council |
//!
//! Every council decision takes the same threshold, so that no coalition below two thirds
//! can pass anything, in particular nothing that changes who sits on the council: it can
//! never grow into two thirds of a council it reshaped (docs/governance.md). Root (reachable
//! only through sudo, whose key exists on development chains alone) may do everything the
//! council may.

use crate::{
	configs::system::RuntimeBlockWeights, AccountId, BlockNumber, Council, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, DAYS,
};
use alloc::vec::Vec;
use govchain_domain_types::Role;
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ChangeMembers, ConstU32, EitherOfDiverse, InitializeMembers, SortedMembers},
		weights::Weight,
	},
	frame_system::{EnsureNever, EnsureRoot},
	pallet_collective::{self, WeightInfo as CollectiveWeights},
	sp_runtime::Perbill,
};

/// The agencies' council; each active agency holds one seat, through its admin.
pub type CouncilCollective = pallet_collective::Instance1;

/// At least two thirds of the council: every council decision.
pub type CouncilTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;

/// The council or, on development chains, sudo.
pub type CouncilOrRoot = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;

/// Most agencies active at once, and so most council seats. Beijing's plan counts more than
/// a hundred agencies.
pub const MAX_ACTIVE_AGENCIES: u32 = 128;

/// Fewest agencies active at once: below three, one or two agencies would hold two thirds
/// of the seats on their own.
pub const MIN_ACTIVE_AGENCIES: u32 = 3;
const _: () = assert!(MIN_ACTIVE_AGENCIES >= 3 && MIN_ACTIVE_AGENCIES <= MAX_ACTIVE_AGENCIES);

parameter_types! {
	pub const CouncilMotionDuration: BlockNumber = 7 * DAYS;
	pub const CouncilMaxProposals: u32 = 100;
	pub const CouncilMaxMembers: u32 = MAX_ACTIVE_AGENCIES;
	pub MaxCouncilProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = CouncilMaxMembers;
	// Seats without a vote when a motion closes count as against.
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	// Seats follow the agency register; nobody sets members directly.
	type SetMembersOrigin = EnsureNever<()>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = CouncilOrRoot;
	type KillOrigin = CouncilOrRoot;
	type Consideration = ();
}

parameter_types! {
	pub const MarketRegulatorRole: Role = Role::MarketRegulator;
	pub const CustomsRole: Role = Role::Customs;
	pub const SecuritiesRegulatorRole: Role = Role::SecuritiesRegulator;
	pub const HumanResourcesRole: Role = Role::HumanResources;
}

/// The origins domain pallets use: an officer of an active agency holding the role.
pub type MarketRegulatorOfficer =
	pallet_agencies::EnsureAgencyOfficer<Runtime, MarketRegulatorRole>;
pub type CustomsOfficer = pallet_agencies::EnsureAgencyOfficer<Runtime, CustomsRole>;
pub type SecuritiesRegulatorOfficer =
	pallet_agencies::EnsureAgencyOfficer<Runtime, SecuritiesRegulatorRole>;
pub type HumanResourcesOfficer = pallet_agencies::EnsureAgencyOfficer<Runtime, HumanResourcesRole>;

parameter_types! {
	/// The council's worst case for a seat change: every seat and every open motion.
	pub CouncilSeatChangeWeight: Weight =
		<<Runtime as pallet_collective::Config<CouncilCollective>>::WeightInfo as CollectiveWeights>::set_members(
			CouncilMaxMembers::get(),
			CouncilMaxMembers::get(),
			CouncilMaxProposals::get(),
		);
}

/// The council as the agencies register sees it: seats are changed through
/// pallet-collective's `ChangeMembers`, and its members are read back for the invariant
/// checks.
pub struct CouncilSeats;

impl ChangeMembers<AccountId> for CouncilSeats {
	fn change_members_sorted(incoming: &[AccountId], outgoing: &[AccountId], new: &[AccountId]) {
		Council::change_members_sorted(incoming, outgoing, new)
	}
}

impl InitializeMembers<AccountId> for CouncilSeats {
	fn initialize_members(members: &[AccountId]) {
		Council::initialize_members(members)
	}
}

impl SortedMembers<AccountId> for CouncilSeats {
	fn sorted_members() -> Vec<AccountId> {
		pallet_collective::Members::<Runtime, CouncilCollective>::get()
	}
}

parameter_types! {
	pub const MinActiveAgencies: u32 = MIN_ACTIVE_AGENCIES;
}

impl pallet_agencies::Config for Runtime {
	type AdmissionOrigin = CouncilOrRoot;
	type CouncilSeats = CouncilSeats;
	type CouncilSeatsWeight = CouncilSeatChangeWeight;
	type MaxNameLength = ConstU32<128>;
	type MaxOfficers = ConstU32<64>;
	type MaxActiveAgencies = CouncilMaxMembers;
	type MinActiveAgencies = MinActiveAgencies;
	// A suspended or dissolved agency's validators leave; none may leave below the minimum.
	type Departures = crate::Validators;
	type WeightInfo = pallet_agencies::weights::SubstrateWeight<Runtime>;
}

impl pallet_governance::Config for Runtime {
	type UpgradeOrigin = CouncilOrRoot;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}
