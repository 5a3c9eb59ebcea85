//! Test externalities that check a pallet's invariants after every test, as polkadot-sdk's
//! own pallets do: a test that leaves storage inconsistent fails even if its assertions pass.

use crate::{AgencyOfficer, CompanyRegistry, CompanyStatus, Standing, Uscc};
use core::cell::RefCell;
use polkadot_sdk::{sp_io::TestExternalities, sp_runtime::TryRuntimeError};
use std::collections::BTreeMap;

/// Runs test closures in `TestExternalities` and then the pallet's `try_state` checks.
pub struct CheckedExternalities {
	externalities: TestExternalities,
	invariants: fn() -> Result<(), TryRuntimeError>,
}

impl CheckedExternalities {
	/// Wraps `externalities`; `invariants` runs after each closure.
	pub fn new(
		externalities: TestExternalities,
		invariants: fn() -> Result<(), TryRuntimeError>,
	) -> Self {
		Self { externalities, invariants }
	}

	/// Runs `test`, then the invariants; panics naming the broken invariant.
	pub fn execute_with<R>(&mut self, test: impl FnOnce() -> R) -> R {
		let invariants = self.invariants;
		self.externalities.execute_with(|| {
			let result = test();
			if let Err(broken) = invariants() {
				panic!("invariant broken after the test: {broken:?}");
			}
			result
		})
	}

	/// The wrapped externalities, to register host extensions on.
	pub fn externalities_mut(&mut self) -> &mut TestExternalities {
		&mut self.externalities
	}

	/// The externalities without the checks, for benchmarks, whose setup plants placeholder
	/// state (seats without agencies, say) that the invariants rightly reject.
	pub fn without_invariant_checks(self) -> TestExternalities {
		self.externalities
	}
}

/// The message of a caught panic (`std::panic::catch_unwind`'s error), for tests that check
/// a failure explains itself.
pub fn panic_message(payload: &(dyn core::any::Any + Send)) -> String {
	payload
		.downcast_ref::<String>()
		.cloned()
		.or_else(|| payload.downcast_ref::<&str>().map(|text| text.to_string()))
		.unwrap_or_default()
}

/// A fixture code as a [`Uscc`]; panics if it is malformed (tests only).
pub fn uscc(code: &[u8; 18]) -> Uscc {
	Uscc::parse(code).expect("test code is valid")
}

/// A company of the [`TestRegistry`]: its standing and controllers.
#[derive(Clone)]
struct TestCompany {
	standing: Standing,
	controllers: Vec<u64>,
}

std::thread_local! {
	static COMPANIES: RefCell<BTreeMap<Uscc, TestCompany>> = const { RefCell::new(BTreeMap::new()) };
}

/// A company register for the mocks of pallets that read companies only through
/// [`CompanyRegistry`], as they read the real registry in the runtime. Accounts are `u64`;
/// each test thread has its own register, emptied by [`TestRegistry::clear`].
pub struct TestRegistry;

impl TestRegistry {
	/// Empties the register (at the start of each test).
	pub fn clear() {
		COMPANIES.with(|companies| companies.borrow_mut().clear());
	}

	/// Registers an active company in good standing with these controllers.
	pub fn add(code: &[u8; 18], controllers: &[u64]) {
		Self::insert(uscc(code), controllers);
	}

	fn insert(code: Uscc, controllers: &[u64]) {
		let standing = Standing {
			status: CompanyStatus::Active,
			abnormal_listings: 0,
			serious_violation_since: None,
		};
		COMPANIES.with(|companies| {
			companies
				.borrow_mut()
				.insert(code, TestCompany { standing, controllers: controllers.to_vec() })
		});
	}

	/// Changes a registered company's standing.
	pub fn set_standing(code: &[u8; 18], change: impl FnOnce(&mut Standing)) {
		COMPANIES.with(|companies| {
			if let Some(company) = companies.borrow_mut().get_mut(&uscc(code)) {
				change(&mut company.standing);
			}
		});
	}
}

impl CompanyRegistry<u64> for TestRegistry {
	fn standing(code: &Uscc) -> Option<Standing> {
		COMPANIES.with(|companies| companies.borrow().get(code).map(|company| company.standing))
	}

	fn is_controller(code: &Uscc, who: &u64) -> bool {
		COMPANIES.with(|companies| {
			companies.borrow().get(code).is_some_and(|company| {
				!company.standing.status.is_closed() && company.controllers.contains(who)
			})
		})
	}
}

