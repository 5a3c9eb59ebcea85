//! Amounts of money: an ISO 4217 currency and an integer amount in the currency's minor
//! unit (fen for CNY, cents for USD, yen for JPY), so that no rounding ever happens on chain.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// An ISO 4217 alphabetic currency code that is in use, e.g. `CNY`.
///
/// Always valid: made only by [`CurrencyCode::parse`] and by decoding, which refuses what
/// `parse` refuses.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, MaxEncodedLen, TypeInfo)]
pub struct CurrencyCode([u8; 3]);

crate::decode_checked!(CurrencyCode, 3, CurrencyCode::parse, "ISO 4217 currency code");

impl CurrencyCode {
	/// Renminbi.
	pub const CNY: CurrencyCode = CurrencyCode(*b"CNY");

	/// Accepts an active ISO 4217 code (upper case); refuses anything else.
	pub fn parse(code: &[u8]) -> Option<Self> {
		let code: [u8; 3] = code.try_into().ok()?;
		ISO_4217_ACTIVE.binary_search(&code).ok().map(|_| CurrencyCode(code))
	}

	/// The three letters.
	pub fn as_bytes(&self) -> &[u8; 3] {
		&self.0
	}
}

/// An amount in a currency's minor unit.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Money {
	/// The currency.
	pub currency: CurrencyCode,
	/// The amount in the currency's minor unit.
	pub amount: u128,
}

/// Active ISO 4217 codes, sorted, as published in the iso-codes data of pycountry 26.2.16,
/// without `XTS` (reserved for testing) and `XXX` (no currency).
const ISO_4217_ACTIVE: [[u8; 3]; 176] = [
	*b"AED", *b"AFN", *b"ALL", *b"AMD", *b"AOA", *b"ARS", *b"AUD", *b"AWG", *b"AZN", *b"BAM",
	*b"BBD", *b"BDT", *b"BHD", *b"BIF", *b"BMD", *b"BND", *b"BOB", *b"BOV", *b"BRL", *b"BSD",
	*b"BTN", *b"BWP", *b"BYN", *b"BZD", *b"CAD", *b"CDF", *b"CHE", *b"CHF", *b"CHW", *b"CLF",
	*b"CLP", *b"CNY", *b"COP", *b"COU", *b"CRC", *b"CUP", *b"CVE", *b"CZK", *b"DJF", *b"DKK",
	*b"DOP", *b"DZD", *b"EGP", *b"ERN", *b"ETB", *b"EUR", *b"FJD", *b"FKP", *b"GBP", *b"GEL",
	*b"GHS", *b"GIP", *b"GMD", *b"GNF", *b"GTQ", *b"GYD", *b"HKD", *b"HNL", *b"HTG", *b"HUF",
	*b"IDR", *b"ILS", *b"INR", *b"IQD", *b"IRR", *b"ISK", *b"JMD", *b"JOD", *b"JPY", *b"KES",
	*b"KGS", *b"KHR", *b"KMF", *b"KPW", *b"KRW", *b"KWD", *b"KYD", *b"KZT", *b"LAK", *b"LBP",
	*b"LKR", *b"LRD", *b"LSL", *b"LYD", *b"MAD", *b"MDL", *b"MGA", *b"MKD", *b"MMK", *b"MNT",
	*b"MOP", *b"MRU", *b"MUR", *b"MVR", *b"MWK", *b"MXN", *b"MXV", *b"MYR", *b"MZN", *b"NAD",
	*b"NGN", *b"NIO", *b"NOK", *b"NPR", *b"NZD", *b"OMR", *b"PAB", *b"PEN", *b"PGK", *b"PHP",
	*b"PKR", *b"PLN", *b"PYG", *b"QAR", *b"RON", *b"RSD", *b"RUB", *b"RWF", *b"SAR", *b"SBD",
	*b"SCR", *b"SDG", *b"SEK", *b"SGD", *b"SHP", *b"SLE", *b"SOS", *b"SRD", *b"SSP", *b"STN",
	*b"SVC", *b"SYP", *b"SZL", *b"THB", *b"TJS", *b"TMT", *b"TND", *b"TOP", *b"TRY", *b"TTD",
	*b"TWD", *b"TZS", *b"UAH", *b"UGX", *b"USD", *b"USN", *b"UYI", *b"UYU", *b"UYW", *b"UZS",
	*b"VED", *b"VES", *b"VND", *b"VUV", *b"WST", *b"XAD", *b"XAF", *b"XAG", *b"XAU", *b"XBA",
	*b"XBB", *b"XBC", *b"XBD", *b"XCD", *b"XCG", *b"XDR", *b"XOF", *b"XPD", *b"XPF", *b"XPT",
	*b"XSU", *b"XUA", *b"YER", *b"ZAR", *b"ZMW", *b"ZWG",
];

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn list_is_sorted_so_binary_search_works() {
		assert!(ISO_4217_ACTIVE.windows(2).all(|pair| pair[0] < pair[1]));
	}

	#[test]
	fn active_codes_are_accepted() {
		for code in [b"CNY", b"USD", b"EUR", b"JPY", b"HKD", b"KWD", b"ZWG"] {
			assert_eq!(CurrencyCode::parse(code).map(|c| *c.as_bytes()), Some(*code));
		}
		assert_eq!(CurrencyCode::parse(b"CNY"), Some(CurrencyCode::CNY));
	}

	#[test]
	fn unknown_lowercase_testing_and_withdrawn_codes_are_refused() {
		for code in [&b"cny"[..], b"RMB", b"XTS", b"XXX", b"DEM", b"CN", b"CNYY", b""] {
			assert_eq!(CurrencyCode::parse(code), None, "{code:?}");
		}
		assert!(<CurrencyCode as codec::Decode>::decode(&mut &b"RMB"[..]).is_err());
	}
}
