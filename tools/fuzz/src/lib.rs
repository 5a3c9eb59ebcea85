//! A call-sequence fuzzer for the real govchain runtime.
//!
//! A sequence is a list of steps: a call of one of [`FUZZED_PALLETS`] (any call, arguments
//! drawn from the runtime's type description and from values the chain has shown, see
//! [`generate`]) dispatched with a signed, root, unsigned or council origin, or the end of
//! a block. Blocks run through the runtime's `Executive` (Aura slot, timestamp inherent,
//! every pallet's hooks, session rotation), and after every block the govchain pallets'
//! invariants are checked (`govchain_runtime::govchain_invariants`, what `try_state` runs).
//!
//! A sequence fails on: a panic; an invariant broken after a block; a call whose actual
//! weight is above the weight it declared; a call that failed but changed storage (bad
//! input must write nothing). Sequences are proptest values, so a failure is shrunk to a
//! minimal sequence, which `govchain-fuzz` saves under `regressions/` for the test suite
//! to replay.

pub mod generate;

use codec::{DecodeLimit, Encode};
use generate::{harvest, Generator, Pools, Rng};
use govchain_domain_types::{
	fixtures, CivilDate, CommodityCode, CountryCode, CurrencyCode, DivisionCode, IndustryCode, Lei,
	Role, Ucr, Uscc,
};
use govchain_runtime::{
	genesis_config_presets, AccountId, BlockNumber, Executive, Hash, Header, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, SLOT_DURATION,
};
use pallet_certification::{holder_commitment, Level, Recipient};
use pallet_company_registry::{testing::sample_particulars, CompanyKind, Particulars};
use pallet_customs::testing::sample_import;
use pallet_disclosures::{testing::sample_filing, Period};
use polkadot_sdk::{
	frame_support::{
		dispatch::GetDispatchInfo, instances::Instance1, traits::GetCallMetadata, weights::Weight,
		MAX_EXTRINSIC_DEPTH,
	},
	frame_system, pallet_collective, pallet_timestamp,
	sp_consensus_aura::{Slot, AURA_ENGINE_ID},
	sp_core::H256,
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{
		traits::{Dispatchable, Header as _},
		BuildStorage, Digest, DigestItem, StateVersion, Storage,
	},
};
use proptest::prelude::*;
use scale_info::{meta_type, MetaType, PortableRegistry, Registry};
use std::{collections::BTreeMap, fmt, str::FromStr, sync::OnceLock};

/// The pallets whose calls the fuzzer makes: govchain's own, and the two that wrap them
/// (batches, council motions).
pub const FUZZED_PALLETS: &[&str] = &[
	"Agencies",
	"Governance",
	"CompanyRegistry",
	"Customs",
	"Validators",
	"Disclosures",
	"Certification",
	"Utility",
	"Council",
];

/// The chain's clock at block 0: 2026-01-01T00:00:00Z, in milliseconds.
const GENESIS_TIME: u64 = 1_767_225_600_000;

/// A year in milliseconds: the starting accreditation's length.
const YEAR_MILLIS: u64 = 365 * 24 * 3_600_000;

/// One step of a sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
	/// Dispatch a call drawn from `seed` with the origin `origin` selects: signed by a
	/// current officer (0-89) or a known account (90-179), root (180-209), none (210-219),
	/// a council vote (220-255).
	Call { origin: u8, seed: u64 },
	/// End the block and start the next one, `skip` choosing how far ahead: the next block
	/// (0-191), or 2^(skip-192) blocks later, up to about three years.
	NextBlock { skip: u8 },
}

impl Step {
	/// How many blocks a [`Step::NextBlock`] moves ahead.
	fn blocks(skip: u8) -> BlockNumber {
		skip.checked_sub(192).map_or(1, |power| 1 << power.min(24))
	}
}

impl fmt::Display for Step {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		match self {
			Step::Call { origin, seed } => write!(f, "call {origin} {seed}"),
			Step::NextBlock { skip } => write!(f, "block {skip}"),
		}
	}
}

impl FromStr for Step {
	type Err = String;

