//! The govchain runtime: the state machine that every agency's node runs.
//!
//! Block production is Aura, finality GRANDPA, with the validator set the agencies' council
//! changes at session boundaries; accounts, fees, batching and multi-signature accounts come
//! from FRAME's pallets. Sudo exists for development chains only: its key is
//! set in the `development` genesis preset and nowhere else.
#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

// The wasm blob produced by the build script.
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
#[cfg(test)]
mod certification_tests;
pub mod configs;
#[cfg(test)]
mod council_safety_tests;
#[cfg(test)]
mod customs_tests;
#[cfg(test)]
mod disclosures_tests;
pub mod genesis_config_presets;
#[cfg(test)]
mod governance_tests;
pub mod migrations;
#[cfg(test)]
mod registry_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod validators_tests;
pub mod weights;

use polkadot_sdk::{
	frame_support, frame_system, pallet_aura, pallet_authorship, pallet_balances,
	pallet_collective, pallet_grandpa, pallet_multisig, pallet_node_authorization, pallet_offences,
	pallet_sudo, pallet_timestamp, pallet_transaction_payment, pallet_utility,
	sp_runtime::{
		generic, impl_opaque_keys,
		traits::{BlakeTwo256, IdentifyAccount, Verify},
		MultiAddress, MultiSignature,
	},
	sp_version::{runtime_version, RuntimeVersion},
};

/// The invariants of govchain's pallets, as their `try_state` hooks check them; the tests run
/// them after every test and the call-sequence fuzzer (`tools/fuzz`) after every block.
pub fn govchain_invariants() -> Result<(), sp_runtime::TryRuntimeError> {
	Agencies::do_try_state()?;
	CompanyRegistry::do_try_state()?;
	Customs::do_try_state()?;
	Validators::do_try_state()?;
	Disclosures::do_try_state()?;
	Certification::do_try_state()
}

#[allow(unused_imports)] // used by the runtime macro's expansion only
use polkadot_sdk::frame_support::instances::Instance1;
pub use polkadot_sdk::{sp_consensus_aura::sr25519::AuthorityId as AuraId, sp_runtime};

/// Opaque types: what the node needs to know of blocks without knowing the runtime's calls.
pub mod opaque {
	use super::*;
	use polkadot_sdk::sp_runtime::OpaqueExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, OpaqueExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as polkadot_sdk::sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The keys a validator holds: Aura for authoring, GRANDPA for finality votes.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime's identity. `spec_version` must rise with every upgrade of the runtime logic.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("govchain"),
	impl_name: alloc::borrow::Cow::Borrowed("govchain"),
	authoring_version: 1,
	spec_version: 107,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 3,
	system_version: 1,
};

/// Target block time. Every agency's validator authors in its turn, one slot each.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura slot duration; equal to the block time.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Time measured in blocks.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// The chain's token has 12 decimals; it pays fees only and has no market value.
pub const UNIT: Balance = 1_000_000_000_000;
pub const MILLI_UNIT: Balance = 1_000_000_000;
pub const MICRO_UNIT: Balance = 1_000_000;
/// Minimum balance an account must keep to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Token symbol and decimals shown by wallets (chain-spec properties).
pub const TOKEN_SYMBOL: &str = "GOV";
pub const TOKEN_DECIMALS: u8 = 12;
/// SS58 address prefix: 42, the generic Substrate prefix, until one is registered.
pub const SS58_PREFIX: u16 = 42;

/// Signature type of transactions.
pub type Signature = MultiSignature;
/// Account identifier: the public key behind the signature.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Account balance.
pub type Balance = u128;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Block hash.
pub type Hash = polkadot_sdk::sp_core::H256;
/// Block number.
pub type BlockNumber = u32;
/// How transactions refer to accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// Signed block with justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The checks every signed transaction goes through, in order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Extrinsic as it travels in blocks.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run at the next runtime upgrade. Each runs once: it checks the
/// pallet's stored version.
type Migrations = (
	pallet_agencies::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_company_registry::migrations::v2::MigrateV1ToV2<Runtime>,
	migrations::AdoptConsensusAuthorities,
);

/// Dispatches blocks and transactions to the pallets.
pub type Executive = polkadot_sdk::frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	use super::*;

	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(6)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(7)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(8)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(10)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(11)]
	pub type Agencies = pallet_agencies;
	#[runtime::pallet_index(12)]
	pub type Governance = pallet_governance;

	// Validators before Session: the session's genesis asks it for the first set.
	#[runtime::pallet_index(13)]
	pub type Validators = pallet_validators;
	#[runtime::pallet_index(14)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(15)]
	pub type Historical = pallet_session::historical;
	#[runtime::pallet_index(16)]
	pub type Offences = pallet_offences;
	#[runtime::pallet_index(17)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(18)]
	pub type NodeAuthorization = pallet_node_authorization;

	#[runtime::pallet_index(20)]
	pub type CompanyRegistry = pallet_company_registry;
	#[runtime::pallet_index(21)]
	pub type Customs = pallet_customs;
	#[runtime::pallet_index(22)]
	pub type Disclosures = pallet_disclosures;
	#[runtime::pallet_index(23)]
	pub type Certification = pallet_certification;
}

// The node and tests build extrinsics from these; keep the list of public names tidy.
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
