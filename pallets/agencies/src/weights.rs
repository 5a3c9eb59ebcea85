//! Provisional: replaced by the output of `govchain-node benchmark pallet`.
#![allow(unused_parens, unused_imports, missing_docs)]
use polkadot_sdk::frame_support::weights::Weight;
use core::marker::PhantomData;

pub trait WeightInfo {
	fn admit_agency() -> Weight;
	fn suspend_agency() -> Weight;
	fn reinstate_agency() -> Weight;
	fn dissolve_agency(o: u32, ) -> Weight;
	fn grant_role() -> Weight;
	fn revoke_role() -> Weight;
	fn add_officer() -> Weight;
	fn remove_officer() -> Weight;
	fn replace_admin() -> Weight;
}

impl WeightInfo for () {
	fn admit_agency() -> Weight { Weight::zero() }
	fn suspend_agency() -> Weight { Weight::zero() }
	fn reinstate_agency() -> Weight { Weight::zero() }
	fn dissolve_agency(_o: u32, ) -> Weight { Weight::zero() }
	fn grant_role() -> Weight { Weight::zero() }
	fn revoke_role() -> Weight { Weight::zero() }
	fn add_officer() -> Weight { Weight::zero() }
	fn remove_officer() -> Weight { Weight::zero() }
	fn replace_admin() -> Weight { Weight::zero() }
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn admit_agency() -> Weight { Weight::zero() }
	fn suspend_agency() -> Weight { Weight::zero() }
	fn reinstate_agency() -> Weight { Weight::zero() }
	fn dissolve_agency(_o: u32, ) -> Weight { Weight::zero() }
	fn grant_role() -> Weight { Weight::zero() }
	fn revoke_role() -> Weight { Weight::zero() }
	fn add_officer() -> Weight { Weight::zero() }
	fn remove_officer() -> Weight { Weight::zero() }
	fn replace_admin() -> Weight { Weight::zero() }
}
