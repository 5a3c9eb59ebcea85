//! A sample company for the tests of this pallet and of the runtime, so that both register
//! the same record (the codes are `govchain_domain_types::fixtures`).

use crate::{
	CompanyKind, Config, ContributionForm, KeyPerson, KeyPersonRole, Particulars, Shareholding,
};
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
/// 1 March 2024 (before the five-year rule): legal representative `0x11…`, capital of 10
/// million yuan subscribed by two shareholders (a person, 6 million, 2 million paid in, the
/// rest due by 31 December 2028; the Haidian enterprise, 4 million paid in as intellectual
/// property), two key personnel.
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
			Shareholding {
				party: person(0x11),
				subscribed: 600_000_000,
				paid_in: 200_000_000,
				form: Some(ContributionForm::Cash),
				subscription_deadline: Some(CivilDate { year: 2028, month: 12, day: 31 }),
			},
			Shareholding {
				party: PartyRef::Entity(
					Uscc::parse(HAIDIAN_ENTERPRISE).expect("valid fixture code"),
				),
				subscribed: 400_000_000,
				paid_in: 400_000_000,
				form: Some(ContributionForm::IntellectualProperty),
				subscription_deadline: None,
			},
		]),
		key_personnel: bounded(vec![
			KeyPerson { role: KeyPersonRole::ExecutiveDirector, party: person(0x11) },
			KeyPerson { role: KeyPersonRole::Supervisor, party: person(0x31) },
		]),
	}
}

/// The sample particulars as storage version 1 recorded them: each shareholder's share of
/// the capital in basis points (60 % and 40 %), for migration tests.
pub fn sample_particulars_v1<T: Config>(
	kind: CompanyKind,
) -> crate::migrations::v2::v1::Particulars<T> {
	use crate::migrations::v2::v1;
	let sample = sample_particulars::<T>(kind);
	let capital = sample.registered_capital.amount;
	let shareholders = sample
		.shareholders
		.iter()
		.map(|holding| v1::Shareholding {
			party: holding.party,
			basis_points: u16::try_from(holding.subscribed * 10_000 / capital)
				.expect("a share of the whole"),
		})
		.collect();
	v1::Particulars {
		legal_name: sample.legal_name,
		english_name: sample.english_name,
		kind: sample.kind,
		registered_capital: sample.registered_capital,
		registered_address: sample.registered_address,
		division: sample.division,
		business_scope: sample.business_scope,
		industry: sample.industry,
		established_on: sample.established_on,
		legal_representative: sample.legal_representative,
		shareholders: bounded(shareholders),
		key_personnel: sample.key_personnel,
	}
}
