//! Values of any type the runtime describes with `scale-info`, as SCALE bytes: the fuzzer
//! draws calls from the runtime's own type description, so every call of every pallet is
//! covered without a hand-written generator, and a new call is fuzzed the day it is added.
//!
//! Random bytes rarely make a valid company code or an existing declaration number, so a
//! value is often taken from a pool instead: values of the same type seen in the events of
//! earlier calls (identifiers the chain handed out, codes it accepted) and seed values
//! (valid codes, the genesis accounts). Events are walked with the same type description.

use codec::{Compact, Encode};
use scale_info::{PortableRegistry, TypeDef, TypeDefPrimitive};
use std::collections::BTreeMap;

/// A small deterministic generator (SplitMix64): a step's seed fixes every choice it makes.
pub struct Rng(u64);

impl Rng {
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	pub fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
		z ^ (z >> 31)
	}

	/// A number in `0..bound` (0 when `bound` is 0).
	pub fn below(&mut self, bound: usize) -> usize {
		if bound == 0 {
			0
		} else {
			(self.next() % bound as u64) as usize
		}
	}

	/// True with probability `percent` %.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.next() % 100 < percent
	}

	pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
		(!items.is_empty()).then(|| &items[self.below(items.len())])
	}
}

/// How many values of one type a pool keeps; a full pool replaces a random entry.
const POOL_SIZE: usize = 48;

/// How many of a pool's newest values half of the picks choose among.
const RECENT: usize = 3;

/// Encoded values by type id, seeded or seen, oldest first.
#[derive(Default, Clone)]
pub struct Pools(BTreeMap<u32, Vec<Vec<u8>>>);

impl Pools {
	pub fn add(&mut self, type_id: u32, value: Vec<u8>, rng: &mut Rng) {
		let pool = self.0.entry(type_id).or_default();
		if pool.contains(&value) {
			return;
		}
		if pool.len() >= POOL_SIZE {
			pool.remove(rng.below(POOL_SIZE));
		}
		// The newest value last: generation favours it (a company just registered is the
		// one the next calls should be about).
		pool.push(value);
	}

	pub fn get(&self, type_id: u32) -> &[Vec<u8>] {
		self.0.get(&type_id).map_or(&[], Vec::as_slice)
	}
}

/// Whether values of this type are worth pooling: numbers wider than a byte, byte arrays
/// (hashes, codes) and named structures (accounts, codes, identifiers), not flags, text or
/// whole calls.
fn poolable(types: &PortableRegistry, type_id: u32) -> bool {
	let Some(ty) = types.resolve(type_id) else { return false };
	match &ty.type_def {
		TypeDef::Primitive(primitive) => !matches!(
			primitive,
			TypeDefPrimitive::Bool
				| TypeDefPrimitive::Char
				| TypeDefPrimitive::Str
				| TypeDefPrimitive::U8
		),
		TypeDef::Array(_) => true,
		TypeDef::Composite(_) => !ty.path.segments.is_empty(),
		TypeDef::Variant(variant) => {
			!ty.path.segments.is_empty() && variant.variants.iter().all(|v| !v.fields.is_empty())
		},
		_ => false,
	}
}

/// Writes a random value of `type_id` to `out`; `call` is the runtime call's type id, for
/// calls nested in batches and motions, which `nested_call` generates.
pub struct Generator<'a> {
	pub types: &'a PortableRegistry,
	pub pools: &'a Pools,
	pub rng: &'a mut Rng,
	pub call: u32,
	pub depth: u32,
}

/// Calls nested deeper than this are not generated (a batch in a batch is the deepest).
const MAX_NESTING: u32 = 2;

