//! Benchmarks (frame-benchmarking v2), each at its worst case: declarations with every
//! line and document at their bounds, every risk rule evaluated (none matching until the
//! last), the random selection drawing, duty on every line.

use super::*;
use crate::pallet::{Call, Config, Declarations, Pallet};
use alloc::vec::Vec;
use govchain_domain_types::{
	benchmarking::{longest_text, RegisterCompany},
	CommodityCode, CountryCode, CurrencyCode, Incoterm, Lei, TransportMode, Uscc,
};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOrigin, Get},
		BoundedVec,
	},
	frame_system::RawOrigin,
	sp_core::H256,
	sp_runtime::Permill,
};

/// The declarant's code.
fn declarant() -> Result<Uscc, BenchmarkError> {
	Uscc::numbered(b"91110105", 7).map_err(|_| BenchmarkError::Stop("declarant code"))
}

fn code<V>(value: Option<V>, what: &'static str) -> Result<V, BenchmarkError> {
	value.ok_or(BenchmarkError::Stop(what))
}

/// An import by sea for the declarant with `items` lines, every document, and the longest
/// foreign name.
fn content<T: Config>(items: u32) -> Result<DeclarationContent<T>, BenchmarkError> {
	let line = LineItem {
		commodity: code(CommodityCode::parse(b"0901110000101"), "commodity")?,
		origin: code(CountryCode::parse(b"BR"), "country")?,
		quantity: u64::MAX,
		unit: Unit::Kilogram,
		net_mass_grams: u64::MAX,
		gross_mass_grams: u64::MAX,
		value: u128::MAX / 100_000,
	};
	let documents = (0..T::MaxDocuments::get())
		.map(|index| Document {
			kind: if index == 0 { DocumentKind::Invoice } else { DocumentKind::Licence },
			hash: H256::repeat_byte(1),
		})
		.collect::<Vec<_>>();
	Ok(DeclarationContent {
		direction: Direction::Import,
		consignor: TradeParty::Foreign(ForeignParty {
			name: longest_text(),
			country: code(CountryCode::parse(b"DE"), "country")?,
			lei: Lei::parse(b"529900T8BM49AURSDO55"),
		}),
		consignee: TradeParty::Domestic(declarant()?),
		trading_country: code(CountryCode::parse(b"DE"), "country")?,
		origin_country: code(CountryCode::parse(b"BR"), "country")?,
		transport_mode: TransportMode::Sea,
		office: *b"0200",
		incoterm: Incoterm::Cif,
		currency: code(CurrencyCode::parse(b"USD"), "currency")?,
		items: BoundedVec::truncate_from((0..items.max(1)).map(|_| line.clone()).collect()),
		documents: BoundedVec::truncate_from(documents),
	})
}

/// The worst case for lane assignment: every risk rule evaluated and none matching but
/// the last, a random selection that draws, and a duty rate on every line.
fn worst_case_rules<T: Config>(origin: &T::RuntimeOrigin) -> Result<(), BenchmarkError> {
	let mut rules: Vec<RiskRule> = (1..T::MaxRiskRules::get())
		.map(|index| RiskRule {
			target: RiskTarget::Heading(8_400 + index as u16 % 100),
			lane: Lane::Red,
		})
		.collect();
	rules.push(RiskRule { target: RiskTarget::Chapter(9), lane: Lane::Yellow });
	Pallet::<T>::set_risk_rules(origin.clone(), BoundedVec::truncate_from(rules))?;
	Pallet::<T>::set_random_selection_rate(origin.clone(), Permill::one())?;
	Pallet::<T>::set_tariff_rate(origin.clone(), TariffLine::Heading(901), Some(100_000))?;
	Ok(())
}

/// A customs officer's origin. Get it once per benchmark: it may admit an agency.
fn customs<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::CustomsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A controller of the declarant, registered in the register.
fn controller<T: Config>() -> Result<T::AccountId, BenchmarkError> {
	let controller: T::AccountId = whitelisted_caller();
	T::BenchmarkHelper::registered_company(&declarant()?, &controller);
	Ok(controller)
}

fn ucr(index: u32) -> Result<Ucr, BenchmarkError> {
	let mut reference = *b"BENCH-0000000000";
	reference[6..].copy_from_slice(&alloc::format!("{index:010}").into_bytes());
	code(Ucr::parse(&reference), "ucr")
}

