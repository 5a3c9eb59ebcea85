//! The transactions a run sends: who signs them and what they call.

use crate::chain::Chain;
use anyhow::{anyhow, ensure, Context, Result};
use clap::ValueEnum;
use codec::{Compact, Encode};
use govchain_domain_types::{calendar::date_in_cst, CheckFailures, Ucr, Uscc};
use govchain_runtime::{AccountId, Runtime, RuntimeCall};
use pallet_certification::{Call as CertificationCall, Recipient, SchemeId};
use pallet_company_registry::{
	testing::sample_particulars, Amendment, Call as RegistryCall, CompanyKind,
	Config as RegistryConfig,
};
use pallet_customs::{testing::sample_import, Call as CustomsCall};
use pallet_disclosures::{
	testing::{balanced, content_with},
	Call as DisclosuresCall, Period,
};
use polkadot_sdk::{
	frame_support::{traits::Get, BoundedVec},
	sp_core::{sr25519, Pair, H256},
	sp_crypto_hashing::blake2_256,
};

/// What the load is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Workload {
	/// `Balances.transfer_keep_alive` to another load account: the baseline every Substrate
	/// chain is measured by (any chain with balances).
	Transfer,
	/// `System.remark` of `--remark-bytes` bytes (any chain).
	Remark,
	/// `CompanyRegistry.register` of a new Chaoyang company by a market-regulator officer
	/// (govchain; the officers are the first load accounts, see `spec --officers`).
	Register,
	/// `CompanyRegistry.amend` of a prepared company's business scope by an officer
	/// (govchain, a spec from `prepare`).
	Amend,
	/// `Customs.lodge`: each other load account's company declares an import of coffee
	/// (govchain, a spec from `prepare`).
	Lodge,
	/// `Disclosures.file`: each other load account's company files a material event
	/// (govchain, a spec from `prepare`).
	File,
	/// `Certification.issue` of one certificate by an operator of a prepared body
	/// (govchain, a spec from `prepare`).
	Issue,
	/// `Certification.issue_batch` of a class of `CLASS_SIZE` certificates (govchain, a
	/// spec from `prepare`).
	IssueBatch,
	/// Officers register companies while the other accounts alternate transfers and remarks.
	Mix,
	/// The domain calls together, as a working day brings them: officers alternate
	/// registrations and amendments; the companies' accounts lodge declarations (half their
	/// transactions), file disclosures (a quarter) and, as operators of certification bodies,
	/// issue certificates (a quarter). Govchain, a spec from `prepare`.
	Domain,
}

impl Workload {
	/// The name the command line and the reports use (`issue-batch`).
	pub fn name(self) -> String {
		self.to_possible_value()
			.map(|value| value.get_name().to_string())
			.unwrap_or_default()
	}

	/// Whether the workload needs the companies, scheme and bodies `prepare` sets up.
	pub fn needs_prepared_state(self) -> bool {
		matches!(
			self,
			Workload::Amend
				| Workload::Lodge
				| Workload::File
				| Workload::Issue
				| Workload::IssueBatch
				| Workload::Domain
		)
	}

	/// Which load accounts sign: officers alone register and amend; the domain calls
	/// of companies and bodies come from the other accounts.
	pub fn signers(self, population: Population) -> Result<Vec<u32>> {
		let signers = match self {
			Workload::Register | Workload::Amend => 0..population.officers,
			Workload::Lodge | Workload::File | Workload::Issue | Workload::IssueBatch => {
				population.officers..population.accounts
			},
			Workload::Transfer | Workload::Remark | Workload::Mix | Workload::Domain => {
				0..population.accounts
			},
		};
		ensure!(
			!signers.is_empty(),
			"the {self:?} workload has no signer among {} load accounts of which {} are officers",
			population.accounts,
			population.officers
		);
		Ok(signers.collect())
	}

	/// The kinds of transaction the workload sends.
	fn kinds(self) -> &'static [Kind] {
		match self {
			Workload::Transfer => &[Kind::Transfer],
			Workload::Remark => &[Kind::Remark],
			Workload::Register => &[Kind::Register],
			Workload::Amend => &[Kind::Amend],
			Workload::Lodge => &[Kind::Lodge],
			Workload::File => &[Kind::File],
			Workload::Issue => &[Kind::Issue],
			Workload::IssueBatch => &[Kind::IssueBatch],
			Workload::Mix => &[Kind::Register, Kind::Transfer, Kind::Remark],
			Workload::Domain => {
				&[Kind::Register, Kind::Amend, Kind::Lodge, Kind::File, Kind::Issue]
			},
		}
	}
}