impl Generator<'_> {
	/// A value of `type_id`; `None` if none can be made (a nesting limit, an empty enum).
	pub fn value(&mut self, type_id: u32, out: &mut Vec<u8>) -> Option<()> {
		if type_id == self.call {
			return self.nested_call(out);
		}
		let pooled = self.pools.get(type_id);
		// Named types (codes, accounts) mostly come from the pool: random ones rarely exist.
		let ty = self.types.resolve(type_id)?;
		let bias = if ty.path.segments.is_empty() { 30 } else { 85 };
		if !pooled.is_empty() && self.rng.chance(bias) {
			let recent = &pooled[pooled.len().saturating_sub(RECENT)..];
			let from = if self.rng.chance(50) { recent } else { pooled };
			out.extend_from_slice(self.rng.pick(from)?);
			return Some(());
		}
		match &ty.type_def {
			TypeDef::Composite(composite) => {
				for field in &composite.fields {
					self.value(field.ty.id, out)?;
				}
			},
			TypeDef::Variant(variant) => {
				let chosen = self.rng.pick(&variant.variants)?;
				out.push(chosen.index);
				for field in &chosen.fields {
					self.value(field.ty.id, out)?;
				}
			},
			TypeDef::Sequence(sequence) => {
				let length = self.length();
				Compact(length as u32).encode_to(out);
				for _ in 0..length {
					self.value(sequence.type_param.id, out)?;
				}
			},
			TypeDef::Array(array) => {
				for _ in 0..array.len {
					self.value(array.type_param.id, out)?;
				}
			},
			TypeDef::Tuple(tuple) => {
				for field in &tuple.fields {
					self.value(field.id, out)?;
				}
			},
			TypeDef::Primitive(primitive) => self.primitive(primitive, out)?,
			TypeDef::Compact(compact) => {
				let inner = self.types.resolve(compact.type_param.id)?;
				let number = match &inner.type_def {
					TypeDef::Primitive(primitive) => self.number(bits(primitive)?),
					_ => self.number(32),
				};
				Compact(number).encode_to(out);
			},
			TypeDef::BitSequence(_) => Compact(0u32).encode_to(out),
		}
		Some(())
	}

	/// A call of one of the fuzzed pallets, inside a batch or a motion.
	fn nested_call(&mut self, out: &mut Vec<u8>) -> Option<()> {
		if self.depth >= MAX_NESTING {
			return None;
		}
		self.depth += 1;
		let made = self.value_of_call(out);
		self.depth -= 1;
		made
	}

	/// A top-level call: a pallet among `crate::FUZZED_PALLETS`, then any of its calls.
	pub fn value_of_call(&mut self, out: &mut Vec<u8>) -> Option<()> {
		let TypeDef::Variant(pallets) = &self.types.resolve(self.call)?.type_def else {
			return None;
		};
		// Every call equally likely: a pallet with one call is not drawn as often as one
		// with fifteen.
		let mut calls = Vec::new();
		for pallet in &pallets.variants {
			if !crate::FUZZED_PALLETS.contains(&pallet.name.as_str()) {
				continue;
			}
			let calls_type = pallet.fields.first()?.ty.id;
			let TypeDef::Variant(pallet_calls) = &self.types.resolve(calls_type)?.type_def else {
				continue;
			};
			calls.extend(pallet_calls.variants.iter().map(|call| (pallet.index, call)));
		}
		let (pallet, call) = *self.rng.pick(&calls)?;
		out.extend([pallet, call.index]);
		for field in &call.fields {
			self.value(field.ty.id, out)?;
		}
		Some(())
	}

	/// A collection length: mostly short, sometimes at or past a pallet's bounds.
	fn length(&mut self) -> usize {
		match self.rng.below(100) {
			0..=69 => self.rng.below(4),
			70..=94 => self.rng.below(40),
			_ => self.rng.below(600),
		}
	}

	/// A number of `bits` bits: boundaries, small values and random ones.
	fn number(&mut self, bits: u32) -> u128 {
		let max = if bits >= 128 { u128::MAX } else { (1u128 << bits) - 1 };
		match self.rng.below(10) {
			0 => 0,
			1 => max,
			2 => max.saturating_sub(1),
			3..=6 => u128::from(self.rng.next() % 100),
			_ => (u128::from(self.rng.next()) << 64 | u128::from(self.rng.next())) & max,
		}
	}

	fn primitive(&mut self, primitive: &TypeDefPrimitive, out: &mut Vec<u8>) -> Option<()> {
		match primitive {
			TypeDefPrimitive::Bool => out.push(u8::from(self.rng.chance(50))),
			TypeDefPrimitive::Str => {
				let length = self.length();
				let text: String =
					(0..length).map(|_| char::from(b'a' + self.rng.below(26) as u8)).collect();
				text.encode_to(out);
			},
			other => {
				let bits = bits(other)?;
				let bytes = self.number(bits).to_le_bytes();
				out.extend_from_slice(&bytes[..(bits / 8) as usize]);
			},
		}
		Some(())
	}
}

