//! The transactions a run sends: who signs them and what they call.

use crate::chain::Chain;
use anyhow::{bail, ensure, Context, Result};
use clap::ValueEnum;
use codec::{Compact, Encode};
use govchain_domain_types::{CheckFailures, Uscc};
use govchain_runtime::{Runtime, RuntimeCall};
use pallet_company_registry::{testing::sample_particulars, Call as RegistryCall, CompanyKind};
use polkadot_sdk::{
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
	/// Officers register companies while the other accounts alternate transfers and remarks.
	Mix,
}

/// The kind of one transaction, for the per-kind figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
	Transfer,
	Remark,
	Register,
}

impl Kind {
	pub fn name(self) -> &'static str {
		match self {
			Kind::Transfer => "transfer_keep_alive",
			Kind::Remark => "remark",
			Kind::Register => "register",
		}
	}
}

/// The development seed's `//loadgen//<index>` account: the load accounts every
/// benchmark chain spec endows (`spec`), so a run needs no set-up transactions.
pub fn load_account(index: u32) -> sr25519::Pair {
	sr25519::Pair::from_string(&format!("//loadgen//{index}"), None)
		.unwrap_or_else(|_| unreachable!("a derivation path of the development seed is valid"))
}

/// Builds the calls of a run.
pub struct CallMaker {
	workload: Workload,
	transfer: [u8; 2],
	remark: [u8; 2],
	register: Option<[u8; 2]>,
	remark_bytes: usize,
	/// First organisation number of this run's company codes.
	first_number: u32,
}

/// The code prefix of the companies a run registers: enterprise (9), company (1),
/// Chaoyang district (110105).
const COMPANY_PREFIX: &[u8; 8] = b"91110105";

impl CallMaker {
	pub fn new(
		chain: &Chain,
		workload: Workload,
		remark_bytes: usize,
		run_seed: u32,
	) -> Result<Self> {
		let register = match workload {
			Workload::Register | Workload::Mix => {
				ensure!(
					chain.spec_name == "govchain",
					"the {workload:?} workload needs a govchain node (this one runs {})",
					chain.spec_name
				);
				let index = chain.call_index("CompanyRegistry", "register")?;
				let encoded = Self::register_call(0, 0).encode();
				ensure!(
					encoded[..2] == index,
					"this tool was built for another govchain runtime: CompanyRegistry.register is \
					 {:?} on the node, {:?} here",
					index,
					&encoded[..2]
				);
				Some(index)
			},
			Workload::Transfer | Workload::Remark => None,
		};
		Ok(Self {
			workload,
			transfer: chain.call_index("Balances", "transfer_keep_alive")?,
			remark: chain.call_index("System", "remark")?,
			register,
			remark_bytes,
			// Eight digits of organisation number: each run starts at its own million.
			first_number: (run_seed % 99) * 1_000_000,
		})
	}

	/// What load account `account` sends with `nonce`: officers (the first `officers`
	/// accounts) register, the others send the workload's call; in the mix they alternate
	/// transfers to `recipient` and remarks. `serial` counts the registrations made.
	pub fn call_for(
		&self,
		officers: u32,
		account: u32,
		nonce: u32,
		recipient: &sr25519::Public,
		serial: &mut u32,
	) -> Result<(Kind, Vec<u8>)> {
		let kind = match self.workload {
			Workload::Transfer => Kind::Transfer,
			Workload::Remark => Kind::Remark,
			Workload::Register => Kind::Register,
			Workload::Mix if account < officers => Kind::Register,
			Workload::Mix if nonce % 2 == 0 => Kind::Transfer,
			Workload::Mix => Kind::Remark,
		};
		let call = match kind {
			Kind::Transfer => self.transfer(recipient),
			Kind::Remark => self.remark(account, nonce),
			Kind::Register => {
				*serial = serial.checked_add(1).context("too many registrations")?;
				self.register(*serial)?
			},
		};
		Ok((kind, call))
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
	fn register(&self, serial: u32) -> Result<Vec<u8>> {
		if self.register.is_none() {
			bail!("registrations are not part of this workload");
		}
		let number = self.first_number.checked_add(serial).filter(|n| *n < 100_000_000);
		let number =
			number.context("more companies than eight digits of organisation number hold")?;
		Ok(Self::register_call(number, serial).encode())
	}

	fn register_call(number: u32, serial: u32) -> RuntimeCall {
		let uscc = Uscc::numbered(COMPANY_PREFIX, number)
			.unwrap_or_else(|_| unreachable!("an eight-digit number makes a valid code"));
		let mut particulars = sample_particulars::<Runtime>(CompanyKind::LimitedLiabilityCompany);
		// A legal representative of their own for every company: a person may represent
		// only a bounded number of companies.
		particulars.legal_representative = H256(blake2_256(&(b"loadgen", number, serial).encode()));
		RuntimeCall::CompanyRegistry(RegistryCall::register {
			uscc,
			particulars,
			controllers: Default::default(),
			accepted_check_failures: CheckFailures { organisation_check: false, code_check: false },
			reason: b"loadgen".to_vec().try_into().unwrap_or_default(),
		})
	}
}
