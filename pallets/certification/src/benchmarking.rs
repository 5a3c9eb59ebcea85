//! Benchmarks (frame-benchmarking v2), each at its worst case: a body that is a market
//! entity (read from the register) with every operator slot taken and the signer last, a
//! scheme with a prerequisite every recipient holds, renewal histories one short of their
//! bound, the longest texts.

use super::*;
use crate::pallet::{
	Accreditations, Call, Certificates, Config, NextCertificateId, Pallet, Renewals, Schemes,
};
use alloc::vec::Vec;
use govchain_domain_types::{
	benchmarking::{longest_text, RegisterCompany, BENCHMARK_TIME},
	Uscc,
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

/// The prerequisite scheme (level 4) and the scheme benchmarked (level 3).
const PREREQUISITE: SchemeId = 0;
const SCHEME: SchemeId = 1;

/// The body: a training company, a market entity, so the register is read.
fn body() -> Result<Uscc, BenchmarkError> {
	Uscc::numbered(b"91110105", 21).map_err(|_| BenchmarkError::Stop("body code"))
}

/// A ministry officer's origin. Get it once per benchmark: it may admit an agency.
fn ministry<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::MinistryOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Every operator slot of the body taken; the last is the one who signs.
fn operators<T: Config>() -> BoundedVec<T::AccountId, T::MaxOperators> {
	BoundedVec::truncate_from(
		(0..T::MaxOperators::get()).map(|index| account("operator", index, 0)).collect(),
	)
}

fn signer<T: Config>() -> T::AccountId {
	account("operator", T::MaxOperators::get().saturating_sub(1), 0)
}

/// Levels 4 and 3 (which needs 4) defined with a validity; the body in the register,
/// registered with every operator and accredited for both. Returns the ministry's origin.
fn accredited_body<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	let origin = ministry::<T>()?;
	let body = body()?;
	T::BenchmarkHelper::registered_company(&body, &signer::<T>());
	for prerequisite in [None, Some(PREREQUISITE)] {
		Pallet::<T>::define_scheme(
			origin.clone(),
			longest_text(),
			Level::Vocational(4),
			Some(1_095),
			prerequisite,
		)?;
	}
	Pallet::<T>::register_body(origin.clone(), body, operators::<T>())?;
	for scheme in [PREREQUISITE, SCHEME] {
		Pallet::<T>::accredit(origin.clone(), body, scheme, 0, BENCHMARK_TIME * 2)?;
	}
	Ok(origin)
}

fn recipient<T: Config>(index: u32) -> Recipient<T> {
	let mut seed = [0u8; 32];
	seed[..4].copy_from_slice(&index.to_le_bytes());
	Recipient {
		holder: holder_commitment(&seed, b"110105199001011234"),
		account: Some(account("holder", index, 0)),
		document: H256::repeat_byte(1),
	}
}

/// Issues `count` certificates under `scheme`, in batches of the greatest size.
fn issue_many<T: Config>(scheme: SchemeId, count: u32) -> Result<(), BenchmarkError> {
	let recipients: Vec<Recipient<T>> = (0..count).map(recipient::<T>).collect();
	for chunk in recipients.chunks(T::MaxBatch::get().max(1) as usize) {
		Pallet::<T>::issue_batch(
			RawOrigin::Signed(signer::<T>()).into(),
			body()?,
			scheme,
			BoundedVec::truncate_from(chunk.to_vec()),
		)?;
	}
	Ok(())
}