/// A declaration lodged before arrival, then arrived: under control on red. Returns it, the
/// declarant's controller and the customs origin.
fn under_control<T: Config>(
	items: u32,
) -> Result<(Ucr, T::AccountId, T::RuntimeOrigin), BenchmarkError> {
	let origin = customs::<T>()?;
	let controller = controller::<T>()?;
	worst_case_rules::<T>(&origin)?;
	let reference = ucr(1)?;
	Pallet::<T>::lodge(
		RawOrigin::Signed(controller.clone()).into(),
		reference.clone(),
		declarant()?,
		None,
		content::<T>(items)?,
		true,
	)?;
	Pallet::<T>::record_arrival(origin.clone(), reference.clone())?;
	Ok((reference, controller, origin))
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn lodge(i: Linear<1, { T::MaxItems::get() }>) -> Result<(), BenchmarkError> {
		let origin = customs::<T>()?;
		let controller = controller::<T>()?;
		worst_case_rules::<T>(&origin)?;
		let content = content::<T>(i)?;
		let reference = ucr(1)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), reference.clone(), declarant()?, None, content, false);

		let lodged = Declarations::<T>::get(&reference).ok_or(BenchmarkError::Stop("lodged"))?;
		assert_eq!(lodged.lane, Some(Lane::Red));
		Ok(())
	}

	#[benchmark]
	fn record_arrival(i: Linear<1, { T::MaxItems::get() }>) -> Result<(), BenchmarkError> {
		let origin = customs::<T>()?;
		let controller = controller::<T>()?;
		worst_case_rules::<T>(&origin)?;
		let reference = ucr(1)?;
		Pallet::<T>::lodge(
			RawOrigin::Signed(controller).into(),
			reference.clone(),
			declarant()?,
			None,
			content::<T>(i)?,
			true,
		)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reference.clone());

		let arrived = Declarations::<T>::get(&reference).ok_or(BenchmarkError::Stop("lodged"))?;
		assert_eq!(arrived.status, DeclarationStatus::UnderControl);
		Ok(())
	}

	#[benchmark]
	fn reroute() -> Result<(), BenchmarkError> {
		let (reference, _, origin) = under_control::<T>(T::MaxItems::get())?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reference.clone(), Lane::Yellow, longest_text());

		let moved = Declarations::<T>::get(&reference).ok_or(BenchmarkError::Stop("lodged"))?;
		assert_eq!(moved.lane, Some(Lane::Yellow));
		Ok(())
	}

	#[benchmark]
	fn record_inspection() -> Result<(), BenchmarkError> {
		let (reference, _, origin) = under_control::<T>(T::MaxItems::get())?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reference.clone(), true, H256::repeat_byte(7));

		let checked = Declarations::<T>::get(&reference).ok_or(BenchmarkError::Stop("lodged"))?;
		assert!(checked.inspection.is_some());
		Ok(())
	}

	#[benchmark]
	fn release() -> Result<(), BenchmarkError> {
		let (reference, _, origin) = under_control::<T>(T::MaxItems::get())?;
		Pallet::<T>::record_inspection(
			origin.clone(),
			reference.clone(),
			true,
			H256::repeat_byte(7),
		)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reference.clone());

		let released = Declarations::<T>::get(&reference).ok_or(BenchmarkError::Stop("lodged"))?;
		assert_eq!(released.status, DeclarationStatus::Released);
		Ok(())
	}

	#[benchmark]
	fn hold() -> Result<(), BenchmarkError> {
		let (reference, _, origin) = under_control::<T>(T::MaxItems::get())?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reference.clone(), longest_text());

		let held = Declarations::<T>::get(&reference).ok_or(BenchmarkError::Stop("lodged"))?;
		assert_eq!(held.status, DeclarationStatus::Held);
		Ok(())
	}

	#[benchmark]
	fn amend(i: Linear<1, { T::MaxItems::get() }>) -> Result<(), BenchmarkError> {
		let (reference, controller, origin) = under_control::<T>(T::MaxItems::get())?;
		Pallet::<T>::hold(origin, reference.clone(), longest_text())?;
		let content = content::<T>(i)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), reference.clone(), content);

		let amended = Declarations::<T>::get(&reference).ok_or(BenchmarkError::Stop("lodged"))?;
		assert_eq!(amended.status, DeclarationStatus::UnderControl);
		Ok(())
	}

	#[benchmark]
	fn reject() -> Result<(), BenchmarkError> {
		let (reference, _, origin) = under_control::<T>(T::MaxItems::get())?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reference.clone(), longest_text());

		let rejected = Declarations::<T>::get(&reference).ok_or(BenchmarkError::Stop("lodged"))?;
		assert_eq!(rejected.status, DeclarationStatus::Rejected);
		Ok(())
	}

	#[benchmark]
	fn withdraw() -> Result<(), BenchmarkError> {
		let (reference, controller, _) = under_control::<T>(T::MaxItems::get())?;

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), reference.clone());

		let withdrawn = Declarations::<T>::get(&reference).ok_or(BenchmarkError::Stop("lodged"))?;
		assert_eq!(withdrawn.status, DeclarationStatus::Withdrawn);
		Ok(())
	}

	#[benchmark]
	fn set_broker() -> Result<(), BenchmarkError> {
		let origin = customs::<T>()?;
		controller::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, declarant()?, true);

		assert!(crate::Brokers::<T>::contains_key(declarant()?));
		Ok(())
	}

	#[benchmark]
	fn set_credit_rating() -> Result<(), BenchmarkError> {
		let origin = customs::<T>()?;
		controller::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, declarant()?, CreditRating::AdvancedCertified);

		assert!(crate::CreditRatings::<T>::contains_key(declarant()?));
		Ok(())
	}

	#[benchmark]
	fn set_risk_rules(r: Linear<0, { T::MaxRiskRules::get() }>) -> Result<(), BenchmarkError> {
		let origin = customs::<T>()?;
		let rules: Vec<RiskRule> = (0..r)
			.map(|index| RiskRule {
				target: RiskTarget::Heading(8_400 + index as u16 % 100),
				lane: Lane::Red,
			})
			.collect();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BoundedVec::truncate_from(rules));

		assert_eq!(crate::RiskRules::<T>::get().len() as u32, r);
		Ok(())
	}

	#[benchmark]
	fn set_random_selection_rate() -> Result<(), BenchmarkError> {
		let origin = customs::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Permill::from_percent(3));

		assert_eq!(crate::RandomSelectionRate::<T>::get(), Permill::from_percent(3));
		Ok(())
	}

	#[benchmark]
	fn set_tariff_rate() -> Result<(), BenchmarkError> {
		let origin = customs::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, TariffLine::Subheading(90_111), Some(800));

		assert_eq!(crate::TariffRates::<T>::get(TariffLine::Subheading(90_111)), Some(800));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::new_test_ext().without_invariant_checks(),
		crate::mock::Test
	);
}
