//! Runtime-level company-registry tests: the genesis market regulator's officer registers a
//! company, other agencies' officers cannot, and the runtime API is served.

use crate::{tests::externalities, Block, CompanyRegistry, Runtime, RuntimeCall, RuntimeOrigin};
use codec::Encode;
use govchain_domain_types::{AgencyOfficer, CompanyRegistry as _, CompanyStatus, Uscc};
use pallet_company_registry::{
	runtime_api::CompanyRegistryApi, testing::sample_particulars, AnnualReport, AnnualReports,
	Change, CompanyDetails, CompanyKind, HistoryPage, Particulars,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo},
	pallet_timestamp,
	sp_api::RuntimeApiInfo,
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_keyring::Sr25519Keyring::{Eve, Ferdie},
	sp_runtime::{traits::Dispatchable, DispatchError},
};

/// An enterprise in Chaoyang, and the genesis market regulator (shared fixtures).
use govchain_domain_types::fixtures::{
	agencies::MARKET_REGULATOR, companies::CHAOYANG_ENTERPRISE as COMPANY,
};
/// 2026-11-27 00:00 China time.
const NOW: u64 = 1_795_708_800_000;

/// The runtime API's identifier, as clients look it up in the runtime version.
fn api_id() -> [u8; 8] {
	<dyn CompanyRegistryApi<
		Block,
		CompanyDetails<Runtime>,
		HistoryPage<Runtime>,
		AnnualReport<Runtime>,
	> as RuntimeApiInfo>::ID
}

/// The shared sample company's particulars (`pallet_company_registry::testing`).
fn particulars() -> Particulars<Runtime> {
	sample_particulars(CompanyKind::LimitedLiabilityCompany)
}

fn register_call() -> pallet_company_registry::Call<Runtime> {
	pallet_company_registry::Call::register {
		uscc: Uscc::parse(COMPANY).expect("valid"),
		particulars: particulars(),
		controllers: vec![Ferdie.to_account_id()].try_into().expect("one"),
		accepted_check_failures: Default::default(),
		reason: b"Decision 2026-118".to_vec().try_into().expect("short"),
	}
}

#[test]
fn the_runtime_serves_the_company_registry_api() {
	assert!(crate::VERSION.apis.iter().any(|(id, version)| *id == api_id() && *version == 2));
}

/// What the runtime API's functions return (apis.rs calls these pallet functions).
#[test]
fn the_market_regulator_registers_and_everyone_reads_it() {
	externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(NOW);
		let uscc = Uscc::parse(COMPANY).expect("valid");
		// Ferdie is a customs officer: customs cannot register companies.
		assert_noop!(
			RuntimeCall::CompanyRegistry(register_call())
				.dispatch(RuntimeOrigin::signed(Ferdie.to_account_id()))
				.map_err(|error| error.error),
			DispatchError::BadOrigin
		);
		// Eve is the market regulator's officer.
		let call = RuntimeCall::CompanyRegistry(register_call());
		assert!(call.get_dispatch_info().call_weight.ref_time() > 0);
		assert_ok!(call.dispatch(RuntimeOrigin::signed(Eve.to_account_id())));

		let details = CompanyRegistry::company_details(uscc).expect("registered");
		assert_eq!(details.standing.status, CompanyStatus::Active);
		assert!(details.standing.is_in_good_standing());
		assert_eq!(details.history_length, 1);
		assert_eq!(
			details.company.registered_by,
			AgencyOfficer {
				agency: Uscc::parse(MARKET_REGULATOR).expect("valid"),
				officer: Eve.to_account_id(),
			}
		);
		let page = CompanyRegistry::history_page(uscc, 0, 10);
		assert_eq!(page.total, 1);
		assert!(matches!(page.records[0].change, Change::Registered { .. }));
		assert_eq!(AnnualReports::<Runtime>::get(uscc, 2026), None);
		assert!(CompanyRegistry::is_controller(&uscc, &Ferdie.to_account_id()));
		// What polkadot.js receives decodes back to the same record.
		let encoded = Some(details.clone()).encode();
		assert_eq!(
			<Option<CompanyDetails<Runtime>> as codec::Decode>::decode(&mut &encoded[..]),
			Ok(Some(details))
		);
	});
}

