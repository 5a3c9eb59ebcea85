//! The Legal Entity Identifier (ISO 17442): how govchain names foreign parties, which have
//! no USCC.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A 20-character LEI: four characters of issuer prefix, `00`, twelve of entity part and two
/// check digits (ISO 7064 MOD 97-10).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Lei(pub [u8; 20]);

impl Lei {
	/// Upper-case letters and digits, `00` at positions 5-6, and the whole code read as a
	/// number (letters `A` = 10 .. `Z` = 35) leaves 1 when divided by 97.
	pub fn is_valid(&self) -> bool {
		if &self.0[4..6] != b"00" {
			return false;
		}
		let mut remainder: u32 = 0;
		for byte in self.0 {
			remainder = match byte {
				b'0'..=b'9' => (remainder * 10 + u32::from(byte - b'0')) % 97,
				b'A'..=b'Z' => (remainder * 100 + u32::from(byte - b'A' + 10)) % 97,
				_ => return false,
			};
		}
		remainder == 1
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn mod_97_check_digits() {
		// The example of the shared domain reference §2.
		assert!(Lei(*b"529900T8BM49AURSDO55").is_valid());
		assert!(!Lei(*b"529900T8BM49AURSDO56").is_valid());
		assert!(!Lei(*b"529900t8BM49AURSDO55").is_valid());
		// Characters 5-6 must be 00.
		assert!(!Lei(*b"529901T8BM49AURSDO55").is_valid());
	}
}
