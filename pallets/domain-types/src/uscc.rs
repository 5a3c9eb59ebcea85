//! The Unified Social Credit Code (统一社会信用代码, GB 32100-2015): the 18-character
//! identifier of every legal entity in China, agencies and companies alike.
//!
//! Layout: position 1 registering authority, 2 category, 3-8 administrative division code
//! (GB/T 2260), 9-17 organisation code (GB 11714), 18 check character.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Number of characters in a code.
pub const USCC_LENGTH: usize = 18;

/// The 31 characters a code may use; a character's value is its index. I, O, S, V and Z are
/// left out because they are easily confused with digits.
pub const USCC_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weight of positions 1..=17 in the check sum: 3^(i-1) mod 31.
const CHECK_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Who issued a code (position 1).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RegistrationAuthority {
	/// `1`: establishment office; government organs and public institutions.
	EstablishmentOffice,
	/// `5`: civil affairs; social organisations.
	CivilAffairs,
	/// `9`: market regulator; enterprises, individual businesses, cooperatives.
	MarketRegulator,
	/// `Y`: any other authority.
	Other,
}

/// Why a code was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UsccError {
	/// Not exactly 18 characters.
	WrongLength,
	/// A character outside the alphabet (lower case, I, O, S, V, Z, punctuation) at this
	/// 1-based position.
	InvalidCharacter { position: u8 },
	/// Position 1 names no registering authority.
	UnknownRegistrationAuthority,
	/// Position 2 is not a category of the registering authority.
	UnknownCategory,
	/// Positions 3-8 are not six decimal digits.
	InvalidDivisionCode,
	/// The 18th character does not match the check character computed from the first 17.
	CheckCharacterMismatch,
}

/// A Unified Social Credit Code whose format has been checked.
///
/// [`Uscc::parse`] also verifies the check character; [`Uscc::parse_legacy`] does not, for
/// the codes some early pilot regions issued that are legal but fail the checksum. Callers
/// that accept legacy codes must record that they did.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Uscc([u8; USCC_LENGTH]);

impl Uscc {
	/// Parses a code and checks everything: alphabet, position rules and check character.
	pub fn parse(code: &[u8]) -> Result<Self, UsccError> {
		let uscc = Self::parse_legacy(code)?;
		let expected = check_character(&uscc.0[..USCC_LENGTH - 1])?;
		if uscc.0[USCC_LENGTH - 1] != expected {
			return Err(UsccError::CheckCharacterMismatch);
		}
		Ok(uscc)
	}

	/// Parses a code checking alphabet and position rules but not the check character.
	pub fn parse_legacy(code: &[u8]) -> Result<Self, UsccError> {
		let bytes: [u8; USCC_LENGTH] = code.try_into().map_err(|_| UsccError::WrongLength)?;
		for (index, byte) in bytes.iter().enumerate() {
			if char_value(*byte).is_none() {
				// index < 18, so the position fits in a u8.
				return Err(UsccError::InvalidCharacter { position: index as u8 + 1 });
			}
		}
		let uscc = Uscc(bytes);
		let authority = uscc.registration_authority()?;
		if !category_allowed(authority, bytes[1]) {
			return Err(UsccError::UnknownCategory);
		}
		if !bytes[2..8].iter().all(u8::is_ascii_digit) {
			return Err(UsccError::InvalidDivisionCode);
		}
		Ok(uscc)
	}

	/// Whether the check character matches the first 17 characters.
	pub fn has_valid_check_character(&self) -> bool {
		check_character(&self.0[..USCC_LENGTH - 1]) == Ok(self.0[USCC_LENGTH - 1])
	}

	/// The registering authority (position 1).
	pub fn registration_authority(&self) -> Result<RegistrationAuthority, UsccError> {
		match self.0[0] {
			b'1' => Ok(RegistrationAuthority::EstablishmentOffice),
			b'5' => Ok(RegistrationAuthority::CivilAffairs),
			b'9' => Ok(RegistrationAuthority::MarketRegulator),
			b'Y' => Ok(RegistrationAuthority::Other),
			_ => Err(UsccError::UnknownRegistrationAuthority),
		}
	}

	/// The category character (position 2), read together with the authority.
	pub fn category(&self) -> u8 {
		self.0[1]
	}

	/// The six-digit administrative division code of the registering authority.
	pub fn division_code(&self) -> &[u8] {
		&self.0[2..8]
	}

	/// The code's 18 characters.
	pub fn as_bytes(&self) -> &[u8; USCC_LENGTH] {
		&self.0
	}

	/// A valid code made of an 8-character prefix (authority, category, division), `number`
	/// as the nine-digit organisation code, and the computed check character. Benchmarks and
	/// test networks use it to make as many distinct codes as they need.
	pub fn numbered(prefix: &[u8; 8], number: u32) -> Result<Self, UsccError> {
		let mut code = [b'0'; USCC_LENGTH];
		code[..8].copy_from_slice(prefix);
		let mut rest = number;
		for position in (8..USCC_LENGTH - 1).rev() {
			// `rest % 10` is a single digit.
			code[position] = b'0' + (rest % 10) as u8;
			rest /= 10;
		}
		code[USCC_LENGTH - 1] = check_character(&code[..USCC_LENGTH - 1])?;
		Self::parse(&code)
	}
}

