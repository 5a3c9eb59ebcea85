//! The shared registers the domain agencies keep: for now the company registry, kept by
//! market-regulator officers and read by every other agency.

use crate::{
	configs::governance::MarketRegulatorOfficer, Balance, Balances, Runtime, Timestamp, MILLI_UNIT,
};
use govchain_domain_types::storage_fee::BurnPerByte;
use polkadot_sdk::frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// Part of the storage fee that does not depend on size: a history entry's key and
	/// counter.
	pub const StorageBaseFee: Balance = 10 * MILLI_UNIT;
	/// Storage fee per byte kept. An account given 10 GOV can keep about 10 kB; a contact
	/// update of 300 bytes costs about 0.3 GOV (docs/governance.md, "Who pays for state").
	pub const StorageByteFee: Balance = MILLI_UNIT;
	/// A second market-regulator officer has seven days to confirm a revocation,
	/// cancellation or deregistration proposed by a colleague.
	pub const DecisionWindow: govchain_domain_types::UnixMillis = 7 * 24 * 60 * 60 * 1000;
}

/// What signers other than agencies' officers pay for the bytes they store, burned; the
/// database costs priced in are the chain's own (`frame_system::Config::DbWeight`).
pub type StorageFee = BurnPerByte<
	Balances,
	StorageBaseFee,
	StorageByteFee,
	<Runtime as polkadot_sdk::frame_system::Config>::DbWeight,
>;

impl pallet_company_registry::Config for Runtime {
	type RegistrarOrigin = MarketRegulatorOfficer;
	type Time = Timestamp;
	type StorageFee = StorageFee;
	type DecisionWindow = DecisionWindow;
	// A Chinese name of 80 characters takes 240 bytes; English names are longer.
	type MaxNameLength = ConstU32<256>;
	type MaxAddressLength = ConstU32<256>;
	// Business scopes run to several hundred Chinese characters.
	type MaxScopeLength = ConstU32<3072>;
	// The Company Law caps a limited liability company at 50 shareholders and a joint-stock
	// company's promoters at 200 (the pallet applies each form's bound); a listed
	// company's full register is kept by the securities depository.
	type MaxShareholders = ConstU32<200>;
	type MaxKeyPersonnel = ConstU32<32>;
	type MaxControllers = ConstU32<8>;
	// A person may be the legal representative of several companies (a group's
	// subsidiaries); 32 bounds the serious-violation bar's reads.
	type MaxRepresentedCompanies = ConstU32<32>;
	type MaxContactLength = ConstU32<128>;
	type MaxReasonLength = ConstU32<256>;
	type WeightInfo = pallet_company_registry::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = RegistryBenchmarkHelper;
}

/// What the registry's benchmarks need: the chain's time set without the timestamp
/// inherent, whose hook (Aura's slot check) would refuse arbitrary times, and a second
/// officer for four-eyes decisions.
#[cfg(feature = "runtime-benchmarks")]
pub struct RegistryBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_company_registry::BenchmarkHelper<crate::AccountId> for RegistryBenchmarkHelper {
	fn set_time(now: govchain_domain_types::UnixMillis) {
		polkadot_sdk::pallet_timestamp::Now::<Runtime>::put(now);
	}

	/// The benchmark origin's officer is its agency's admin, who adds the second officer.
	fn second_officer(
		officer: &govchain_domain_types::AgencyOfficer<crate::AccountId>,
	) -> crate::AccountId {
		let second: crate::AccountId = polkadot_sdk::frame_benchmarking::account("second", 0, 0);
		let admin = crate::RuntimeOrigin::signed(officer.officer.clone());
		// A failure shows as the benchmark's confirmation being refused.
		let _ = crate::Agencies::add_officer(admin, second.clone());
		second
	}
}

/// What the benchmarks of customs and disclosures need: companies in the real registry,
/// registered by a benchmark market-regulator officer, with the given controller.
#[cfg(feature = "runtime-benchmarks")]
impl govchain_domain_types::benchmarking::RegisterCompany<crate::AccountId>
	for RegistryBenchmarkHelper
{
	fn registered_company(uscc: &govchain_domain_types::Uscc, controller: &crate::AccountId) {
		use govchain_domain_types::{
			CheckFailures, CivilDate, CurrencyCode, DivisionCode, IndustryCode, Money,
		};
		use pallet_company_registry::{CompanyKind, Particulars};
		use polkadot_sdk::frame_support::BoundedVec;
		// After the establishment date below.
		polkadot_sdk::pallet_timestamp::Now::<Runtime>::put(
			govchain_domain_types::benchmarking::BENCHMARK_TIME,
		);
		fn text<L: polkadot_sdk::frame_support::traits::Get<u32>>(
			value: &[u8],
		) -> BoundedVec<u8, L> {
			BoundedVec::truncate_from(value.to_vec())
		}
		// Agency number 1: the domain pallets' benchmark origins admit number 0. A second
		// company finds it admitted by the first, with its admin as officer.
		let officer = pallet_agencies::benchmarking::admit_benchmark_agency::<Runtime>(
			1,
			govchain_domain_types::Role::MarketRegulator,
		)
		.unwrap_or_else(|()| polkadot_sdk::frame_benchmarking::account("admin", 1, 0));
		let (Some(division), Some(industry)) =
			(DivisionCode::parse(b"110105"), IndustryCode::parse(b"F5191"))
		else {
			return;
		};
		let origin = crate::RuntimeOrigin::signed(officer);
		let particulars = Particulars::<Runtime> {
			legal_name: text("北京进出口贸易有限公司".as_bytes()),
			english_name: None,
			kind: CompanyKind::LimitedLiabilityCompany,
			registered_capital: Money { currency: CurrencyCode::CNY, amount: 100_000_000 },
			registered_address: text("北京市朝阳区".as_bytes()),
			division,
			business_scope: text("货物进出口".as_bytes()),
			industry,
			established_on: CivilDate { year: 2024, month: 3, day: 1 },
			legal_representative: polkadot_sdk::sp_core::H256::repeat_byte(0x42),
			shareholders: Default::default(),
			key_personnel: Default::default(),
		};
		// A failure shows as the benchmark's lodgement being refused.
		let _ = crate::CompanyRegistry::register(
			origin,
			*uscc,
			particulars,
			BoundedVec::truncate_from(alloc::vec![controller.clone()]),
			CheckFailures::default(),
			text(b"Benchmark"),
		);
	}
}
