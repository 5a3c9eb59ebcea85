//! The pallet's logic by concern, as `Pallet` methods the calls in `lib.rs` delegate to:
//! registration and amendment, the lifecycle, reports and contact data, and the reads with
//! the lazy rules and the history every change goes through.

mod lifecycle;
pub(crate) mod reads;
mod registration;
mod reports;
