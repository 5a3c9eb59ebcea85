//! Codes of international trade that customs declarations carry: countries (ISO 3166-1),
//! commodities (the Harmonized System and China's tariff), Incoterms 2020, transport modes
//! (UN/ECE Recommendation 19) and the unique consignment reference (WCO UCR).
//!
//! The code types are valid by construction: made only by their `parse`, and decoded only
//! if `parse` accepts the bytes, so a call carrying a malformed code is refused before it is
//! dispatched.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// An ISO 3166-1 alpha-2 country code that is assigned, e.g. `CN`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, MaxEncodedLen, TypeInfo)]
pub struct CountryCode([u8; 2]);

crate::decode_checked!(CountryCode, 2, CountryCode::parse, "ISO 3166-1 country code");

impl CountryCode {
	/// China.
	pub const CN: CountryCode = CountryCode(*b"CN");

	/// Accepts an assigned alpha-2 code (upper case); refuses anything else.
	pub fn parse(code: &[u8]) -> Option<Self> {
		let code: [u8; 2] = code.try_into().ok()?;
		ISO_3166_ASSIGNED.binary_search(&code).ok().map(|_| CountryCode(code))
	}

	/// The two letters.
	pub fn as_bytes(&self) -> &[u8; 2] {
		&self.0
	}
}

/// The 249 assigned ISO 3166-1 alpha-2 codes, sorted, as published in the iso-codes data of
/// pycountry 26.2.16.
const ISO_3166_ASSIGNED: [[u8; 2]; 249] = [
	*b"AD", *b"AE", *b"AF", *b"AG", *b"AI", *b"AL", *b"AM", *b"AO", *b"AQ", *b"AR", *b"AS", *b"AT",
	*b"AU", *b"AW", *b"AX", *b"AZ", *b"BA", *b"BB", *b"BD", *b"BE", *b"BF", *b"BG", *b"BH", *b"BI",
	*b"BJ", *b"BL", *b"BM", *b"BN", *b"BO", *b"BQ", *b"BR", *b"BS", *b"BT", *b"BV", *b"BW", *b"BY",
	*b"BZ", *b"CA", *b"CC", *b"CD", *b"CF", *b"CG", *b"CH", *b"CI", *b"CK", *b"CL", *b"CM", *b"CN",
	*b"CO", *b"CR", *b"CU", *b"CV", *b"CW", *b"CX", *b"CY", *b"CZ", *b"DE", *b"DJ", *b"DK", *b"DM",
	*b"DO", *b"DZ", *b"EC", *b"EE", *b"EG", *b"EH", *b"ER", *b"ES", *b"ET", *b"FI", *b"FJ", *b"FK",
	*b"FM", *b"FO", *b"FR", *b"GA", *b"GB", *b"GD", *b"GE", *b"GF", *b"GG", *b"GH", *b"GI", *b"GL",
	*b"GM", *b"GN", *b"GP", *b"GQ", *b"GR", *b"GS", *b"GT", *b"GU", *b"GW", *b"GY", *b"HK", *b"HM",
	*b"HN", *b"HR", *b"HT", *b"HU", *b"ID", *b"IE", *b"IL", *b"IM", *b"IN", *b"IO", *b"IQ", *b"IR",
	*b"IS", *b"IT", *b"JE", *b"JM", *b"JO", *b"JP", *b"KE", *b"KG", *b"KH", *b"KI", *b"KM", *b"KN",
	*b"KP", *b"KR", *b"KW", *b"KY", *b"KZ", *b"LA", *b"LB", *b"LC", *b"LI", *b"LK", *b"LR", *b"LS",
	*b"LT", *b"LU", *b"LV", *b"LY", *b"MA", *b"MC", *b"MD", *b"ME", *b"MF", *b"MG", *b"MH", *b"MK",
	*b"ML", *b"MM", *b"MN", *b"MO", *b"MP", *b"MQ", *b"MR", *b"MS", *b"MT", *b"MU", *b"MV", *b"MW",
	*b"MX", *b"MY", *b"MZ", *b"NA", *b"NC", *b"NE", *b"NF", *b"NG", *b"NI", *b"NL", *b"NO", *b"NP",
	*b"NR", *b"NU", *b"NZ", *b"OM", *b"PA", *b"PE", *b"PF", *b"PG", *b"PH", *b"PK", *b"PL", *b"PM",
	*b"PN", *b"PR", *b"PS", *b"PT", *b"PW", *b"PY", *b"QA", *b"RE", *b"RO", *b"RS", *b"RU", *b"RW",
	*b"SA", *b"SB", *b"SC", *b"SD", *b"SE", *b"SG", *b"SH", *b"SI", *b"SJ", *b"SK", *b"SL", *b"SM",
	*b"SN", *b"SO", *b"SR", *b"SS", *b"ST", *b"SV", *b"SX", *b"SY", *b"SZ", *b"TC", *b"TD", *b"TF",
	*b"TG", *b"TH", *b"TJ", *b"TK", *b"TL", *b"TM", *b"TN", *b"TO", *b"TR", *b"TT", *b"TV", *b"TW",
	*b"TZ", *b"UA", *b"UG", *b"UM", *b"US", *b"UY", *b"UZ", *b"VA", *b"VC", *b"VE", *b"VG", *b"VI",
	*b"VN", *b"VU", *b"WF", *b"WS", *b"YE", *b"YT", *b"ZA", *b"ZM", *b"ZW",
];

