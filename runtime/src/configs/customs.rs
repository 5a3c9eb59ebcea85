//! Customs clearance: declarations lodged by companies and brokers, controlled by customs
//! officers, checked against the company registry through its trait.

use crate::{configs::governance::CustomsOfficer, CompanyRegistry, Runtime, Timestamp};
use polkadot_sdk::frame_support::traits::ConstU32;

impl pallet_customs::Config for Runtime {
	type CustomsOrigin = CustomsOfficer;
	type Registry = CompanyRegistry;
	type Time = Timestamp;
	type MaxNameLength = ConstU32<256>;
	// China's declaration form takes up to 50 lines of goods.
	type MaxItems = ConstU32<50>;
	type MaxDocuments = ConstU32<16>;
	// Every rule is evaluated for every lane assignment: 64 bounds that work.
	type MaxRiskRules = ConstU32<64>;
	type MaxReasonLength = ConstU32<256>;
	type WeightInfo = pallet_customs::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = CustomsBenchmarkHelper;
}

/// What the customs benchmarks need: a company in the real registry, registered by the
/// benchmark market-regulator officer, with the given controller.
#[cfg(feature = "runtime-benchmarks")]
pub struct CustomsBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_customs::BenchmarkHelper<crate::AccountId> for CustomsBenchmarkHelper {
	fn registered_company(uscc: &govchain_domain_types::Uscc, controller: &crate::AccountId) {
		use govchain_domain_types::{
			CheckFailures, CivilDate, CurrencyCode, DivisionCode, IndustryCode, Money,
		};
		use pallet_company_registry::{CompanyKind, Particulars};
		use polkadot_sdk::frame_support::BoundedVec;
		// 2026-11-27 00:00 China time: after the establishment date below.
		polkadot_sdk::pallet_timestamp::Now::<Runtime>::put(1_795_708_800_000);
		fn text<L: polkadot_sdk::frame_support::traits::Get<u32>>(
			value: &[u8],
		) -> BoundedVec<u8, L> {
			BoundedVec::truncate_from(value.to_vec())
		}
		// Agency number 1: the customs origin of the benchmarks admits number 0.
		let (Some(division), Some(industry), Ok(officer)) = (
			DivisionCode::parse(b"110105"),
			IndustryCode::parse(b"F5191"),
			pallet_agencies::benchmarking::admit_benchmark_agency::<Runtime>(
				1,
				govchain_domain_types::Role::MarketRegulator,
			),
		) else {
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
		let _ = CompanyRegistry::register(
			origin,
			*uscc,
			particulars,
			BoundedVec::truncate_from(alloc::vec![controller.clone()]),
			CheckFailures::default(),
			text(b"Benchmark"),
		);
	}
}
