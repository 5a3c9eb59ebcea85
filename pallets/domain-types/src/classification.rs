//! National classification codes carried by registrations: administrative divisions
//! (GB/T 2260) and industries (GB/T 4754-2017).

use codec::{Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A six-digit administrative division code (GB/T 2260), e.g. `110105` for Chaoyang
/// District, Beijing: province (2 digits), prefecture (2), county (2).
///
/// Always valid: made only by [`DivisionCode::parse`] and by decoding, which refuses what
/// `parse` refuses.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, MaxEncodedLen, TypeInfo)]
pub struct DivisionCode([u8; 6]);

crate::decode_checked!(DivisionCode, 6, DivisionCode::parse, "administrative division code");

/// First two digits of the provincial-level divisions of GB/T 2260.
const PROVINCES: [&[u8; 2]; 34] = [
	b"11", b"12", b"13", b"14", b"15", b"21", b"22", b"23", b"31", b"32", b"33", b"34", b"35",
	b"36", b"37", b"41", b"42", b"43", b"44", b"45", b"46", b"50", b"51", b"52", b"53", b"54",
	b"61", b"62", b"63", b"64", b"65", b"71", b"81", b"82",
];

impl DivisionCode {
	/// The code, if it is six decimal digits starting with a province's code.
	pub fn parse(code: &[u8]) -> Option<Self> {
		let code: [u8; 6] = code.try_into().ok()?;
		(code.iter().all(u8::is_ascii_digit) && PROVINCES.iter().any(|p| code.starts_with(*p)))
			.then_some(DivisionCode(code))
	}

	/// The code's six digits.
	pub fn as_bytes(&self) -> &[u8; 6] {
		&self.0
	}

	/// Whether this division contains `other`; see [`DivisionCode::covers_digits`].
	pub fn covers(&self, other: &DivisionCode) -> bool {
		Self::covers_digits(&self.0, &other.0)
	}

	/// Whether the division with digits `outer` contains the one with digits `inner`, as a
	/// regulator's territory contains the entities it registers: `100000` (the central
	/// level) contains every division, a province `xx0000` every `xx....`, a prefecture
	/// `xxyy00` every `xxyy..`, and a county only itself.
	pub fn covers_digits(outer: &[u8; 6], inner: &[u8; 6]) -> bool {
		match outer {
			b"100000" => true,
			[_, _, b'0', b'0', b'0', b'0'] => outer[..2] == inner[..2],
			[_, _, _, _, b'0', b'0'] => outer[..4] == inner[..4],
			_ => outer == inner,
		}
	}
}

/// An industry class of GB/T 4754-2017: the section letter and the four-digit class, e.g.
/// `I6513` (application software development).
///
/// Always valid: made only by [`IndustryCode::parse`] and by decoding, which refuses what
/// `parse` refuses.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, MaxEncodedLen, TypeInfo)]
pub struct IndustryCode([u8; 5]);

crate::decode_checked!(IndustryCode, 5, IndustryCode::parse, "industry code");

/// Each section of GB/T 4754-2017 with the first and last of its two-digit divisions.
const SECTIONS: [(u8, u8, u8); 20] = [
	(b'A', 1, 5),
	(b'B', 6, 12),
	(b'C', 13, 43),
	(b'D', 44, 46),
	(b'E', 47, 50),
	(b'F', 51, 52),
	(b'G', 53, 60),
	(b'H', 61, 62),
	(b'I', 63, 65),
	(b'J', 66, 69),
	(b'K', 70, 70),
	(b'L', 71, 72),
	(b'M', 73, 75),
	(b'N', 76, 79),
	(b'O', 80, 82),
	(b'P', 83, 83),
	(b'Q', 84, 85),
	(b'R', 86, 90),
	(b'S', 91, 96),
	(b'T', 97, 97),
];

impl IndustryCode {
	/// The code, if it is a section letter followed by four digits whose first two are a
	/// division of that section.
	pub fn parse(code: &[u8]) -> Option<Self> {
		let code: [u8; 5] = code.try_into().ok()?;
		let [section, digits @ ..] = code;
		if !digits.iter().all(u8::is_ascii_digit) {
			return None;
		}
		let division = (digits[0] - b'0') * 10 + (digits[1] - b'0');
		SECTIONS
			.iter()
			.any(|(letter, first, last)| *letter == section && (*first..=*last).contains(&division))
			.then_some(IndustryCode(code))
	}

	/// The code's five characters.
	pub fn as_bytes(&self) -> &[u8; 5] {
		&self.0
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Decode;

	#[test]
	fn division_codes_need_six_digits_and_a_province() {
		assert!(DivisionCode::parse(b"110105").is_some());
		assert!(DivisionCode::parse(b"820000").is_some());
		for refused in [&b"000000"[..], b"190105", b"11010A", b"11010", b"1101050"] {
			assert_eq!(DivisionCode::parse(refused), None, "{refused:?}");
		}
		assert!(DivisionCode::decode(&mut &b"190105"[..]).is_err());
		assert_eq!(
			DivisionCode::decode(&mut &b"110105"[..]).map(|code| *code.as_bytes()),
			Ok(*b"110105")
		);
	}

	#[test]
	fn divisions_contain_their_subdivisions_only() {
		let division = |code: &[u8; 6]| DivisionCode::parse(code).expect("valid");
		let beijing = division(b"110000");
		let haidian = division(b"110108");
		let hangzhou = division(b"330100");
		assert!(beijing.covers(&haidian) && beijing.covers(&beijing));
		assert!(!haidian.covers(&beijing) && !haidian.covers(&division(b"110105")));
		assert!(hangzhou.covers(&division(b"330106")) && !hangzhou.covers(&division(b"330200")));
		assert!(!beijing.covers(&hangzhou));
		assert!(DivisionCode::covers_digits(b"100000", b"330106"));
	}

	#[test]
	fn industry_codes_need_a_section_and_one_of_its_divisions() {
		for accepted in [b"I6513", b"A0111", b"T9700"] {
			assert!(IndustryCode::parse(accepted).is_some());
		}
		for refused in [&b"J6513"[..], b"U9900", b"i6513", b"I65A3", b"A0011", b"I651"] {
			assert_eq!(IndustryCode::parse(refused), None, "{refused:?}");
		}
		assert!(IndustryCode::decode(&mut &b"J6513"[..]).is_err());
	}
}
