#!/usr/bin/env node
// A slice of Beijing's plan on a running govchain: the council admits four agencies, whose
// admins appoint their officers; the market regulators register a dozen companies; a listed
// company files its annual report and a material event, and an accredited audit firm attests
// the report; customs clears declarations on every lane, holds one and releases it once
// amended, and refuses one from a company whose licence was revoked; the human-resources
// bureau accredits a training school that certifies blockchain application operators, and one
// certificate is revoked. Prints a summary read back from the chain; exits non-zero on any
// unexpected outcome.
//
//   node beijing.js [--url ws://127.0.0.1:9944]
//
// Runs on any chain whose founding agencies' admins are the development accounts (Alice to
// Dave, officers Eve and Ferdie): `--dev`, `local`, and scripts/network.sh's network. Every
// run creates its own agencies, companies and accounts, so it can run again on the same chain.
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aConcat, stringToU8a } from '@polkadot/util';
import { Chain, Progress, Unexpected, expect } from './chain.js';
import { uscc } from './codes.js';

const DAY = 86_400_000;
const UNIT = 10n ** 12n;
const FOUNDERS = ['Alice', 'Bob', 'Charlie', 'Dave'];
const noOverride = { organisationCheck: false, codeCheck: false };

const USAGE = 'usage: beijing.js [--url ws://HOST:PORT]   (default ws://127.0.0.1:9944)';
let options;
try {
  ({ values: options } = parseArgs({
    options: { url: { type: 'string', default: 'ws://127.0.0.1:9944' }, help: { type: 'boolean' } },
  }));
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const run = randomBytes(3).toString('hex').toUpperCase();
/** An account of this run's cast. */
const actor = (name) => keyring.addFromUri(`//govchain-scenario//${run}//${name}`);
/** The admin of an agency the scenario admitted, in this run or an earlier one. */
const adminOf = (code) => keyring.addFromUri(`//govchain-scenario//${code}//admin`);
const founder = (name) => keyring.addFromUri(`//${name}`);
const hash = () => `0x${randomBytes(32).toString('hex')}`;
/** China-time calendar date `days` from now. */
const chinaDate = (days = 0) => {
  const date = new Date(Date.now() + days * DAY + 8 * 3_600_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

// The agencies the council admits: government organ codes (`11`) of their divisions.
const agencies = {
  haidianMarket: { code: uscc('11', '110108', 'MB'), name: 'Haidian District Administration for Market Regulation', role: 'MarketRegulator' },
  airportCustoms: { code: uscc('11', '110113', 'MB'), name: 'Beijing Capital International Airport Customs', role: 'Customs' },
  financialSupervision: { code: uscc('11', '110000', 'MB'), name: 'Beijing Local Financial Supervision Bureau', role: 'SecuritiesRegulator' },
  haidianHumanResources: { code: uscc('11', '110108', 'MB'), name: 'Haidian District Human Resources and Social Security Bureau', role: 'HumanResources' },
};
const officers = {
  haidianRegistrar: actor('haidian-registrar'),
  haidianSecondRegistrar: actor('haidian-second-registrar'),
  customsOfficer: actor('airport-customs-officer'),
  securitiesOfficer: actor('financial-supervision-officer'),
  certificationOfficer: actor('haidian-hr-officer'),
};

// Twelve companies of several kinds (`91` enterprises, `92` individual businesses, `93` a
// farmers' cooperative) across five districts; Haidian's are registered by Haidian's
// regulator, the others by the municipal one (Eve).
const companies = [
  ['listed', '91', '110105', 'JointStockCompany', '北京华链数据股份有限公司', 'Beijing Hualian Data Co., Ltd.', 'I6450'],
  ['auditor', '91', '110101', 'Partnership', '北京信衡会计师事务所（特殊普通合伙）', 'Beijing Xinheng CPA LLP', 'L7241'],
  ['school', '91', '110108', 'LimitedLiabilityCompany', '北京链工职业技能培训学校有限公司', 'Beijing Liangong Vocational Training School Co., Ltd.', 'P8391'],
  ['aeoImporter', '91', '110113', 'LimitedLiabilityCompany', '北京首航国际贸易有限公司', 'Beijing Shouhang International Trade Co., Ltd.', 'F5179'],
  ['coffeeImporter', '91', '110105', 'LimitedLiabilityCompany', '北京中咖进出口有限公司', 'Beijing Zhongka Import and Export Co., Ltd.', 'F5123'],
  ['timberImporter', '91', '110112', 'LimitedLiabilityCompany', '北京林木进出口有限公司', 'Beijing Linmu Import and Export Co., Ltd.', 'F5143'],
  ['electronicsTrader', '91', '110108', 'LimitedLiabilityCompany', '北京远通电子贸易有限公司', 'Beijing Yuantong Electronics Trading Co., Ltd.', 'F5176'],
  ['logistics', '91', '110108', 'LimitedLiabilityCompany', '北京速达物流有限公司', 'Beijing Suda Logistics Co., Ltd.', 'G5821'],
  ['softwareStudio', '91', '110108', 'SoleProprietorship', '北京明远软件开发个人独资企业', 'Beijing Mingyuan Software Studio', 'I6513'],
  ['cornerShop', '92', '110108', 'IndividualBusiness', '海淀区张记便利店', '', 'F5212'],
  ['restaurant', '92', '110105', 'IndividualBusiness', '朝阳区李记餐馆', '', 'H6210'],
  ['cooperative', '93', '110113', 'FarmersCooperative', '北京顺义绿野蔬菜种植专业合作社', 'Beijing Shunyi Lvye Vegetable Cooperative', 'A0141'],
].map(([key, kind, division, legalForm, legalName, englishName, industry]) => ({
  key, legalForm, legalName, englishName: englishName || null, industry, division,
  code: uscc(kind, division),
  controller: actor(`${key}-controller`),
}));
const company = Object.fromEntries(companies.map((entry) => [entry.key, entry]));

/** Particulars of a company as the register takes them: one shareholder paying in half. */
function particulars({ legalForm, legalName, englishName, industry, division }) {
  const capital = 10_000_000n; // 100,000 yuan, in fen
  return {
    legalName, englishName, kind: legalForm,
    registeredCapital: { currency: 'CNY', amount: capital },
    registeredAddress: `北京市 ${division}`,
    division,
    businessScope: '依法须经批准的项目，经相关部门批准后方可开展经营活动',
    industry,
    establishedOn: { year: 2025, month: 3, day: 1 },
    legalRepresentative: hash(),
    shareholders: [{
      party: { Person: hash() }, subscribed: capital, paidIn: capital / 2n, form: 'Cash',
      subscriptionDeadline: { year: 2029, month: 12, day: 31 },
    }],
    keyPersonnel: [{ role: 'ExecutiveDirector', party: { Person: hash() } }],
  };
}

/** A declaration's content: one line of goods of `commodity`, imported by `declarant`. */
function declaration(declarant, commodity, documents = ['Invoice']) {
  return {
    direction: 'Import',
    consignor: { Foreign: { name: 'Hamburg Trading GmbH', country: 'DE', lei: null } },
    consignee: { Domestic: declarant },
    tradingCountry: 'DE',
    originCountry: 'DE',
    transportMode: 'Air',
    office: '0111',
    incoterm: 'Cip',
    currency: 'EUR',
    items: [{
      commodity, origin: 'DE', quantity: 100, unit: 'Kilogram',
      netMassGrams: 100_000, grossMassGrams: 105_000, value: 2_500_000,
    }],
    documents: documents.map((kind) => ({ kind, hash: hash() })),
  };
}

/** A certificate holder's salted hash: BLAKE2-256("govchain/holder" ‖ salt ‖ identity). */
const holderCommitment = (api, salt, identity) =>
  api.registry.hash(u8aConcat(stringToU8a('govchain/holder'), salt, stringToU8a(identity))).toHex();

const steps = [];
const step = (title, body) => steps.push({ title, body });
const summary = {};

step('Connect and find the council\'s voters', async ({ api }) => {
  expect(api.runtimeVersion.specName.toString() === 'govchain', `not a govchain node: ${api.runtimeVersion.specName}`);
  const members = (await api.query.council.members()).map(String);
  const codes = (await api.query.agencies.agencies.keys()).map(({ args: [code] }) => code.toUtf8());
  const known = [...FOUNDERS.map(founder), ...codes.map(adminOf)];
  const voters = known.filter((pair) => members.includes(pair.address));
  expect(3 * voters.length >= 2 * members.length,
    `the scenario holds the keys of ${voters.length} of ${members.length} council seats, not two thirds: ` +
    'it needs a chain whose founding admins are Alice, Bob, Charlie and Dave');
  summary.chain = `${(await api.rpc.system.chain())} (${api.runtimeVersion.specName} ${api.runtimeVersion.specVersion})`;
  summary.seatsBefore = members.length;
  return voters;
});

step('Alice funds the scenario\'s accounts', async ({ api, chain }) => {
  const accounts = [
    ...Object.values(agencies).map(({ code }) => adminOf(code)),
    ...Object.values(officers),
    ...companies.map(({ controller }) => controller),
  ];
  await chain.succeed(api.tx.utility.batchAll(accounts.map((account) =>
    api.tx.balances.transferKeepAlive(account.address, 1_000n * UNIT))), founder('Alice'));
});

step('The council admits four agencies in one motion', async ({ api, chain }, voters) => {
  const admissions = Object.values(agencies).map(({ code, name, role }) =>
    api.tx.agencies.admitAgency(code, name, adminOf(code).address, [role]));
  const closed = await chain.motion(api.tx.utility.batchAll(admissions), voters);
  const admitted = closed.events.filter((event) => api.events.agencies.AgencyAdmitted.is(event));
  expect(admitted.length === 4, `${admitted.length} agencies admitted, not 4`);
  summary.seatsAfter = (await (await api.at(closed.blockHash)).query.council.members()).length;
});

step('The new agencies\' admins appoint their officers', async ({ api, chain }) => {
  const appointments = [
    [agencies.haidianMarket, officers.haidianRegistrar],
    [agencies.haidianMarket, officers.haidianSecondRegistrar],
    [agencies.airportCustoms, officers.customsOfficer],
    [agencies.financialSupervision, officers.securitiesOfficer],
    [agencies.haidianHumanResources, officers.certificationOfficer],
  ];
  await Promise.all(appointments.map(([agency, officer]) =>
    chain.succeed(api.tx.agencies.addOfficer(officer.address), adminOf(agency.code))));
});

step('The market regulators register twelve companies; Haidian\'s cannot register in Chaoyang', async ({ api, chain }) => {
  const registrations = companies.map((entry) => {
    const registrar = entry.division === '110108' ? officers.haidianRegistrar : founder('Eve');
    return chain.succeed(api.tx.companyRegistry.register(entry.code, particulars(entry),
      [entry.controller.address], noOverride, `Registration decision ${run}-${entry.key}`), registrar);
  });
  const outside = chain.refused(api.tx.companyRegistry.register(uscc('91', '110105'),
    particulars(company.restaurant), [], noOverride, 'outside Haidian'), officers.haidianRegistrar,
  'companyRegistry.OutsideJurisdiction');
  const results = await Promise.all([...registrations, outside]);
  const apiAt = await api.at(results[results.length - 1].blockHash);
  for (const entry of companies) {
    const record = await apiAt.call.companyRegistryApi.company(entry.code);
    expect(record.isSome && record.unwrap().standing.status.isActive, `${entry.code} is not an active company`);
  }
  summary.companies = companies.map(({ code, legalForm, legalName }) => `${code}  ${legalForm.padEnd(23)} ${legalName}`);
});

step('The listed company files its 2025 annual report and a material event; the regulator accredits its auditor', async ({ api, chain }) => {
  const { listed, auditor } = company;
  const content = (document) => ({
    currency: 'CNY',
    figures: {
      revenue: 52_000_000_000n, netProfit: 4_100_000_000n,
      totalAssets: 98_000_000_000n, totalLiabilities: 41_000_000_000n, equity: 57_000_000_000n,
    },
    facts: [{ concept: 'ifrs-full:CashAndCashEquivalents', value: 12_000_000_000n, unit: 'Money' }],
    document: { algorithm: 'Sha256', digest: document },
    uri: `https://disclosure.example.cn/${listed.code}/2025-annual.xbrl`,
  });
  summary.reportDocument = hash();
  const [annual] = await Promise.all([
    chain.succeed(api.tx.disclosures.file(listed.code, { FiscalYear: 2025 }, content(summary.reportDocument)), listed.controller),
    chain.succeed(api.tx.disclosures.file(listed.code, { Event: { date: chinaDate(-1), sequence: 0 } }, content(hash())), listed.controller),
    chain.succeed(api.tx.disclosures.accreditAuditor(auditor.code), officers.securitiesOfficer),
    // The register wants a company's first annual report for the year after it registered.
    chain.refused(api.tx.companyRegistry.fileAnnualReport(listed.code, chinaDate().year, null,
      { Withheld: { figuresHash: hash() } }, hash()), listed.controller, 'companyRegistry.ReportYearNotEnded'),
  ]);
  summary.filing = chain.event(annual.events, api.events.disclosures.Filed);
});

step('The audit firm attests the annual report', async ({ api, chain }) => {
  const id = { company: company.listed.code, period: { FiscalYear: 2025 }, version: 1 };
  const attested = await chain.succeed(api.tx.disclosures.attest(company.auditor.code, id,
    { algorithm: 'Sha256', digest: summary.reportDocument }, 'Unqualified'), company.auditor.controller);
  const apiAt = await api.at(attested.blockHash);
  const attestations = await apiAt.call.disclosuresApi.attestations(id);
  expect(attestations.length === 1 && attestations[0].auditorNow.unwrap().status.isAccredited,
    'the attestation does not read back with an accredited auditor');
  const latest = (await apiAt.call.disclosuresApi.latestFiling(company.listed.code, { FiscalYear: 2025 })).unwrap();
  summary.attestation = `${latest.id.company.toUtf8()} FY2025 v${latest.id.version}, ` +
    `${latest.filing.late.isTrue ? 'late' : 'on time'}, attested ${attestations[0].attestation.opinion.type} by ${company.auditor.code}`;
});

step('Customs sets its lanes: the AEO importer green, coffee yellow, timber red, no random selection', async ({ api, chain }) => {
  await Promise.all([
    chain.succeed(api.tx.customs.setCreditRating(company.aeoImporter.code, 'AdvancedCertified'), officers.customsOfficer),
    chain.succeed(api.tx.customs.setRiskRules([
      { target: { Chapter: 9 }, lane: 'Yellow' }, { target: { Chapter: 44 }, lane: 'Red' }]), officers.customsOfficer),
    chain.succeed(api.tx.customs.setRandomSelectionRate(0), officers.customsOfficer),
  ]);
});

const ucr = (lane) => `CN-${run}-${lane}`;
const lodgements = [
  ['GREEN', 'aeoImporter', '8471300000', 'Green'],
  ['BLUE', 'electronicsTrader', '8517130000', 'Blue'],
  ['YELLOW', 'coffeeImporter', '0901110000', 'Yellow'],
  ['RED', 'timberImporter', '4403210000', 'Red'],
];

step('Four importers lodge declarations, one on each lane', async ({ api, chain }) => {
  const lodged = await Promise.all(lodgements.map(([reference, key, commodity]) =>
    chain.succeed(api.tx.customs.lodge(ucr(reference), company[key].code, null,
      declaration(company[key].code, commodity), false), company[key].controller)));
  lodgements.forEach(([reference, , , lane], index) => {
    const assigned = chain.event(lodged[index].events, api.events.customs.LaneAssigned);
    expect(assigned.lane.type === lane, `${ucr(reference)} went to ${assigned.lane.type}, not ${lane}`);
  });
});

step('Customs checks the coffee\'s documents and holds the timber for its CITES licence', async ({ api, chain }) => {
  await Promise.all([
    chain.succeed(api.tx.customs.recordInspection(ucr('YELLOW'), true, hash()), officers.customsOfficer),
    chain.succeed(api.tx.customs.hold(ucr('RED'), 'CITES import licence missing'), officers.customsOfficer),
  ]);
});

step('The timber importer amends its declaration with the licence; customs releases the coffee', async ({ api, chain }) => {
  const { timberImporter } = company;
  await Promise.all([
    chain.succeed(api.tx.customs.amend(ucr('RED'),
      declaration(timberImporter.code, '4403210000', ['Invoice', 'Licence'])), timberImporter.controller),
    chain.succeed(api.tx.customs.release(ucr('YELLOW')), officers.customsOfficer),
  ]);
});

step('Customs examines the timber and releases it', async ({ api, chain }) => {
  await chain.succeed(api.tx.customs.recordInspection(ucr('RED'), true, hash()), officers.customsOfficer);
  const released = await chain.succeed(api.tx.customs.release(ucr('RED')), officers.customsOfficer);
  const apiAt = await api.at(released.blockHash);
  for (const [reference] of lodgements) {
    const record = (await apiAt.call.customsApi.declaration(ucr(reference))).unwrap();
    expect(record.status.isReleased, `${ucr(reference)} is ${record.status.type}, not released`);
  }
  const history = await apiAt.call.customsApi.history(ucr('RED'));
  summary.heldHistory = history.map((entry) => entry.step.type).join(' → ');
});

step('Haidian\'s regulator revokes the logistics company\'s licence, four eyes', async ({ api, chain }) => {
  await chain.succeed(api.tx.companyRegistry.proposeClosure(company.logistics.code, 'Revoke',
    'Business licence revoked: no business for six months'), officers.haidianRegistrar);
  await chain.succeed(api.tx.companyRegistry.confirmClosure(company.logistics.code), officers.haidianSecondRegistrar);
});

step('Customs refuses the revoked company\'s declaration', async ({ api, chain }) => {
  await chain.refused(api.tx.customs.lodge(ucr('REVOKED'), company.logistics.code, null,
    declaration(company.logistics.code, '8471300000'), false), company.logistics.controller, 'customs.CompanyClosed');
});

step('The human-resources bureau defines the operator scheme and registers the training school', async ({ api, chain }) => {
  const [defined] = await Promise.all([
    chain.succeed(api.tx.certification.defineScheme('区块链应用操作员 (blockchain application operator)',
      { Vocational: 4 }, 1_095, null), officers.certificationOfficer),
    chain.succeed(api.tx.certification.registerBody(company.school.code, [company.school.controller.address]),
      officers.certificationOfficer),
  ]);
  summary.scheme = chain.event(defined.events, api.events.certification.SchemeDefined).scheme.toNumber();
});

step('The bureau accredits the school for the scheme for a year', async ({ api, chain }) => {
  const now = Date.now();
  await chain.succeed(api.tx.certification.accredit(company.school.code, summary.scheme, now - DAY, now + 365 * DAY),
    officers.certificationOfficer);
});

step('The school certifies five operators in one batch', async ({ api, chain }) => {
  // Identities stay with the school: the chain gets salted hashes.
  const recipients = [1, 2, 3, 4, 5].map((n) => ({
    holder: holderCommitment(api, randomBytes(32), `11010819900101${String(1000 + n)}`),
    account: null,
    document: hash(),
  }));
  const issued = await chain.succeed(api.tx.certification.issueBatch(company.school.code, summary.scheme, recipients),
    company.school.controller);
  summary.certificates = issued.events.filter((event) => api.events.certification.Issued.is(event))
    .map((event) => event.data.certificate.toNumber());
  expect(summary.certificates.length === 5, `${summary.certificates.length} certificates issued, not 5`);
});

step('The school revokes one certificate; anyone verifies all five', async ({ api, chain }) => {
  const revoked = summary.certificates[2];
  const done = await chain.succeed(api.tx.certification.revoke(revoked, 'Examination misconduct'), company.school.controller);
  const apiAt = await api.at(done.blockHash);
  summary.verifications = [];
  for (const id of summary.certificates) {
    const { status } = (await apiAt.call.certificationApi.verify(id)).unwrap();
    expect(status.type === (id === revoked ? 'Revoked' : 'Valid'), `certificate ${id} verifies as ${status.type}`);
    summary.verifications.push(`#${id} ${status.type}${status.isRevoked ? ` (${status.asRevoked.reason.toUtf8()})` : ''}`);
  }
});

step('Read the clearance times per lane back from the chain', async ({ api }) => {
  summary.lanes = (await api.call.customsApi.clearanceByLane()).map(([lane, figures]) => {
    const count = figures.count.toNumber();
    const mean = count ? figures.totalMillis.toNumber() / count / 1000 : 0;
    return `${lane.type.padEnd(7)} ${String(count).padStart(4)} released   mean ${mean.toFixed(1).padStart(7)} s   ` +
      `longest ${(figures.maxMillis.toNumber() / 1000).toFixed(1).padStart(7)} s`;
  });
});

function printSummary() {
  const lines = [
    `govchain scenario ${run} on ${summary.chain}`,
    `council seats: ${summary.seatsBefore} → ${summary.seatsAfter} (admitted: ${Object.values(agencies).map((a) => a.name).join('; ')})`,
    'companies registered:',
    ...summary.companies.map((line) => `  ${line}`),
    `disclosure: ${summary.attestation}`,
    `held declaration: ${summary.heldHistory}`,
    `revoked company: ${company.logistics.code}, its declaration refused (customs.CompanyClosed)`,
    `certificates (scheme ${summary.scheme}): ${summary.verifications.join(', ')}`,
    'clearance times per lane, all declarations on this chain:',
    ...summary.lanes.map((line) => `  ${line}`),
  ];
  console.log(lines.join('\n'));
}

async function main() {
  const provider = new WsProvider(options.url, false);
  const progress = new Progress(steps.length);
  let api;
  try {
    await provider.connect();
    api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
    const chain = new Chain(api);
    let voters;
    for (const { title, body } of steps) {
      const result = await progress.step(title, () => body({ api, chain }, voters));
      voters ??= result;
    }
    progress.finish();
    printSummary();
  } finally {
    if (api) await api.disconnect();
    else await provider.disconnect();
  }
}

main().then(() => process.exit(0), (error) => {
  const reason = error instanceof Unexpected ? 'unexpected outcome' : 'error';
  console.error(`\nscenario failed (${reason}): ${error.message}`);
  process.exit(1);
});
