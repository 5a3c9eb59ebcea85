//! The Legal Entity Identifier (ISO 17442): how govchain names foreign parties, which have
//! no USCC.

use codec::{Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A 20-character LEI: four characters of issuer prefix, `00`, twelve of entity part and two
/// check digits (ISO 7064 MOD 97-10).
///
/// Always valid: made only by [`Lei::parse`] and by decoding, which refuses what `parse`
/// refuses.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, MaxEncodedLen, TypeInfo)]
pub struct Lei([u8; 20]);

crate::decode_checked!(Lei, 20, Lei::parse, "Legal Entity Identifier");

impl Lei {
	/// The code, if it is 20 upper-case letters and digits with `00` at positions 5-6, and
	/// read as a number (letters `A` = 10 .. `Z` = 35) it leaves 1 when divided by 97.
	pub fn parse(code: &[u8]) -> Option<Self> {
		let code: [u8; 20] = code.try_into().ok()?;
		if &code[4..6] != b"00" {
			return None;
		}
		let mut remainder: u32 = 0;
		for byte in code {
			remainder = match byte {
				b'0'..=b'9' => (remainder * 10 + u32::from(byte - b'0')) % 97,
				b'A'..=b'Z' => (remainder * 100 + u32::from(byte - b'A' + 10)) % 97,
				_ => return None,
			};
		}
		(remainder == 1).then_some(Lei(code))
	}

	/// The code's 20 characters.
	pub fn as_bytes(&self) -> &[u8; 20] {
		&self.0
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Decode;

	#[test]
	fn mod_97_check_digits() {
		assert!(Lei::parse(b"529900T8BM49AURSDO55").is_some());
		for refused in [
			&b"529900T8BM49AURSDO56"[..],
			b"529900t8BM49AURSDO55",
			b"529901T8BM49AURSDO55",
			b"529900T8BM49AURSDO5",
		] {
			assert_eq!(Lei::parse(refused), None, "{refused:?}");
		}
		assert!(Lei::decode(&mut &b"529900T8BM49AURSDO56"[..]).is_err());
		assert!(Lei::decode(&mut &b"529900T8BM49AURSDO55"[..]).is_ok());
	}
}
