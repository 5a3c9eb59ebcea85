//! Domain types and cross-pallet traits shared by govchain's pallets.
//!
//! Pallets depend on what is defined here, never on each other: the runtime wires the
//! implementations together.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod agency;
#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
pub mod calendar;
pub mod classification;
pub mod company;
pub mod lei;
pub mod money;
pub mod storage_fee;
#[cfg(feature = "std")]
pub mod testing;
pub mod uscc;

pub use agency::{AgencyOfficer, Role};
pub use calendar::{CivilDate, UnixMillis};
pub use classification::{DivisionCode, IndustryCode};
pub use company::{AbnormalReason, CompanyRegistry, CompanyStatus, PartyRef};
pub use lei::Lei;
pub use money::{CurrencyCode, Money};
pub use storage_fee::StorageFee;
pub use uscc::{RegistrationAuthority, Uscc, UsccError};