/// The width of a fixed-size integer primitive.
fn bits(primitive: &TypeDefPrimitive) -> Option<u32> {
	Some(match primitive {
		TypeDefPrimitive::U8 | TypeDefPrimitive::I8 => 8,
		TypeDefPrimitive::U16 | TypeDefPrimitive::I16 => 16,
		TypeDefPrimitive::U32 | TypeDefPrimitive::I32 => 32,
		TypeDefPrimitive::U64 | TypeDefPrimitive::I64 => 64,
		TypeDefPrimitive::U128 | TypeDefPrimitive::I128 => 128,
		_ => return None,
	})
}

/// Walks the SCALE encoding of a `type_id` value at `bytes[*at..]`, adding every poolable
/// part to `pools`; `None` if the bytes do not match the type (then nothing more is read).
pub fn harvest(
	types: &PortableRegistry,
	type_id: u32,
	bytes: &[u8],
	at: &mut usize,
	pools: &mut Pools,
	rng: &mut Rng,
) -> Option<()> {
	let start = *at;
	let ty = types.resolve(type_id)?;
	match &ty.type_def {
		TypeDef::Composite(composite) => {
			for field in &composite.fields {
				harvest(types, field.ty.id, bytes, at, pools, rng)?;
			}
		},
		TypeDef::Variant(variant) => {
			let index = *bytes.get(*at)?;
			*at += 1;
			let chosen = variant.variants.iter().find(|v| v.index == index)?;
			for field in &chosen.fields {
				harvest(types, field.ty.id, bytes, at, pools, rng)?;
			}
		},
		TypeDef::Sequence(sequence) => {
			let length = compact_at(bytes, at)?;
			for _ in 0..length {
				harvest(types, sequence.type_param.id, bytes, at, pools, rng)?;
			}
		},
		TypeDef::Array(array) => {
			for _ in 0..array.len {
				harvest(types, array.type_param.id, bytes, at, pools, rng)?;
			}
		},
		TypeDef::Tuple(tuple) => {
			for field in &tuple.fields {
				harvest(types, field.id, bytes, at, pools, rng)?;
			}
		},
		TypeDef::Primitive(primitive) => {
			let width = match primitive {
				TypeDefPrimitive::Bool => 1,
				TypeDefPrimitive::Str => compact_at(bytes, at)?,
				other => (bits(other)? / 8) as usize,
			};
			*at = at.checked_add(width).filter(|end| *end <= bytes.len())?;
		},
		TypeDef::Compact(_) => {
			compact_at(bytes, at)?;
		},
		TypeDef::BitSequence(_) => return None,
	}
	if poolable(types, type_id) {
		pools.add(type_id, bytes[start..*at].to_vec(), rng);
	}
	Some(())
}

/// Reads a SCALE compact integer at `bytes[*at..]` and moves past it.
fn compact_at(bytes: &[u8], at: &mut usize) -> Option<usize> {
	let mut rest = bytes.get(*at..)?;
	let before = rest.len();
	let value = <Compact<u64> as codec::Decode>::decode(&mut rest).ok()?.0;
	*at += before - rest.len();
	usize::try_from(value).ok()
}
