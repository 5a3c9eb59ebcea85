//! The Unified Social Credit Code (统一社会信用代码, GB 32100-2015): the 18-character
//! identifier of every legal entity in China, agencies and companies alike.
//!
//! Layout: position 1 registering authority, 2 category, 3-8 administrative division code
//! (GB/T 2260), 9-16 organisation code body and 17 its check character (GB 11714), 18 the
//! code's check character.
//!
//! A [`Uscc`] value is always well formed (alphabet, authority and category, division
//! digits): every way to make one checks that, SCALE decoding included, so a call carrying
//! a malformed code is refused before it is dispatched. The two check characters are not
//! part of the format: codes some early pilot regions issued are legal but fail one of
//! them, so whoever stores a code decides whether a failing check may be overridden
//! ([`Uscc::check_failures`]).

use crate::classification::DivisionCode;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Number of characters in a code.
pub const USCC_LENGTH: usize = 18;

/// The 31 characters a code may use; a character's value is its index. I, O, S, V and Z are
/// left out because they are easily confused with digits.
pub const USCC_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weight of positions 1..=17 in the code's check sum: 3^(i-1) mod 31.
const CHECK_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Weight of the organisation code's body characters (positions 9-16) in its check sum.
const ORGANISATION_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Who issued a code (position 1), with the categories (position 2) GB 32100 gives it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RegistrationAuthority {
	/// `1`: establishment office (机构编制): government organs, public institutions, mass
	/// organisations.
	EstablishmentOffice,
	/// `2`: foreign affairs (外交): resident foreign news agencies.
	ForeignAffairs,
	/// `3`: justice (司法行政): law firms, notaries, legal services, forensic appraisal,
	/// arbitration commissions.
	Justice,
	/// `4`: culture (文化): foreign cultural centres.
	Culture,
	/// `5`: civil affairs (民政): social groups, private non-enterprise units, foundations.
	CivilAffairs,
	/// `6`: tourism (旅游): foreign and Hong Kong, Macao and Taiwan tourism offices.
	Tourism,
	/// `7`: religious affairs (宗教): places of religious activity, religious schools.
	ReligiousAffairs,
	/// `8`: trade unions (工会).
	TradeUnions,
	/// `9`: market regulator (工商): enterprises, individual businesses, cooperatives.
	MarketRegulator,
	/// `A`: military establishment office: military public institutions.
	MilitaryEstablishmentOffice,
	/// `N`: agriculture (农业): rural collective economic organisations.
	Agriculture,
	/// `Y`: any other authority.
	Other,
}

impl RegistrationAuthority {
	/// Every authority of the GB 32100 table.
	pub const ALL: [RegistrationAuthority; 12] = [
		Self::EstablishmentOffice,
		Self::ForeignAffairs,
		Self::Justice,
		Self::Culture,
		Self::CivilAffairs,
		Self::Tourism,
		Self::ReligiousAffairs,
		Self::TradeUnions,
		Self::MarketRegulator,
		Self::MilitaryEstablishmentOffice,
		Self::Agriculture,
		Self::Other,
	];

	/// The authority's character at position 1.
	pub fn code(&self) -> u8 {
		match self {
			Self::EstablishmentOffice => b'1',
			Self::ForeignAffairs => b'2',
			Self::Justice => b'3',
			Self::Culture => b'4',
			Self::CivilAffairs => b'5',
			Self::Tourism => b'6',
			Self::ReligiousAffairs => b'7',
			Self::TradeUnions => b'8',
			Self::MarketRegulator => b'9',
			Self::MilitaryEstablishmentOffice => b'A',
			Self::Agriculture => b'N',
			Self::Other => b'Y',
		}
	}

	/// The authority whose character `code` is.
	pub fn from_code(code: u8) -> Option<Self> {
		Self::ALL.into_iter().find(|authority| authority.code() == code)
	}

	/// The category characters (position 2) the authority may give.
	pub fn categories(&self) -> &'static [u8] {
		match self {
			Self::EstablishmentOffice => b"1239",
			Self::ForeignAffairs => b"19",
			Self::Justice => b"123459",
			Self::Culture => b"19",
			Self::CivilAffairs => b"1239",
			Self::Tourism => b"129",
			Self::ReligiousAffairs => b"129",
			Self::TradeUnions => b"19",
			Self::MarketRegulator => b"123",
			Self::MilitaryEstablishmentOffice => b"19",
			Self::Agriculture => b"1239",
			Self::Other => b"1",
		}
	}
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
	/// Position 17 is not the GB 11714 check character of positions 9-16.
	OrganisationCheckMismatch,
	/// Position 18 is not the check character computed from the first 17.
	CheckCharacterMismatch,
}

