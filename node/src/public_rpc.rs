//! `govchain_*`: public verification over JSON-RPC, for citizens, investors, employers and
//! foreign customs offices who have no wallet and no polkadot.js.
//!
//! Every method reads through the runtime APIs at one block — the best block, or the one
//! `at` names — and answers plain JSON: codes as text, states and enums by name, amounts as
//! decimal strings with their currency, times in ISO 8601 China time (`+08:00`), accounts in
//! SS58, and `at: { hash, number }`, the block the answer was read at. Errors carry the
//! stable codes of [`codes`]; docs/rpc.md lists the methods with examples.

use crate::service::FullClient;
use govchain_domain_types::{
	calendar::{date_in_cst, CivilDate},
	trade::Ucr,
	AgencyOfficer, Uscc,
};
use govchain_runtime::{opaque::Block, AccountId, Runtime};
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use pallet_certification::runtime_api::CertificationApi;
use pallet_company_registry::runtime_api::CompanyRegistryApi;
use pallet_customs::runtime_api::CustomsApi;
use pallet_disclosures::{runtime_api::DisclosuresApi, Period};
use polkadot_sdk::{
	sp_api::{ApiError, ProvideRuntimeApi},
	sp_blockchain::HeaderBackend,
	sp_core::{crypto::Ss58Codec, H256},
};
use serde_json::{json, Value};
use std::{fmt::Debug, sync::Arc};

/// The error codes of the `govchain_*` methods; stable, so that clients can act on them.
pub mod codes {
	/// A code, reference or period is malformed; the message names the rule it breaks.
	pub const MALFORMED_INPUT: i32 = 4000;
	/// Well formed, but the chain holds no such record at that block.
	pub const NOT_FOUND: i32 = 4040;
	/// This node does not know the block `at` names.
	pub const UNKNOWN_BLOCK: i32 = 4100;
	/// This node no longer keeps the state of that block (pruned): ask an archive node.
	pub const STATE_UNAVAILABLE: i32 = 4101;
	/// The runtime could not answer; a fault of the node, not of the request.
	pub const RUNTIME_ERROR: i32 = 5000;
}

/// The public verification methods.
#[rpc(server, namespace = "govchain")]
pub trait PublicVerificationApi {
	/// A company by its Unified Social Credit Code: its standing now (status, abnormal
	/// listings, serious violation), its particulars and capital, who registered it, and how
	/// many changes its history holds.
	#[method(name = "company")]
	fn company(&self, uscc: String, at: Option<H256>) -> RpcResult<Value>;

	/// A page of a company's history, oldest first: `count` (at most 100) records from
	/// record `start`.
	#[method(name = "companyHistory")]
	fn company_history(
		&self,
		uscc: String,
		start: u32,
		count: u32,
		at: Option<H256>,
	) -> RpcResult<Value>;

	/// A company's filing for a period (`FY2025`, `2025H1`, `2025Q3`, `E2026-11-27#0` for a
	/// material event): the latest version, every version, and the latest's attestations
	/// with each audit firm's standing now.
	#[method(name = "filing")]
	fn filing(&self, uscc: String, period: String, at: Option<H256>) -> RpcResult<Value>;

	/// A customs declaration by its unique consignment reference: status, lane, duty, and
	/// the clearance time once released.
	#[method(name = "declaration")]
	fn declaration(&self, ucr: String, at: Option<H256>) -> RpcResult<Value>;

	/// A certificate by its number: valid or not and why, its scheme, and its issuer's
	/// accreditation then and now.
	#[method(name = "certificate")]
	fn certificate(&self, id: u64, at: Option<H256>) -> RpcResult<Value>;

	/// The current certificate of a holder (the salted hash the issuer gave them) under a
	/// scheme, as [`certificate`](Self::certificate) answers it.
	#[method(name = "certificateOfHolder")]
	fn certificate_of_holder(
		&self,
		holder: H256,
		scheme: u32,
		at: Option<H256>,
	) -> RpcResult<Value>;
}

/// The runtime API handle of the node's client.
type RuntimeApi = <FullClient as ProvideRuntimeApi<Block>>::Api;

