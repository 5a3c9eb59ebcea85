//! A stand-in council for test runtimes (this pallet's and other pallets' mocks), which have
//! no pallet-collective: it keeps the member list the register gives it.

use core::cell::RefCell;
use polkadot_sdk::frame_support::traits::{ChangeMembers, InitializeMembers, SortedMembers};

thread_local! {
	/// The council's members as the pallet last told them.
	static COUNCIL: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Stands in for pallet-collective in test runtimes whose accounts are `u64`: keeps the
/// member list it is given.
pub struct TestCouncil;

impl ChangeMembers<u64> for TestCouncil {
	fn change_members_sorted(_incoming: &[u64], _outgoing: &[u64], sorted_new: &[u64]) {
		COUNCIL.with(|council| *council.borrow_mut() = sorted_new.to_vec());
	}
}

impl InitializeMembers<u64> for TestCouncil {
	fn initialize_members(members: &[u64]) {
		COUNCIL.with(|council| *council.borrow_mut() = members.to_vec());
	}
}

impl SortedMembers<u64> for TestCouncil {
	fn sorted_members() -> Vec<u64> {
		council()
	}
}

/// The council's current members.
pub fn council() -> Vec<u64> {
	COUNCIL.with(|council| council.borrow().clone())
}
