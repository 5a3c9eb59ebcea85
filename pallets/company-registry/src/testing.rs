//! A sample company for the tests of this pallet and of the runtime, so that both register
//! the same record (the codes are `govchain_domain_types::fixtures`).

use crate::{CompanyKind, Config, KeyPerson, KeyPersonRole, Particulars, Shareholding};
use govchain_domain_types::{
	fixtures::companies::HAIDIAN_ENTERPRISE, CivilDate, CurrencyCode, DivisionCode, IndustryCode,
	Money, PartyRef, Uscc,
};
use polkadot_sdk::{frame_support::BoundedVec, sp_core::H256};

/// A natural person, by a salted hash made of one repeated byte.
pub fn person(byte: u8) -> PartyRef {
	PartyRef::Person(H256::repeat_byte(byte))
}

fn bounded<Item, Bound: polkadot_sdk::frame_support::traits::Get<u32>>(
	items: Vec<Item>,
) -> BoundedVec<Item, Bound> {
	items
		.try_into()
		.map_err(|_| ())
		.expect("sample list within the runtime's bounds")
}

fn text<Bound: polkadot_sdk::frame_support::traits::Get<u32>>(
	value: &str,
) -> BoundedVec<u8, Bound> {
	bounded(value.as_bytes().to_vec())
}

/// Valid particulars of a Chaoyang company of the given legal form, established on
/// 1 March 2024: legal representative `0x11…`, two shareholders (a person and the Haidian
/// enterprise), two key personnel.
pub fn sample_particulars<T: Config>(kind: CompanyKind) -> Particulars<T> {
	Particulars {
		legal_name: text("北京链政科技有限公司"),
		english_name: Some(text("Beijing Govchain Technology Co., Ltd.")),
		kind,
		// 10 million yuan, in fen.
		registered_capital: Money { currency: CurrencyCode::CNY, amount: 1_000_000_000 },
		registered_address: text("北京市朝阳区建国路1号"),
		division: DivisionCode::parse(b"110105").expect("valid division"),
		business_scope: text("软件开发；区块链技术服务"),
		industry: IndustryCode::parse(b"I6513").expect("valid industry"),
		established_on: CivilDate { year: 2024, month: 3, day: 1 },
		legal_representative: H256::repeat_byte(0x11),
		shareholders: bounded(vec![
			Shareholding { party: person(0x11), basis_points: 6_000 },
			Shareholding {
				party: PartyRef::Entity(
					Uscc::parse(HAIDIAN_ENTERPRISE).expect("valid fixture code"),
				),
				basis_points: 4_000,
			},
		]),
		key_personnel: bounded(vec![
			KeyPerson { role: KeyPersonRole::ExecutiveDirector, party: person(0x11) },
			KeyPerson { role: KeyPersonRole::Supervisor, party: person(0x31) },
		]),
	}
}
