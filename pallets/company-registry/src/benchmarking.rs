//! Benchmarks (frame-benchmarking v2), each at the worst case its bounds allow: records at
//! their largest, every list full, and where the annual-report rule can add a listing, a
//! company whose report is overdue.

use super::*;
use crate::pallet::{Call, Companies, Config, Pallet};
use alloc::vec::Vec;
use codec::MaxEncodedLen;
use govchain_domain_types::{
	benchmarking::longest_text, calendar::annual_report_deadline, AbnormalReason, CivilDate,
	CompanyStatus, CurrencyCode, DivisionCode, IndustryCode, Money, PartyRef, StorageFee,
	UnixMillis, Uscc,
};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOrigin, Get},
		BoundedVec,
	},
	frame_system::RawOrigin,
	sp_core::H256,
};

/// 2024-03-15 00:00 China time: registrations happen then.
const REGISTERED_AT: UnixMillis = 1_710_432_000_000;

/// A valid enterprise code numbered `index`.
fn company_uscc(index: u32) -> Result<Uscc, BenchmarkError> {
	Uscc::numbered(b"91110105", index).map_err(|_| BenchmarkError::Stop("benchmark code invalid"))
}

/// A distinct person's salted hash.
fn person(index: u32) -> PartyRef {
	let mut hash = [0xAA; 32];
	hash[..4].copy_from_slice(&index.to_be_bytes());
	PartyRef::Person(H256(hash))
}

fn full_shareholders<T: Config>() -> BoundedVec<Shareholding, T::MaxShareholders> {
	let count = T::MaxShareholders::get().max(1);
	let share = u16::try_from(10_000 / count).unwrap_or(1).max(1);
	BoundedVec::truncate_from(
		(0..count)
			.map(|index| Shareholding { party: person(index), basis_points: share })
			.collect(),
	)
}

fn full_officers<T: Config>() -> BoundedVec<CompanyOfficer, T::MaxCompanyOfficers> {
	BoundedVec::truncate_from(
		(0..T::MaxCompanyOfficers::get())
			.map(|index| CompanyOfficer { role: OfficerRole::Director, party: person(index) })
			.collect(),
	)
}

fn full_controllers<T: Config>() -> BoundedVec<T::AccountId, T::MaxControllers> {
	BoundedVec::truncate_from(
		(0..T::MaxControllers::get())
			.map(|index| account("controller", index, 0))
			.collect(),
	)
}

/// Particulars with every text and list at its bound.
fn largest_particulars<T: Config>() -> Particulars<T> {
	Particulars {
		legal_name: longest_text(),
		english_name: Some(longest_text()),
		kind: CompanyKind::LimitedLiabilityCompany,
		registered_capital: Money { currency: CurrencyCode::CNY, amount: u128::MAX },
		registered_address: longest_text(),
		division: DivisionCode(*b"110105"),
		business_scope: longest_text(),
		industry: IndustryCode(*b"I6513"),
		established_on: CivilDate { year: 2024, month: 3, day: 1 },
		legal_representative: H256::repeat_byte(1),
		shareholders: full_shareholders::<T>(),
		officers: full_officers::<T>(),
	}
}

fn largest_contact<T: Config>() -> Contact<T> {
	Contact {
		phone: longest_text(),
		email: longest_text(),
		website: longest_text(),
		postal_address: longest_text(),
	}
}

/// A market-regulator officer's origin (the agencies pallet admits an agency for it).
fn registrar<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::RegistrarOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Registers the largest company, with every controller slot taken, at [`REGISTERED_AT`].
/// Returns its code and its last controller (the longest search).
fn register_largest<T: Config>(
	origin: &T::RuntimeOrigin,
) -> Result<(Uscc, T::AccountId), BenchmarkError> {
	T::BenchmarkHelper::set_time(REGISTERED_AT);
	let uscc = company_uscc(1)?;
	let controllers = full_controllers::<T>();
	let last = controllers.last().cloned().ok_or(BenchmarkError::Stop("no controllers"))?;
	Pallet::<T>::register(
		origin.clone(),
		uscc,
		largest_particulars::<T>(),
		controllers,
		false,
		longest_text(),
	)?;
	Ok((uscc, last))
}

/// Gives a controller enough to pay the storage fee of the largest report and history entry.
fn endow_controller<T: Config>(controller: &T::AccountId) {
	let largest =
		ChangeRecord::<T>::max_encoded_len().saturating_add(AnnualReport::<T>::max_encoded_len());
	T::StorageFee::endow(controller, u32::try_from(largest).unwrap_or(u32::MAX));
}

