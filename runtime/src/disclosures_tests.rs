//! Runtime-level disclosures tests with the real agencies and registry pallets: disclosures
//! read the register through its trait, so a company the market regulator lists as abnormal
//! cannot file, while its earlier filings and their attestations stay readable with the
//! listing shown.

use crate::{
	tests::externalities, CompanyRegistry, Disclosures, Runtime, RuntimeCall, RuntimeOrigin,
};
use govchain_domain_types::testing::text;
use govchain_domain_types::{
	fixtures::companies::{CHAOYANG_ENTERPRISE, HAIDIAN_ENTERPRISE},
	AbnormalReason, CompanyStatus, Uscc,
};
use pallet_company_registry::{testing::sample_particulars, CompanyKind};
use pallet_disclosures::{testing::sample_filing, FilingId, Opinion, Period};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	pallet_timestamp,
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_keyring::Sr25519Keyring::{Charlie, Dave, Eve, Ferdie},
	sp_runtime::{traits::Dispatchable, DispatchError},
};

/// 2026-11-27 00:00 China time.
const NOW: u64 = 1_795_708_800_000;
const FY2025: Period = Period::FiscalYear(2025);

/// Dave, the company's controller, files for `period` through a signed call.
fn file(company: Uscc, period: Period) -> Result<(), DispatchError> {
	RuntimeCall::Disclosures(pallet_disclosures::Call::file {
		company,
		period,
		content: sample_filing(),
	})
	.dispatch(RuntimeOrigin::signed(Dave.to_account_id()))
	.map(|_| ())
	.map_err(|error| error.error)
}

/// Eve, the market regulator's officer, registers `code` controlled by `controller`.
fn register(code: Uscc, controller: &polkadot_sdk::sp_keyring::Sr25519Keyring) {
	assert_ok!(CompanyRegistry::register(
		RuntimeOrigin::signed(Eve.to_account_id()),
		code,
		sample_particulars(CompanyKind::LimitedLiabilityCompany),
		vec![controller.to_account_id()].try_into().expect("one"),
		Default::default(),
		text("Decision 2026-140"),
	));
}

#[test]
fn a_company_listed_abnormal_cannot_file_and_its_filings_read_with_the_listing() {
	externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(NOW);
		let company = Uscc::parse(CHAOYANG_ENTERPRISE).expect("valid");
		let audit_firm = Uscc::parse(HAIDIAN_ENTERPRISE).expect("valid");
		register(company, &Dave);
		register(audit_firm, &Ferdie);

		assert_ok!(file(company, FY2025));
		// Only the securities regulator accredits auditors: not the market regulator's Eve.
		assert_noop!(
			Disclosures::accredit_auditor(RuntimeOrigin::signed(Eve.to_account_id()), audit_firm),
			DispatchError::BadOrigin
		);
		assert_ok!(Disclosures::accredit_auditor(
			RuntimeOrigin::signed(Charlie.to_account_id()),
			audit_firm
		));
		let filing = FilingId { company, period: FY2025, version: 1 };
		assert_ok!(Disclosures::attest(
			RuntimeOrigin::signed(Ferdie.to_account_id()),
			audit_firm,
			filing,
			sample_filing::<Runtime>().document,
			Opinion::Unqualified,
		));

		// The market regulator lists the company as abnormal.
		assert_ok!(CompanyRegistry::list_abnormal(
			RuntimeOrigin::signed(Eve.to_account_id()),
			company,
			AbnormalReason::UnreachableAtRegisteredAddress,
			text("Inspection 2026-88"),
		));
		assert_noop!(
			file(company, Period::Quarter { year: 2026, quarter: 3 }),
			pallet_disclosures::Error::<Runtime>::CompanyListedAbnormal
		);
		assert_noop!(
			Disclosures::amend(
				RuntimeOrigin::signed(Dave.to_account_id()),
				company,
				FY2025,
				1,
				sample_filing(),
				text("restated"),
			),
			pallet_disclosures::Error::<Runtime>::CompanyListedAbnormal
		);

		// The earlier filing reads as filed, with the listing and the attestation.
		let view = Disclosures::latest_filing(company, FY2025).expect("kept");
		assert_eq!(view.filing.content, sample_filing());
		let standing = view.company_standing.expect("registered");
		assert_eq!((standing.status, standing.abnormal_listings), (CompanyStatus::Active, 1));
		let attestations = Disclosures::attestations_of(filing);
		assert_eq!(attestations.len(), 1);
		assert_eq!(attestations[0].attestation.auditor, audit_firm);
		assert_eq!(
			attestations[0].auditor_now.as_ref().map(|a| a.status),
			Some(pallet_disclosures::AuditorStatus::Accredited)
		);
		assert_ok!(Disclosures::do_try_state());
	});
}