/// Chain specs and JSON clients see a code as its 18 characters.
impl serde::Serialize for Uscc {
	fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		let text = core::str::from_utf8(&self.0)
			.map_err(|_| serde::ser::Error::custom("USCC is not ASCII"))?;
		serializer.serialize_str(text)
	}
}

/// Reading checks the format but not the check character: whoever stores the code decides
/// whether a legacy code is acceptable there.
impl<'de> serde::Deserialize<'de> for Uscc {
	fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		let text = <alloc::string::String as serde::Deserialize>::deserialize(deserializer)?;
		Uscc::parse_legacy(text.as_bytes()).map_err(|error| {
			serde::de::Error::custom(alloc::format!("invalid USCC {text}: {error:?}"))
		})
	}
}

/// A character's value, if it is in the alphabet.
fn char_value(byte: u8) -> Option<u32> {
	USCC_ALPHABET.iter().position(|c| *c == byte).map(|index| index as u32)
}

/// Categories GB 32100 defines under each authority; under `Y` any character is allowed.
fn category_allowed(authority: RegistrationAuthority, category: u8) -> bool {
	match authority {
		RegistrationAuthority::EstablishmentOffice => matches!(category, b'1' | b'2' | b'3' | b'9'),
		RegistrationAuthority::CivilAffairs => matches!(category, b'1' | b'2' | b'3' | b'9'),
		RegistrationAuthority::MarketRegulator => matches!(category, b'1' | b'2' | b'3'),
		RegistrationAuthority::Other => true,
	}
}

/// Computes the check character for the first 17 characters of a code.
pub fn check_character(first_seventeen: &[u8]) -> Result<u8, UsccError> {
	if first_seventeen.len() != USCC_LENGTH - 1 {
		return Err(UsccError::WrongLength);
	}
	let mut sum: u32 = 0;
	for (index, (byte, weight)) in first_seventeen.iter().zip(CHECK_WEIGHTS).enumerate() {
		let value =
			char_value(*byte).ok_or(UsccError::InvalidCharacter { position: index as u8 + 1 })?;
		// At most 17 * 30 * 30 = 15,300: no overflow.
		sum += value * weight;
	}
	let check = (31 - sum % 31) % 31;
	Ok(USCC_ALPHABET[check as usize])
}

#[cfg(test)]
mod tests {
	use super::*;

	// The worked example of the shared domain reference §1, recomputed by hand there:
	// weighted sum 1640, 1640 mod 31 = 28, 31 - 28 = 3.
	const WORKED_EXAMPLE: &[u8] = b"91350100M000100Y43";

	#[test]
	fn numbered_codes_are_valid_and_distinct() {
		let first = Uscc::numbered(b"91110105", 0).expect("valid");
		assert_eq!(first.as_bytes(), b"91110105000000000U");
		let last = Uscc::numbered(b"91110105", 999_999_999).expect("valid");
		assert_eq!(&last.as_bytes()[..17], b"91110105999999999");
		assert!(last.has_valid_check_character());
		assert_ne!(Uscc::numbered(b"11110105", 7), Uscc::numbered(b"11110105", 8));
		assert_eq!(Uscc::numbered(b"94110105", 1), Err(UsccError::UnknownCategory));
	}

	#[test]
	fn worked_example_is_valid() {
		assert_eq!(check_character(&WORKED_EXAMPLE[..17]), Ok(b'3'));
		let uscc = Uscc::parse(WORKED_EXAMPLE).expect("valid");
		assert_eq!(uscc.registration_authority(), Ok(RegistrationAuthority::MarketRegulator));
		assert_eq!(uscc.category(), b'1');
		assert_eq!(uscc.division_code(), b"350100");
	}

	#[test]
	fn codes_computed_here_are_valid() {
		// Check characters computed independently of this code (weights 3^(i-1) mod 31):
		// a Beijing government organ, weighted sum 1127, 31 - 1127 mod 31 = 20 = `L`;
		// a Yunnan social group, weighted sum 962, 31 - 962 mod 31 = 30 = `Y`.
		let organ = Uscc::parse(b"11110000MB0013426L").expect("valid");
		assert_eq!(organ.registration_authority(), Ok(RegistrationAuthority::EstablishmentOffice));
		assert_eq!(organ.division_code(), b"110000");
		let social_group = Uscc::parse(b"5311000050000000XY").expect("valid");
		assert_eq!(social_group.registration_authority(), Ok(RegistrationAuthority::CivilAffairs));
	}

