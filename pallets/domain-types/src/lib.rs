//! Domain types and cross-pallet traits shared by govchain's pallets.
//!
//! Pallets depend on what is defined here, never on each other: the runtime wires the
//! implementations together.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

/// Implements SCALE decoding for a code type that reads a fixed number of bytes and keeps
/// them only if `$parse` (bytes to `Option<Self>`) accepts them, so that a malformed code is
/// refused when a call, an event or a storage value is decoded.
macro_rules! decode_checked {
	($type:ty, $length:expr, $parse:expr, $what:literal) => {
		impl codec::Decode for $type {
			fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
				let bytes = <[u8; $length] as codec::Decode>::decode(input)?;
				($parse)(&bytes[..]).ok_or_else(|| concat!("malformed ", $what).into())
			}
		}

		impl codec::DecodeWithMemTracking for $type {}
	};
}
pub(crate) use decode_checked;

pub mod agency;
#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
pub mod calendar;
pub mod classification;
pub mod company;
pub mod fixtures;
pub mod lei;
pub mod money;
pub mod storage_fee;
#[cfg(feature = "std")]
pub mod testing;
pub mod trade;
pub mod uscc;

pub use agency::{AgencyDepartures, AgencyOfficer, Role};
pub use calendar::{CivilDate, UnixMillis};
pub use classification::{DivisionCode, IndustryCode};
pub use company::{
	AbnormalListing, AbnormalReason, CompanyRegistry, CompanyStatus, PartyRef, Standing,
};
pub use lei::Lei;
pub use money::{CurrencyCode, Money};
pub use storage_fee::StorageFee;
pub use trade::{CommodityCode, CountryCode, Incoterm, TransportMode, Ucr};
pub use uscc::{CheckFailures, RegistrationAuthority, Uscc, UsccError};
