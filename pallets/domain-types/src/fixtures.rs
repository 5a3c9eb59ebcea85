//! Codes shared by the genesis presets and every crate's tests, so that all of them test
//! against the same values. Their check characters (GB 11714 at position 17, GB 32100 at
//! position 18) were computed by hand from the formulas of the shared domain reference §1,
//! not with this crate's code; `uscc.rs` tests that they parse.

/// Government agencies: authority `1` (establishment office), category `1` (organ).
pub mod agencies {
	/// Beijing Municipal Administration for Market Regulation (division 110000: all of
	/// Beijing).
	pub const MARKET_REGULATOR: &[u8; 18] = b"11110000MB0013426L";
	/// Beijing Customs District.
	pub const CUSTOMS: &[u8; 18] = b"11110000MB0013434F";
	/// Beijing Securities Regulatory Bureau.
	pub const SECURITIES_REGULATOR: &[u8; 18] = b"11110000MB0013442A";
	/// Beijing Human Resources and Social Security Bureau.
	pub const HUMAN_RESOURCES: &[u8; 18] = b"11110000MB00134505";
	/// Haidian District's market regulator (division 110108: Haidian only).
	pub const HAIDIAN_MARKET_REGULATOR: &[u8; 18] = b"11110108MB0013514U";
	/// Beijing Municipal Commerce Bureau: an agency not among the founders.
	pub const COMMERCE_BUREAU: &[u8; 18] = b"11110000MB00135068";
	/// A public institution (authority `1`, category `2`): not a government organ.
	pub const PUBLIC_INSTITUTION: &[u8; 18] = b"12110000MB0013469Y";
}

/// Market entities (authority `9`) and other bodies.
pub mod companies {
	/// An enterprise in Chaoyang district (110105).
	pub const CHAOYANG_ENTERPRISE: &[u8; 18] = b"91110105MA01ABCD5F";
	/// An enterprise in Haidian district (110108).
	pub const HAIDIAN_ENTERPRISE: &[u8; 18] = b"91110108MA00XYW11N";
	/// An enterprise registered at the municipal level (110000).
	pub const MUNICIPAL_ENTERPRISE: &[u8; 18] = b"91110000MA01ABCD52";
	/// A Shanghai enterprise (310000): outside every Beijing regulator's territory.
	pub const SHANGHAI_ENTERPRISE: &[u8; 18] = b"91310000MA05WXYA47";
	/// An individual business (category `2`).
	pub const INDIVIDUAL_BUSINESS: &[u8; 18] = b"92110105MA02GHJK77";
	/// A farmers' cooperative (category `3`).
	pub const FARMERS_COOPERATIVE: &[u8; 18] = b"93110112MA03LMNP5B";
	/// A pilot-era code whose position 18 fails (it should be `R`).
	pub const CODE_CHECK_FAILING: &[u8; 18] = b"91110105MA04QRTU6T";
	/// A pilot-era code whose position 17 fails (it should be `1`).
	pub const ORGANISATION_CHECK_FAILING: &[u8; 18] = b"91110105MA06PJLT7L";
	/// A code failing both check characters.
	pub const BOTH_CHECKS_FAILING: &[u8; 18] = b"91110105MA07QQQQ1D";
	/// A grassroots trade union (authority `8`): may hold shares, is not a market entity.
	pub const TRADE_UNION: &[u8; 18] = b"81110108500000015H";
}
