//! Configuration of the runtime's pallets, one module per group.

mod accounts;
mod consensus;
mod system;
mod utility;