/// Which of a code's two check characters fail. A registrar accepting a pilot-era code
/// records exactly these, so a reader sees which check was overridden.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct CheckFailures {
	/// Position 17 is not the organisation code's check character (GB 11714).
	pub organisation_check: bool,
	/// Position 18 is not the code's check character (GB 32100).
	pub code_check: bool,
}

impl CheckFailures {
	/// Both checks pass.
	pub fn none(&self) -> bool {
		!self.organisation_check && !self.code_check
	}
}

/// A well-formed Unified Social Credit Code.
///
/// Made only by [`Uscc::parse`] (every rule, both check characters included),
/// [`Uscc::parse_format`] (every rule but the check characters), [`Uscc::numbered`] and
/// decoding, which applies `parse_format`: a value of this type always has a valid
/// alphabet, authority, category and division.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, MaxEncodedLen, TypeInfo)]
pub struct Uscc([u8; USCC_LENGTH]);

impl Uscc {
	/// Parses a code and checks everything: format and both check characters.
	pub fn parse(code: &[u8]) -> Result<Self, UsccError> {
		let uscc = Self::parse_format(code)?;
		let failures = uscc.check_failures();
		if failures.organisation_check {
			return Err(UsccError::OrganisationCheckMismatch);
		}
		if failures.code_check {
			return Err(UsccError::CheckCharacterMismatch);
		}
		Ok(uscc)
	}

	/// Parses a code checking alphabet and position rules but not the check characters.
	pub fn parse_format(code: &[u8]) -> Result<Self, UsccError> {
		let bytes: [u8; USCC_LENGTH] = code.try_into().map_err(|_| UsccError::WrongLength)?;
		for (index, byte) in bytes.iter().enumerate() {
			if char_value(*byte).is_none() {
				// index < 18, so the position fits in a u8.
				return Err(UsccError::InvalidCharacter { position: index as u8 + 1 });
			}
		}
		let authority = RegistrationAuthority::from_code(bytes[0])
			.ok_or(UsccError::UnknownRegistrationAuthority)?;
		if !authority.categories().contains(&bytes[1]) {
			return Err(UsccError::UnknownCategory);
		}
		if !bytes[2..8].iter().all(u8::is_ascii_digit) {
			return Err(UsccError::InvalidDivisionCode);
		}
		Ok(Uscc(bytes))
	}

	/// Which check characters fail.
	pub fn check_failures(&self) -> CheckFailures {
		CheckFailures {
			organisation_check: organisation_check_character(&self.0[8..16]) != Some(self.0[16]),
			code_check: check_character(&self.0[..USCC_LENGTH - 1]) != Ok(self.0[USCC_LENGTH - 1]),
		}
	}

	/// The registering authority (position 1).
	pub fn registration_authority(&self) -> RegistrationAuthority {
		// Every constructor checked position 1; `Other` is never reached.
		RegistrationAuthority::from_code(self.0[0]).unwrap_or(RegistrationAuthority::Other)
	}

	/// The category character (position 2), read together with the authority.
	pub fn category(&self) -> u8 {
		self.0[1]
	}

	/// The six-digit administrative division code of the registering authority
	/// (positions 3-8): the territory whose authority issued the code.
	pub fn division_code(&self) -> &[u8; 6] {
		// Positions 3-8 are six bytes; the fallback is never reached.
		self.0[2..8].try_into().unwrap_or(&[b'0'; 6])
	}

	/// Whether a regulator with this code has the territory of `other` (positions 3-8)
	/// in its jurisdiction; see [`DivisionCode::covers`].
	pub fn jurisdiction_covers(&self, other: &Uscc) -> bool {
		DivisionCode::covers_digits(self.division_code(), other.division_code())
	}

	/// The code's 18 characters.
	pub fn as_bytes(&self) -> &[u8; USCC_LENGTH] {
		&self.0
	}

