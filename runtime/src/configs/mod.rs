//! Configuration of the runtime's pallets, one module per group.

mod accounts;
mod certification;
mod consensus;
mod customs;
mod disclosures;
pub mod governance;
pub(crate) mod registers;
pub(crate) mod system;
mod utility;
pub mod validators;