/// Moves the clock past the deadline of the company's first report (2024), so that the
/// annual-report rule lists it.
fn pass_first_deadline<T: Config>() {
	T::BenchmarkHelper::set_time(annual_report_deadline(2024));
}

fn assert_last_event<T: Config>(event: Event<T>) {
	polkadot_sdk::frame_system::Pallet::<T>::assert_last_event(
		<T as polkadot_sdk::frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		T::BenchmarkHelper::set_time(REGISTERED_AT);
		let uscc = company_uscc(1)?;

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			uscc,
			largest_particulars::<T>(),
			full_controllers::<T>(),
			false,
			longest_text(),
		);

		let company = Companies::<T>::get(uscc).ok_or(BenchmarkError::Stop("not registered"))?;
		assert_last_event::<T>(Event::CompanyRegistered {
			uscc,
			agency: company.registered_by.agency,
			legacy_code: false,
			entry: 0,
		});
		Ok(())
	}

	#[benchmark]
	fn amend() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		// A new full list of shareholders: the longest amendment to check and store.
		let mut shareholders: Vec<Shareholding> = full_shareholders::<T>().into_inner();
		shareholders.reverse();
		let amendment = Amendment::Shareholders(BoundedVec::truncate_from(shareholders));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, amendment, longest_text());

		assert_last_event::<T>(Event::ParticularsAmended { uscc, entry: 1 });
		Ok(())
	}

	#[benchmark]
	fn change_status() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		// Overdue: the rule's listing is recorded before the revocation.
		pass_first_deadline::<T>();
		let from = CompanyStatus::Abnormal {
			reason: AbnormalReason::AnnualReportOverdue { year: 2024 },
			since: annual_report_deadline(2024),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, StatusChange::Revoke, longest_text());

		let to = CompanyStatus::Revoked { since: annual_report_deadline(2024) };
		assert_last_event::<T>(Event::StatusChanged { uscc, from, to, entry: 2 });
		Ok(())
	}

	#[benchmark]
	fn restore() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		let listing = StatusChange::ListAbnormal(AbnormalReason::UnreachableAtRegisteredAddress);
		Pallet::<T>::change_status(origin.clone(), uscc, listing, longest_text())?;
		let from = Companies::<T>::get(uscc).ok_or(BenchmarkError::Stop("no company"))?.status;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, longest_text());

		assert_last_event::<T>(Event::StatusChanged {
			uscc,
			from,
			to: CompanyStatus::Active,
			entry: 2,
		});
		Ok(())
	}

	#[benchmark]
	fn set_controllers() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		let mut controllers = full_controllers::<T>().into_inner();
		controllers.reverse();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, BoundedVec::truncate_from(controllers), longest_text());

		assert_last_event::<T>(Event::ControllersSet { uscc, entry: 1 });
		Ok(())
	}

	#[benchmark]
	fn file_annual_report() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, controller) = register_largest::<T>(&origin)?;
		endow_controller::<T>(&controller);
		// Late: the rule's listing is recorded before the report.
		pass_first_deadline::<T>();
		let figures = ReportFigures {
			currency: CurrencyCode::CNY,
			total_assets: u128::MAX,
			total_liabilities: u128::MAX,
			revenue: u128::MAX,
			net_profit: i128::MIN,
			tax_paid: u128::MAX,
			employees: u32::MAX,
		};

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), uscc, 2024, figures, H256::repeat_byte(0xAB));

		assert_last_event::<T>(Event::AnnualReportFiled { uscc, year: 2024, late: true, entry: 2 });
		Ok(())
	}

	#[benchmark]
	fn update_contact() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, controller) = register_largest::<T>(&origin)?;
		endow_controller::<T>(&controller);

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), uscc, largest_contact::<T>());

		assert_last_event::<T>(Event::ContactUpdated { uscc, entry: 1 });
		Ok(())
	}

	#[benchmark]
	fn mark_overdue() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		pass_first_deadline::<T>();
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), uscc);

		assert_last_event::<T>(Event::StatusChanged {
			uscc,
			from: CompanyStatus::Active,
			to: CompanyStatus::Abnormal {
				reason: AbnormalReason::AnnualReportOverdue { year: 2024 },
				since: annual_report_deadline(2024),
			},
			entry: 1,
		});
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::new_test_ext().without_invariant_checks(),
		crate::mock::Test
	);
}
