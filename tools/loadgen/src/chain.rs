//! What the load generator learns from the node before it signs anything: the runtime's
//! version and genesis, where pallets and calls sit (from the metadata, so the same code
//! signs for govchain and for the stock solochain template), the transaction extensions
//! the runtime expects, and its block limits.

use crate::rpc::RpcClient;
use anyhow::{anyhow, bail, Context, Result};
use codec::{Compact, Decode, Encode};
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use polkadot_sdk::{
	sp_core::{sr25519, Pair},
	sp_crypto_hashing::{blake2_256, twox_128},
};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef};
use serde_json::{json, Value};
use std::collections::HashMap;

/// How one transaction extension contributes to the extrinsic (explicit part) and to the
/// signed payload (implicit part).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Extension {
	/// Contributes nothing to either (CheckNonZeroSender, CheckWeight, WeightReclaim, …).
	Empty,
	SpecVersion,
	TxVersion,
	Genesis,
	/// Immortal era: one byte in the extrinsic, the genesis hash in the payload.
	Mortality,
	Nonce,
	Tip,
	/// Metadata-hash checking off: mode byte 0, no hash.
	MetadataHash,
}

/// A weight as the runtime encodes it.
#[derive(Debug, Clone, Copy, Default, Decode)]
pub struct Weight {
	#[codec(compact)]
	pub ref_time: u64,
	#[codec(compact)]
	pub _proof_size: u64,
}

/// `frame_system::limits::WeightsPerClass`.
#[derive(Debug, Clone, Decode)]
struct WeightsPerClass {
	_base_extrinsic: Weight,
	_max_extrinsic: Option<Weight>,
	max_total: Option<Weight>,
	_reserved: Option<Weight>,
}

/// `frame_system::limits::BlockWeights`.
#[derive(Debug, Clone, Decode)]
struct BlockWeights {
	_base_block: Weight,
	max_block: Weight,
	normal: WeightsPerClass,
	_operational: WeightsPerClass,
	_mandatory: WeightsPerClass,
}

/// The weight a block used per dispatch class (`System::BlockWeight`).
#[derive(Debug, Clone, Copy, Default, Decode)]
pub struct ConsumedWeight {
	pub normal: Weight,
	pub _operational: Weight,
	pub _mandatory: Weight,
}

/// The node's runtime as seen through its RPC.
pub struct Chain {
	pub spec_name: String,
	pub spec_version: u32,
	tx_version: u32,
	genesis: [u8; 32],
	registry: PortableRegistry,
	/// Pallet name → (index, call type, error type).
	pallets: HashMap<String, (u8, Option<u32>, Option<u32>)>,
	extensions: Vec<Extension>,
	/// Ref-time ordinary transactions may fill per block.
	pub max_normal_weight: u64,
	/// Bytes ordinary transactions may fill per block.
	pub max_normal_length: u32,
	/// Milliseconds between blocks.
	pub block_time_ms: u64,
}

fn hex_bytes(value: &Value, what: &str) -> Result<Vec<u8>> {
	let text = value
		.as_str()
		.ok_or_else(|| anyhow!("{what}: expected a hex string, got {value}"))?;
	hex::decode(text.trim_start_matches("0x")).with_context(|| format!("{what}: not hex"))
}

/// Whether a type encodes to nothing (a unit struct or an empty tuple).
fn is_empty_type(registry: &PortableRegistry, id: u32) -> bool {
	match registry.resolve(id).map(|ty| &ty.type_def) {
		Some(TypeDef::Composite(composite)) => {
			composite.fields.iter().all(|f| is_empty_type(registry, f.ty.id))
		},
		Some(TypeDef::Tuple(tuple)) => tuple.fields.iter().all(|f| is_empty_type(registry, f.id)),
		_ => false,
	}
}