	#[test]
	fn wrong_check_character_is_refused_but_legacy_parse_accepts_it() {
		assert_eq!(
			Uscc::parse(b"91350100M000100Y4Z"),
			Err(UsccError::InvalidCharacter { position: 18 })
		);
		assert_eq!(Uscc::parse(b"91350100M000100Y44"), Err(UsccError::CheckCharacterMismatch));
		let legacy = Uscc::parse_legacy(b"91350100M000100Y44").expect("format is fine");
		assert!(!legacy.has_valid_check_character());
		assert!(Uscc::parse(WORKED_EXAMPLE).expect("valid").has_valid_check_character());
	}

	#[test]
	fn forbidden_letters_are_refused() {
		for letter in [b'I', b'O', b'S', b'V', b'Z'] {
			let mut code = *b"91350100M000100Y43";
			code[10] = letter;
			assert_eq!(
				Uscc::parse_legacy(&code),
				Err(UsccError::InvalidCharacter { position: 11 })
			);
		}
	}

	#[test]
	fn lower_case_is_refused() {
		assert_eq!(
			Uscc::parse(b"91350100m000100Y43"),
			Err(UsccError::InvalidCharacter { position: 9 })
		);
	}

	#[test]
	fn wrong_lengths_are_refused() {
		assert_eq!(Uscc::parse(b""), Err(UsccError::WrongLength));
		assert_eq!(Uscc::parse(&WORKED_EXAMPLE[..17]), Err(UsccError::WrongLength));
		assert_eq!(Uscc::parse(b"91350100M000100Y430"), Err(UsccError::WrongLength));
	}

	#[test]
	fn position_rules_are_enforced() {
		// Authority 2 is not one the reference defines.
		assert_eq!(
			Uscc::parse_legacy(b"21350100M000100Y43"),
			Err(UsccError::UnknownRegistrationAuthority)
		);
		// Market regulator has categories 1-3 only.
		assert_eq!(Uscc::parse_legacy(b"94350100M000100Y43"), Err(UsccError::UnknownCategory));
		// Division code must be digits.
		assert_eq!(Uscc::parse_legacy(b"9135A100M000100Y43"), Err(UsccError::InvalidDivisionCode));
		// Under `Y` any category character is allowed.
		assert!(Uscc::parse_legacy(b"YA350100M000100Y43").is_ok());
	}
}

#[cfg(test)]
mod properties {
	use super::*;
	use proptest::prelude::*;

	fn alphabet_char() -> impl Strategy<Value = u8> {
		proptest::sample::select(USCC_ALPHABET.to_vec())
	}

	/// First two characters that GB 32100 allows together (authority, category).
	fn authority_and_category() -> impl Strategy<Value = (u8, u8)> {
		prop_oneof![
			proptest::sample::select(b"1239".to_vec()).prop_map(|category| (b'1', category)),
			proptest::sample::select(b"1239".to_vec()).prop_map(|category| (b'5', category)),
			proptest::sample::select(b"123".to_vec()).prop_map(|category| (b'9', category)),
			alphabet_char().prop_map(|category| (b'Y', category)),
		]
	}

	/// 17 characters that satisfy the position rules.
	fn well_formed_first_seventeen() -> impl Strategy<Value = Vec<u8>> {
		(
			authority_and_category(),
			proptest::collection::vec(proptest::sample::select(b"0123456789".to_vec()), 6),
			proptest::collection::vec(alphabet_char(), 9),
		)
			.prop_map(|((authority, category), division, organisation)| {
				let mut code = vec![authority, category];
				code.extend(division);
				code.extend(organisation);
				code
			})
	}

	proptest! {
		#[test]
		fn any_seventeen_alphabet_characters_have_exactly_one_check_character(
			first in proptest::collection::vec(alphabet_char(), 17),
			other in any::<u8>(),
		) {
			let check = check_character(&first).expect("alphabet characters");
			prop_assert!(USCC_ALPHABET.contains(&check));
			let mut code = first.clone();
			code.push(check);
			prop_assert!(Uscc(code.clone().try_into().expect("18")).has_valid_check_character());
			prop_assume!(other != check);
			code[17] = other;
			prop_assert!(!Uscc(code.try_into().expect("18")).has_valid_check_character());
		}

		#[test]
		fn well_formed_codes_validate_with_the_computed_check_character_only(
			first in well_formed_first_seventeen(),
			other in any::<u8>(),
		) {
			let check = check_character(&first).expect("alphabet characters");
			let mut code = first.clone();
			code.push(check);
			prop_assert_eq!(Uscc::parse(&code).map(|uscc| *uscc.as_bytes()), Ok(code.clone().try_into().expect("18")));
			prop_assume!(other != check);
			code[17] = other;
			let expected = if USCC_ALPHABET.contains(&other) {
				UsccError::CheckCharacterMismatch
			} else {
				UsccError::InvalidCharacter { position: 18 }
			};
			prop_assert_eq!(Uscc::parse(&code), Err(expected));
		}
	}
}
