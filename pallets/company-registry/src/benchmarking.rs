//! Benchmarks (frame-benchmarking v2), each at the worst case its bounds allow: records at
//! their largest, every list full, and where a call records the lazy rules first, all three
//! due at once (a suspension past its end, an overdue report, a listing three years old).

use super::*;
use crate::pallet::{AnnualReports, Call, Companies, Config, Pallet};
use alloc::vec::Vec;
use codec::MaxEncodedLen;
use govchain_domain_types::{
	benchmarking::longest_text, calendar::years_after, AbnormalListing, AbnormalReason,
	AgencyOfficer, CheckFailures, CivilDate, CompanyStatus, CurrencyCode, DivisionCode,
	IndustryCode, Money, PartyRef, StorageFee, UnixMillis, Uscc,
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

/// Each benchmark shareholder's subscription: 10,000 yuan in fen.
const SUBSCRIPTION: u128 = 1_000_000;

/// As many shareholders as the record and a joint-stock company allow, each with capital
/// still to pay in by a deadline.
fn full_shareholders<T: Config>() -> BoundedVec<Shareholding, T::MaxShareholders> {
	let bound = CompanyKind::JointStockCompany.max_shareholders().unwrap_or(u32::MAX);
	let count = T::MaxShareholders::get().min(bound);
	BoundedVec::truncate_from(
		(0..count)
			.map(|index| Shareholding {
				party: person(index),
				subscribed: SUBSCRIPTION,
				paid_in: 0,
				form: Some(ContributionForm::Cash),
				subscription_deadline: Some(CivilDate { year: 2028, month: 12, day: 31 }),
			})
			.collect(),
	)
}

fn full_key_personnel<T: Config>() -> BoundedVec<KeyPerson, T::MaxKeyPersonnel> {
	BoundedVec::truncate_from(
		(0..T::MaxKeyPersonnel::get())
			.map(|index| KeyPerson { role: KeyPersonRole::Director, party: person(index) })
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
fn largest_particulars<T: Config>() -> Result<Particulars<T>, BenchmarkError> {
	Ok(Particulars {
		legal_name: longest_text(),
		english_name: Some(longest_text()),
		kind: CompanyKind::JointStockCompany,
		registered_capital: Money {
			currency: CurrencyCode::CNY,
			amount: SUBSCRIPTION.saturating_mul(full_shareholders::<T>().len() as u128),
		},
		registered_address: longest_text(),
		division: DivisionCode::parse(b"110105").ok_or(BenchmarkError::Stop("division"))?,
		business_scope: longest_text(),
		industry: IndustryCode::parse(b"I6513").ok_or(BenchmarkError::Stop("industry"))?,
		established_on: CivilDate { year: 2024, month: 3, day: 1 },
		legal_representative: H256::repeat_byte(1),
		shareholders: full_shareholders::<T>(),
		key_personnel: full_key_personnel::<T>(),
	})
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
		largest_particulars::<T>()?,
		controllers,
		CheckFailures::default(),
		longest_text(),
	)?;
	Ok((uscc, last))
}

/// Registers `count` more companies with the largest particulars' legal representative, so
/// that the serious-violation bar reads that many companies.
fn fill_representations<T: Config>(
	origin: &T::RuntimeOrigin,
	count: u32,
) -> Result<(), BenchmarkError> {
	T::BenchmarkHelper::set_time(REGISTERED_AT);
	for index in 0..count {
		Pallet::<T>::register(
			origin.clone(),
			company_uscc(1_000 + index)?,
			largest_particulars::<T>()?,
			BoundedVec::new(),
			CheckFailures::default(),
			longest_text(),
		)?;
	}
	Ok(())
}

/// Public report data with every list and text at its bound.
fn largest_public_data<T: Config>() -> Result<ReportPublicData<T>, BenchmarkError> {
	let investments = (0..MAX_REPORTED_INVESTMENTS)
		.map(|index| company_uscc(index.saturating_add(1_000)))
		.collect::<Result<Vec<_>, _>>()?;
	Ok(ReportPublicData {
		investments: BoundedVec::truncate_from(investments),
		subscribed_capital: u128::MAX,
		paid_in_capital: u128::MAX,
		equity_transferred: true,
		website: longest_text(),
	})
}

/// Published figures, the larger disclosure.
fn largest_figures() -> FiguresDisclosure {
	FiguresDisclosure::Published(ReportFigures {
		currency: CurrencyCode::CNY,
		total_assets: u128::MAX,
		total_liabilities: u128::MAX,
		revenue: u128::MAX,
		net_profit: i128::MIN,
		tax_paid: u128::MAX,
		employees: u32::MAX,
	})
}

/// Gives a controller enough to pay the storage fee of the largest report and history entry.
fn endow_controller<T: Config>(controller: &T::AccountId) {
	let largest =
		ChangeRecord::<T>::max_encoded_len().saturating_add(AnnualReport::<T>::max_encoded_len());
	T::StorageFee::endow(controller, u32::try_from(largest).unwrap_or(u32::MAX));
}

/// Makes every lazy rule due for the largest company: a suspension that has ended, the
/// 2024 report overdue, and a listing three years old. Returns the listing.
fn make_lazy_rules_due<T: Config>(
	origin: &T::RuntimeOrigin,
	uscc: Uscc,
) -> Result<AbnormalListing, BenchmarkError> {
	let ground = AbnormalReason::UnreachableAtRegisteredAddress;
	Pallet::<T>::list_abnormal(origin.clone(), uscc, ground, longest_text())?;
	let until = CivilDate { year: 2024, month: 6, day: 1 };
	Pallet::<T>::suspend_business(origin.clone(), uscc, until, longest_text())?;
	T::BenchmarkHelper::set_time(years_after(REGISTERED_AT, 3));
	Ok(AbnormalListing { reason: ground, since: REGISTERED_AT })
}

/// The first history entry a call makes after the three lazy rules' entries, on a company
/// registered, listed and suspended.
const AFTER_LAZY_RULES: u32 = 6;

/// The benchmark origin's officer and a second officer of the same agency.
fn two_officers<T: Config>(
	origin: &T::RuntimeOrigin,
) -> Result<(AgencyOfficer<T::AccountId>, T::RuntimeOrigin), BenchmarkError> {
	let officer = T::RegistrarOrigin::try_origin(origin.clone())
		.map_err(|_| BenchmarkError::Stop("not an officer"))?;
	let second = T::BenchmarkHelper::second_officer(&officer);
	Ok((officer, RawOrigin::Signed(second).into()))
}

fn assert_last_event<T: Config>(event: Event<T>) {
	polkadot_sdk::frame_system::Pallet::<T>::assert_last_event(
		<T as polkadot_sdk::frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `r`: the companies the legal representative already represents, which the bar reads.
	#[benchmark]
	fn register(r: Linear<0, { Pallet::<T>::most_bar_reads() }>) -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		fill_representations::<T>(&origin, r)?;
		T::BenchmarkHelper::set_time(REGISTERED_AT);
		let uscc = company_uscc(1)?;

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			uscc,
			largest_particulars::<T>()?,
			full_controllers::<T>(),
			CheckFailures::default(),
			longest_text(),
		);

		let company = Companies::<T>::get(uscc).ok_or(BenchmarkError::Stop("not registered"))?;
		assert_last_event::<T>(Event::CompanyRegistered {
			uscc,
			agency: company.registered_by.agency,
			accepted_check_failures: CheckFailures::default(),
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
		let registered_capital = largest_particulars::<T>()?.registered_capital;
		let amendment = Amendment::Capital {
			registered_capital,
			shareholders: BoundedVec::truncate_from(shareholders),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, amendment, longest_text());

		assert_last_event::<T>(Event::ParticularsAmended {
			uscc,
			particular: Particular::Capital,
			entry: 1,
		});
		Ok(())
	}

	/// `r`: the companies the new legal representative already represents.
	#[benchmark]
	fn amend_legal_representative(
		r: Linear<0, { Pallet::<T>::most_bar_reads() }>,
	) -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		let mut others = largest_particulars::<T>()?;
		let newcomer = H256::repeat_byte(2);
		others.legal_representative = newcomer;
		for index in 0..r {
			Pallet::<T>::register(
				origin.clone(),
				company_uscc(2_000 + index)?,
				others.clone(),
				BoundedVec::new(),
				CheckFailures::default(),
				longest_text(),
			)?;
		}

		#[extrinsic_call]
		amend(
			origin as T::RuntimeOrigin,
			uscc,
			Amendment::LegalRepresentative(newcomer),
			longest_text(),
		);

		assert_last_event::<T>(Event::ParticularsAmended {
			uscc,
			particular: Particular::LegalRepresentative,
			entry: 1,
		});
		Ok(())
	}

	#[benchmark]
	fn list_abnormal() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		make_lazy_rules_due::<T>(&origin, uscc)?;
		let ground = AbnormalReason::FalseInformation;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, ground, longest_text());

		let listing = AbnormalListing { reason: ground, since: years_after(REGISTERED_AT, 3) };
		assert_last_event::<T>(Event::ListedAbnormal { uscc, listing, entry: AFTER_LAZY_RULES });
		Ok(())
	}

	#[benchmark]
	fn remove_listing() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		let listing = make_lazy_rules_due::<T>(&origin, uscc)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, listing.reason, longest_text());

		assert_last_event::<T>(Event::ListingRemoved { uscc, listing, entry: AFTER_LAZY_RULES });
		Ok(())
	}

	#[benchmark]
	fn set_controllers() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		let mut controllers = full_controllers::<T>().into_inner();
		controllers.reverse();
		let controllers = BoundedVec::truncate_from(controllers);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, controllers.clone(), longest_text());

		assert_last_event::<T>(Event::ControllersSet { uscc, controllers, entry: 1 });
		Ok(())
	}

	#[benchmark]
	fn file_annual_report() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, controller) = register_largest::<T>(&origin)?;
		endow_controller::<T>(&controller);
		make_lazy_rules_due::<T>(&origin, uscc)?;

		#[extrinsic_call]
		_(
			RawOrigin::Signed(controller),
			uscc,
			2024,
			largest_public_data::<T>()?,
			largest_figures(),
			H256::repeat_byte(0xAB),
		);

		assert_last_event::<T>(Event::AnnualReportFiled {
			uscc,
			year: 2024,
			late: true,
			entry: AFTER_LAZY_RULES,
		});
		Ok(())
	}

	#[benchmark]
	fn correct_annual_report() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, controller) = register_largest::<T>(&origin)?;
		endow_controller::<T>(&controller);
		make_lazy_rules_due::<T>(&origin, uscc)?;
		// Reports for 2024 to 2026 filed, as filing leaves them; 2026's may be corrected
		// until 1 July 2027. The suspension's end and the serious violation are still due.
		let report = AnnualReport::<T> {
			public: Some(largest_public_data::<T>()?),
			figures: largest_figures(),
			document_hash: H256::repeat_byte(0xAB),
			filed_by: controller.clone(),
			filed_at: REGISTERED_AT,
			late: false,
			corrections: 0,
		};
		for year in 2024..=2026 {
			AnnualReports::<T>::insert(uscc, year, report.clone());
		}
		let mut company = Companies::<T>::get(uscc).ok_or(BenchmarkError::Stop("registered"))?;
		company.next_report_year = 2027;
		Pallet::<T>::store_company(&uscc, company);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(controller),
			uscc,
			2026,
			largest_public_data::<T>()?,
			largest_figures(),
			H256::repeat_byte(0xCD),
			longest_text(),
		);

		assert_last_event::<T>(Event::AnnualReportCorrected {
			uscc,
			year: 2026,
			correction: 1,
			entry: AFTER_LAZY_RULES - 1,
		});
		Ok(())
	}

	#[benchmark]
	fn record_paid_in() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, controller) = register_largest::<T>(&origin)?;
		endow_controller::<T>(&controller);
		// The last shareholder: the longest search.
		let shareholder = full_shareholders::<T>()
			.last()
			.map(|holding| holding.party)
			.ok_or(BenchmarkError::Stop("no shareholders"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), uscc, shareholder, SUBSCRIPTION);

		assert_last_event::<T>(Event::CapitalPaidIn {
			uscc,
			shareholder,
			paid_in: SUBSCRIPTION,
			entry: 1,
		});
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
	fn record_lazy_rules() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		let listing = make_lazy_rules_due::<T>(&origin, uscc)?;
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), uscc);

		assert_last_event::<T>(Event::SeriousViolationListed {
			uscc,
			since: years_after(listing.since, 3),
			entry: AFTER_LAZY_RULES - 1,
		});
		Ok(())
	}

	#[benchmark]
	fn propose_closure() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		let (officer, _) = two_officers::<T>(&origin)?;
		// An expired proposal is replaced.
		Pallet::<T>::propose_closure(
			origin.clone(),
			uscc,
			ClosingDecision::Cancel,
			longest_text(),
		)?;
		let now = years_after(REGISTERED_AT, 1);
		T::BenchmarkHelper::set_time(now);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, ClosingDecision::Revoke, longest_text());

		assert_last_event::<T>(Event::ClosureProposed {
			uscc,
			decision: ClosingDecision::Revoke,
			proposed_by: officer,
			expires_at: now.saturating_add(T::DecisionWindow::get()),
		});
		Ok(())
	}

	#[benchmark]
	fn confirm_closure() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		make_lazy_rules_due::<T>(&origin, uscc)?;
		let (_, second) = two_officers::<T>(&origin)?;
		Pallet::<T>::propose_closure(origin, uscc, ClosingDecision::Revoke, longest_text())?;
		let now = years_after(REGISTERED_AT, 3);

		#[extrinsic_call]
		_(second as T::RuntimeOrigin, uscc);

		assert_last_event::<T>(Event::StatusChanged {
			uscc,
			from: CompanyStatus::Active,
			to: CompanyStatus::Revoked { since: now },
			entry: AFTER_LAZY_RULES,
		});
		Ok(())
	}

	#[benchmark]
	fn withdraw_closure() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, _) = register_largest::<T>(&origin)?;
		let (_, second) = two_officers::<T>(&origin)?;
		Pallet::<T>::propose_closure(origin, uscc, ClosingDecision::Revoke, longest_text())?;
		let withdrawn_by = T::RegistrarOrigin::try_origin(second.clone())
			.map_err(|_| BenchmarkError::Stop("not an officer"))?;

		#[extrinsic_call]
		_(second as T::RuntimeOrigin, uscc);

		assert_last_event::<T>(Event::ClosureWithdrawn {
			uscc,
			decision: ClosingDecision::Revoke,
			withdrawn_by,
		});
		Ok(())
	}

	#[benchmark]
	fn suspend_business() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, controller) = register_largest::<T>(&origin)?;
		endow_controller::<T>(&controller);
		make_lazy_rules_due::<T>(&origin, uscc)?;
		let now = years_after(REGISTERED_AT, 3);
		let until = CivilDate { year: 2029, month: 1, day: 1 };

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), uscc, until, longest_text());

		assert_last_event::<T>(Event::StatusChanged {
			uscc,
			from: CompanyStatus::Active,
			to: CompanyStatus::Suspended { since: now, until: until.start_in_cst() },
			entry: AFTER_LAZY_RULES,
		});
		Ok(())
	}

	#[benchmark]
	fn resume_business() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, controller) = register_largest::<T>(&origin)?;
		endow_controller::<T>(&controller);
		// Suspended, with an overdue report and a listing three years old: two rules due.
		let ground = AbnormalReason::UnreachableAtRegisteredAddress;
		Pallet::<T>::list_abnormal(origin.clone(), uscc, ground, longest_text())?;
		// Suspended a day later for the longest time, which ends after the listing is three
		// years old.
		let suspended_at = REGISTERED_AT.saturating_add(86_400_000);
		T::BenchmarkHelper::set_time(suspended_at);
		let until = CivilDate { year: 2027, month: 3, day: 16 };
		Pallet::<T>::suspend_business(origin, uscc, until, longest_text())?;
		T::BenchmarkHelper::set_time(years_after(REGISTERED_AT, 3));
		let from = CompanyStatus::Suspended { since: suspended_at, until: until.start_in_cst() };

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), uscc, longest_text());

		assert_last_event::<T>(Event::StatusChanged {
			uscc,
			from,
			to: CompanyStatus::Active,
			entry: AFTER_LAZY_RULES - 1,
		});
		Ok(())
	}

	#[benchmark]
	fn enter_liquidation() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (uscc, controller) = register_largest::<T>(&origin)?;
		endow_controller::<T>(&controller);
		make_lazy_rules_due::<T>(&origin, uscc)?;
		let now = years_after(REGISTERED_AT, 3);

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), uscc, longest_text());

		assert_last_event::<T>(Event::StatusChanged {
			uscc,
			from: CompanyStatus::Active,
			to: CompanyStatus::Liquidating { since: now },
			entry: AFTER_LAZY_RULES,
		});
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::new_test_ext().without_invariant_checks(),
		crate::mock::Test
	);
}