/// One certificate of the benchmarked scheme, number 1 (after its prerequisite, 0).
fn one_certificate<T: Config>() -> Result<(T::RuntimeOrigin, CertificateId), BenchmarkError> {
	let origin = accredited_body::<T>()?;
	issue_many::<T>(PREREQUISITE, 1)?;
	issue_many::<T>(SCHEME, 1)?;
	Ok((origin, 1))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn define_scheme() -> Result<(), BenchmarkError> {
		let origin = ministry::<T>()?;
		Pallet::<T>::define_scheme(
			origin.clone(),
			longest_text(),
			Level::Vocational(4),
			None,
			None,
		)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, longest_text(), Level::Vocational(3), Some(1_095), Some(0));

		assert!(Schemes::<T>::contains_key(1));
		Ok(())
	}

	#[benchmark]
	fn retire_scheme() -> Result<(), BenchmarkError> {
		let origin = ministry::<T>()?;
		Pallet::<T>::define_scheme(
			origin.clone(),
			longest_text(),
			Level::Vocational(4),
			None,
			None,
		)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0);

		assert!(Schemes::<T>::get(0).is_some_and(|scheme| scheme.retired_at.is_some()));
		Ok(())
	}

	#[benchmark]
	fn register_body() -> Result<(), BenchmarkError> {
		let origin = ministry::<T>()?;
		let body = body()?;
		T::BenchmarkHelper::registered_company(&body, &signer::<T>());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, body, operators::<T>());

		assert!(crate::pallet::Bodies::<T>::contains_key(body));
		Ok(())
	}

	#[benchmark]
	fn accredit() -> Result<(), BenchmarkError> {
		let origin = accredited_body::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, body()?, SCHEME, 0, BENCHMARK_TIME * 3);

		assert!(Accreditations::<T>::get(body()?, SCHEME)
			.is_some_and(|accreditation| accreditation.valid_until == BENCHMARK_TIME * 3));
		Ok(())
	}

	#[benchmark]
	fn suspend_accreditation() -> Result<(), BenchmarkError> {
		let origin = accredited_body::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, body()?, SCHEME, longest_text());

		assert!(Accreditations::<T>::get(body()?, SCHEME)
			.is_some_and(|accreditation| accreditation.status == AccreditationStatus::Suspended));
		Ok(())
	}

	#[benchmark]
	fn withdraw_accreditation() -> Result<(), BenchmarkError> {
		let origin = accredited_body::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, body()?, SCHEME, longest_text(), true);

		assert!(Accreditations::<T>::get(body()?, SCHEME)
			.is_some_and(|accreditation| accreditation.status == AccreditationStatus::Withdrawn));
		Ok(())
	}

	#[benchmark]
	fn issue_batch(n: Linear<1, { T::MaxBatch::get() }>) -> Result<(), BenchmarkError> {
		accredited_body::<T>()?;
		issue_many::<T>(PREREQUISITE, n)?;
		let recipients: Vec<Recipient<T>> = (0..n).map(recipient::<T>).collect();
		let first = NextCertificateId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(signer::<T>()), body()?, SCHEME, BoundedVec::truncate_from(recipients));

		assert_eq!(NextCertificateId::<T>::get(), first + u64::from(n));
		Ok(())
	}

	#[benchmark]
	fn renew() -> Result<(), BenchmarkError> {
		let (_, id) = one_certificate::<T>()?;
		for _ in 1..T::MaxRenewals::get() {
			Pallet::<T>::renew(RawOrigin::Signed(signer::<T>()).into(), id, H256::repeat_byte(2))?;
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(signer::<T>()), id, H256::repeat_byte(3));

		assert_eq!(Renewals::<T>::get(id).len() as u32, T::MaxRenewals::get());
		Ok(())
	}

	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let (_, id) = one_certificate::<T>()?;

		#[extrinsic_call]
		_(RawOrigin::Signed(signer::<T>()), id, longest_text());

		assert!(Certificates::<T>::get(id)
			.is_some_and(|c| matches!(c.state, CertificateState::Suspended { .. })));
		Ok(())
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let (_, id) = one_certificate::<T>()?;
		Pallet::<T>::suspend(RawOrigin::Signed(signer::<T>()).into(), id, longest_text())?;

		#[extrinsic_call]
		_(RawOrigin::Signed(signer::<T>()), id);

		assert!(Certificates::<T>::get(id).is_some_and(|c| c.state == CertificateState::Issued));
		Ok(())
	}

	#[benchmark]
	fn revoke() -> Result<(), BenchmarkError> {
		let (_, id) = one_certificate::<T>()?;

		#[extrinsic_call]
		_(RawOrigin::Signed(signer::<T>()), id, longest_text());

		assert!(Certificates::<T>::get(id)
			.is_some_and(|c| matches!(c.state, CertificateState::Revoked { .. })));
		Ok(())
	}

	#[benchmark]
	fn revoke_issued_by(
		n: Linear<1, { T::MaxRevocationsPerCall::get() }>,
	) -> Result<(), BenchmarkError> {
		let origin = accredited_body::<T>()?;
		issue_many::<T>(PREREQUISITE, n)?;
		Pallet::<T>::withdraw_accreditation(
			origin.clone(),
			body()?,
			PREREQUISITE,
			longest_text(),
			false,
		)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, body()?, PREREQUISITE, longest_text());

		assert!((0..u64::from(n)).all(|id| Certificates::<T>::get(id)
			.is_some_and(|c| matches!(c.state, CertificateState::Revoked { .. }))));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::new_test_ext().without_invariant_checks(),
		crate::mock::Test
	);
}