/// Most history records one call returns.
const MAX_HISTORY_PAGE: u32 = 100;

/// Serves [`PublicVerificationApiServer`] from the node's client.
pub struct PublicVerification {
	client: Arc<FullClient>,
}

impl PublicVerification {
	/// Reads through `client`.
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), None::<()>)
}

fn not_found(what: String) -> ErrorObjectOwned {
	error(codes::NOT_FOUND, format!("{what} is not on the chain at this block"))
}

/// A Unified Social Credit Code from text, checked for form (the check characters are
/// not: pilot-era codes that fail them are registered too).
fn parse_uscc(text: &str) -> Result<Uscc, ErrorObjectOwned> {
	Uscc::parse_format(text.trim().as_bytes()).map_err(|rule| {
		error(
			codes::MALFORMED_INPUT,
			format!("'{text}' is not a Unified Social Credit Code: {rule:?}"),
		)
	})
}

fn parse_ucr(text: &str) -> Result<Ucr, ErrorObjectOwned> {
	Ucr::parse(text.trim().as_bytes()).ok_or_else(|| {
		error(
			codes::MALFORMED_INPUT,
			format!(
				"'{text}' is not a consignment reference: 1 to 35 characters A-Z, 0-9, '-', '/', '.'"
			),
		)
	})
}

/// A reporting period from its short form: `FY2025`, `2025H1`, `2025Q3`, `E2026-11-27#0`.
fn parse_period(text: &str) -> Result<Period, ErrorObjectOwned> {
	let malformed = || {
		error(
			codes::MALFORMED_INPUT,
			format!(
				"'{text}' is not a period: FY2025 (year), 2025H1 (half), 2025Q3 (quarter) or \
				 E2026-11-27#0 (material event and its sequence that day)"
			),
		)
	};
	let number = |digits: &str| digits.parse::<u16>().map_err(|_| malformed());
	let text = text.trim();
	if let Some(year) = text.strip_prefix("FY") {
		return Ok(Period::FiscalYear(number(year)?));
	}
	if let Some(event) = text.strip_prefix('E') {
		let (date, sequence) = event.split_once('#').ok_or_else(malformed)?;
		let mut parts = date.splitn(3, '-');
		let mut part = || parts.next().ok_or_else(malformed).and_then(number);
		let date = CivilDate {
			year: part()?,
			month: u8::try_from(part()?).map_err(|_| malformed())?,
			day: u8::try_from(part()?).map_err(|_| malformed())?,
		};
		let sequence = sequence.parse::<u8>().map_err(|_| malformed())?;
		return Ok(Period::Event { date, sequence });
	}
	let (year, part) = text.split_at(text.len().min(4));
	let year = number(year)?;
	let index = |digit: &str| digit.parse::<u8>().map_err(|_| malformed());
	match part.split_at(part.len().min(1)) {
		("H", half) => Ok(Period::HalfYear { year, half: index(half)? }),
		("Q", quarter) => Ok(Period::Quarter { year, quarter: index(quarter)? }),
		_ => Err(malformed()),
	}
}

/// The short form of a period, as [`parse_period`] reads it.
fn period_text(period: &Period) -> String {
	match period {
		Period::FiscalYear(year) => format!("FY{year}"),
		Period::HalfYear { year, half } => format!("{year}H{half}"),
		Period::Quarter { year, quarter } => format!("{year}Q{quarter}"),
		Period::Event { date, sequence } => format!("E{}#{sequence}", date_text(date)),
	}
}

