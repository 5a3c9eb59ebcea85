//! Benchmarks (frame-benchmarking v2), each at its worst case: every fact with the longest
//! concept name, the longest URI and reasons, a deadline to compute, and attestation and
//! annotation lists one short of their bounds.

use super::*;
use crate::pallet::{
	Annotations, Attestations, Call, Config, Deadlines, Filings, FlagCount, Flags, Pallet,
};
use alloc::{format, vec::Vec};
use govchain_domain_types::{
	benchmarking::{longest_text, RegisterCompany},
	AgencyOfficer, CurrencyCode, Uscc,
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

const FY2025: Period = Period::FiscalYear(2025);

fn stop(what: &'static str) -> BenchmarkError {
	BenchmarkError::Stop(what)
}

/// The filing company's code.
fn company() -> Result<Uscc, BenchmarkError> {
	Uscc::numbered(b"91110105", 11).map_err(|_| stop("company code"))
}

/// An audit firm's code, by number.
fn firm(number: u32) -> Result<Uscc, BenchmarkError> {
	Uscc::numbered(b"91110108", number).map_err(|_| stop("firm code"))
}

/// A securities-regulator officer's origin. Get it once per benchmark: it may admit an
/// agency.
fn regulator<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::SecuritiesOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// The company registered with a controller, who is returned; the annual deadline set.
fn filer<T: Config>(origin: &T::RuntimeOrigin) -> Result<T::AccountId, BenchmarkError> {
	let controller: T::AccountId = whitelisted_caller();
	T::BenchmarkHelper::registered_company(&company()?, &controller);
	Pallet::<T>::set_deadline(origin.clone(), FilingKind::Annual, Some(120))?;
	Ok(controller)
}

/// A filing with `facts` facts, each with a distinct concept name of the greatest length,
/// and the longest URI.
fn content<T: Config>(facts: u32, byte: u8) -> FilingContent<T> {
	let length = T::MaxConceptLength::get() as usize;
	let facts = (0..facts)
		.map(|index| {
			let mut concept = format!("p{index}:").into_bytes();
			concept.resize(length.max(concept.len() + 1), b'a');
			Fact { concept: BoundedVec::truncate_from(concept), value: -1, unit: FactUnit::Money }
		})
		.collect::<Vec<_>>();
	let mut uri = b"https://".to_vec();
	uri.resize((T::MaxUriLength::get() as usize).max(9), b'a');
	FilingContent {
		currency: CurrencyCode::CNY,
		figures: KeyFigures {
			revenue: Some(i128::MAX),
			net_profit: Some(i128::MIN),
			total_assets: Some(i128::MAX),
			total_liabilities: Some(i128::MAX),
			equity: Some(0),
		},
		facts: BoundedVec::truncate_from(facts),
		document: DocumentHash {
			algorithm: HashAlgorithm::Sha256,
			digest: H256::repeat_byte(byte),
		},
		uri: Some(BoundedVec::truncate_from(uri)),
	}
}

/// Version 1 of the company's annual report for 2025, filed with every fact.
fn filed<T: Config>(controller: &T::AccountId) -> Result<FilingId, BenchmarkError> {
	Pallet::<T>::file(
		RawOrigin::Signed(controller.clone()).into(),
		company()?,
		FY2025,
		content::<T>(T::MaxFacts::get(), 1),
	)?;
	Ok(FilingId { company: company()?, period: FY2025, version: 1 })
}

/// An accredited audit firm with its controller.
fn accredited_firm<T: Config>(
	origin: &T::RuntimeOrigin,
) -> Result<(Uscc, T::AccountId), BenchmarkError> {
	let auditor: T::AccountId = account("auditor", 0, 0);
	let code = firm(0)?;
	T::BenchmarkHelper::registered_company(&code, &auditor);
	Pallet::<T>::accredit_auditor(origin.clone(), code)?;
	Ok((code, auditor))
}

/// The officer acting through `origin`.
fn officer<T: Config>(
	origin: &T::RuntimeOrigin,
) -> Result<AgencyOfficer<T::AccountId>, BenchmarkError> {
	T::SecuritiesOrigin::ensure_origin(origin.clone()).map_err(|_| stop("regulator origin"))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn file(f: Linear<0, { T::MaxFacts::get() }>) -> Result<(), BenchmarkError> {
		let origin = regulator::<T>()?;
		let controller = filer::<T>(&origin)?;
		let content = content::<T>(f, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), company()?, FY2025, content);

		assert!(Filings::<T>::contains_key((company()?, FY2025, 1)));
		Ok(())
	}

	#[benchmark]
	fn amend(f: Linear<0, { T::MaxFacts::get() }>) -> Result<(), BenchmarkError> {
		let origin = regulator::<T>()?;
		let controller = filer::<T>(&origin)?;
		filed::<T>(&controller)?;
		let content = content::<T>(f, 2);

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), company()?, FY2025, 1, content, longest_text());

		assert!(Filings::<T>::contains_key((company()?, FY2025, 2)));
		Ok(())
	}

	#[benchmark]
	fn attest() -> Result<(), BenchmarkError> {
		let origin = regulator::<T>()?;
		let controller = filer::<T>(&origin)?;
		let id = filed::<T>(&controller)?;
		let (auditor, signer) = accredited_firm::<T>(&origin)?;
		let document =
			DocumentHash { algorithm: HashAlgorithm::Sha256, digest: H256::repeat_byte(1) };
		// Others' attestations one short of the bound: all are compared with the firm.
		let others = (1..T::MaxAttestations::get())
			.map(|number| {
				Ok(Attestation::<T> {
					auditor: firm(number)?,
					signed_by: account("auditor", number, 0),
					opinion: Opinion::Unqualified,
					document,
					attested_at: 0,
				})
			})
			.collect::<Result<Vec<_>, BenchmarkError>>()?;
		Attestations::<T>::insert(
			(id.company, id.period, id.version),
			BoundedVec::truncate_from(others),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(signer), auditor, id, document, Opinion::Disclaimer);

		assert_eq!(
			Attestations::<T>::get((id.company, id.period, id.version)).len() as u32,
			T::MaxAttestations::get()
		);
		Ok(())
	}

	#[benchmark]
	fn accredit_auditor() -> Result<(), BenchmarkError> {
		let origin = regulator::<T>()?;
		let code = firm(0)?;
		T::BenchmarkHelper::registered_company(&code, &account("auditor", 0, 0));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code);

		assert!(Auditors::<T>::contains_key(code));
		Ok(())
	}

	#[benchmark]
	fn suspend_auditor() -> Result<(), BenchmarkError> {
		let origin = regulator::<T>()?;
		let (code, _) = accredited_firm::<T>(&origin)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code, longest_text());

		assert_eq!(Auditors::<T>::get(code).map(|a| a.status), Some(AuditorStatus::Suspended));
		Ok(())
	}

	#[benchmark]
	fn withdraw_auditor() -> Result<(), BenchmarkError> {
		let origin = regulator::<T>()?;
		let (code, _) = accredited_firm::<T>(&origin)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code, longest_text());

		assert_eq!(Auditors::<T>::get(code).map(|a| a.status), Some(AuditorStatus::Withdrawn));
		Ok(())
	}

	#[benchmark]
	fn annotate() -> Result<(), BenchmarkError> {
		let origin = regulator::<T>()?;
		let controller = filer::<T>(&origin)?;
		let id = filed::<T>(&controller)?;
		let officer = officer::<T>(&origin)?;
		let earlier = (1..T::MaxAnnotations::get())
			.map(|_| Annotation::<T> {
				kind: AnnotationKind::Query,
				officer: officer.clone(),
				at: 0,
				note: longest_text(),
			})
			.collect::<Vec<_>>();
		Annotations::<T>::insert(
			(id.company, id.period, id.version),
			BoundedVec::truncate_from(earlier),
		);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, AnnotationKind::EnforcementNotice, longest_text());

		assert_eq!(
			Annotations::<T>::get((id.company, id.period, id.version)).len() as u32,
			T::MaxAnnotations::get()
		);
		Ok(())
	}

	#[benchmark]
	fn flag_company() -> Result<(), BenchmarkError> {
		let origin = regulator::<T>()?;
		filer::<T>(&origin)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, company()?, longest_text());

		assert_eq!(FlagCount::<T>::get(company()?), 1);
		Ok(())
	}

	#[benchmark]
	fn lift_flag() -> Result<(), BenchmarkError> {
		let origin = regulator::<T>()?;
		filer::<T>(&origin)?;
		Pallet::<T>::flag_company(origin.clone(), company()?, longest_text())?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, company()?, 0, longest_text());

		assert!(Flags::<T>::get(company()?, 0).is_some_and(|flag| flag.lifted.is_some()));
		Ok(())
	}

	#[benchmark]
	fn set_deadline() -> Result<(), BenchmarkError> {
		let origin = regulator::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, FilingKind::Quarterly, Some(MAX_DEADLINE_DAYS));

		assert_eq!(Deadlines::<T>::get(FilingKind::Quarterly), Some(MAX_DEADLINE_DAYS));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::new_test_ext().without_invariant_checks(),
		crate::mock::Test
	);
}
