//! Provisional: replaced by the output of `govchain-node benchmark pallet`.
use polkadot_sdk::frame_support::weights::Weight;
use core::marker::PhantomData;

pub trait WeightInfo {
	fn authorize_upgrade() -> Weight;
}
impl WeightInfo for () {
	fn authorize_upgrade() -> Weight { Weight::zero() }
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn authorize_upgrade() -> Weight { Weight::zero() }
}