/// Longest commodity code: China's 10-digit tariff code and its 3-digit inspection and
/// quarantine suffix.
pub const MAX_COMMODITY_CODE_LENGTH: u32 = 13;

/// A commodity code: the Harmonized System's 6-digit subheading, or a national tariff code
/// of up to 10 digits that begins with it (China: 8 tariff and statistics digits and 2
/// supervision digits), optionally followed by China's 3-digit inspection and quarantine
/// suffix after all 10. The chapter (first two digits) is 01-97 and not 77, which the HS
/// reserves.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, MaxEncodedLen, TypeInfo)]
pub struct CommodityCode(BoundedVec<u8, ConstU32<MAX_COMMODITY_CODE_LENGTH>>);

impl Decode for CommodityCode {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		let bytes = BoundedVec::<u8, ConstU32<MAX_COMMODITY_CODE_LENGTH>>::decode(input)?;
		CommodityCode::parse(&bytes).ok_or_else(|| "malformed commodity code".into())
	}
}

impl DecodeWithMemTracking for CommodityCode {}

/// Digits of a national tariff code beyond which only the inspection suffix may follow.
const TARIFF_DIGITS: usize = 10;
/// Digits of China's inspection and quarantine suffix.
const INSPECTION_SUFFIX_DIGITS: usize = 3;

impl CommodityCode {
	/// Accepts 6 to 10 digits with a valid chapter, or 10 digits and a 3-digit suffix.
	pub fn parse(code: &[u8]) -> Option<Self> {
		let valid_length = (6..=TARIFF_DIGITS).contains(&code.len())
			|| code.len() == TARIFF_DIGITS + INSPECTION_SUFFIX_DIGITS;
		if !valid_length || !code.iter().all(u8::is_ascii_digit) {
			return None;
		}
		let chapter = (code[0] - b'0') * 10 + (code[1] - b'0');
		if !(1..=97).contains(&chapter) || chapter == 77 {
			return None;
		}
		BoundedVec::try_from(code.to_vec()).ok().map(CommodityCode)
	}

	/// The digits, suffix included.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}

	/// The HS chapter, 1 to 97.
	pub fn chapter(&self) -> u8 {
		self.digits_value(2) as u8
	}

	/// The HS heading: the first four digits as a number, e.g. 901 for `0901`.
	pub fn heading(&self) -> u16 {
		self.digits_value(4) as u16
	}

	/// The HS subheading: the first six digits as a number, e.g. 90121 for `090121`.
	pub fn subheading(&self) -> u32 {
		self.digits_value(6)
	}

	/// The tariff code without the inspection suffix.
	pub fn tariff_code(&self) -> &[u8] {
		&self.0[..self.0.len().min(TARIFF_DIGITS)]
	}

