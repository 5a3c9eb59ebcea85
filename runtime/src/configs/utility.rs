//! Batching, multi-signature accounts and (on development chains) sudo.

use crate::{Balance, Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent, MILLI_UNIT};
use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	frame_system, pallet_multisig, pallet_sudo, pallet_utility,
};

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Reserved while a multisig operation is open: a base plus a share per byte stored.
	pub const MultisigDepositBase: Balance = 20 * MILLI_UNIT;
	pub const MultisigDepositFactor: Balance = MILLI_UNIT;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	type MaxSignatories = ConstU32<100>;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
