//! Schemes, accreditations, certificates and the answer a verifier gets.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use govchain_domain_types::{AgencyOfficer, UnixMillis, Uscc};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	sp_core::H256,
};
use scale_info::TypeInfo;

/// UTF-8 text of at most `L` bytes.
pub type Text<L> = BoundedVec<u8, L>;

/// A scheme's number, from 0 in order of definition.
pub type SchemeId = u32;

/// A certificate's number, from 0 in order of issue: what the printed certificate carries.
pub type CertificateId = u64;

/// A scheme's level.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Level {
	/// A national vocational skill level (国家职业技能等级), 1 (senior technician) to 5
	/// (junior worker); "blockchain application operator" has levels 4 to 1.
	Vocational(u8),
	/// A level the scheme defines itself.
	SchemeSpecific(u8),
}

impl Level {
	/// Vocational levels are 1 to 5; scheme-specific ones anything.
	pub fn is_valid(&self) -> bool {
		match self {
			Level::Vocational(level) => (1..=5).contains(level),
			Level::SchemeSpecific(_) => true,
		}
	}
}

/// A certification scheme: a profession at a level.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Scheme<T: Config> {
	/// The profession, UTF-8, e.g. "区块链应用操作员 (blockchain application operator)".
	pub profession: Text<T::MaxProfessionLength>,
	/// The level.
	pub level: Level,
	/// How long a certificate is valid, in days; `None`: for life.
	pub validity_days: Option<u32>,
	/// A scheme whose valid certificate a holder needs first (level 3 needs level 4).
	pub prerequisite: Option<SchemeId>,
	/// The ministry's officer who defined it.
	pub defined_by: AgencyOfficer<T::AccountId>,
	/// When it was retired: no certificates are issued or renewed under it after.
	pub retired_at: Option<UnixMillis>,
}

/// Where a body's accreditation for a scheme stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum AccreditationStatus {
	/// May issue and renew within its window.
	Active,
	/// May not issue or renew until accredited again.
	Suspended,
	/// Withdrawn; may not issue or renew unless accredited anew.
	Withdrawn,
}

/// A certification body's accreditation for one scheme.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Accreditation<T: Config> {
	/// From when it may issue.
	pub valid_from: UnixMillis,
	/// Until when (exclusive).
	pub valid_until: UnixMillis,
	/// Where it stands.
	pub status: AccreditationStatus,
	/// When the status last changed.
	pub since: UnixMillis,
	/// The ministry's officer who changed it.
	pub by: AgencyOfficer<T::AccountId>,
	/// Why it was suspended or withdrawn, UTF-8; empty for an accreditation.
	pub reason: Text<T::MaxReasonLength>,
}

impl<T: Config> Accreditation<T> {
	/// Active and within its window at `now`.
	pub fn is_in_force(&self, now: UnixMillis) -> bool {
		self.status == AccreditationStatus::Active
			&& self.valid_from <= now
			&& now < self.valid_until
	}
}

/// Who revoked a certificate.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Actor<AccountId> {
	/// An operator of the issuing body.
	Issuer(AccountId),
	/// An officer of the human-resources ministry.
	Ministry(AgencyOfficer<AccountId>),
}

/// A certificate's own state (expiry and the issuer's standing are read at verification).
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub enum CertificateState<T: Config> {
	/// In effect.
	Issued,
	/// Suspended since `since` for `reason`, by `by`.
	Suspended { since: UnixMillis, reason: Text<T::MaxReasonLength>, by: Actor<T::AccountId> },
	/// Revoked at `at` for `reason`, by `by`; final.
	Revoked { at: UnixMillis, reason: Text<T::MaxReasonLength>, by: Actor<T::AccountId> },
}

/// A certificate as recorded. The holder appears only as a salted hash.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Certificate<T: Config> {
	/// The scheme it certifies.
	pub scheme: SchemeId,
	/// The issuing body's code.
	pub issuer: Uscc,
	/// The body's operator who signed.
	pub issued_by: T::AccountId,
	/// [`holder_commitment`] of the holder's salt and identity: never the identity itself.
	pub holder: H256,
	/// The holder's account, if they gave one.
	pub holder_account: Option<T::AccountId>,
	/// Hash of the full certificate document the body handed over.
	pub document: H256,
	/// When it was issued, by the chain's clock.
	pub issued_at: UnixMillis,
	/// When it expires (exclusive); `None`: never. Moved by renewals.
	pub expires_at: Option<UnixMillis>,
	/// The issuer's accreditation window for the scheme when it was issued.
	pub accredited_window: (UnixMillis, UnixMillis),
	/// Issued, suspended or revoked.
	pub state: CertificateState<T>,
	/// How many times it was renewed.
	pub renewals: u32,
}

/// One renewal in a certificate's history.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Renewal<T: Config> {
	/// When.
	pub at: UnixMillis,
	/// The body's operator who renewed it.
	pub by: T::AccountId,
	/// The expiry before.
	pub previous_expiry: Option<UnixMillis>,
	/// The expiry after.
	pub new_expiry: Option<UnixMillis>,
	/// The renewed document's hash.
	pub document: H256,
}

/// One certificate of a batch.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Recipient<T: Config> {
	/// The holder's salted hash.
	pub holder: H256,
	/// The holder's account, if any.
	pub account: Option<T::AccountId>,
	/// The certificate document's hash.
	pub document: H256,
}

/// What a verifier is told, most serious first.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub enum VerificationStatus<T: Config> {
	/// Revoked, with when, why and by whom.
	Revoked { at: UnixMillis, reason: Text<T::MaxReasonLength>, by: Actor<T::AccountId> },
	/// The ministry withdrew the issuer's accreditation and voided what it had issued.
	IssuerNotAccredited,
	/// Suspended, with since when and why.
	Suspended { since: UnixMillis, reason: Text<T::MaxReasonLength> },
	/// Expired at the given moment.
	Expired { at: UnixMillis },
	/// Valid, until the given moment (`None`: for life).
	Valid { until: Option<UnixMillis> },
}

/// The verification of a certificate.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct Verification<T: Config> {
	/// Which certificate.
	pub id: CertificateId,
	/// The answer.
	pub status: VerificationStatus<T>,
	/// The record (issuer, holder hash, document hash, dates).
	pub certificate: Certificate<T>,
	/// Whether the issuer's accreditation for the scheme was in force when it issued.
	pub issuer_accredited_at_issue: bool,
	/// The issuer's accreditation for the scheme now.
	pub issuer_now: Option<Accreditation<T>>,
}

/// The holder's salted hash: BLAKE2-256 of the domain tag `govchain/holder`, the 32-byte
/// salt the holder keeps, and the identity (e.g. the resident ID number as printed). A
/// verifier given the certificate id and the salt recomputes it from the identity document
/// shown to them; the chain never sees the identity.
pub fn holder_commitment(salt: &[u8; 32], identity: &[u8]) -> H256 {
	let mut preimage = alloc::vec::Vec::with_capacity(15 + 32 + identity.len());
	preimage.extend_from_slice(b"govchain/holder");
	preimage.extend_from_slice(salt);
	preimage.extend_from_slice(identity);
	use polkadot_sdk::sp_runtime::traits::{BlakeTwo256, Hash};
	BlakeTwo256::hash(&preimage)
}
