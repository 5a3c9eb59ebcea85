//! frame-system and timestamp.

use crate::{
	weights::{self, BlockExecutionWeight, ExtrinsicBaseWeight, NoDatabase, ParityDbWeight},
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, SLOT_DURATION, SS58_PREFIX, VERSION,
};
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		dispatch::DispatchClass,
		parameter_types,
		traits::{ConstU32, ConstU64, Get},
		weights::{constants::WEIGHT_REF_TIME_PER_SECOND, RuntimeDbWeight, Weight},
	},
	frame_system::{self, limits, ExtensionsWeightInfo},
	pallet_balances, pallet_timestamp,
	pallet_transaction_payment::WeightInfo as _,
	sp_runtime::Perbill,
};

/// Share of a block's weight and length that ordinary transactions may use; the rest is kept
/// for operational ones (e.g. council motions) so that governance works in a full block.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Two seconds of compute per six-second block, leaving time to import and gossip.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(2u64.saturating_mul(WEIGHT_REF_TIME_PER_SECOND), u64::MAX);

/// What a signed transaction's extensions are charged through their own benchmarks, the
/// fee payment's included, for a remark signed as the overhead benchmark signs one (immortal),
/// with database costs `D`'s. `NoDatabase` leaves their measured execution time: the overhead
/// benchmark's remarks find their account in the cache, so it measured none of the database
/// costs the extensions are charged besides.
pub(crate) fn signed_extensions_weight<D: Get<RuntimeDbWeight>>() -> Weight {
	type Extensions<D> = weights::frame_system_extensions::WeightInfo<Runtime, D>;
	type FeePayment<D> = weights::pallet_transaction_payment::WeightInfo<Runtime, D>;
	[
		Extensions::<D>::check_non_zero_sender(),
		Extensions::<D>::check_spec_version(),
		Extensions::<D>::check_tx_version(),
		Extensions::<D>::check_genesis(),
		Extensions::<D>::check_mortality_immortal_transaction(),
		Extensions::<D>::check_nonce(),
		Extensions::<D>::check_weight(),
		FeePayment::<D>::charge_transaction_payment(),
		Extensions::<D>::weight_reclaim(),
	]
	.into_iter()
	.fold(Weight::zero(), Weight::saturating_add)
}

/// What every extrinsic is charged besides its call and its extensions: `benchmark overhead`
/// measures a whole signed remark, extensions and fee payment included, and each extension
/// is charged again through its own weight, so their time is taken out of the measured
/// figure here (polkadot-sdk issue #9981).
fn extrinsic_base_weight() -> Weight {
	ExtrinsicBaseWeight::get()
		.saturating_sub(signed_extensions_weight::<NoDatabase>().set_proof_size(0))
}

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: polkadot_sdk::sp_version::RuntimeVersion = VERSION;

	/// The block's budget split by class, with this machine's measured cost of a block and of
	/// an extrinsic (`crate::weights`, the latter without what its extensions are charged
	/// for) in place of FRAME's reference-hardware ones. The
	/// builder only fails on inconsistent constants, which the runtime's integrity test
	/// (`frame_system`'s `BlockWeights::validate`) would catch before any node runs them.
	pub RuntimeBlockWeights: limits::BlockWeights = limits::BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = extrinsic_base_weight();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved =
				Some(MAXIMUM_BLOCK_WEIGHT.saturating_sub(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT));
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	pub RuntimeBlockLength: limits::BlockLength = limits::BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |m| {
			*m = NORMAL_DISPATCH_RATIO * *m
		})
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// The node's database is ParityDB: its reads and writes as measured on a large register.
	type DbWeight = ParityDbWeight;
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeTask = RuntimeTask;
	type PalletInfo = PalletInfo;
	// Every call checks its origin itself (agency officers, controllers, council members),
	// so the filter lets every call through but one that bypasses the council (claiming a
	// node outside the permissioned network); docs/governance.md ("Calls open to any
	// account") lists what an account that is neither officer nor controller can do.
	type BaseCallFilter = super::validators::NoNodeClaims;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = crate::Aura;
	// Aura checks that each block's timestamp falls in its slot; half a slot apart at least.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}