/// The kind of one transaction, for the per-kind figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
	Transfer,
	Remark,
	Register,
	Amend,
	Lodge,
	File,
	Issue,
	IssueBatch,
}

impl Kind {
	pub fn name(self) -> &'static str {
		match self {
			Kind::Transfer => "transfer_keep_alive",
			Kind::Remark => "remark",
			Kind::Register => "register",
			Kind::Amend => "amend",
			Kind::Lodge => "lodge",
			Kind::File => "file",
			Kind::Issue => "issue",
			Kind::IssueBatch => "issue_batch",
		}
	}

	/// The pallet and call, as the node's metadata names them.
	fn call_name(self) -> (&'static str, &'static str) {
		match self {
			Kind::Transfer => ("Balances", "transfer_keep_alive"),
			Kind::Remark => ("System", "remark"),
			Kind::Register => ("CompanyRegistry", "register"),
			Kind::Amend => ("CompanyRegistry", "amend"),
			Kind::Lodge => ("Customs", "lodge"),
			Kind::File => ("Disclosures", "file"),
			Kind::Issue => ("Certification", "issue"),
			Kind::IssueBatch => ("Certification", "issue_batch"),
		}
	}
}

/// How many load accounts a chain spec endows and how many of the first are officers of
/// the market regulator (`spec`).
#[derive(Debug, Clone, Copy)]
pub struct Population {
	pub accounts: u32,
	pub officers: u32,
}

/// The development seed's `//loadgen//<index>` account: the load accounts every
/// benchmark chain spec endows (`spec`), so a run needs no set-up transactions.
pub fn load_account(index: u32) -> sr25519::Pair {
	sr25519::Pair::from_string(&format!("//loadgen//{index}"), None)
		.unwrap_or_else(|_| unreachable!("a derivation path of the development seed is valid"))
}

/// The first organisation number of the companies `prepare` registers, one per load
/// account that is not an officer: above every number a run's registrations use.
const PREPARED_FIRST_NUMBER: u32 = 99_000_000;

/// The code prefix of the certification bodies `prepare` registers: a public institution
/// (registration authority 1, category 2) of Beijing, as most vocational training
/// centres are.
const BODY_PREFIX: &[u8; 8] = b"12110000";

/// Operators per prepared body: the runtime's `MaxOperators`.
pub const OPERATORS_PER_BODY: u32 = 8;

/// The scheme `prepare` defines, the first of the chain.
pub const LOAD_SCHEME: SchemeId = 0;

/// Certificates in one `issue_batch`: a training class.
pub const CLASS_SIZE: u32 = 50;

const MILLIS_PER_DAY: u64 = 86_400_000;

/// The company `prepare` registers for load account `account`, which controls it.
pub fn prepared_company(account: u32) -> Result<Uscc> {
	let number = PREPARED_FIRST_NUMBER.checked_add(account).filter(|n| *n < 100_000_000);
	let number = number.context("more load accounts than prepared company numbers")?;
	Uscc::numbered(COMPANY_PREFIX, number).map_err(|error| anyhow!("company code: {error:?}"))
}

/// The certification body load account `account` operates (with up to seven others).
pub fn prepared_body(population: Population, account: u32) -> Result<Uscc> {
	let index = account
		.checked_sub(population.officers)
		.context("officers operate no certification body")?;
	Uscc::numbered(BODY_PREFIX, index / OPERATORS_PER_BODY)
		.map_err(|error| anyhow!("body code: {error:?}"))
}

/// Builds the calls of a run.
pub struct CallMaker {
	workload: Workload,
	population: Population,
	transfer: [u8; 2],
	remark: [u8; 2],
	remark_bytes: usize,
	/// First organisation number of this run's company codes.
	first_number: u32,
	/// When the calls are made (Unix milliseconds): filings report events of the days
	/// before it.
	now: u64,
}

/// The code prefix of the companies a run registers: enterprise (9), company (1),
/// Chaoyang district (110105).
const COMPANY_PREFIX: &[u8; 8] = b"91110105";

