//! The runtime API through which anyone verifies a certificate — by its number, or by the
//! holder's salted hash and the scheme — and reads schemes, accreditations and renewals.

use crate::types::{CertificateId, SchemeId};
use codec::Codec;
use govchain_domain_types::Uscc;
use polkadot_sdk::sp_core::H256;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Verifies certificates. The runtime fixes the type parameters to the pallet's
	/// `Verification`, `Scheme`, `Accreditation` and `Renewal`.
	pub trait CertificationApi<Verification, Scheme, Accreditation, Renewal>
	where
		Verification: Codec,
		Scheme: Codec,
		Accreditation: Codec,
		Renewal: Codec,
	{
		/// Certificate `id` now: Valid, Expired, Suspended, Revoked (with the reason) or
		/// IssuerNotAccredited, the record with the holder's salted hash, whether the issuer
		/// was accredited when it issued, and its accreditation now.
		fn verify(id: CertificateId) -> Option<Verification>;

		/// The holder's latest certificate of `scheme`, verified now.
		fn verify_holder(holder: H256, scheme: SchemeId) -> Option<Verification>;

		/// A scheme.
		fn scheme(scheme: SchemeId) -> Option<Scheme>;

		/// A body's accreditation for a scheme.
		fn accreditation(body: Uscc, scheme: SchemeId) -> Option<Accreditation>;

		/// A certificate's renewals, oldest first.
		fn renewals(id: CertificateId) -> alloc::vec::Vec<Renewal>;
	}
}
