//! # Talent certification
//!
//! Certificates of professional skill — "blockchain application operator" at levels 4 to 1
//! first — that anyone can verify: which body issued them, whether it was accredited when
//! it did, whether they are valid, expired, suspended or revoked and why.
//!
//! ## Rules
//! - Human-resources officers (the ministry) define schemes (profession, level, validity,
//!   prerequisite) and retire them; register certification bodies by USCC with the
//!   accounts that act for them; accredit a body for a scheme within a window, suspend and
//!   withdraw it with a reason. A body that is a market entity must be in the company
//!   register and not closed; universities, public institutions, social organisations and
//!   agencies, which the chain's register does not hold, rest on the ministry's vouching.
//! - An operator of a body accredited for the scheme now issues certificates, one or a
//!   bounded batch at a time, to holders named only by a salted hash; the holder must hold
//!   a valid certificate of the prerequisite scheme and no current one of this scheme.
//!   Expiry follows from the chain's time and the scheme's validity; renewals move it and
//!   are kept in the certificate's history.
//! - The issuer or the ministry suspends, reinstates and revokes a certificate with a
//!   reason. Withdrawing an accreditation stops issuing and renewing; certificates issued
//!   while accredited stay valid, showing the issuer's standing, unless the ministry voids
//!   them at withdrawal (they then verify as `IssuerNotAccredited`, at once and without a
//!   sweep) or revokes them page by page with a reason each.
//!
//! Verification reads expiry and the issuer's standing when asked: nothing sweeps.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod checks;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use govchain_domain_types::{AgencyOfficer, CompanyRegistry, UnixMillis, Uscc};
	use polkadot_sdk::sp_core::H256;

	/// Version 0: the layout the pallet launched with.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Human-resources officers (the ministry), yielding the agency and officer.
		type MinistryOrigin: EnsureOrigin<
			Self::RuntimeOrigin,
			Success = AgencyOfficer<Self::AccountId>,
		>;

		/// The shared company register, for bodies that are market entities.
		type Registry: CompanyRegistry<Self::AccountId>;

		/// The chain's time (the timestamp pallet).
		type Time: UnixTime;

		/// Longest profession name, in bytes.
		#[pallet::constant]
		type MaxProfessionLength: Get<u32>;

		/// Longest reason, in bytes.
		#[pallet::constant]
		type MaxReasonLength: Get<u32>;

		/// Most accounts acting for one body.
		#[pallet::constant]
		type MaxOperators: Get<u32>;

		/// Most certificates one batch issues.
		#[pallet::constant]
		type MaxBatch: Get<u32>;

		/// Most renewals one certificate keeps in its history.
		#[pallet::constant]
		type MaxRenewals: Get<u32>;

		/// Most certificates one page of a body's revocation revokes.
		#[pallet::constant]
		type MaxRevocationsPerCall: Get<u32>;

		/// Benchmarked weights of the calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need of the runtime: companies in the register.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: govchain_domain_types::benchmarking::RegisterCompany<Self::AccountId>;
	}

	/// The number the next scheme gets.
	#[pallet::storage]
	pub type NextSchemeId<T: Config> = StorageValue<_, SchemeId, ValueQuery>;

	/// Every scheme ever defined. Never removed; retired ones are marked.
	#[pallet::storage]
	pub type Schemes<T: Config> = StorageMap<_, Twox64Concat, SchemeId, Scheme<T>>;

	/// Registered certification bodies and the accounts that act for them.
	#[pallet::storage]
	pub type Bodies<T: Config> =
		StorageMap<_, Blake2_128Concat, Uscc, BoundedVec<T::AccountId, T::MaxOperators>>;

	/// Each body's accreditation per scheme. Kept after withdrawal.
	#[pallet::storage]
	pub type Accreditations<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Twox64Concat, SchemeId, Accreditation<T>>;

	/// Certificates a body issued under a scheme before this moment verify as
	/// `IssuerNotAccredited`: set when the ministry withdraws an accreditation and voids them.
	#[pallet::storage]
	pub type VoidedBefore<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Twox64Concat, SchemeId, UnixMillis>;

	/// The number the next certificate gets.
	#[pallet::storage]
	pub type NextCertificateId<T: Config> = StorageValue<_, CertificateId, ValueQuery>;

	/// Every certificate ever issued. Never removed.
	#[pallet::storage]
	pub type Certificates<T: Config> = StorageMap<_, Twox64Concat, CertificateId, Certificate<T>>;

	/// Each certificate's renewals, oldest first.
	#[pallet::storage]
	pub type Renewals<T: Config> = StorageMap<
		_,
		Twox64Concat,
		CertificateId,
		BoundedVec<Renewal<T>, T::MaxRenewals>,
		ValueQuery,
	>;

	/// The latest certificate of each holder (by salted hash) under each scheme.
	#[pallet::storage]
	pub type HolderCertificates<T: Config> =
		StorageDoubleMap<_, Identity, H256, Twox64Concat, SchemeId, CertificateId>;

	/// The certificates each body issued under each scheme, for the ministry's paged
	/// revocation.
	#[pallet::storage]
	pub type IssuedBy<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, (Uscc, SchemeId), Twox64Concat, CertificateId, ()>;

	/// Where a paged revocation of a body's certificates under a scheme has got to: the last
	/// certificate it handled.
	#[pallet::storage]
	pub type RevocationCursor<T: Config> =
		StorageMap<_, Blake2_128Concat, (Uscc, SchemeId), CertificateId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The ministry defined a scheme.
		SchemeDefined { scheme: SchemeId, level: Level, prerequisite: Option<SchemeId> },
		/// The ministry retired a scheme.
		SchemeRetired { scheme: SchemeId },
		/// The ministry registered a body or replaced its operators.
		BodyRegistered { body: Uscc, operators: u32 },
		/// The ministry accredited a body for a scheme (anew, again or with a new window).
		Accredited { body: Uscc, scheme: SchemeId, valid_from: UnixMillis, valid_until: UnixMillis },
		/// The ministry suspended a body's accreditation.
		AccreditationSuspended { body: Uscc, scheme: SchemeId },
		/// The ministry withdrew a body's accreditation; `voided` if its certificates no
		/// longer verify.
		AccreditationWithdrawn { body: Uscc, scheme: SchemeId, voided: bool },
		/// A body issued a certificate.
		Issued { certificate: CertificateId, scheme: SchemeId, issuer: Uscc, holder: H256 },
		/// A certificate was renewed.
		Renewed { certificate: CertificateId, expires_at: Option<UnixMillis> },
		/// A certificate was suspended.
		Suspended { certificate: CertificateId, by: Actor<T::AccountId> },
		/// A suspended certificate was reinstated.
		Reinstated { certificate: CertificateId, by: Actor<T::AccountId> },
		/// A certificate was revoked.
		Revoked { certificate: CertificateId, by: Actor<T::AccountId> },
		/// A page of a body's certificates was revoked by the ministry; `complete` once none
		/// is left.
		BodyCertificatesRevoked { body: Uscc, scheme: SchemeId, revoked: u32, complete: bool },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A profession or reason is required.
		EmptyText,
		/// A text is not valid UTF-8.
		NotUtf8,
		/// A vocational level outside 1-5.
		InvalidLevel,
		/// A validity of zero days.
		ZeroValidity,
		/// No scheme has this number.
		UnknownScheme,
		/// The scheme is retired.
		SchemeRetired,
		/// No body is registered under this code.
		UnknownBody,
		/// A body needs at least one operator.
		NoOperators,
		/// A market entity that is not in the company register.
		UnknownCompany,
		/// A market entity that is revoked, cancelled or deregistered.
		CompanyClosed,
		/// The window ends before it begins, or has ended.
		InvalidWindow,
		/// The body was never accredited for the scheme.
		NotAccredited,
		/// The body's accreditation is not in force now (suspended, withdrawn, outside its
		/// window).
		AccreditationNotInForce,
		/// A body's certificates are revoked wholesale only after its accreditation is
		/// withdrawn.
		NotWithdrawn,
		/// The accreditation is suspended already.
		AlreadySuspended,
		/// The accreditation is withdrawn already.
		AlreadyWithdrawn,
		/// The signer is not an operator of the body.
		NotOperator,
		/// A holder hash or document hash is zero.
		EmptyHash,
		/// The holder lacks a valid certificate of the prerequisite scheme.
		PrerequisiteMissing,
		/// The holder has a current certificate of this scheme: renew it instead.
		AlreadyCertified,
		/// A holder appears twice in a batch.
		DuplicateHolder,
		/// A batch needs at least one recipient.
		EmptyBatch,
		/// No certificate has this number.
		UnknownCertificate,
		/// The certificate is revoked.
		CertificateRevoked,
		/// The certificate is suspended.
		CertificateSuspended,
		/// The certificate is not suspended.
		NotSuspended,
		/// The scheme's certificates never expire: nothing to renew.
		NeverExpires,
		/// The certificate's history has as many renewals as allowed.
		TooManyRenewals,
		/// The signer is neither an operator of the issuer nor a ministry officer.
		NotIssuerOrMinistry,
		/// The numbering of schemes or certificates is exhausted.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(
			_block: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Defines a scheme: a profession at a level, how long its certificates last, and
		/// the scheme a holder must hold first.
		///
		/// Origin: `MinistryOrigin`. The profession is UTF-8 and not empty; a vocational
		/// level is 1-5; a validity is at least a day; the prerequisite exists and is not
		/// retired. Stores the scheme under the next number.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::define_scheme())]
		pub fn define_scheme(
			origin: OriginFor<T>,
			profession: Text<T::MaxProfessionLength>,
			level: Level,
			validity_days: Option<u32>,
			prerequisite: Option<SchemeId>,
		) -> DispatchResult {
			let officer = T::MinistryOrigin::ensure_origin(origin)?;
			Self::do_define_scheme(officer, profession, level, validity_days, prerequisite)
		}

		/// Retires a scheme: nothing is issued, renewed or accredited under it after.
		///
		/// Origin: `MinistryOrigin`. Certificates already issued keep their status.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::retire_scheme())]
		pub fn retire_scheme(origin: OriginFor<T>, scheme: SchemeId) -> DispatchResult {
			T::MinistryOrigin::ensure_origin(origin)?;
			Self::do_retire_scheme(scheme)
		}

		/// Registers a certification body, or replaces the accounts acting for it.
		///
		/// Origin: `MinistryOrigin`. A market entity (registration authority 9) must be in
		/// the company register and not closed; at least one operator.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register_body())]
		pub fn register_body(
			origin: OriginFor<T>,
			body: Uscc,
			operators: BoundedVec<T::AccountId, T::MaxOperators>,
		) -> DispatchResult {
			T::MinistryOrigin::ensure_origin(origin)?;
			Self::do_register_body(body, operators)
		}

		/// Accredits a registered body for a scheme from `valid_from` until `valid_until`,
		/// or reinstates or re-windows an existing accreditation.
		///
		/// Origin: `MinistryOrigin`. The scheme must not be retired; the window must end
		/// after it begins and after now.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::accredit())]
		pub fn accredit(
			origin: OriginFor<T>,
			body: Uscc,
			scheme: SchemeId,
			valid_from: UnixMillis,
			valid_until: UnixMillis,
		) -> DispatchResult {
			let officer = T::MinistryOrigin::ensure_origin(origin)?;
			Self::do_accredit(officer, body, scheme, valid_from, valid_until)
		}

		/// Suspends a body's accreditation for a scheme, with the reason.
		///
		/// Origin: `MinistryOrigin`. It must be active. The body cannot issue or renew under
		/// the scheme until accredited again; its certificates keep their status.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::suspend_accreditation())]
		pub fn suspend_accreditation(
			origin: OriginFor<T>,
			body: Uscc,
			scheme: SchemeId,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let officer = T::MinistryOrigin::ensure_origin(origin)?;
			Self::do_suspend_accreditation(officer, body, scheme, reason)
		}

		/// Withdraws a body's accreditation for a scheme, with the reason; with
		/// `void_certificates` every certificate it issued under the scheme before now
		/// verifies as `IssuerNotAccredited` from now on.
		///
		/// Origin: `MinistryOrigin`. It must not be withdrawn already.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_accreditation())]
		pub fn withdraw_accreditation(
			origin: OriginFor<T>,
			body: Uscc,
			scheme: SchemeId,
			reason: Text<T::MaxReasonLength>,
			void_certificates: bool,
		) -> DispatchResult {
			let officer = T::MinistryOrigin::ensure_origin(origin)?;
			Self::do_withdraw_accreditation(officer, body, scheme, reason, void_certificates)
		}

		/// Issues a certificate under `scheme` to the holder with salted hash `holder`.
		///
		/// Origin: signed by an operator of `body`, whose accreditation for the scheme is in
		/// force. The holder must hold a valid certificate of the prerequisite scheme and no
		/// current one of this scheme. Stores the certificate with expiry from now and the
		/// scheme's validity.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::issue_batch(1))]
		pub fn issue(
			origin: OriginFor<T>,
			body: Uscc,
			scheme: SchemeId,
			recipient: Recipient<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_issue(who, body, scheme, alloc::vec![recipient])
		}

		/// Issues certificates under `scheme` to a whole class at once: all or none.
		///
		/// Origin: as `issue`, whose rules each recipient meets; no holder twice.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::issue_batch(recipients.len() as u32))]
		pub fn issue_batch(
			origin: OriginFor<T>,
			body: Uscc,
			scheme: SchemeId,
			recipients: BoundedVec<Recipient<T>, T::MaxBatch>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_issue(who, body, scheme, recipients.into_inner())
		}

		/// Renews a certificate: its expiry moves to the scheme's validity after the later
		/// of now and its current expiry, and the renewal joins its history.
		///
		/// Origin: signed by an operator of the issuing body, whose accreditation is in
		/// force. The certificate must be neither revoked nor suspended, its scheme not
		/// retired and with a validity.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::renew())]
		pub fn renew(
			origin: OriginFor<T>,
			certificate: CertificateId,
			document: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_renew(who, certificate, document)
		}

		/// Suspends a certificate, with the reason.
		///
		/// Origin: an operator of the issuing body (signed) or `MinistryOrigin`. The
		/// certificate must be in effect.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(
			origin: OriginFor<T>,
			certificate: CertificateId,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let (actor, record) = Self::issuer_or_ministry(origin, certificate)?;
			Self::do_suspend(actor, certificate, record, reason)
		}

		/// Reinstates a suspended certificate.
		///
		/// Origin: an operator of the issuing body (signed) or `MinistryOrigin`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, certificate: CertificateId) -> DispatchResult {
			let (actor, record) = Self::issuer_or_ministry(origin, certificate)?;
			Self::do_reinstate(actor, certificate, record)
		}

		/// Revokes a certificate for good, with the reason.
		///
		/// Origin: an operator of the issuing body (signed) or `MinistryOrigin`. The
		/// certificate must not be revoked already.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			certificate: CertificateId,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResult {
			let (actor, record) = Self::issuer_or_ministry(origin, certificate)?;
			Self::do_revoke(actor, certificate, record, reason)
		}

		/// Revokes the next page (at most `MaxRevocationsPerCall`) of the certificates
		/// `body` issued under `scheme`, each with the reason; call again until the event
		/// says `complete`.
		///
		/// Origin: `MinistryOrigin`. The body's accreditation for the scheme must be
		/// withdrawn first. Certificates revoked already are passed over.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::revoke_issued_by(T::MaxRevocationsPerCall::get()))]
		pub fn revoke_issued_by(
			origin: OriginFor<T>,
			body: Uscc,
			scheme: SchemeId,
			reason: Text<T::MaxReasonLength>,
		) -> DispatchResultWithPostInfo {
			let officer = T::MinistryOrigin::ensure_origin(origin)?;
			let handled = Self::do_revoke_issued_by(officer, body, scheme, reason)?;
			Ok(Some(T::WeightInfo::revoke_issued_by(handled)).into())
		}
	}

	/// Milliseconds in a day, for validity periods.
	pub const MILLIS_PER_DAY: u64 = 86_400_000;

	impl<T: Config> Pallet<T> {
		/// The chain's time in milliseconds.
		pub fn now() -> UnixMillis {
			govchain_domain_types::calendar::chain_time::<T::Time>()
		}
	}
}