	/// A valid code made of an 8-character prefix (authority, category, division), `number`
	/// (below 10^8) as the organisation code body, and both computed check characters.
	/// Benchmarks and test networks use it to make as many distinct codes as they need.
	pub fn numbered(prefix: &[u8; 8], number: u32) -> Result<Self, UsccError> {
		let mut code = [b'0'; USCC_LENGTH];
		code[..8].copy_from_slice(prefix);
		let mut rest = number;
		for position in (8..16).rev() {
			// `rest % 10` is a single digit.
			code[position] = b'0' + (rest % 10) as u8;
			rest /= 10;
		}
		if rest != 0 {
			return Err(UsccError::WrongLength);
		}
		code[16] = organisation_check_character(&code[8..16])
			.ok_or(UsccError::InvalidCharacter { position: 9 })?;
		code[17] = check_character(&code[..17])?;
		Self::parse(&code)
	}
}

// Decoding checks the format (not the check characters), so no malformed code enters a
// call, an event or storage.
crate::decode_checked!(
	Uscc,
	USCC_LENGTH,
	|bytes| Uscc::parse_format(bytes).ok(),
	"Unified Social Credit Code"
);

/// Chain specs and JSON clients see a code as its 18 characters.
impl serde::Serialize for Uscc {
	fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		let text = core::str::from_utf8(&self.0)
			.map_err(|_| serde::ser::Error::custom("USCC is not ASCII"))?;
		serializer.serialize_str(text)
	}
}

/// Reading checks the format but not the check characters: whoever stores the code decides
/// whether a failing check is acceptable there.
impl<'de> serde::Deserialize<'de> for Uscc {
	fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		let text = <alloc::string::String as serde::Deserialize>::deserialize(deserializer)?;
		Uscc::parse_format(text.as_bytes()).map_err(|error| {
			serde::de::Error::custom(alloc::format!("invalid USCC {text}: {error:?}"))
		})
	}
}

/// A character's value, if it is in the alphabet.
fn char_value(byte: u8) -> Option<u32> {
	USCC_ALPHABET.iter().position(|c| *c == byte).map(|index| index as u32)
}

/// Computes the code's check character (position 18) for its first 17 characters.
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