impl Chain {
	/// Reads version, genesis hash and metadata from the node.
	pub async fn connect(rpc: &RpcClient) -> Result<Self> {
		let version = rpc.request("state_getRuntimeVersion", json!([])).await?;
		let spec_name = version["specName"].as_str().unwrap_or_default().to_string();
		let spec_version =
			version["specVersion"].as_u64().ok_or_else(|| anyhow!("no specVersion"))? as u32;
		let tx_version = version["transactionVersion"]
			.as_u64()
			.ok_or_else(|| anyhow!("no transactionVersion"))? as u32;
		let genesis_hex = rpc.request("chain_getBlockHash", json!([0])).await?;
		let genesis: [u8; 32] = hex_bytes(&genesis_hex, "genesis hash")?
			.try_into()
			.map_err(|_| anyhow!("genesis hash is not 32 bytes"))?;
		let metadata_bytes =
			hex_bytes(&rpc.request("state_getMetadata", json!([])).await?, "metadata")?;
		Self::from_metadata(spec_name, spec_version, tx_version, genesis, &metadata_bytes)
	}

	/// The govchain runtime this tool is built with, on the chain whose genesis hash is
	/// `genesis`: for blocks built offline.
	pub fn native(genesis: [u8; 32]) -> Result<Self> {
		let version = &govchain_runtime::VERSION;
		let metadata = govchain_runtime::Runtime::metadata_at_version(14)
			.context("the runtime offers no version 14 metadata")?;
		Self::from_metadata(
			version.spec_name.to_string(),
			version.spec_version,
			version.transaction_version,
			genesis,
			&metadata,
		)
	}

	fn from_metadata(
		spec_name: String,
		spec_version: u32,
		tx_version: u32,
		genesis: [u8; 32],
		metadata_bytes: &[u8],
	) -> Result<Self> {
		let prefixed = RuntimeMetadataPrefixed::decode(&mut &metadata_bytes[..])
			.context("the runtime's metadata does not decode")?;
		let RuntimeMetadata::V14(metadata) = prefixed.1 else {
			bail!("the runtime's metadata is not version 14, which this tool reads")
		};
		let registry = metadata.types;
		if metadata.extrinsic.version != 4 {
			bail!(
				"extrinsic format version {} is not supported (4 is)",
				metadata.extrinsic.version
			);
		}
		let mut extensions = Vec::new();
		for extension in &metadata.extrinsic.signed_extensions {
			let known = match extension.identifier.as_str() {
				"CheckSpecVersion" => Extension::SpecVersion,
				"CheckTxVersion" => Extension::TxVersion,
				"CheckGenesis" => Extension::Genesis,
				"CheckMortality" | "CheckEra" => Extension::Mortality,
				"CheckNonce" => Extension::Nonce,
				"ChargeTransactionPayment" => Extension::Tip,
				"CheckMetadataHash" => Extension::MetadataHash,
				other
					if is_empty_type(&registry, extension.ty.id)
						&& is_empty_type(&registry, extension.additional_signed.id) =>
				{
					let _ = other;
					Extension::Empty
				},
				other => bail!(
					"the runtime's transaction extension {other} is not one this tool can fill in"
				),
			};
			extensions.push(known);
		}
		let mut pallets = HashMap::new();
		let mut constants = HashMap::new();
		for pallet in &metadata.pallets {
			pallets.insert(
				pallet.name.clone(),
				(
					pallet.index,
					pallet.calls.as_ref().map(|c| c.ty.id),
					pallet.error.as_ref().map(|e| e.ty.id),
				),
			);
			for constant in &pallet.constants {
				constants
					.insert(format!("{}.{}", pallet.name, constant.name), constant.value.clone());
			}
		}
		let constant = |name: &str| {
			constants.get(name).ok_or_else(|| anyhow!("the runtime has no constant {name}"))
		};
		let weights = BlockWeights::decode(&mut &constant("System.BlockWeights")?[..])
			.context("System.BlockWeights does not decode")?;
		let max_normal_weight = weights.normal.max_total.unwrap_or(weights.max_block).ref_time;
		// `BlockLength { max: PerDispatchClass<u32>, .. }`: the normal class comes first.
		let max_normal_length = u32::decode(&mut &constant("System.BlockLength")?[..])
			.context("System.BlockLength does not decode")?;
		let block_time_ms = match constants.get("Aura.SlotDuration") {
			Some(value) => u64::decode(&mut &value[..]).context("Aura.SlotDuration")?,
			None => {
				2 * u64::decode(&mut &constant("Timestamp.MinimumPeriod")?[..])
					.context("Timestamp.MinimumPeriod")?
			},
		};
		Ok(Self {
			spec_name,
			spec_version,
			tx_version,
			genesis,
			registry,
			pallets,
			extensions,
			max_normal_weight,
			max_normal_length,
			block_time_ms,
		})
	}

