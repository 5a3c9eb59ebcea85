//! Domain types and cross-pallet traits shared by govchain's pallets.
//!
//! Pallets depend on what is defined here, never on each other: the runtime wires the
//! implementations together.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod agency;
pub mod uscc;

pub use agency::{AgencyOfficer, Role};
pub use uscc::{RegistrationAuthority, Uscc, UsccError};