	/// Parses a line of a saved sequence: `call ORIGIN SEED` or `block SKIP`.
	fn from_str(line: &str) -> Result<Self, String> {
		let words: Vec<&str> = line.split_whitespace().collect();
		let number = |word: &str| format!("not a number: {word:?} in {line:?}");
		match words.as_slice() {
			["call", origin, seed] => Ok(Step::Call {
				origin: origin.parse().map_err(|_| number(origin))?,
				seed: seed.parse().map_err(|_| number(seed))?,
			}),
			["block", skip] => {
				Ok(Step::NextBlock { skip: skip.parse().map_err(|_| number(skip))? })
			},
			_ => Err(format!("not a step (`call ORIGIN SEED` or `block SKIP`): {line:?}")),
		}
	}
}

/// Parses a saved sequence: one step a line; blank lines and `#` comments are skipped.
pub fn parse_sequence(text: &str) -> Result<Vec<Step>, String> {
	text.lines()
		.map(str::trim)
		.filter(|line| !line.is_empty() && !line.starts_with('#'))
		.map(str::parse)
		.collect()
}

/// A step: mostly calls, one in six the end of a block.
pub fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		5 => (any::<u8>(), any::<u64>()).prop_map(|(origin, seed)| Step::Call { origin, seed }),
		1 => any::<u8>().prop_map(|skip| Step::NextBlock { skip }),
	]
}

/// A sequence of 1 to `max_steps` steps.
pub fn sequence(max_steps: usize) -> impl Strategy<Value = Vec<Step>> {
	proptest::collection::vec(step(), 1..=max_steps.max(1))
}

/// What the fuzzer did with one call (`Pallet.call`).
#[derive(Default, Debug, Clone)]
pub struct CallStats {
	pub attempted: u64,
	pub succeeded: u64,
	/// Failures by error name (`Pallet.Error` or the dispatch error's kind).
	pub errors: BTreeMap<String, u64>,
}

/// What a run did: sequences, steps, blocks, and every call's outcomes.
#[derive(Default, Debug, Clone)]
pub struct Stats {
	pub sequences: u64,
	pub steps: u64,
	pub blocks: u64,
	/// Call steps whose random bytes never decoded to a call (eight tries each).
	pub undecodable: u64,
	pub calls: BTreeMap<String, CallStats>,
}

impl Stats {
	/// How many calls succeeded, in all.
	pub fn successes(&self) -> u64 {
		self.calls.values().map(|call| call.succeeded).sum()
	}

	/// The calls that succeeded at least once.
	pub fn succeeded_calls(&self) -> impl Iterator<Item = &str> {
		self.calls
			.iter()
			.filter(|(_, call)| call.succeeded > 0)
			.map(|(name, _)| name.as_str())
	}
}

/// The runtime's type description, seed values and genesis state, built once a process.
struct Model {
	types: PortableRegistry,
	call: u32,
	event: u32,
	account: u32,
	seeds: Pools,
	genesis: Storage,
}

fn model() -> Result<&'static Model, String> {
	static MODEL: OnceLock<Result<Model, String>> = OnceLock::new();
	MODEL.get_or_init(build_model).as_ref().map_err(Clone::clone)
}