	/// China's inspection and quarantine suffix, if given.
	pub fn inspection_suffix(&self) -> Option<&[u8]> {
		self.0.get(TARIFF_DIGITS..).filter(|suffix| !suffix.is_empty())
	}

	/// The first `count` digits (at most 6, always present) as a number.
	fn digits_value(&self, count: usize) -> u32 {
		self.0
			.iter()
			.take(count)
			.fold(0, |value, digit| value * 10 + u32::from(digit - b'0'))
	}
}

/// The Incoterms 2020 rules: who pays for carriage and insurance and where the risk passes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Incoterm {
	/// Ex Works.
	Exw,
	/// Free Carrier.
	Fca,
	/// Carriage Paid To.
	Cpt,
	/// Carriage and Insurance Paid To.
	Cip,
	/// Delivered at Place.
	Dap,
	/// Delivered at Place Unloaded.
	Dpu,
	/// Delivered Duty Paid.
	Ddp,
	/// Free Alongside Ship (sea and inland waterway only).
	Fas,
	/// Free on Board (sea and inland waterway only).
	Fob,
	/// Cost and Freight (sea and inland waterway only).
	Cfr,
	/// Cost, Insurance and Freight (sea and inland waterway only).
	Cif,
}

impl Incoterm {
	/// Whether the rule is one of the four for sea and inland waterway transport only.
	pub fn is_maritime(&self) -> bool {
		matches!(self, Incoterm::Fas | Incoterm::Fob | Incoterm::Cfr | Incoterm::Cif)
	}
}

/// How goods cross the border (UN/ECE Recommendation 19 codes 1-8).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum TransportMode {
	/// 1: maritime.
	Sea,
	/// 2: rail.
	Rail,
	/// 3: road.
	Road,
	/// 4: air.
	Air,
	/// 5: mail.
	Mail,
	/// 6: multimodal.
	Multimodal,
	/// 7: fixed installations (pipelines, power lines).
	FixedInstallation,
	/// 8: inland waterway.
	InlandWaterway,
}

impl TransportMode {
	/// Whether goods travel by water, as the maritime Incoterms require.
	pub fn is_by_water(&self) -> bool {
		matches!(self, TransportMode::Sea | TransportMode::InlandWaterway)
	}
}

/// Longest unique consignment reference (WCO UCR).
pub const MAX_UCR_LENGTH: u32 = 35;

/// A unique consignment reference (WCO UCR, ISO 15459 characters): 1 to 35 upper-case
/// letters, digits, `-`, `/` and `.`, e.g. `6CN911101058888-20260001`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, MaxEncodedLen, TypeInfo)]
pub struct Ucr(BoundedVec<u8, ConstU32<MAX_UCR_LENGTH>>);

impl Decode for Ucr {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		let bytes = BoundedVec::<u8, ConstU32<MAX_UCR_LENGTH>>::decode(input)?;
		Ucr::parse(&bytes).ok_or_else(|| "malformed unique consignment reference".into())
	}
}

impl DecodeWithMemTracking for Ucr {}

impl Ucr {
	/// Accepts 1 to 35 characters from `A`-`Z`, `0`-`9`, `-`, `/`, `.`.
	pub fn parse(reference: &[u8]) -> Option<Self> {
		let allowed = |byte: &u8| {
			byte.is_ascii_uppercase() || byte.is_ascii_digit() || matches!(byte, b'-' | b'/' | b'.')
		};
		if reference.is_empty() || !reference.iter().all(allowed) {
			return None;
		}
		BoundedVec::try_from(reference.to_vec()).ok().map(Ucr)
	}

