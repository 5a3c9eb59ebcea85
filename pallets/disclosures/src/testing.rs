//! A sample filing for the tests of this pallet, of the runtime and for the fuzzer's
//! starting records, so that all of them file the same figures.

use crate::{Config, DocumentHash, Fact, FactUnit, FilingContent, HashAlgorithm, KeyFigures};
use govchain_domain_types::{
	testing::{bounded, text},
	CurrencyCode,
};
use polkadot_sdk::sp_core::H256;

/// A small company's year in fen: revenue 10 million yuan, assets 9 million, liabilities
/// 4 million, equity 5 million.
pub fn balanced() -> KeyFigures {
	KeyFigures {
		revenue: Some(1_000_000_000),
		net_profit: Some(50_000_000),
		total_assets: Some(900_000_000),
		total_liabilities: Some(400_000_000),
		equity: Some(500_000_000),
	}
}

/// A SHA-256 document hash made of bytes `byte`.
pub fn document(byte: u8) -> DocumentHash {
	DocumentHash { algorithm: HashAlgorithm::Sha256, digest: H256::repeat_byte(byte) }
}

/// A money fact of `concept`.
pub fn fact<T: Config>(concept: &str, value: i128) -> Fact<T> {
	Fact { concept: text(concept), value, unit: FactUnit::Money }
}

/// A filing in CNY with `figures`, one fact, the document hashed to bytes of `byte`.
pub fn content_with<T: Config>(figures: KeyFigures, byte: u8) -> FilingContent<T> {
	FilingContent {
		currency: CurrencyCode::CNY,
		figures,
		facts: bounded(vec![fact("ifrs-full:CashAndCashEquivalents", 120_000_000)]),
		document: document(byte),
		uri: Some(text("https://disclosure.example.cn/2025/annual.xbrl")),
	}
}

/// The balanced year's filing.
pub fn sample_filing<T: Config>() -> FilingContent<T> {
	content_with(balanced(), 1)
}