/// Valid domain values that random bytes would almost never hit: codes the pallets check.
fn domain_seeds() -> Vec<(MetaType, Vec<u8>)> {
	let mut seeds = Vec::new();
	let mut add = |meta: MetaType, value: Option<Vec<u8>>| {
		if let Some(value) = value {
			seeds.push((meta, value));
		}
	};
	use fixtures::{agencies as a, companies as c};
	for code in [
		a::MARKET_REGULATOR,
		a::CUSTOMS,
		a::SECURITIES_REGULATOR,
		a::HUMAN_RESOURCES,
		a::HAIDIAN_MARKET_REGULATOR,
		c::CHAOYANG_ENTERPRISE,
		c::HAIDIAN_ENTERPRISE,
		c::MUNICIPAL_ENTERPRISE,
		c::SHANGHAI_ENTERPRISE,
		c::INDIVIDUAL_BUSINESS,
		c::FARMERS_COOPERATIVE,
		c::CODE_CHECK_FAILING,
	] {
		add(meta_type::<Uscc>(), Uscc::parse(code).ok().map(|code| code.encode()));
	}
	// Fresh codes in Chaoyang and Haidian, for registrations.
	for number in 1..=12 {
		for prefix in [b"91110105", b"91110108"] {
			add(meta_type::<Uscc>(), Uscc::numbered(prefix, number).ok().map(|u| u.encode()));
		}
	}
	for code in [&b"0901210000"[..], b"8471300000101", b"0901110000101", b"8703230000"] {
		add(meta_type::<CommodityCode>(), CommodityCode::parse(code).map(|c| c.encode()));
	}
	for code in [b"CN", b"DE", b"BR", b"US", b"JP"] {
		add(meta_type::<CountryCode>(), CountryCode::parse(code).map(|c| c.encode()));
	}
	for code in [b"CNY", b"USD", b"EUR"] {
		add(meta_type::<CurrencyCode>(), CurrencyCode::parse(code).map(|c| c.encode()));
	}
	add(meta_type::<Lei>(), Lei::parse(b"529900T8BM49AURSDO55").map(|lei| lei.encode()));
	for code in [b"110105", b"110108", b"110000", b"820000"] {
		add(meta_type::<DivisionCode>(), DivisionCode::parse(code).map(|d| d.encode()));
	}
	add(meta_type::<IndustryCode>(), IndustryCode::parse(b"I6513").map(|i| i.encode()));
	add(meta_type::<Ucr>(), Ucr::parse(b"6CN911101058888-20260001").map(|u| u.encode()));
	// Valid company particulars: random ones fail the registry's checks, and without
	// registered companies the pallets that serve companies would only ever refuse.
	for kind in [
		CompanyKind::LimitedLiabilityCompany,
		CompanyKind::JointStockCompany,
		CompanyKind::Partnership,
		CompanyKind::IndividualBusiness,
	] {
		let particulars = sample_particulars::<Runtime>(kind);
		add(meta_type::<Particulars<Runtime>>(), Some(particulars.encode()));
	}
	for (year, month, day) in [(2025, 12, 31), (2026, 1, 1), (2026, 6, 30), (2027, 1, 1)] {
		add(meta_type::<CivilDate>(), Some(CivilDate { year, month, day }.encode()));
	}
	seeds
}

fn build_model() -> Result<Model, String> {
	let mut registry = Registry::new();
	let call = registry.register_type(&meta_type::<RuntimeCall>()).id;
	let event = registry.register_type(&meta_type::<RuntimeEvent>()).id;
	let account = registry.register_type(&meta_type::<AccountId>()).id;
	let uscc = registry.register_type(&meta_type::<Uscc>()).id;
	let seeds: Vec<(u32, Vec<u8>)> = domain_seeds()
		.into_iter()
		.map(|(meta, value)| (registry.register_type(&meta).id, value))
		.collect();
	let types: PortableRegistry = registry.into();

	let genesis = genesis_config_presets::preset_genesis(DEV_RUNTIME_PRESET)?.build_storage()?;
	let mut pools = Pools::default();
	let mut rng = Rng::new(0);
	for (type_id, value) in seeds {
		pools.add(type_id, value, &mut rng);
	}
	for key in Sr25519Keyring::iter() {
		pools.add(account, key.to_account_id().encode(), &mut rng);
	}
	// The genesis agencies and their officers, who can make most calls.
	TestExternalities::new(genesis.clone()).execute_with(|| {
		for officer in pallet_agencies::OfficerOf::<Runtime>::iter_keys() {
			pools.add(account, officer.encode(), &mut rng);
		}
		for agency in pallet_agencies::Agencies::<Runtime>::iter_keys() {
			pools.add(uscc, agency.encode(), &mut rng);
		}
	});
	Ok(Model { types, call, event, account, seeds: pools, genesis })
}

/// The agency role whose officers make a pallet's calls, for the pallets that have one.
fn role_served_by(pallet: &str) -> Option<Role> {
	match pallet {
		"CompanyRegistry" => Some(Role::MarketRegulator),
		"Customs" => Some(Role::Customs),
		"Disclosures" => Some(Role::SecuritiesRegulator),
		"Certification" => Some(Role::HumanResources),
		_ => None,
	}
}

