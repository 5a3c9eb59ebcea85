//! National classification codes carried by registrations: administrative divisions
//! (GB/T 2260) and industries (GB/T 4754-2017).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A six-digit administrative division code (GB/T 2260), e.g. `110105` for Chaoyang
/// District, Beijing: province (2 digits), prefecture (2), county (2).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct DivisionCode(pub [u8; 6]);

/// First two digits of the provincial-level divisions of GB/T 2260.
const PROVINCES: [&[u8; 2]; 34] = [
	b"11", b"12", b"13", b"14", b"15", b"21", b"22", b"23", b"31", b"32", b"33", b"34", b"35",
	b"36", b"37", b"41", b"42", b"43", b"44", b"45", b"46", b"50", b"51", b"52", b"53", b"54",
	b"61", b"62", b"63", b"64", b"65", b"71", b"81", b"82",
];

impl DivisionCode {
	/// Six decimal digits starting with a province's code.
	pub fn is_valid(&self) -> bool {
		self.0.iter().all(u8::is_ascii_digit) && PROVINCES.iter().any(|p| self.0.starts_with(*p))
	}
}

/// An industry class of GB/T 4754-2017: the section letter and the four-digit class, e.g.
/// `I6513` (application software development).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct IndustryCode(pub [u8; 5]);

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
	/// A section letter followed by four digits whose first two are a division of that
	/// section.
	pub fn is_valid(&self) -> bool {
		let [section, digits @ ..] = self.0;
		if !digits.iter().all(u8::is_ascii_digit) {
			return false;
		}
		let division = (digits[0] - b'0') * 10 + (digits[1] - b'0');
		SECTIONS
			.iter()
			.any(|(letter, first, last)| *letter == section && (*first..=*last).contains(&division))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn division_codes_need_six_digits_and_a_province() {
		assert!(DivisionCode(*b"110105").is_valid());
		assert!(DivisionCode(*b"820000").is_valid());
		assert!(!DivisionCode(*b"000000").is_valid());
		assert!(!DivisionCode(*b"190105").is_valid());
		assert!(!DivisionCode(*b"11010A").is_valid());
	}

	#[test]
	fn industry_codes_need_a_section_and_one_of_its_divisions() {
		assert!(IndustryCode(*b"I6513").is_valid());
		assert!(IndustryCode(*b"A0111").is_valid());
		assert!(IndustryCode(*b"T9700").is_valid());
		// Division 65 belongs to section I, not J.
		assert!(!IndustryCode(*b"J6513").is_valid());
		assert!(!IndustryCode(*b"U9900").is_valid());
		assert!(!IndustryCode(*b"i6513").is_valid());
		assert!(!IndustryCode(*b"I65A3").is_valid());
		assert!(!IndustryCode(*b"A0011").is_valid());
	}
}