	/// The two index bytes of `pallet::call`.
	pub fn call_index(&self, pallet: &str, call: &str) -> Result<[u8; 2]> {
		let (index, calls, _) = self
			.pallets
			.get(pallet)
			.ok_or_else(|| anyhow!("the runtime has no pallet {pallet}"))?;
		let calls = calls.ok_or_else(|| anyhow!("pallet {pallet} has no calls"))?;
		let variant = self
			.variants(calls)
			.iter()
			.find(|variant| variant.name == call)
			.ok_or_else(|| anyhow!("pallet {pallet} has no call {call}"))?;
		Ok([*index, variant.index])
	}

	fn variants(&self, id: u32) -> &[scale_info::Variant<PortableForm>] {
		match self.registry.resolve(id).map(|ty| &ty.type_def) {
			Some(TypeDef::Variant(variants)) => &variants.variants,
			_ => &[],
		}
	}

	/// `Pallet.Error` for a module error's pallet index and first error byte.
	pub fn error_name(&self, pallet_index: u8, error: u8) -> String {
		self.pallets
			.iter()
			.find(|(_, (index, _, _))| *index == pallet_index)
			.map(|(name, (_, _, errors))| {
				let variant = errors
					.and_then(|id| self.variants(id).iter().find(|v| v.index == error))
					.map(|v| v.name.clone())
					.unwrap_or_else(|| format!("error {error}"));
				format!("{name}.{variant}")
			})
			.unwrap_or_else(|| format!("pallet {pallet_index} error {error}"))
	}

	/// A signed extrinsic of `call` by `signer` with `nonce`, immortal, no tip.
	pub fn sign(&self, signer: &sr25519::Pair, nonce: u32, call: &[u8]) -> Vec<u8> {
		let mut explicit = Vec::new();
		let mut implicit = Vec::new();
		for extension in &self.extensions {
			match extension {
				Extension::Empty => {},
				Extension::SpecVersion => self.spec_version.encode_to(&mut implicit),
				Extension::TxVersion => self.tx_version.encode_to(&mut implicit),
				Extension::Genesis => implicit.extend_from_slice(&self.genesis),
				Extension::Mortality => {
					explicit.push(0);
					implicit.extend_from_slice(&self.genesis);
				},
				Extension::Nonce => Compact(nonce).encode_to(&mut explicit),
				Extension::Tip => Compact(0u128).encode_to(&mut explicit),
				Extension::MetadataHash => {
					explicit.push(0);
					implicit.push(0);
				},
			}
		}
		let mut payload = Vec::with_capacity(call.len() + explicit.len() + implicit.len());
		payload.extend_from_slice(call);
		payload.extend_from_slice(&explicit);
		payload.extend_from_slice(&implicit);
		let signature = if payload.len() > 256 {
			signer.sign(&blake2_256(&payload))
		} else {
			signer.sign(&payload)
		};
		// Version 4, signed; `MultiAddress::Id`; `MultiSignature::Sr25519`.
		let mut body = vec![0x84, 0x00];
		body.extend_from_slice(&signer.public().0);
		body.push(0x01);
		body.extend_from_slice(&signature.0);
		body.extend_from_slice(&explicit);
		body.extend_from_slice(call);
		let mut extrinsic = Compact(body.len() as u32).encode();
		extrinsic.extend_from_slice(&body);
		extrinsic
	}
}

/// The storage key of a plain storage value.
pub fn value_key(pallet: &str, item: &str) -> String {
	let mut key = twox_128(pallet.as_bytes()).to_vec();
	key.extend_from_slice(&twox_128(item.as_bytes()));
	format!("0x{}", hex::encode(key))
}

/// Reads and decodes a storage value at `block`; `None` when it is not set.
pub async fn storage<T: Decode>(rpc: &RpcClient, key: &str, block: &str) -> Result<Option<T>> {
	let value = rpc.request("state_getStorage", json!([key, block])).await?;
	if value.is_null() {
		return Ok(None);
	}
	let bytes = hex_bytes(&value, key)?;
	T::decode(&mut &bytes[..])
		.map(Some)
		.with_context(|| format!("storage {key} does not decode"))
}

/// The bytes of a `0x…` string.
pub fn decode_hex(value: &Value, what: &str) -> Result<Vec<u8>> {
	hex_bytes(value, what)
}