fn holds(agency: Uscc, role: Role) -> bool {
	pallet_agencies::Agencies::<Runtime>::get(agency)
		.is_some_and(|agency| agency.roles.contains(&role))
}

/// An officer of an agency holding `role` on the development chain.
fn officer_of(role: Role) -> Result<AccountId, String> {
	pallet_agencies::OfficerOf::<Runtime>::iter()
		.find_map(|(officer, agency)| holds(agency, role).then_some(officer))
		.ok_or_else(|| format!("the development chain has no officer for {role:?}"))
}

/// Dispatches one of the starting records' calls, signed by `signer`; it must succeed.
fn seed(call: RuntimeCall, signer: AccountId) -> Result<(), String> {
	let name = call.get_call_metadata().function_name;
	call.dispatch(RuntimeOrigin::signed(signer))
		.map(|_| ())
		.map_err(|error| format!("setting up ({name}): {:?}", error.error))
}

/// A bounded text of the starting records.
fn text<Bound: polkadot_sdk::frame_support::traits::Get<u32>>(
	value: &str,
) -> Result<polkadot_sdk::frame_support::BoundedVec<u8, Bound>, String> {
	value.as_bytes().to_vec().try_into().map_err(|_| format!("{value}: too long"))
}

/// A chain under fuzzing: the block being built and the values seen so far.
struct Chain<'a> {
	model: &'a Model,
	pools: Pools,
	rng: Rng,
	number: BlockNumber,
	parent: Hash,
	events_seen: usize,
}

impl<'a> Chain<'a> {
	/// The chain at genesis; call within the genesis state's externalities.
	fn new(model: &'a Model) -> Self {
		let parent = frame_system::Pallet::<Runtime>::block_hash(0);
		Chain {
			model,
			pools: model.seeds.clone(),
			rng: Rng::new(1),
			number: 0,
			parent,
			events_seen: 0,
		}
	}

	fn now(number: BlockNumber) -> u64 {
		GENESIS_TIME + u64::from(number) * SLOT_DURATION
	}

	/// Starts block `number` as a node would: Aura's slot in the digest, then the timestamp.
	fn start_block(&mut self, number: BlockNumber) -> Result<(), String> {
		self.number = number;
		self.events_seen = 0;
		let now = Self::now(number);
		let slot = Slot::from(now / SLOT_DURATION);
		let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
		let header =
			Header::new(number, Default::default(), Default::default(), self.parent, digest);
		// A jump stands for a stretch of empty blocks: frame-system accepts only the next
		// number, so the chain is placed just before it, as a long quiet period leaves it.
		frame_system::Pallet::<Runtime>::set_block_number(number.saturating_sub(1));
		Executive::initialize_block(&header);
		RuntimeCall::Timestamp(pallet_timestamp::Call::set { now })
			.dispatch(RuntimeOrigin::none())
			.map_err(|error| format!("block {number}: the timestamp inherent failed: {error:?}"))?;
		Ok(())
	}

	/// Ends the block and checks the invariants.
	fn end_block(&mut self, stats: &mut Stats) -> Result<(), String> {
		self.harvest_events();
		self.parent = Executive::finalize_block().hash();
		stats.blocks += 1;
		govchain_runtime::govchain_invariants()
			.map_err(|broken| format!("after block {}: invariant broken: {broken:?}", self.number))
	}