	/// The characters.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn the_country_list_is_sorted_and_complete() {
		assert!(ISO_3166_ASSIGNED.windows(2).all(|pair| pair[0] < pair[1]));
		for code in [b"CN", b"HK", b"MO", b"TW", b"US", b"DE", b"ZW", b"AD"] {
			assert!(CountryCode::parse(code).is_some(), "{code:?}");
		}
		assert_eq!(CountryCode::parse(b"CN"), Some(CountryCode::CN));
	}

	#[test]
	fn unassigned_lowercase_and_reserved_country_codes_are_refused() {
		for code in [&b"cn"[..], b"UK", b"EU", b"XK", b"ZZ", b"C", b"CHN", b""] {
			assert_eq!(CountryCode::parse(code), None, "{code:?}");
		}
		assert!(<CountryCode as Decode>::decode(&mut &b"UK"[..]).is_err());
		assert!(<CountryCode as Decode>::decode(&mut &b"GB"[..]).is_ok());
	}

	#[test]
	fn commodity_codes_from_the_subheading_to_the_inspection_suffix() {
		let coffee = CommodityCode::parse(b"0901210000").expect("roasted coffee, 10 digits");
		assert_eq!((coffee.chapter(), coffee.heading(), coffee.subheading()), (9, 901, 90121));
		assert_eq!(coffee.inspection_suffix(), None);
		let with_suffix = CommodityCode::parse(b"8471300000101").expect("laptops with a suffix");
		assert_eq!(with_suffix.tariff_code(), b"8471300000");
		assert_eq!(with_suffix.inspection_suffix(), Some(&b"101"[..]));
		for code in [&b"010121"[..], b"9706900", b"97069000", b"970690000"] {
			assert!(CommodityCode::parse(code).is_some(), "{code:?}");
		}
	}

	#[test]
	fn malformed_commodity_codes_are_refused() {
		for code in [
			&b"09012"[..],     // shorter than a subheading
			b"00012100",       // chapter 00
			b"77012100",       // chapter 77 is reserved
			b"98012100",       // past chapter 97
			b"0901.21",        // punctuation
			b"09012100001",    // 11 digits: a suffix needs all 10 tariff digits
			b"09012100001011", // 14 digits
			b"",
		] {
			assert_eq!(CommodityCode::parse(code), None, "{code:?}");
		}
		let encoded = b"77012100".to_vec().encode();
		assert!(<CommodityCode as Decode>::decode(&mut &encoded[..]).is_err());
		let valid = CommodityCode::parse(b"0901210000").expect("valid").encode();
		assert!(<CommodityCode as Decode>::decode(&mut &valid[..]).is_ok());
	}

	#[test]
	fn consignment_references_use_the_ucr_alphabet() {
		assert!(Ucr::parse(b"6CN911101058888-20260001").is_some());
		assert!(Ucr::parse(&[b'A'; 35]).is_some());
		for reference in [&b""[..], &[b'A'; 36], b"6cn1", b"6CN 1", "6CN·1".as_bytes()] {
			assert_eq!(Ucr::parse(reference), None, "{reference:?}");
		}
		let encoded = b"bad ref".to_vec().encode();
		assert!(<Ucr as Decode>::decode(&mut &encoded[..]).is_err());
	}

	#[test]
	fn maritime_rules_need_water() {
		assert!(Incoterm::Fob.is_maritime() && !Incoterm::Fca.is_maritime());
		assert!(TransportMode::InlandWaterway.is_by_water() && !TransportMode::Air.is_by_water());
	}

	proptest! {
		// Chapters from the HS's own numbering, independent of `parse`: 01-97 less 77.
		#[test]
		fn every_hs_chapter_and_length_is_accepted_and_read_back(
			chapter in (1u8..=97).prop_filter("77 is reserved", |c| *c != 77),
			rest in proptest::collection::vec(0u8..10, 4..=8),
			suffix in proptest::option::of(proptest::collection::vec(0u8..10, 3)),
		) {
			let mut digits = vec![b'0' + chapter / 10, b'0' + chapter % 10];
			digits.extend(rest.iter().map(|d| b'0' + d));
			let code = CommodityCode::parse(&digits).expect("6 to 10 digits");
			prop_assert_eq!(code.chapter(), chapter);
			prop_assert_eq!(u32::from(code.heading()), u32::from(chapter) * 100 + u32::from(rest[0]) * 10 + u32::from(rest[1]));
			if let Some(suffix) = suffix {
				let mut full = digits.clone();
				full.extend(suffix.iter().map(|d| b'0' + d));
				// A suffix after all ten digits; shorter codes plus three digits are just longer codes.
				let valid = digits.len() == 10 || full.len() <= 10;
				prop_assert_eq!(CommodityCode::parse(&full).is_some(), valid);
			}
		}
	}
}