fn utf8(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn uscc_text(code: &Uscc) -> String {
	utf8(code.as_bytes())
}

fn account(who: &AccountId) -> String {
	who.to_ss58check()
}

fn officer(acting: &AgencyOfficer<AccountId>) -> Value {
	json!({ "agency": uscc_text(&acting.agency), "officer": account(&acting.officer) })
}

fn date_text(date: &CivilDate) -> String {
	format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

/// Chain time (Unix milliseconds) as ISO 8601 in China time.
fn time(millis: u64) -> String {
	const DAY: u64 = 86_400_000;
	let of_day = (millis % DAY + 8 * 3_600_000) % DAY;
	format!(
		"{}T{:02}:{:02}:{:02}.{:03}+08:00",
		date_text(&date_in_cst(millis)),
		of_day / 3_600_000,
		of_day / 60_000 % 60,
		of_day / 1_000 % 60,
		of_day % 1_000
	)
}

fn optional_time(millis: Option<u64>) -> Value {
	millis.map_or(Value::Null, |millis| json!(time(millis)))
}

/// An amount in minor units (fen for CNY) with its currency; the amount as a decimal string,
/// since JSON numbers lose precision beyond 2^53.
fn money(amount: impl ToString, currency: &[u8]) -> Value {
	json!({ "amount": amount.to_string(), "currency": utf8(currency) })
}

/// The variant name of an enum value: `Revoked` of `Revoked { since: … }`, and of
/// `Change::Revoked(…)` as `DebugNoBound` prints it.
fn variant(value: &impl Debug) -> String {
	let text = format!("{value:?}");
	let path = text
		.split(|c: char| !(c.is_alphanumeric() || c == ':'))
		.next()
		.unwrap_or_default();
	path.rsplit("::").next().unwrap_or_default().to_owned()
}

fn hash_text(hash: &H256) -> String {
	format!("{hash:?}")
}

impl PublicVerification {
	/// The block to read at, known to this node, with its number as JSON.
	fn block(&self, at: Option<H256>) -> Result<(H256, Value), ErrorObjectOwned> {
		let hash = at.unwrap_or_else(|| self.client.info().best_hash);
		match self.client.number(hash) {
			Ok(Some(number)) => Ok((hash, json!({ "hash": hash_text(&hash), "number": number }))),
			Ok(None) => Err(error(
				codes::UNKNOWN_BLOCK,
				format!("block {} is not known to this node", hash_text(&hash)),
			)),
			Err(fault) => Err(error(codes::RUNTIME_ERROR, fault.to_string())),
		}
	}

	/// Runs a runtime API call at `hash`, telling a pruned state from a fault.
	fn read<R>(
		&self,
		hash: H256,
		call: impl FnOnce(&RuntimeApi) -> Result<R, ApiError>,
	) -> Result<R, ErrorObjectOwned> {
		let api = self.client.runtime_api();
		call(&api).map_err(|fault| {
			if self.client.info().best_hash != hash {
				error(
					codes::STATE_UNAVAILABLE,
					format!(
						"the state at block {} is not available on this node (pruned?); ask an \
						 archive node: {fault}",
						hash_text(&hash)
					),
				)
			} else {
				error(codes::RUNTIME_ERROR, fault.to_string())
			}
		})
	}

	fn certificate_json(
		&self,
		hash: H256,
		block: Value,
		verification: pallet_certification::Verification<Runtime>,
	) -> Result<Value, ErrorObjectOwned> {
		use pallet_certification::{Actor, Level, VerificationStatus};
		let certificate = &verification.certificate;
		let scheme = self.read(hash, |api| api.scheme(hash, certificate.scheme))?;
		let (reason, detail) = match &verification.status {
			VerificationStatus::Valid { until } => {
				("valid", json!({ "validUntil": optional_time(*until) }))
			},
			VerificationStatus::Expired { at } => {
				("the certificate has expired", json!({ "expiredAt": time(*at) }))
			},
			VerificationStatus::Suspended { since, reason } => (
				"the certificate is suspended",
				json!({ "suspendedSince": time(*since), "reason": utf8(reason) }),
			),
			VerificationStatus::IssuerNotAccredited => {
				("the issuer's accreditation for this scheme was withdrawn", json!({}))
			},
			VerificationStatus::Revoked { at, reason, by } => (
				"the certificate was revoked",
				json!({
					"revokedAt": time(*at),
					"reason": utf8(reason),
					"revokedBy": match by {
						Actor::Issuer(who) => json!({ "issuerOperator": account(who) }),
						Actor::Ministry(acting) => json!({ "ministry": officer(acting) }),
					},
				}),
			),
		};
		let accreditation = verification.issuer_now.as_ref().map(|now| {
			json!({
				"status": variant(&now.status),
				"validFrom": time(now.valid_from),
				"validUntil": time(now.valid_until),
				"since": time(now.since),
				"reason": utf8(&now.reason),
			})
		});
		Ok(json!({
			"at": block,
			"id": verification.id.to_string(),
			"valid": matches!(verification.status, VerificationStatus::Valid { .. }),
			"status": variant(&verification.status),
			"explanation": reason,
			"detail": detail,
			"holder": hash_text(&certificate.holder),
			"scheme": {
				"id": certificate.scheme,
				"profession": scheme.as_ref().map(|s| utf8(&s.profession)),
				"level": scheme.as_ref().map(|s| match s.level {
					Level::Vocational(level) => format!("vocational level {level}"),
					Level::SchemeSpecific(level) => format!("level {level}"),
				}),
			},
			"issuer": {
				"uscc": uscc_text(&certificate.issuer),
				"accreditedAtIssue": verification.issuer_accredited_at_issue,
				"accreditationNow": accreditation,
			},
			"issuedAt": time(certificate.issued_at),
			"expiresAt": optional_time(certificate.expires_at),
			"renewals": certificate.renewals,
			"document": hash_text(&certificate.document),
		}))
	}
}

impl PublicVerificationApiServer for PublicVerification {
	fn company(&self, uscc: String, at: Option<H256>) -> RpcResult<Value> {
		let code = parse_uscc(&uscc)?;
		let (hash, block) = self.block(at)?;
		let details = self
			.read(hash, |api| api.company(hash, code))?
			.ok_or_else(|| not_found(format!("company {}", uscc_text(&code))))?;
		let particulars = &details.company.particulars;
		let currency = particulars.registered_capital.currency.as_bytes();
		Ok(json!({
			"at": block,
			"uscc": uscc_text(&code),
			"status": variant(&details.standing.status),
			"statusSince": status_since(&details.standing.status),
			"inGoodStanding": details.standing.is_in_good_standing(),
			"abnormalListings": details.abnormal_listings.iter().map(|listing| json!({
				"ground": variant(&listing.reason),
				"since": time(listing.since),
			})).collect::<Vec<_>>(),
			"seriousViolationSince": optional_time(details.standing.serious_violation_since),
			"legalName": utf8(&particulars.legal_name),
			"englishName": particulars.english_name.as_ref().map(|name| utf8(name)),
			"kind": variant(&particulars.kind),
			"registeredCapital": money(particulars.registered_capital.amount, currency),
			"capital": {
				"subscribed": money(details.capital.subscribed, currency),
				"paidIn": money(details.capital.paid_in, currency),
				"dueBy": details.capital.due_by.as_ref().map(date_text),
				"overdue": details.capital.overdue,
			},
			"registeredAddress": utf8(&particulars.registered_address),
			"division": utf8(particulars.division.as_bytes()),
			"industry": utf8(particulars.industry.as_bytes()),
			"businessScope": utf8(&particulars.business_scope),
			"establishedOn": date_text(&particulars.established_on),
			"registeredBy": officer(&details.company.registered_by),
			"registeredAt": time(details.company.registered_at),
			"closingDecisionPending": details.pending_decision.as_ref().map(|pending| variant(&pending.decision)),
			"historyLength": details.history_length,
		}))
	}

	fn company_history(
		&self,
		uscc: String,
		start: u32,
		count: u32,
		at: Option<H256>,
	) -> RpcResult<Value> {
		let code = parse_uscc(&uscc)?;
		let (hash, block) = self.block(at)?;
		let page = self.read(hash, |api| {
			CompanyRegistryApi::history(api, hash, code, start, count.min(MAX_HISTORY_PAGE))
		})?;
		if page.total == 0 {
			return Err(not_found(format!("company {}", uscc_text(&code))));
		}
		use pallet_company_registry::Actor;
		let actor = |actor: &Actor<AccountId>| match actor {
			Actor::Officer(acting) => json!({ "officer": officer(acting) }),
			Actor::Controller(who) => json!({ "controller": account(who) }),
			Actor::FourEyes { proposed_by, confirmed_by } => {
				json!({ "proposedBy": officer(proposed_by), "confirmedBy": officer(confirmed_by) })
			},
			Actor::AnnualReportRule { applied_by }
			| Actor::SeriousViolationRule { applied_by }
			| Actor::SuspensionEndRule { applied_by } => {
				json!({ "rule": variant(actor), "appliedBy": account(applied_by) })
			},
		};
		Ok(json!({
			"at": block,
			"uscc": uscc_text(&code),
			"total": page.total,
			"start": start,
			"records": page.records.iter().map(|record| json!({
				"time": time(record.at),
				"block": record.block,
				"change": variant(&record.change),
				"actor": actor(&record.actor),
				"reason": utf8(&record.reason),
			})).collect::<Vec<_>>(),
		}))
	}

	fn filing(&self, uscc: String, period: String, at: Option<H256>) -> RpcResult<Value> {
		let code = parse_uscc(&uscc)?;
		let period = parse_period(&period)?;
		let (hash, block) = self.block(at)?;
		let versions = self.read(hash, |api| api.versions(hash, code, period.clone()))?;
		let latest = versions.last().ok_or_else(|| {
			not_found(format!("a filing of {} for {}", uscc_text(&code), period_text(&period)))
		})?;
		let attestations = self.read(hash, |api| api.attestations(hash, latest.id.clone()))?;
		let version = |view: &pallet_disclosures::FilingView<Runtime>| {
			let filing = &view.filing;
			let currency = filing.content.currency.as_bytes();
			let figure = |value: Option<i128>| value.map(|amount| money(amount, currency));
			let figures = &filing.content.figures;
			json!({
				"version": view.id.version,
				"superseded": view.superseded,
				"filedAt": time(filing.filed_at),
				"filedBy": account(&filing.filed_by),
				"deadline": optional_time(filing.deadline),
				"late": filing.late,
				"amends": filing.amends,
				"reason": utf8(&filing.reason),
				"figures": {
					"revenue": figure(figures.revenue),
					"netProfit": figure(figures.net_profit),
					"totalAssets": figure(figures.total_assets),
					"totalLiabilities": figure(figures.total_liabilities),
					"equity": figure(figures.equity),
				},
				"facts": filing.content.facts.len(),
				"document": {
					"algorithm": variant(&filing.content.document.algorithm),
					"digest": hash_text(&filing.content.document.digest),
				},
				"uri": filing.content.uri.as_ref().map(|uri| utf8(uri)),
			})
		};
		Ok(json!({
			"at": block,
			"uscc": uscc_text(&code),
			"period": period_text(&period),
			"companyStatusNow": latest.company_standing.as_ref().map(|standing| variant(&standing.status)),
			"latest": version(latest),
			"versions": versions.iter().map(version).collect::<Vec<_>>(),
			"attestations": attestations.iter().map(|view| json!({
				"auditor": uscc_text(&view.attestation.auditor),
				"signedBy": account(&view.attestation.signed_by),
				"opinion": variant(&view.attestation.opinion),
				"document": hash_text(&view.attestation.document.digest),
				"attestedAt": time(view.attestation.attested_at),
				"auditorStatusNow": view.auditor_now.as_ref().map(|now| variant(&now.status)),
			})).collect::<Vec<_>>(),
		}))
	}

	fn declaration(&self, ucr: String, at: Option<H256>) -> RpcResult<Value> {
		let reference = parse_ucr(&ucr)?;
		let (hash, block) = self.block(at)?;
		let declaration = self
			.read(hash, |api| api.declaration(hash, reference.clone()))?
			.ok_or_else(|| not_found(format!("declaration {}", utf8(reference.as_bytes()))))?;
		let content = &declaration.content;
		Ok(json!({
			"at": block,
			"ucr": utf8(reference.as_bytes()),
			"status": variant(&declaration.status),
			"lane": declaration.lane.as_ref().map(variant),
			"direction": variant(&content.direction),
			"declarant": uscc_text(&declaration.declarant),
			"broker": declaration.broker.as_ref().map(uscc_text),
			"office": utf8(&content.office),
			"lines": content.items.len(),
			"duty": declaration.duty.map(|duty| money(duty, content.currency.as_bytes())),
			"lodgedAt": time(declaration.lodged_at),
			"arrivedAt": optional_time(declaration.arrived_at),
			"inspection": declaration.inspection.as_ref().map(|inspection| json!({
				"lane": variant(&inspection.lane),
				"passed": inspection.passed,
			})),
			"releasedAt": optional_time(declaration.released_at),
			"clearanceSeconds": declaration.clearance_millis.map(|millis| millis as f64 / 1000.0),
		}))
	}

	fn certificate(&self, id: u64, at: Option<H256>) -> RpcResult<Value> {
		let (hash, block) = self.block(at)?;
		let verification = self
			.read(hash, |api| api.verify(hash, id))?
			.ok_or_else(|| not_found(format!("certificate {id}")))?;
		self.certificate_json(hash, block, verification)
	}

	fn certificate_of_holder(
		&self,
		holder: H256,
		scheme: u32,
		at: Option<H256>,
	) -> RpcResult<Value> {
		let (hash, block) = self.block(at)?;
		let verification =
			self.read(hash, |api| api.verify_holder(hash, holder, scheme))?.ok_or_else(|| {
				not_found(format!(
					"a certificate of holder {} under scheme {scheme}",
					hash_text(&holder)
				))
			})?;
		self.certificate_json(hash, block, verification)
	}
}

/// When a company entered its present status (`None` while active).
fn status_since(status: &govchain_domain_types::CompanyStatus) -> Value {
	use govchain_domain_types::CompanyStatus::*;
	match status {
		Active => Value::Null,
		Suspended { since, .. }
		| Liquidating { since }
		| Revoked { since }
		| Cancelled { since }
		| Deregistered { since } => json!(time(*since)),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn periods_read_back_in_their_short_form() {
		for text in ["FY2025", "2025H1", "2025H2", "2025Q3", "E2026-11-27#0", "E2026-01-05#12"] {
			assert_eq!(period_text(&parse_period(text).unwrap()), text);
		}
	}

	#[test]
	fn malformed_periods_name_the_accepted_forms() {
		for text in [
			"",
			"FY",
			"FYabc",
			"2025",
			"2025X1",
			"2025H",
			"E2026-11-27",
			"E2026-11#0",
			"E2026-x-1#0",
		] {
			let refused = parse_period(text).unwrap_err();
			assert_eq!(refused.code(), codes::MALFORMED_INPUT, "{text}");
			assert!(refused.message().contains("FY2025 (year)"), "{text}");
		}
	}

	#[test]
	fn malformed_codes_name_the_failing_rule() {
		let refused = parse_uscc("91110105MA01ABCD5").unwrap_err();
		assert!(refused.message().ends_with("WrongLength"), "{}", refused.message());
		let refused = parse_uscc("91110105MA01ABCDSF").unwrap_err();
		assert!(
			refused.message().contains("InvalidCharacter { position: 17 }"),
			"{}",
			refused.message()
		);
		assert!(
			parse_uscc("91110105MA04QRTU6T").is_ok(),
			"a pilot-era code failing its check is looked up"
		);
		assert_eq!(parse_ucr("cn-1").unwrap_err().code(), codes::MALFORMED_INPUT);
	}

	#[test]
	fn variants_are_named_without_their_fields_or_type() {
		assert_eq!(variant(&govchain_domain_types::CompanyStatus::Revoked { since: 1 }), "Revoked");
		assert_eq!(variant(&pallet_customs::Lane::Green), "Green");
		assert_eq!(variant(&Some(3)), "Some");
	}

	#[test]
	fn times_are_china_time() {
		// 2026-11-28 16:00:00.250 UTC is midnight and a quarter second in Beijing.
		assert_eq!(time(1_795_881_600_250), "2026-11-29T00:00:00.250+08:00");
		assert_eq!(time(0), "1970-01-01T08:00:00.000+08:00");
	}
}
