//! A sample declaration for the tests of this pallet, of the runtime and for the fuzzer's
//! starting records, so that all of them lodge the same goods.

use crate::{
	Config, DeclarationContent, Direction, Document, DocumentKind, ForeignParty, LineItem,
	OfficeCode, TradeParty, Unit,
};
use govchain_domain_types::{
	testing::{bounded, text},
	CommodityCode, CountryCode, CurrencyCode, Incoterm, Lei, TransportMode, Uscc,
};
use polkadot_sdk::sp_core::H256;

/// Tianjin customs, a sea port.
pub const TIANJIN: OfficeCode = *b"0200";

/// A country code known to be valid.
pub fn country(code: &[u8; 2]) -> CountryCode {
	CountryCode::parse(code).expect("sample country is valid")
}

/// A commodity code known to be valid.
fn commodity(code: &str) -> CommodityCode {
	CommodityCode::parse(code.as_bytes()).expect("sample commodity code is valid")
}

/// A ton of green coffee from Brazil, worth 50,000.00 USD.
pub fn coffee() -> LineItem {
	LineItem {
		commodity: commodity("0901110000"),
		origin: country(b"BR"),
		quantity: 1_000,
		unit: Unit::Kilogram,
		net_mass_grams: 1_000_000,
		gross_mass_grams: 1_050_000,
		value: 5_000_000,
	}
}

/// The coffee's seller, a German trader with an LEI.
fn hamburg_trader<T: Config>() -> TradeParty<T> {
	TradeParty::Foreign(ForeignParty {
		name: text("Hamburg Kaffee GmbH"),
		country: country(b"DE"),
		lei: Some(Lei::parse(b"529900T8BM49AURSDO55").expect("valid LEI")),
	})
}

/// An import of the coffee by sea into Tianjin, FOB, consigned to `declarant`.
pub fn sample_import<T: Config>(declarant: Uscc) -> DeclarationContent<T> {
	DeclarationContent {
		direction: Direction::Import,
		consignor: hamburg_trader(),
		consignee: TradeParty::Domestic(declarant),
		trading_country: country(b"DE"),
		origin_country: country(b"BR"),
		transport_mode: TransportMode::Sea,
		office: TIANJIN,
		incoterm: Incoterm::Fob,
		currency: CurrencyCode::parse(b"USD").expect("valid"),
		items: bounded(vec![coffee()]),
		documents: bounded(vec![Document {
			kind: DocumentKind::Invoice,
			hash: H256::repeat_byte(1),
		}]),
	}
}