/// A mock runtime's clock, as the benchmarks' company helper sets it.
pub trait SetClock {
	/// Makes `now` the chain's time.
	fn set_clock(now: crate::UnixMillis);
}

/// The benchmarks' [`RegisterCompany`](crate::benchmarking::RegisterCompany) helper for
/// mocks: companies in the [`TestRegistry`], at the benchmarks' time on `Clock`.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkCompanies<Clock>(core::marker::PhantomData<Clock>);

#[cfg(feature = "runtime-benchmarks")]
impl<Clock: SetClock> crate::benchmarking::RegisterCompany<u64> for BenchmarkCompanies<Clock> {
	fn registered_company(code: &Uscc, controller: &u64) {
		TestRegistry::insert(*code, &[*controller]);
		Clock::set_clock(crate::benchmarking::BENCHMARK_TIME);
	}
}

/// A mock's agency-officer origin: signed by one of `Officers`, acting for the agency whose
/// code `Agency` gives; the benchmarks sign as the first officer.
pub struct EnsureOfficerOf<Officers, Agency>(core::marker::PhantomData<(Officers, Agency)>);

impl<Origin, Officers, Agency> polkadot_sdk::frame_support::traits::EnsureOrigin<Origin>
	for EnsureOfficerOf<Officers, Agency>
where
	Origin: polkadot_sdk::frame_support::traits::OriginTrait<AccountId = u64>,
	Officers: polkadot_sdk::frame_support::traits::Get<Vec<u64>>,
	Agency: polkadot_sdk::frame_support::traits::Get<&'static [u8; 18]>,
{
	type Success = AgencyOfficer<u64>;

	fn try_origin(origin: Origin) -> Result<Self::Success, Origin> {
		match origin.as_signer().copied() {
			Some(officer) if Officers::get().contains(&officer) => {
				Ok(AgencyOfficer { agency: uscc(Agency::get()), officer })
			},
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<Origin, ()> {
		Officers::get().first().map(|officer| Origin::signed(*officer)).ok_or(())
	}
}

/// Defines a domain pallet's mock clock and externalities on `$runtime` (which has
/// `frame_system` and `pallet_timestamp`): `START` (2026-11-27 00:00 China time),
/// `set_time`, the [`SetClock`] the benchmarks' company helper uses, and `new_test_ext()`: an
/// empty chain at `START`, block 1, an empty [`TestRegistry`], the pallet's invariants
/// (`$invariants`) checked after every test.
#[macro_export]
macro_rules! mock_clock_and_externalities {
	($runtime:ty, $invariants:expr) => {
		/// 2026-11-27 00:00 China time, when the tests start.
		pub const START: $crate::UnixMillis = 1_795_708_800_000;

		/// Makes `now` the chain's time.
		pub fn set_time(now: $crate::UnixMillis) {
			polkadot_sdk::pallet_timestamp::Now::<$runtime>::put(now);
		}

		impl $crate::testing::SetClock for $runtime {
			fn set_clock(now: $crate::UnixMillis) {
				set_time(now);
			}
		}

		/// An empty chain at [`START`], block 1, with an empty test register; the pallet's
		/// invariants are checked after every test.
		pub fn new_test_ext() -> $crate::testing::CheckedExternalities {
			$crate::testing::TestRegistry::clear();
			let storage = polkadot_sdk::sp_runtime::BuildStorage::build_storage(
				&polkadot_sdk::frame_system::GenesisConfig::<$runtime>::default(),
			)
			.expect("system genesis builds");
			let mut ext = polkadot_sdk::sp_io::TestExternalities::new(storage);
			ext.execute_with(|| {
				polkadot_sdk::frame_system::Pallet::<$runtime>::set_block_number(1);
				set_time(START);
			});
			$crate::testing::CheckedExternalities::new(ext, $invariants)
		}
	};
}

/// A bounded list from `items`; panics if they do not fit (tests only).
pub fn bounded<T, L: polkadot_sdk::frame_support::traits::Get<u32>>(
	items: Vec<T>,
) -> polkadot_sdk::frame_support::BoundedVec<T, L> {
	items.try_into().map_err(|_| ()).expect("test list within bounds")
}

/// A bounded text from `value`; panics if it does not fit (tests only).
pub fn text<L: polkadot_sdk::frame_support::traits::Get<u32>>(
	value: &str,
) -> polkadot_sdk::frame_support::BoundedVec<u8, L> {
	bounded(value.as_bytes().to_vec())
}