#[test]
fn a_controller_pays_the_storage_fee_and_one_who_cannot_stores_nothing() {
	use crate::{configs::registers::StorageFee, AccountId, Balances, UNIT};
	use pallet_company_registry::{Contact, HistoryLength};
	use polkadot_sdk::frame_support::traits::fungible::{Inspect, Mutate};
	externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(NOW);
		let uscc = Uscc::parse(COMPANY).expect("valid");
		// A controller the market regulator has not funded yet.
		let controller = AccountId::new([42; 32]);
		let mut register = register_call();
		if let pallet_company_registry::Call::register { controllers, .. } = &mut register {
			*controllers = vec![controller.clone()].try_into().expect("one");
		}
		assert_ok!(RuntimeCall::CompanyRegistry(register)
			.dispatch(RuntimeOrigin::signed(Eve.to_account_id())));
		let contact = Contact::<Runtime> {
			phone: b"+86 10 6512 3456".to_vec().try_into().expect("short"),
			email: b"office@lianzheng.example.cn".to_vec().try_into().expect("short"),
			website: Default::default(),
			postal_address: "北京市朝阳区建国路1号".as_bytes().to_vec().try_into().expect("short"),
		};
		let update = || {
			RuntimeCall::CompanyRegistry(pallet_company_registry::Call::update_contact {
				uscc,
				contact: contact.clone(),
			})
			.dispatch(RuntimeOrigin::signed(controller.clone()))
			.map_err(|error| error.error)
		};
		assert_noop!(update(), pallet_company_registry::Error::<Runtime>::StorageFeeUnpaid);

		assert_ok!(Balances::mint_into(&controller, UNIT));
		let issuance = Balances::total_issuance();
		assert_ok!(update());
		let entry = CompanyRegistry::history_page(uscc, 1, 1).records[0].encoded_size();
		let fee = StorageFee::fee::<AccountId>(entry as u32);
		assert_eq!(Balances::balance(&controller), UNIT - fee);
		assert_eq!(Balances::total_issuance(), issuance - fee, "the fee is burned");
		assert_eq!(HistoryLength::<Runtime>::get(uscc), 2);
		// A contact update of about a hundred bytes costs a few tenths of a GOV.
		assert!(fee > UNIT / 10 && fee < UNIT / 2, "fee {fee}");
	});
}

/// The registry's version 1 layout as the previous runtime (spec 102) left it: a company
/// listed as abnormal, with its registration and listing in the history, under its legal
/// representative.
fn populate_registry_version_1(uscc: Uscc) {
	use pallet_company_registry::{
		migrations::v2::v1, testing::sample_particulars_v1, HistoryLength, RepresentedCompanies,
	};
	use polkadot_sdk::frame_support::traits::StorageVersion;
	StorageVersion::new(1).put::<CompanyRegistry>();
	let listing = govchain_domain_types::AbnormalListing {
		reason: govchain_domain_types::AbnormalReason::FalseInformation,
		since: NOW,
	};
	let registrar = AgencyOfficer {
		agency: Uscc::parse(MARKET_REGULATOR).expect("valid"),
		officer: Eve.to_account_id(),
	};
	let controllers: polkadot_sdk::frame_support::BoundedVec<_, _> =
		vec![Ferdie.to_account_id()].try_into().expect("one");
	let particulars = sample_particulars_v1::<Runtime>(CompanyKind::LimitedLiabilityCompany);
	RepresentedCompanies::<Runtime>::insert(
		particulars.legal_representative,
		polkadot_sdk::frame_support::BoundedVec::truncate_from(vec![uscc]),
	);
	v1::Companies::<Runtime>::insert(
		uscc,
		v1::Company {
			particulars: particulars.clone(),
			status: CompanyStatus::Active,
			abnormal_listings: vec![listing].try_into().expect("one"),
			serious_violation_since: None,
			accepted_check_failures: Default::default(),
			registered_by: registrar.clone(),
			registered_at: NOW,
			controllers: controllers.clone(),
			contact: Default::default(),
			next_report_year: 2026,
		},
	);
	let entry = |change| v1::ChangeRecord {
		at: NOW,
		block: 1,
		actor: pallet_company_registry::Actor::Officer(registrar.clone()),
		change,
		reason: Default::default(),
	};
	v1::History::<Runtime>::insert(
		uscc,
		0,
		entry(v1::Change::Registered {
			particulars,
			controllers,
			accepted_check_failures: Default::default(),
		}),
	);
	v1::History::<Runtime>::insert(uscc, 1, entry(v1::Change::Listed(listing)));
	HistoryLength::<Runtime>::insert(uscc, 2);
}