	/// The records every sequence starts from, so that random calls get past their
	/// preconditions (random set-ups succeed too, but rarely early in a sequence): three
	/// Chaoyang companies the market regulator registers, controlled by Ferdie; for the
	/// first, a declaration awaiting arrival, one lodged on arrival and an annual report;
	/// a certification scheme, the second company accredited under it as a training body
	/// with Ferdie as its operator, and a certificate it issued; the third company
	/// accredited as an auditor.
	fn seed_records(&mut self) -> Result<(), String> {
		let controller = Sr25519Keyring::Ferdie.to_account_id();
		let regulator = officer_of(Role::MarketRegulator)?;
		let ministry = officer_of(Role::HumanResources)?;
		let securities = officer_of(Role::SecuritiesRegulator)?;
		let mut companies = Vec::new();
		for number in 1..=3 {
			let uscc = Uscc::numbered(b"91110105", 9_000 + number)
				.map_err(|error| format!("company code: {error:?}"))?;
			let call = RuntimeCall::CompanyRegistry(pallet_company_registry::Call::register {
				uscc,
				particulars: sample_particulars(CompanyKind::LimitedLiabilityCompany),
				controllers: vec![controller.clone()].try_into().map_err(|_| "one controller")?,
				accepted_check_failures: Default::default(),
				reason: text("fuzzing set-up")?,
			});
			seed(call, regulator.clone())?;
			companies.push(uscc);
		}
		let [importer, trainer, auditor] = companies[..] else {
			return Err("three companies".into());
		};
		for (reference, pre_arrival) in [(&b"FUZZ-PRE-ARRIVAL"[..], true), (b"FUZZ-ARRIVED", false)]
		{
			let call = RuntimeCall::Customs(pallet_customs::Call::lodge {
				ucr: Ucr::parse(reference).ok_or("a valid consignment reference")?,
				declarant: importer,
				broker: None,
				content: sample_import(importer),
				pre_arrival,
			});
			seed(call, controller.clone())?;
		}
		let now = Self::now(self.number);
		let certification = [
			pallet_certification::Call::define_scheme {
				profession: text("区块链应用操作员")?,
				level: Level::Vocational(4),
				validity_days: Some(1_095),
				prerequisite: None,
			},
			pallet_certification::Call::register_body {
				body: trainer,
				operators: vec![controller.clone()].try_into().map_err(|_| "one operator")?,
			},
			pallet_certification::Call::accredit {
				body: trainer,
				scheme: 0,
				valid_from: now,
				valid_until: now.saturating_add(YEAR_MILLIS),
			},
		];
		for call in certification {
			seed(RuntimeCall::Certification(call), ministry.clone())?;
		}
		let recipient = Recipient {
			holder: holder_commitment(&[7; 32], b"110105199001011234"),
			account: None,
			document: H256::repeat_byte(4),
		};
		let issue = pallet_certification::Call::issue { body: trainer, scheme: 0, recipient };
		seed(RuntimeCall::Certification(issue), controller.clone())?;
		let accredit = pallet_disclosures::Call::accredit_auditor { firm: auditor };
		seed(RuntimeCall::Disclosures(accredit), securities)?;
		let file = pallet_disclosures::Call::file {
			company: importer,
			period: Period::FiscalYear(2025),
			content: sample_filing(),
		};
		seed(RuntimeCall::Disclosures(file), controller)?;
		self.harvest_events();
		Ok(())
	}

	/// Adds the values in the block's new events to the pools.
	fn harvest_events(&mut self) {
		let events = frame_system::Pallet::<Runtime>::events();
		for record in events.iter().skip(self.events_seen) {
			let bytes = record.event.encode();
			let types = &self.model.types;
			harvest(types, self.model.event, &bytes, &mut 0, &mut self.pools, &mut self.rng);
		}
		self.events_seen = events.len();
	}

	fn origin(&self, choice: u8, pallet: &str, rng: &mut Rng) -> RuntimeOrigin {
		match choice {
			// Half of the signed calls come from a current officer, mostly of the agency
			// whose role the pallet serves: most calls are theirs.
			0..=89 => {
				let role = role_served_by(pallet).filter(|_| rng.chance(80));
				let officers: Vec<AccountId> = pallet_agencies::OfficerOf::<Runtime>::iter()
					.filter(|(_, agency)| role.is_none_or(|role| holds(*agency, role)))
					.map(|(officer, _)| officer)
					.collect();
				let officer = rng.pick(&officers).cloned();
				RuntimeOrigin::signed(officer.unwrap_or_else(|| Sr25519Keyring::Alice.into()))
			},
			90..=179 => {
				let accounts = self.pools.get(self.model.account);
				let account = rng
					.pick(accounts)
					.and_then(|bytes| codec::Decode::decode(&mut &bytes[..]).ok())
					.unwrap_or_else(|| Sr25519Keyring::Alice.to_account_id());
				RuntimeOrigin::signed(account)
			},
			180..=209 => RuntimeOrigin::root(),
			210..=219 => RuntimeOrigin::none(),
			_ => {
				let seats = pallet_collective::Members::<Runtime, Instance1>::get().len() as u32;
				let ayes = rng.below(seats as usize + 1) as u32;
				pallet_collective::RawOrigin::<AccountId, Instance1>::Members(ayes, seats).into()
			},
		}
	}