/// Computes the GB 11714 check character (position 17) of an organisation code's eight
/// body characters (positions 9-16): digits count as themselves, letters `A`..`Z` as
/// 10..35; `X` stands for 10 and `0` for 11. `None` if a character is neither.
pub fn organisation_check_character(body: &[u8]) -> Option<u8> {
	if body.len() != ORGANISATION_WEIGHTS.len() {
		return None;
	}
	let mut sum: u32 = 0;
	for (byte, weight) in body.iter().zip(ORGANISATION_WEIGHTS) {
		let value = match byte {
			b'0'..=b'9' => u32::from(byte - b'0'),
			b'A'..=b'Z' => u32::from(byte - b'A') + 10,
			_ => return None,
		};
		// At most 8 * 35 * 10 = 2,800: no overflow.
		sum += value * weight;
	}
	Some(match 11 - sum % 11 {
		10 => b'X',
		11 => b'0',
		digit => b'0' + digit as u8,
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Decode;

	/// The worked examples of the shared domain reference §1: both check characters hold.
	const WORKED_EXAMPLES: [&[u8; 18]; 3] =
		[b"91350100M000100Y43", b"91330100716105852F", b"9144030071526726XG"];

	#[test]
	fn worked_examples_are_valid() {
		for code in WORKED_EXAMPLES {
			let uscc = Uscc::parse(code).expect("valid");
			assert_eq!(uscc.check_failures(), CheckFailures::default());
			assert_eq!(uscc.registration_authority(), RegistrationAuthority::MarketRegulator);
		}
		// Weighted sum 174 (reference): 11 - 174 mod 11 = 2.
		assert_eq!(organisation_check_character(b"71610585"), Some(b'2'));
		// 11 - sum mod 11 = 10 is written `X`.
		assert_eq!(organisation_check_character(b"71526726"), Some(b'X'));
		// Weighted sum 1640 (reference): 31 - 1640 mod 31 = 3.
		assert_eq!(check_character(b"91350100M000100Y4"), Ok(b'3'));
		assert_eq!(Uscc::parse(WORKED_EXAMPLES[0]).expect("valid").division_code(), b"350100");
	}

	#[test]
	fn every_registering_authority_of_the_standard_is_accepted() {
		// Check characters computed by hand from the reference's formulas.
		for (code, authority) in [
			(&b"11110000MB0013426L"[..], RegistrationAuthority::EstablishmentOffice),
			(b"29110000500000007B", RegistrationAuthority::ForeignAffairs),
			(b"31110108310000022R", RegistrationAuthority::Justice),
			(b"81110108500000015H", RegistrationAuthority::TradeUnions),
			(b"A1100000MA000004XA", RegistrationAuthority::MilitaryEstablishmentOffice),
			(b"N2110108M00000035P", RegistrationAuthority::Agriculture),
			(b"Y1110000MA0000058R", RegistrationAuthority::Other),
		] {
			assert_eq!(Uscc::parse(code).map(|uscc| uscc.registration_authority()), Ok(authority));
		}
	}

	#[test]
	fn each_check_character_is_reported_on_its_own() {
		// Position 17 should be `5`; position 18 matches the first 17 as they stand.
		let organisation = Uscc::parse_format(b"91110000MA01ABCD1M").expect("well formed");
		assert_eq!(
			organisation.check_failures(),
			CheckFailures { organisation_check: true, code_check: false }
		);
		assert_eq!(Uscc::parse(b"91110000MA01ABCD1M"), Err(UsccError::OrganisationCheckMismatch));
		let code = Uscc::parse_format(b"91350100M000100Y44").expect("well formed");
		assert_eq!(
			code.check_failures(),
			CheckFailures { organisation_check: false, code_check: true }
		);
		assert_eq!(Uscc::parse(b"91350100M000100Y44"), Err(UsccError::CheckCharacterMismatch));
		// A letter other than `X` can never be an organisation check character.
		let both = Uscc::parse_format(b"91350100M000100YA4").expect("well formed");
		assert_eq!(
			both.check_failures(),
			CheckFailures { organisation_check: true, code_check: true }
		);
	}

	#[test]
	fn the_shared_fixtures_are_what_their_names_say() {
		use crate::fixtures::{agencies, companies};
		for code in [
			agencies::MARKET_REGULATOR,
			agencies::CUSTOMS,
			agencies::SECURITIES_REGULATOR,
			agencies::HUMAN_RESOURCES,
			agencies::HAIDIAN_MARKET_REGULATOR,
			agencies::COMMERCE_BUREAU,
		] {
			let uscc = Uscc::parse(code).expect("valid");
			assert_eq!(
				(uscc.registration_authority(), uscc.category()),
				(RegistrationAuthority::EstablishmentOffice, b'1')
			);
		}
		assert_eq!(Uscc::parse(agencies::PUBLIC_INSTITUTION).map(|uscc| uscc.category()), Ok(b'2'));
		for code in [
			companies::CHAOYANG_ENTERPRISE,
			companies::HAIDIAN_ENTERPRISE,
			companies::MUNICIPAL_ENTERPRISE,
			companies::SHANGHAI_ENTERPRISE,
			companies::INDIVIDUAL_BUSINESS,
			companies::FARMERS_COOPERATIVE,
		] {
			let uscc = Uscc::parse(code).expect("valid");
			assert_eq!(uscc.registration_authority(), RegistrationAuthority::MarketRegulator);
		}
		let failures = |code| Uscc::parse_format(code).expect("well formed").check_failures();
		assert_eq!(
			failures(companies::CODE_CHECK_FAILING),
			CheckFailures { organisation_check: false, code_check: true }
		);
		assert_eq!(
			failures(companies::ORGANISATION_CHECK_FAILING),
			CheckFailures { organisation_check: true, code_check: false }
		);
		assert_eq!(
			failures(companies::BOTH_CHECKS_FAILING),
			CheckFailures { organisation_check: true, code_check: true }
		);
		assert_eq!(
			Uscc::parse(companies::TRADE_UNION).map(|uscc| uscc.registration_authority()),
			Ok(RegistrationAuthority::TradeUnions)
		);
	}

	#[test]
	fn numbered_codes_are_valid_and_distinct() {
		let first = Uscc::numbered(b"91110108", 0).expect("valid");
		assert_eq!(first.as_bytes(), b"911101080000000007");
		let last = Uscc::numbered(b"91110108", 99_999_999).expect("valid");
		assert_eq!(last.check_failures(), CheckFailures::default());
		assert_ne!(Uscc::numbered(b"11110105", 7), Uscc::numbered(b"11110105", 8));
		assert_eq!(Uscc::numbered(b"94110105", 1), Err(UsccError::UnknownCategory));
		assert_eq!(Uscc::numbered(b"91110105", 100_000_000), Err(UsccError::WrongLength));
	}

	#[test]
	fn decoding_refuses_malformed_codes_and_keeps_check_failures() {
		let encoded = *b"91350100M000100Y44";
		let decoded = Uscc::decode(&mut &encoded[..]).expect("well formed");
		assert!(decoded.check_failures().code_check);
		for malformed in [b"91350100m000100Y43", b"94350100M000100Y43", b"9135A100M000100Y43"] {
			assert!(Uscc::decode(&mut &malformed[..]).is_err());
		}
		assert!(Uscc::decode(&mut &encoded[..17]).is_err());
	}

	#[test]
	fn malformed_codes_are_refused_with_the_rule_they_break() {
		for letter in [b'I', b'O', b'S', b'V', b'Z'] {
			let mut code = *b"91350100M000100Y43";
			code[10] = letter;
			assert_eq!(
				Uscc::parse_format(&code),
				Err(UsccError::InvalidCharacter { position: 11 })
			);
		}
		assert_eq!(
			Uscc::parse(b"91350100m000100Y43"),
			Err(UsccError::InvalidCharacter { position: 9 })
		);
		assert_eq!(Uscc::parse(b""), Err(UsccError::WrongLength));
		assert_eq!(Uscc::parse(b"91350100M000100Y4"), Err(UsccError::WrongLength));
		assert_eq!(Uscc::parse(b"91350100M000100Y430"), Err(UsccError::WrongLength));
		assert_eq!(
			Uscc::parse_format(b"B1350100M000100Y43"),
			Err(UsccError::UnknownRegistrationAuthority)
		);
		assert_eq!(Uscc::parse_format(b"94350100M000100Y43"), Err(UsccError::UnknownCategory));
		// `Y` has category `1` only; `2` has `1` and `9` only.
		assert_eq!(Uscc::parse_format(b"Y2350100M000100Y43"), Err(UsccError::UnknownCategory));
		assert_eq!(Uscc::parse_format(b"22350100M000100Y43"), Err(UsccError::UnknownCategory));
		assert_eq!(Uscc::parse_format(b"9135A100M000100Y43"), Err(UsccError::InvalidDivisionCode));
	}

	#[test]
	fn jurisdiction_follows_the_division_hierarchy() {
		let municipal = Uscc::parse(b"11110000MB0013426L").expect("valid");
		let district = Uscc::numbered(b"11110108", 42).expect("valid");
		let company_in_district = Uscc::numbered(b"91110108", 7).expect("valid");
		let company_elsewhere = Uscc::numbered(b"91110105", 7).expect("valid");
		let company_in_shanghai = Uscc::numbered(b"91310000", 7).expect("valid");
		assert!(municipal.jurisdiction_covers(&company_in_district));
		assert!(municipal.jurisdiction_covers(&company_elsewhere));
		assert!(!municipal.jurisdiction_covers(&company_in_shanghai));
		assert!(district.jurisdiction_covers(&company_in_district));
		assert!(!district.jurisdiction_covers(&company_elsewhere));
	}
}

/// Property tests against a second implementation written from the standard's text (the
/// shared domain reference §1), not from this module: the authority table as the standard
/// prints it, position 17 from base-36 digit values, position 18 from weights computed as
/// powers of 3.
#[cfg(test)]
mod properties {
	use super::*;
	use codec::Decode;
	use proptest::prelude::*;

	/// GB 32100-2015's table: authority character and its category characters.
	const STANDARD_TABLE: [(char, &str); 12] = [
		('1', "1239"),
		('2', "19"),
		('3', "123459"),
		('4', "19"),
		('5', "1239"),
		('6', "129"),
		('7', "129"),
		('8', "19"),
		('9', "123"),
		('A', "19"),
		('N', "1239"),
		('Y', "1"),
	];
	const STANDARD_ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	fn standard_position_17(body: &str) -> char {
		let weights = [3, 7, 9, 10, 5, 8, 4, 2];
		let sum: u32 = body
			.chars()
			.zip(weights)
			.map(|(c, weight)| c.to_digit(36).expect("alphanumeric") * weight)
			.sum();
		match 11 - sum % 11 {
			10 => 'X',
			11 => '0',
			digit => char::from_digit(digit, 10).expect("digit"),
		}
	}

	fn standard_position_18(first_seventeen: &str) -> char {
		let mut weight = 1;
		let mut sum = 0;
		for c in first_seventeen.chars() {
			sum += STANDARD_ALPHABET.find(c).expect("in alphabet") as u32 * weight;
			weight = weight * 3 % 31;
		}
		STANDARD_ALPHABET
			.chars()
			.nth(((31 - sum % 31) % 31) as usize)
			.expect("in alphabet")
	}

	fn alphabet_char() -> impl Strategy<Value = char> {
		proptest::sample::select(STANDARD_ALPHABET.chars().collect::<Vec<_>>())
	}

	/// A valid code built from the standard: table pair, division digits, organisation
	/// body from the alphabet, both check characters.
	fn standard_code() -> impl Strategy<Value = String> {
		(
			proptest::sample::select(STANDARD_TABLE.to_vec()).prop_flat_map(
				|(authority, categories)| {
					proptest::sample::select(categories.chars().collect::<Vec<_>>())
						.prop_map(move |category| (authority, category))
				},
			),
			proptest::collection::vec(proptest::char::range('0', '9'), 6),
			proptest::collection::vec(alphabet_char(), 8),
		)
			.prop_map(|((authority, category), division, body)| {
				let body: String = body.into_iter().collect();
				let mut code =
					format!("{authority}{category}{}{body}", String::from_iter(division));
				code.push(standard_position_17(&body));
				let check = standard_position_18(&code);
				code.push(check);
				code
			})
	}

	proptest! {
		#[test]
		fn codes_made_by_the_standard_are_accepted(code in standard_code()) {
			let uscc = Uscc::parse(code.as_bytes());
			prop_assert!(uscc.is_ok(), "{code}: {uscc:?}");
			let uscc = uscc.expect("checked");
			prop_assert_eq!(uscc.registration_authority().code() as char, code.chars().next().expect("18"));
			prop_assert_eq!(Uscc::decode(&mut &uscc.encode()[..]), Ok(uscc));
		}

		#[test]
		fn changing_a_check_character_is_caught_by_its_own_check(
			code in standard_code(),
			replacement in alphabet_char(),
			position in prop_oneof![Just(16usize), Just(17usize)],
		) {
			let mut bytes = code.clone().into_bytes();
			prop_assume!(bytes[position] != replacement as u8);
			bytes[position] = replacement as u8;
			let uscc = Uscc::parse_format(&bytes).expect("still well formed");
			let failures = uscc.check_failures();
			if position == 16 {
				prop_assert!(failures.organisation_check);
				prop_assert_eq!(Uscc::parse(&bytes), Err(UsccError::OrganisationCheckMismatch));
			} else {
				prop_assert_eq!(failures, CheckFailures { organisation_check: false, code_check: true });
				prop_assert_eq!(Uscc::parse(&bytes), Err(UsccError::CheckCharacterMismatch));
			}
		}

		#[test]
		fn changing_one_body_character_is_caught(
			code in standard_code(),
			replacement in proptest::char::range('0', '9'),
			position in 8usize..16,
		) {
			let mut bytes = code.into_bytes();
			prop_assume!(bytes[position] != replacement as u8);
			bytes[position] = replacement as u8;
			// Both checks cover the body; a single change breaks at least the code check.
			prop_assert!(Uscc::parse(&bytes).is_err());
			prop_assert!(!Uscc::parse_format(&bytes).expect("well formed").check_failures().none());
		}

		#[test]
		fn pairs_outside_the_table_are_refused(first in alphabet_char(), second in alphabet_char()) {
			let allowed = STANDARD_TABLE
				.iter()
				.any(|(authority, categories)| *authority == first && categories.contains(second));
			let code = format!("{first}{second}350100M000100Y43");
			let parsed = Uscc::parse_format(code.as_bytes());
			if allowed {
				prop_assert!(parsed.is_ok());
			} else if STANDARD_TABLE.iter().any(|(authority, _)| *authority == first) {
				prop_assert_eq!(parsed, Err(UsccError::UnknownCategory));
			} else {
				prop_assert_eq!(parsed, Err(UsccError::UnknownRegistrationAuthority));
			}
		}
	}
}