/// The chain's path for a storage change: the council authorizes the new code, anyone
/// applies it, and the next block runs the registry's migration before anything else.
#[test]
fn the_registry_migrates_to_version_2_through_the_councils_upgrade_path() {
	use crate::governance_tests::{
		account, council_passes, next_runtime_version_code, stored_code,
	};
	use crate::{Executive, Header, System};
	use pallet_company_registry::{
		migrations::v2, Change as RegistryChange, Companies, CompanyList,
	};
	use polkadot_sdk::{
		frame_support::traits::{GetStorageVersion, StorageVersion},
		frame_system,
		sc_executor::WasmExecutor,
		sp_core::traits::ReadRuntimeVersionExt,
		sp_io::{hashing::blake2_256, SubstrateHostFunctions},
		sp_keyring::Sr25519Keyring::Dave,
		sp_runtime::traits::Header as _,
	};
	let mut ext = externalities(DEV_RUNTIME_PRESET);
	ext.externalities_mut().register_extension(ReadRuntimeVersionExt::new(
		WasmExecutor::<SubstrateHostFunctions>::builder().build(),
	));
	ext.execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(NOW);
		let uscc = Uscc::parse(COMPANY).expect("valid");
		populate_registry_version_1(uscc);
		// The chain last upgraded to the previous runtime.
		frame_system::LastRuntimeUpgrade::<Runtime>::put(
			frame_system::LastRuntimeUpgradeInfo::from(polkadot_sdk::sp_version::RuntimeVersion {
				spec_version: crate::VERSION.spec_version - 1,
				..crate::VERSION
			}),
		);
		let pre_upgrade = v2::pre_upgrade_state::<Runtime>().expect("version 1 records read");

		let next = next_runtime_version_code();
		let authorize = RuntimeCall::Governance(pallet_governance::Call::authorize_upgrade {
			code_hash: blake2_256(&next).into(),
		});
		assert_ok!(council_passes(authorize));
		assert_ok!(System::apply_authorized_upgrade(
			RuntimeOrigin::signed(account(Dave)),
			next.clone()
		));
		assert_eq!(stored_code(), Some(next));
		// Nothing migrates until the next block begins.
		assert_eq!(CompanyRegistry::on_chain_storage_version(), StorageVersion::new(1));

		let parent = System::parent_hash();
		let header = Header::new(
			System::block_number() + 1,
			Default::default(),
			Default::default(),
			parent,
			Default::default(),
		);
		Executive::initialize_block(&header);
		assert_eq!(CompanyRegistry::on_chain_storage_version(), StorageVersion::new(2));
		assert_ok!(v2::check_post_upgrade::<Runtime>(pre_upgrade));
		let company = Companies::<Runtime>::get(uscc).expect("carried over");
		// 60 % and 40 % of 10 million yuan, paid-in capital not recorded in version 1.
		let subscriptions: Vec<(u128, u128)> = company
			.particulars
			.shareholders
			.iter()
			.map(|holding| (holding.subscribed, holding.paid_in))
			.collect();
		assert_eq!(subscriptions, vec![(600_000_000, 0), (400_000_000, 0)]);
		assert_eq!(company.particulars.legal_name, particulars().legal_name);
		assert_eq!(company.status, CompanyStatus::Active);
		assert_eq!(company.abnormal_listings.len(), 1);
		let page = CompanyRegistry::history_page(uscc, 0, 10);
		assert_eq!(page.total, 2);
		assert!(matches!(page.records[1].change, RegistryChange::Listed(_)));
		let details = CompanyRegistry::company_details(uscc).expect("readable");
		assert_eq!(details.standing.abnormal_listings, 1);
		let abnormal = CompanyRegistry::list_page(CompanyList::Abnormal, None, 10);
		assert_eq!(
			abnormal.companies.iter().map(|(code, _)| *code).collect::<Vec<_>>(),
			vec![uscc]
		);
		assert_eq!(
			frame_system::LastRuntimeUpgrade::<Runtime>::get().map(|last| last.spec_version),
			Some(crate::VERSION.spec_version.into())
		);
	});
}