impl CallMaker {
	pub fn new(
		chain: &Chain,
		workload: Workload,
		population: Population,
		remark_bytes: usize,
		run_seed: u32,
	) -> Result<Self> {
		ensure!(
			population.officers <= population.accounts,
			"--officers ({}) cannot exceed --accounts ({})",
			population.officers,
			population.accounts
		);
		let now = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.context("the clock is before 1970")?
			.as_millis() as u64;
		let maker = Self {
			workload,
			population,
			transfer: chain.call_index("Balances", "transfer_keep_alive")?,
			remark: chain.call_index("System", "remark")?,
			remark_bytes,
			// Eight digits of organisation number: each run starts at its own million.
			first_number: (run_seed % 99) * 1_000_000,
			now,
		};
		// The govchain calls are encoded with this tool's runtime: its indices must be the
		// node's.
		for &kind in workload.kinds() {
			if matches!(kind, Kind::Transfer | Kind::Remark) {
				continue;
			}
			ensure!(
				chain.spec_name == "govchain",
				"the {workload:?} workload needs a govchain node (this one runs {})",
				chain.spec_name
			);
			let (pallet, call) = kind.call_name();
			let index = chain.call_index(pallet, call)?;
			let signer = match kind {
				Kind::Register | Kind::Amend => 0,
				_ => population.officers,
			};
			let sample =
				maker.call(kind, signer, 0, &sr25519::Public::from_raw([0; 32]), &mut 0)?;
			ensure!(
				sample[..2] == index,
				"this tool was built for another govchain runtime: {pallet}.{call} is {:?} on the \
				 node, {:?} here",
				index,
				&sample[..2]
			);
		}
		Ok(maker)
	}

	/// What load account `account` sends with `nonce` (see `Workload`); `recipient`
	/// receives transfers, `serial` counts the registrations made.
	pub fn call_for(
		&self,
		account: u32,
		nonce: u32,
		recipient: &sr25519::Public,
		serial: &mut u32,
	) -> Result<(Kind, Vec<u8>)> {
		let officer = account < self.population.officers;
		let kind = match self.workload {
			Workload::Transfer => Kind::Transfer,
			Workload::Remark => Kind::Remark,
			Workload::Register => Kind::Register,
			Workload::Amend => Kind::Amend,
			Workload::Lodge => Kind::Lodge,
			Workload::File => Kind::File,
			Workload::Issue => Kind::Issue,
			Workload::IssueBatch => Kind::IssueBatch,
			Workload::Mix if officer => Kind::Register,
			Workload::Mix if nonce % 2 == 0 => Kind::Transfer,
			Workload::Mix => Kind::Remark,
			// By account and nonce, so that every kind is sent from the first transaction
			// on, whatever the accounts sent before.
			Workload::Domain if officer && account.wrapping_add(nonce) % 2 == 0 => Kind::Register,
			Workload::Domain if officer => Kind::Amend,
			Workload::Domain => match account.wrapping_add(nonce) % 4 {
				0 | 1 => Kind::Lodge,
				2 => Kind::File,
				_ => Kind::Issue,
			},
		};
		Ok((kind, self.call(kind, account, nonce, recipient, serial)?))
	}

	fn call(
		&self,
		kind: Kind,
		account: u32,
		nonce: u32,
		recipient: &sr25519::Public,
		serial: &mut u32,
	) -> Result<Vec<u8>> {
		let call = match kind {
			Kind::Transfer => return Ok(self.transfer(recipient)),
			Kind::Remark => return Ok(self.remark(account, nonce)),
			Kind::Register => {
				*serial = serial.checked_add(1).context("too many registrations")?;
				self.register(*serial)?
			},
			Kind::Amend => self.amend(account, nonce)?,
			Kind::Lodge => Self::lodge(account, nonce)?,
			Kind::File => self.file(account, nonce)?,
			Kind::Issue => self.issue(account, nonce, 1)?,
			Kind::IssueBatch => self.issue(account, nonce, CLASS_SIZE)?,
		};
		Ok(call.encode())
	}

	/// A keep-alive transfer of 1 unit of the smallest denomination to `to`.
	fn transfer(&self, to: &sr25519::Public) -> Vec<u8> {
		let mut call = self.transfer.to_vec();
		call.push(0x00); // MultiAddress::Id
		call.extend_from_slice(&to.0);
		Compact(1u128).encode_to(&mut call);
		call
	}

	/// A remark whose bytes differ for every `(account, nonce)`.
	fn remark(&self, account: u32, nonce: u32) -> Vec<u8> {
		let mut call = self.remark.to_vec();
		let mut bytes = Vec::with_capacity(self.remark_bytes);
		let seed = blake2_256(&(account, nonce).encode());
		while bytes.len() < self.remark_bytes {
			bytes.extend_from_slice(&seed[..(self.remark_bytes - bytes.len()).min(32)]);
		}
		Compact(bytes.len() as u32).encode_to(&mut call);
		call.extend_from_slice(&bytes);
		call
	}

	/// Registration of company number `serial` of this run.
	fn register(&self, serial: u32) -> Result<RuntimeCall> {
		let number = self.first_number.checked_add(serial).filter(|n| *n < PREPARED_FIRST_NUMBER);
		let number =
			number.context("more companies than eight digits of organisation number hold")?;
		let uscc = Uscc::numbered(COMPANY_PREFIX, number)
			.map_err(|error| anyhow!("company code: {error:?}"))?;
		Ok(RuntimeCall::CompanyRegistry(registration(uscc, serial, Default::default())))
	}