	/// A call drawn from `rng`; `None` if eight tries gave no decodable call.
	fn draw_call(&mut self, rng: &mut Rng) -> Option<RuntimeCall> {
		(0..8).find_map(|_| {
			let mut bytes = Vec::new();
			let mut generator = Generator {
				types: &self.model.types,
				pools: &self.pools,
				rng,
				call: self.model.call,
				depth: 0,
			};
			generator.value_of_call(&mut bytes)?;
			RuntimeCall::decode_all_with_depth_limit(MAX_EXTRINSIC_DEPTH, &mut &bytes[..]).ok()
		})
	}

	/// Dispatches one drawn call and checks its weight and, if it failed, that it wrote
	/// nothing.
	fn call(&mut self, origin: u8, seed: u64, stats: &mut Stats) -> Result<(), String> {
		let mut rng = Rng::new(seed);
		let Some(call) = self.draw_call(&mut rng) else {
			stats.undecodable += 1;
			return Ok(());
		};
		let metadata = call.get_call_metadata();
		let origin = self.origin(origin, metadata.pallet_name, &mut rng);
		let name = format!("{}.{}", metadata.pallet_name, metadata.function_name);
		let declared = call.get_dispatch_info().call_weight;
		let root_before = polkadot_sdk::sp_io::storage::root(StateVersion::V1);
		let result = call.dispatch(origin);
		let post = match &result {
			Ok(post) => *post,
			Err(error) => error.post_info,
		};
		let failure = result.as_ref().err().map(|error| <&'static str>::from(error.error));
		let wrote = polkadot_sdk::sp_io::storage::root(StateVersion::V1) != root_before;
		let entry = stats.calls.entry(name.clone()).or_default();
		entry.attempted += 1;
		match failure {
			None => entry.succeeded += 1,
			Some(reason) => *entry.errors.entry(reason.to_string()).or_default() += 1,
		}
		check_dispatch(&name, declared, post.actual_weight, failure, wrote)?;
		if failure.is_none() {
			self.harvest_events();
		}
		Ok(())
	}
}

/// The checks on one dispatch: the weight it reports used is within the weight it
/// declared, and a failed call (`failure` names its error) wrote nothing.
fn check_dispatch(
	name: &str,
	declared: Weight,
	actual: Option<Weight>,
	failure: Option<&str>,
	wrote: bool,
) -> Result<(), String> {
	if let Some(actual) = actual.filter(|actual| !actual.all_lte(declared)) {
		return Err(format!("{name}: actual weight {actual:?} above declared {declared:?}"));
	}
	match failure {
		Some(reason) if wrote => Err(format!("{name} failed ({reason}) but changed storage")),
		_ => Ok(()),
	}
}

/// Runs `steps` on a fresh development chain (the `dev` preset); adds what it did to
/// `stats`. An error describes the first check that failed; panics propagate.
pub fn run_sequence(steps: &[Step], stats: &mut Stats) -> Result<(), String> {
	let model = model()?;
	let mut externalities = TestExternalities::new(model.genesis.clone());
	externalities.execute_with(|| {
		let mut chain = Chain::new(model);
		stats.sequences += 1;
		chain.start_block(1)?;
		chain.seed_records()?;
		for step in steps {
			stats.steps += 1;
			match *step {
				Step::Call { origin, seed } => chain.call(origin, seed, stats)?,
				Step::NextBlock { skip } => {
					chain.end_block(stats)?;
					let next = chain.number.saturating_add(Step::blocks(skip));
					chain.start_block(next)?;
				},
			}
		}
		chain.end_block(stats)
	})
}

#[cfg(test)]
mod tests;
