//! The runtime APIs: what the node, polkadot.js and other clients may ask the runtime.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		genesis_builder_helper::{build_state, get_preset},
		weights::Weight,
	},
	pallet_aura, pallet_grandpa, pallet_transaction_payment,
	pallet_transaction_payment_rpc_runtime_api,
	sp_api::{self, impl_runtime_apis},
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityList as GrandpaAuthorityList,
	sp_core::{crypto::KeyTypeId, OpaqueMetadata},
	sp_genesis_builder,
	sp_inherents::{CheckInherentsResult, InherentData},
	sp_runtime::{
		traits::{Block as BlockT, NumberFor},
		transaction_validity::{TransactionSource, TransactionValidity},
		ApplyExtrinsicResult, ExtrinsicInclusionMode,
	},
	sp_session::OpaqueGeneratedSessionKeys,
	sp_version::RuntimeVersion,
};

use crate::{
	AccountId, Balance, Block, Certification, CompanyRegistry, Customs, Disclosures, Executive,
	InherentDataExt, Nonce, Runtime, RuntimeCall, RuntimeGenesisConfig, SessionKeys, System,
	TransactionPayment, VERSION,
};
use govchain_domain_types::{Ucr, Uscc};
use pallet_company_registry::{
	AnnualReport, AnnualReports, CompanyDetails, CompanyList, CompanyPage, HistoryPage,
	ReportFigures, SupersededReports,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl polkadot_sdk::sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: InherentData,
		) -> CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl polkadot_sdk::sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl polkadot_sdk::sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl polkadot_sdk::sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> polkadot_sdk::sp_consensus_aura::SlotDuration {
			polkadot_sdk::sp_consensus_aura::SlotDuration::from_millis(
				pallet_aura::Pallet::<Runtime>::slot_duration(),
			)
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl polkadot_sdk::sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl polkadot_sdk::sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> GrandpaAuthorityList {
			pallet_grandpa::Pallet::<Runtime>::grandpa_authorities()
		}

		fn current_set_id() -> polkadot_sdk::sp_consensus_grandpa::SetId {
			pallet_grandpa::CurrentSetId::<Runtime>::get()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			equivocation_proof: polkadot_sdk::sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			key_owner_proof: polkadot_sdk::sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			let key_owner_proof = key_owner_proof.decode()?;
			pallet_grandpa::Pallet::<Runtime>::submit_unsigned_equivocation_report(
				equivocation_proof,
				key_owner_proof,
			)
		}

		/// A proof that `authority_id` belonged to the session now running; the node asks
		/// for it when it sees an equivocation.
		fn generate_key_ownership_proof(
			_set_id: polkadot_sdk::sp_consensus_grandpa::SetId,
			authority_id: polkadot_sdk::sp_consensus_grandpa::AuthorityId,
		) -> Option<polkadot_sdk::sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			use codec::Encode;
			use polkadot_sdk::frame_support::traits::KeyOwnerProofSystem;
			crate::Historical::prove((polkadot_sdk::sp_consensus_grandpa::KEY_TYPE, authority_id))
				.map(|proof| proof.encode())
				.map(polkadot_sdk::sp_consensus_grandpa::OpaqueKeyOwnershipProof::new)
		}
	}

	impl polkadot_sdk::frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_company_registry::runtime_api::CompanyRegistryApi<
		Block,
		CompanyDetails<Runtime>,
		HistoryPage<Runtime>,
		AnnualReport<Runtime>,
	> for Runtime {
		fn company(uscc: Uscc) -> Option<CompanyDetails<Runtime>> {
			CompanyRegistry::company_details(uscc)
		}

		fn history(uscc: Uscc, start: u32, count: u32) -> HistoryPage<Runtime> {
			CompanyRegistry::history_page(uscc, start, count)
		}

		fn annual_report(uscc: Uscc, year: u16) -> Option<AnnualReport<Runtime>> {
			AnnualReports::<Runtime>::get(uscc, year)
		}

		fn superseded_report(uscc: Uscc, year: u16, version: u8) -> Option<AnnualReport<Runtime>> {
			SupersededReports::<Runtime>::get((uscc, year, version))
		}

		fn withheld_figures_match(
			uscc: Uscc,
			year: u16,
			figures: ReportFigures,
			salt: [u8; 32],
		) -> Option<bool> {
			CompanyRegistry::withheld_figures_match(uscc, year, &figures, &salt)
		}

		fn companies_on_list(list: CompanyList, start_after: Option<Uscc>, count: u32) -> CompanyPage {
			CompanyRegistry::list_page(list, start_after, count)
		}

		fn companies_owing_report(year: u16, start_after: Option<Uscc>, count: u32) -> CompanyPage {
			CompanyRegistry::owing_report_page(year, start_after, count)
		}
	}

	impl pallet_customs::runtime_api::CustomsApi<
		Block,
		pallet_customs::Declaration<Runtime>,
		pallet_customs::HistoryEntry<Runtime>,
	> for Runtime {
		fn declaration(ucr: Ucr) -> Option<pallet_customs::Declaration<Runtime>> {
			pallet_customs::Declarations::<Runtime>::get(ucr)
		}

		fn history(ucr: Ucr) -> Vec<pallet_customs::HistoryEntry<Runtime>> {
			Customs::history_of(&ucr)
		}

		fn declarations_of(
			declarant: Uscc,
			start_after: Option<Ucr>,
			count: u32,
		) -> (Vec<pallet_customs::Declaration<Runtime>>, Option<Ucr>) {
			Customs::declarations_page(declarant, start_after, count)
		}

		fn clearance_by_lane() -> Vec<(pallet_customs::Lane, pallet_customs::ClearanceStats)> {
			pallet_customs::LaneStatistics::<Runtime>::iter().collect()
		}

		fn clearance_at_office(office: pallet_customs::OfficeCode) -> pallet_customs::ClearanceStats {
			pallet_customs::OfficeStatistics::<Runtime>::get(office)
		}
	}

	impl pallet_disclosures::runtime_api::DisclosuresApi<
		Block,
		pallet_disclosures::FilingView<Runtime>,
		pallet_disclosures::AttestationView<Runtime>,
		pallet_disclosures::Annotation<Runtime>,
		pallet_disclosures::Flag<Runtime>,
		pallet_disclosures::Accreditation<Runtime>,
	> for Runtime {
		fn latest_filing(
			company: Uscc,
			period: pallet_disclosures::Period,
		) -> Option<pallet_disclosures::FilingView<Runtime>> {
			Disclosures::latest_filing(company, period)
		}

		fn filing(
			company: Uscc,
			period: pallet_disclosures::Period,
			version: pallet_disclosures::Version,
		) -> Option<pallet_disclosures::FilingView<Runtime>> {
			Disclosures::filing_view(pallet_disclosures::FilingId { company, period, version })
		}

		fn versions(
			company: Uscc,
			period: pallet_disclosures::Period,
		) -> Vec<pallet_disclosures::FilingView<Runtime>> {
			Disclosures::versions(company, period)
		}

		fn attestations(
			filing: pallet_disclosures::FilingId,
		) -> Vec<pallet_disclosures::AttestationView<Runtime>> {
			Disclosures::attestations_of(filing)
		}

		fn annotations(
			filing: pallet_disclosures::FilingId,
		) -> Vec<pallet_disclosures::Annotation<Runtime>> {
			pallet_disclosures::Annotations::<Runtime>::get((filing.company, filing.period, filing.version))
				.into_inner()
		}

		fn filings_of(
			company: Uscc,
			start_after: Option<pallet_disclosures::Period>,
			count: u32,
		) -> (Vec<pallet_disclosures::FilingView<Runtime>>, Option<pallet_disclosures::Period>) {
			Disclosures::filings_page(company, start_after, count)
		}

		fn flags(company: Uscc, start: u32, count: u32) -> Vec<(u32, pallet_disclosures::Flag<Runtime>)> {
			Disclosures::flags_page(company, start, count)
		}

		fn auditor(firm: Uscc) -> Option<pallet_disclosures::Accreditation<Runtime>> {
			pallet_disclosures::Auditors::<Runtime>::get(firm)
		}
	}

	impl pallet_certification::runtime_api::CertificationApi<
		Block,
		pallet_certification::Verification<Runtime>,
		pallet_certification::Scheme<Runtime>,
		pallet_certification::Accreditation<Runtime>,
		pallet_certification::Renewal<Runtime>,
	> for Runtime {
		fn verify(
			id: pallet_certification::CertificateId,
		) -> Option<pallet_certification::Verification<Runtime>> {
			Certification::verify(id)
		}

		fn verify_holder(
			holder: polkadot_sdk::sp_core::H256,
			scheme: pallet_certification::SchemeId,
		) -> Option<pallet_certification::Verification<Runtime>> {
			Certification::verify_holder(holder, scheme)
		}

		fn scheme(
			scheme: pallet_certification::SchemeId,
		) -> Option<pallet_certification::Scheme<Runtime>> {
			pallet_certification::Schemes::<Runtime>::get(scheme)
		}

		fn accreditation(
			body: Uscc,
			scheme: pallet_certification::SchemeId,
		) -> Option<pallet_certification::Accreditation<Runtime>> {
			pallet_certification::Accreditations::<Runtime>::get(body, scheme)
		}

		fn renewals(
			id: pallet_certification::CertificateId,
		) -> Vec<pallet_certification::Renewal<Runtime>> {
			pallet_certification::Renewals::<Runtime>::get(id).into_inner()
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl polkadot_sdk::frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<polkadot_sdk::frame_benchmarking::BenchmarkList>,
			Vec<polkadot_sdk::frame_support::traits::StorageInfo>,
		) {
			crate::benchmarks::metadata(extra)
		}

		fn dispatch_benchmark(
			config: polkadot_sdk::frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<polkadot_sdk::frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			crate::benchmarks::dispatch(config)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl polkadot_sdk::frame_try_runtime::TryRuntime<Block> for Runtime {
		// This API has no error channel: the try-runtime tool reads a panic as the failed
		// check. It exists only in runtimes built with `try-runtime`, never on a chain.
		fn on_runtime_upgrade(
			checks: polkadot_sdk::frame_try_runtime::UpgradeCheckSelect,
		) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks)
				.unwrap_or_else(|error| panic!("try_runtime_upgrade failed: {error:?}"));
			(weight, crate::configs::system::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: polkadot_sdk::frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.unwrap_or_else(|error| panic!("try_execute_block failed: {error:?}"))
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