	/// A new business scope for one of the prepared companies, which the officers take in
	/// turn.
	fn amend(&self, account: u32, nonce: u32) -> Result<RuntimeCall> {
		let companies = self.population.accounts - self.population.officers;
		ensure!(companies > 0, "no prepared company to amend: every load account is an officer");
		let turn = u64::from(nonce) * u64::from(self.population.officers) + u64::from(account);
		let owner = self.population.officers + (turn % u64::from(companies)) as u32;
		let scope = format!("软件开发；区块链技术服务；数据处理服务（{account}-{nonce}）");
		Ok(RuntimeCall::CompanyRegistry(RegistryCall::amend {
			uscc: prepared_company(owner)?,
			amendment: Amendment::BusinessScope(bounded_text(&scope)?),
			reason: bounded_text("loadgen")?,
		}))
	}

	/// An import of coffee declared by `account`'s company under a reference of its own.
	fn lodge(account: u32, nonce: u32) -> Result<RuntimeCall> {
		let declarant = prepared_company(account)?;
		let mut content = sample_import::<Runtime>(declarant);
		for document in content.documents.iter_mut() {
			document.hash = H256(blake2_256(&(b"invoice", account, nonce).encode()));
		}
		let ucr = Ucr::parse(format!("LG{account}N{nonce}").as_bytes())
			.context("a load reference is a valid UCR")?;
		Ok(RuntimeCall::Customs(CustomsCall::lodge {
			ucr,
			declarant,
			broker: None,
			content,
			pre_arrival: false,
		}))
	}

	/// A material event of `account`'s company: nonces tell the events apart (256 a day,
	/// on the days before the run).
	fn file(&self, account: u32, nonce: u32) -> Result<RuntimeCall> {
		let days_back = u64::from(nonce / 256);
		let day = self
			.now
			.checked_sub(days_back * MILLIS_PER_DAY)
			.context("too many filings for the days since 1970")?;
		let period = Period::Event { date: date_in_cst(day), sequence: (nonce % 256) as u8 };
		ensure!(period.is_valid(), "nonce {nonce} reaches before 1949: too many filings");
		let mut content = content_with::<Runtime>(balanced(), 1);
		content.document.digest = H256(blake2_256(&(b"filing", account, nonce).encode()));
		Ok(RuntimeCall::Disclosures(DisclosuresCall::file {
			company: prepared_company(account)?,
			period,
			content,
		}))
	}

	/// `count` certificates of the load scheme from `account`'s body, to holders of their
	/// own: one with `issue`, a class with `issue_batch`.
	fn issue(&self, account: u32, nonce: u32, count: u32) -> Result<RuntimeCall> {
		let body = prepared_body(self.population, account)?;
		let mut recipients: Vec<Recipient<Runtime>> = (0..count)
			.map(|seat| Recipient {
				holder: H256(blake2_256(&(b"holder", account, nonce, seat).encode())),
				account: None,
				document: H256(blake2_256(&(b"certificate", account, nonce, seat).encode())),
			})
			.collect();
		if count == 1 {
			let recipient = recipients.pop().context("one recipient")?;
			return Ok(RuntimeCall::Certification(CertificationCall::issue {
				body,
				scheme: LOAD_SCHEME,
				recipient,
			}));
		}
		let recipients = recipients.try_into().map_err(|_| anyhow!("a class above MaxBatch"))?;
		Ok(RuntimeCall::Certification(CertificationCall::issue_batch {
			body,
			scheme: LOAD_SCHEME,
			recipients,
		}))
	}
}

/// A registration of `uscc` with the sample particulars, a legal representative of its own
/// (a person may represent only a bounded number of companies) and `controllers`.
pub fn registration(
	uscc: Uscc,
	serial: u32,
	controllers: BoundedVec<AccountId, <Runtime as RegistryConfig>::MaxControllers>,
) -> RegistryCall<Runtime> {
	let mut particulars = sample_particulars::<Runtime>(CompanyKind::LimitedLiabilityCompany);
	particulars.legal_representative = H256(blake2_256(&(b"loadgen", uscc, serial).encode()));
	RegistryCall::register {
		uscc,
		particulars,
		controllers,
		accepted_check_failures: CheckFailures { organisation_check: false, code_check: false },
		reason: b"loadgen".to_vec().try_into().unwrap_or_default(),
	}
}

fn bounded_text<Bound: Get<u32>>(text: &str) -> Result<BoundedVec<u8, Bound>> {
	text.as_bytes().to_vec().try_into().map_err(|_| anyhow!("{text:?} is too long"))
}
