//! What a signer who is not an agency's officer pays for the bytes it makes the chain keep.
//!
//! Agencies' officers are accountable to the council, which can suspend their agency; anyone
//! else who stores data (a company's controllers, and later declarants and filers) pays for
//! it in proportion to its size, so that the chain cannot be filled for free. The data such
//! signers store (history entries, reports, filings) is kept for ever, so the price is a fee
//! paid once and burned, not a deposit returned later (docs/governance.md, "Who pays for
//! state").

use core::marker::PhantomData;
use polkadot_sdk::{
	frame_support::{
		traits::{
			fungible::{Balanced, Inspect, Mutate},
			tokens::{Fortitude, Precision, Preservation},
			Get,
		},
		weights::{RuntimeDbWeight, Weight},
	},
	sp_runtime::{traits::Saturating, DispatchError},
};

/// Charges an account for data it makes the chain keep. Pallets depend on this trait; the
/// runtime chooses the currency and the price.
pub trait StorageFee<AccountId> {
	/// Takes the fee for keeping `bytes` bytes from `who`. Fails, taking nothing, if `who`
	/// cannot pay it and keep its account alive.
	fn charge(who: &AccountId, bytes: u32) -> Result<(), DispatchError>;

	/// Worst-case weight of one [`Self::charge`], added to the weight of calls that charge.
	fn charge_weight() -> Weight;

	/// Gives `who` enough to pay for `bytes` bytes, for benchmarks of calls that charge.
	#[cfg(feature = "runtime-benchmarks")]
	fn endow(who: &AccountId, bytes: u32);
}

/// No fee: for test runtimes whose tests are not about fees.
impl<AccountId> StorageFee<AccountId> for () {
	fn charge(_who: &AccountId, _bytes: u32) -> Result<(), DispatchError> {
		Ok(())
	}

	fn charge_weight() -> Weight {
		Weight::zero()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn endow(_who: &AccountId, _bytes: u32) {}
}

/// A fee of `Base + PerByte × bytes` in `Currency`, withdrawn from the payer and burned.
/// `DbWeight` prices the withdrawal: the payer's account and the total issuance are read
/// and written.
pub struct BurnPerByte<Currency, Base, PerByte, DbWeight>(
	PhantomData<(Currency, Base, PerByte, DbWeight)>,
);

impl<Currency, Base, PerByte, DbWeight> BurnPerByte<Currency, Base, PerByte, DbWeight> {
	/// The fee for `bytes` bytes; saturates rather than wraps.
	pub fn fee<AccountId>(bytes: u32) -> <Currency as Inspect<AccountId>>::Balance
	where
		Currency: Inspect<AccountId>,
		Base: Get<<Currency as Inspect<AccountId>>::Balance>,
		PerByte: Get<<Currency as Inspect<AccountId>>::Balance>,
	{
		Base::get().saturating_add(PerByte::get().saturating_mul(bytes.into()))
	}
}

impl<AccountId, Currency, Base, PerByte, DbWeight> StorageFee<AccountId>
	for BurnPerByte<Currency, Base, PerByte, DbWeight>
where
	AccountId: Eq,
	Currency: Balanced<AccountId> + Mutate<AccountId>,
	Base: Get<Currency::Balance>,
	PerByte: Get<Currency::Balance>,
	DbWeight: Get<RuntimeDbWeight>,
{
	fn charge(who: &AccountId, bytes: u32) -> Result<(), DispatchError> {
		// Dropping the credit burns it: total issuance falls by the fee.
		Currency::withdraw(
			who,
			Self::fee::<AccountId>(bytes),
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.map(drop)
	}

	fn charge_weight() -> Weight {
		DbWeight::get().reads_writes(2, 2)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn endow(who: &AccountId, bytes: u32) {
		let needed = Self::fee::<AccountId>(bytes)
			.saturating_add(Currency::minimum_balance())
			.saturating_add(Currency::balance(who));
		Currency::set_balance(who, needed);
	}
}
