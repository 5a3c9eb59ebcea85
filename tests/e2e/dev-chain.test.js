// A single-validator development chain: blocks are produced and finalized, a signed
// transfer from Alice to Bob lands with its Transfer event, polkadot.js reads and drives
// the agencies pallet with plain-text USCCs, registers and reads a company, and customs
// checks and releases a declaration lodged through polkadot.js, and a filing is attested,
// amended and read back version by version, and a certificate is issued, verified and
// revoked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { CHAOYANG_ENTERPRISE, companyParticulars } from './fixtures.js';
import { sendAndWatch, startNode, waitFor } from './node-process.js';

let node;

before(async () => {
  node = await startNode('dev', ['--dev']);
});

after(async () => {
  if (node) await node.stop();
});

test('blocks are produced and finalized', async () => {
  const api = await node.api();
  const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const finalized = async () =>
    (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();

  const startBest = await best();
  const startFinalized = await finalized();
  await waitFor('two more blocks', async () => (await best()) >= startBest + 2);
  await waitFor('finality to advance twice', async () => (await finalized()) >= startFinalized + 2);
  assert.ok((await finalized()) <= (await best()), 'finalized never passes best');
});

test('the chain identifies itself as govchain to polkadot.js', async () => {
  const api = await node.api();
  assert.equal(api.runtimeVersion.specName.toString(), 'govchain');
  const properties = await api.rpc.system.properties();
  assert.equal(properties.tokenSymbol.unwrap()[0].toString(), 'GOV');
  assert.equal(properties.tokenDecimals.unwrap()[0].toNumber(), 12);
  assert.equal(properties.ss58Format.unwrap().toNumber(), 42);
  assert.ok(api.rpc.payment.queryInfo, 'transaction-payment RPC is served');
});

test('a signed transfer from Alice to Bob is included with its Transfer event', async () => {
  const api = await node.api();
  const keyring = new Keyring({ type: 'sr25519' });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const amount = 1_234_567_890_000n;

  const bobBefore = (await api.query.system.account(bob.address)).data.free.toBigInt();

  const inBlock = await sendAndWatch(api.tx.balances.transferKeepAlive(bob.address, amount), alice);

  const transfer = inBlock.events.find((event) => api.events.balances.Transfer.is(event));
  assert.ok(transfer, 'the block holds a Balances.Transfer event');
  const [from, to, value] = transfer.data;
  assert.equal(from.toString(), alice.address);
  assert.equal(to.toString(), bob.address);
  assert.equal(value.toBigInt(), amount);

  const atBlock = await api.at(inBlock.blockHash);
  const bobAfter = (await atBlock.query.system.account(bob.address)).data.free.toBigInt();
  assert.equal(bobAfter - bobBefore, amount);
});

test('agencies and the council are readable with plain-text USCCs', async () => {
  const api = await node.api();
  const keyring = new Keyring({ type: 'sr25519' });
  const agencies = await api.query.agencies.agencies.entries();
  assert.equal(agencies.length, 4);
  const marketRegulator = (await api.query.agencies.agencies('11110000MB0013426L')).unwrap();
  assert.equal(marketRegulator.name.toUtf8(), 'Beijing Municipal Administration for Market Regulation');
  assert.equal(marketRegulator.admin.toString(), keyring.addFromUri('//Alice').address);
  assert.equal((await api.query.council.members()).length, 4);
});

test('an agency admin adds an officer, and sudo admits an agency on the dev chain', async () => {
  const api = await node.api();
  const keyring = new Keyring({ type: 'sr25519' });
  const alice = keyring.addFromUri('//Alice');
  const officer = keyring.addFromUri('//MarketRegulatorOfficer');
  const commerceAdmin = keyring.addFromUri('//CommerceBureauAdmin');

  const added = await sendAndWatch(api.tx.agencies.addOfficer(officer.address), alice);
  const officerAdded = added.events.find((event) => api.events.agencies.OfficerAdded.is(event));
  assert.ok(officerAdded, 'OfficerAdded event');
  assert.equal(officerAdded.data.officer.toString(), officer.address);
  assert.equal(officerAdded.data.agency.toUtf8(), '11110000MB0013426L');

  const admit = api.tx.agencies.admitAgency(
    '11110000MB00135068', 'Beijing Municipal Commerce Bureau', commerceAdmin.address, ['OtherAgency']);
  const admitted = await sendAndWatch(api.tx.sudo.sudo(admit), alice);
  const sudid = admitted.events.find((event) => api.events.sudo.Sudid.is(event));
  assert.ok(sudid && sudid.data.sudoResult.isOk, 'sudo call succeeded');
  assert.ok(admitted.events.some((event) => api.events.agencies.AgencyAdmitted.is(event)));
  const atBlock = await api.at(admitted.blockHash);
  assert.equal((await atBlock.query.council.members()).length, 5, 'the new agency has a seat');
});

test('a market-regulator officer registers a company that polkadot.js reads through the runtime API', async () => {
  const api = await node.api();
  const keyring = new Keyring({ type: 'sr25519' });
  // Eve is the genesis market regulator's officer; Ferdie (a customs officer) will control
  // the company's on-chain filings.
  const eve = keyring.addFromUri('//Eve');
  const ferdie = keyring.addFromUri('//Ferdie');
  const uscc = CHAOYANG_ENTERPRISE;
  // The code passes both check characters: no failing check is accepted.
  const noOverride = { organisationCheck: false, codeCheck: false };
  const particulars = companyParticulars();

  const registered = await sendAndWatch(
    api.tx.companyRegistry.register(uscc, particulars, [ferdie.address], noOverride, 'Decision 2026-118'),
    eve);
  const event = registered.events.find((e) => api.events.companyRegistry.CompanyRegistered.is(e));
  assert.ok(event, 'CompanyRegistered event');
  assert.equal(event.data.uscc.toUtf8(), uscc);
  assert.equal(event.data.agency.toUtf8(), '11110000MB0013426L');

  // A customs officer is not a registrar: the call fails with BadOrigin.
  await assert.rejects(
    sendAndWatch(api.tx.companyRegistry.register(
      '91110108MA00XYW11N', particulars, [], noOverride, 'x'), ferdie),
    /BadOrigin/);

  const contact = { phone: '+86 10 1234 5678', email: 'office@example.cn', website: '', postalAddress: '' };
  const updated = await sendAndWatch(api.tx.companyRegistry.updateContact(uscc, contact), ferdie);
  assert.ok(updated.events.some((e) => api.events.companyRegistry.ContactUpdated.is(e)));

  const apiAt = await api.at(updated.blockHash);
  const details = (await apiAt.call.companyRegistryApi.company(uscc)).unwrap();
  assert.ok(details.standing.status.isActive);
  assert.equal(details.standing.abnormalListings.toNumber(), 0);
  assert.ok(details.standing.seriousViolationSince.isNone);
  assert.equal(details.historyLength.toNumber(), 2);
  assert.equal(details.company.particulars.legalName.toUtf8(), particulars.legalName);
  assert.equal(details.company.contact.phone.toUtf8(), contact.phone);
  assert.equal(details.company.registeredBy.officer.toString(), eve.address);
  const page = await apiAt.call.companyRegistryApi.history(uscc, 1, 10);
  assert.equal(page.total.toNumber(), 2);
  assert.equal(page.records.length, 1);
  assert.ok(page.records[0].change.isContactUpdated);
  assert.equal(page.records[0].actor.asController.toString(), ferdie.address);
  assert.ok((await apiAt.call.companyRegistryApi.company('91110108MA00XYW11N')).isNone);
});

test('customs checks a declaration polkadot.js lodges and reports its clearance time', async () => {
  const api = await node.api();
  const keyring = new Keyring({ type: 'sr25519' });
  // Eve registers a Haidian trading company controlled by Dave; Ferdie is customs' officer.
  const [eve, ferdie, dave] = ['Eve', 'Ferdie', 'Dave'].map((name) => keyring.addFromUri(`//${name}`));
  const uscc = '91110108MA00XYW11N';
  await sendAndWatch(api.tx.companyRegistry.register(uscc, companyParticulars(), [dave.address],
    { organisationCheck: false, codeCheck: false }, 'Decision 2026-140'), eve);
  // Coffee (HS chapter 9) gets a documentary check.
  await sendAndWatch(api.tx.customs.setRiskRules([{ target: { Chapter: 9 }, lane: 'Yellow' }]), ferdie);

  const ucr = 'CN-E2E-0001';
  const content = {
    direction: 'Import',
    consignor: { Foreign: { name: 'Hamburg Kaffee GmbH', country: 'DE', lei: null } },
    consignee: { Domestic: uscc },
    tradingCountry: 'DE',
    originCountry: 'BR',
    transportMode: 'Sea',
    office: '0200',
    incoterm: 'Cif',
    currency: 'USD',
    items: [{
      commodity: '0901110000', origin: 'BR', quantity: 1_000, unit: 'Kilogram',
      netMassGrams: 1_000_000, grossMassGrams: 1_050_000, value: 5_000_000,
    }],
    documents: [{ kind: 'Invoice', hash: `0x${'01'.repeat(32)}` }],
  };
  const lodged = await sendAndWatch(api.tx.customs.lodge(ucr, uscc, null, content, false), dave);
  const assigned = lodged.events.find((e) => api.events.customs.LaneAssigned.is(e));
  assert.ok(assigned && assigned.data.lane.isYellow, 'the risk rule put it on yellow');
  // A malformed commodity code (chapter 77) never reaches the chain.
  await assert.rejects(sendAndWatch(api.tx.customs.lodge('CN-E2E-0002', uscc, null,
    { ...content, items: [{ ...content.items[0], commodity: '7701110000' }] }, false), dave));

  await sendAndWatch(api.tx.customs.recordInspection(ucr, true, `0x${'07'.repeat(32)}`), ferdie);
  const released = await sendAndWatch(api.tx.customs.release(ucr), ferdie);
  const event = released.events.find((e) => api.events.customs.Released.is(e));
  assert.ok(event, 'Released event');

  const apiAt = await api.at(released.blockHash);
  const declaration = (await apiAt.call.customsApi.declaration(ucr)).unwrap();
  assert.ok(declaration.status.isReleased);
  assert.equal(declaration.declarant.toUtf8(), uscc);
  assert.equal(declaration.clearanceMillis.unwrap().toNumber(), event.data.clearanceMillis.toNumber());
  assert.ok(declaration.clearanceMillis.unwrap().toNumber() > 0, 'lodgement and release in different blocks');
  const byLane = await apiAt.call.customsApi.clearanceByLane();
  const yellow = byLane.find(([lane]) => lane.isYellow);
  assert.ok(yellow, 'figures for the yellow lane');
  assert.equal(yellow[1].count.toNumber(), 1);
  const history = await apiAt.call.customsApi.history(ucr);
  assert.deepEqual(history.map((entry) => entry.step.type),
    ['Lodged', 'LaneAssigned', 'Inspected', 'Released']);
});

test('a company files a report that an accredited auditor attests, amends it, and both versions read back', async () => {
  const api = await node.api();
  const keyring = new Keyring({ type: 'sr25519' });
  // Charlie is the securities regulator; Dave controls the filing company, Ferdie the audit
  // firm (the Chaoyang company, registered here unless an earlier test did).
  const [eve, charlie, dave, ferdie] = ['Eve', 'Charlie', 'Dave', 'Ferdie']
    .map((name) => keyring.addFromUri(`//${name}`));
  const company = '91110000MA01ABCD52';
  const auditFirm = CHAOYANG_ENTERPRISE;
  const noOverride = { organisationCheck: false, codeCheck: false };
  await sendAndWatch(api.tx.companyRegistry.register(company, companyParticulars(), [dave.address],
    noOverride, 'Decision 2026-150'), eve);
  if ((await api.call.companyRegistryApi.company(auditFirm)).isNone) {
    await sendAndWatch(api.tx.companyRegistry.register(auditFirm, companyParticulars(), [ferdie.address],
      noOverride, 'Decision 2026-151'), eve);
  }
  // Annual reports are due 120 days after the year's end: 2025's is late by now.
  await sendAndWatch(api.tx.disclosures.setDeadline('Annual', 120), charlie);

  const period = { FiscalYear: 2025 };
  const figures = {
    revenue: 1_000_000_000n, netProfit: -50_000_000n,
    totalAssets: 900_000_000n, totalLiabilities: 400_000_000n, equity: 500_000_000n,
  };
  const content = (byte, equity = figures.equity) => ({
    currency: 'CNY',
    figures: { ...figures, equity },
    facts: [{ concept: 'ifrs-full:CashAndCashEquivalents', value: 120_000_000n, unit: 'Money' }],
    document: { algorithm: 'Sha256', digest: `0x${byte.repeat(32)}` },
    uri: 'https://disclosure.example.cn/2025/annual.xbrl',
  });
  // Equity that is not assets minus liabilities is refused.
  await assert.rejects(sendAndWatch(api.tx.disclosures.file(company, period, content('01', 1n)), dave),
    /EquityMismatch/);
  const filed = await sendAndWatch(api.tx.disclosures.file(company, period, content('01')), dave);
  const filedEvent = filed.events.find((e) => api.events.disclosures.Filed.is(e));
  assert.ok(filedEvent, 'Filed event');
  assert.equal(filedEvent.data.late.isTrue, true, 'filed after the deadline');

  await sendAndWatch(api.tx.disclosures.accreditAuditor(auditFirm), charlie);
  const original = { company, period, version: 1 };
  await sendAndWatch(api.tx.disclosures.attest(auditFirm, original,
    { algorithm: 'Sha256', digest: `0x${'01'.repeat(32)}` }, 'Unqualified'), ferdie);
  const amended = await sendAndWatch(
    api.tx.disclosures.amend(company, period, 1, content('02'), 'restated cash'), dave);
  assert.ok(amended.events.some((e) => api.events.disclosures.Amended.is(e)));

  const apiAt = await api.at(amended.blockHash);
  const versions = await apiAt.call.disclosuresApi.versions(company, period);
  assert.equal(versions.length, 2);
  assert.equal(versions[0].superseded.isTrue, true);
  assert.equal(versions[0].filing.content.document.digest.toHex(), `0x${'01'.repeat(32)}`);
  assert.equal(versions[0].filing.content.figures.netProfit.unwrap().toBigInt(), -50_000_000n);
  assert.equal(versions[1].filing.amends.unwrap().toNumber(), 1);
  assert.equal(versions[1].filing.reason.toUtf8(), 'restated cash');
  const latest = (await apiAt.call.disclosuresApi.latestFiling(company, period)).unwrap();
  assert.equal(latest.id.version.toNumber(), 2);
  assert.ok(latest.companyStanding.unwrap().status.isActive);
  const attestations = await apiAt.call.disclosuresApi.attestations(original);
  assert.equal(attestations.length, 1);
  assert.equal(attestations[0].attestation.auditor.toUtf8(), auditFirm);
  assert.ok(attestations[0].auditorNow.unwrap().status.isAccredited);
});

test('an accredited body certifies an operator whom anyone can verify, until it revokes the certificate', async () => {
  const api = await node.api();
  const keyring = new Keyring({ type: 'sr25519' });
  // Dave is the human-resources ministry; Ferdie acts for a public institution (a college).
  const [dave, ferdie] = ['Dave', 'Ferdie'].map((name) => keyring.addFromUri(`//${name}`));
  const college = '12110000MB0013469Y';
  const defined = await sendAndWatch(api.tx.certification.defineScheme(
    '区块链应用操作员', { Vocational: 4 }, 1_095, null), dave);
  const scheme = defined.events.find((e) => api.events.certification.SchemeDefined.is(e)).data.scheme.toNumber();
  await sendAndWatch(api.tx.certification.registerBody(college, [ferdie.address]), dave);
  const now = Date.now();
  await sendAndWatch(api.tx.certification.accredit(college, scheme, now - 86_400_000, now + 365 * 86_400_000), dave);

  // The holder's identity never leaves the college: only its salted hash is sent.
  const holder = api.registry.hash(new Uint8Array([
    ...new TextEncoder().encode('govchain/holder'), ...new Uint8Array(32).fill(7),
    ...new TextEncoder().encode('110105199001011234')])).toHex();
  const issued = await sendAndWatch(api.tx.certification.issue(college, scheme,
    { holder, account: null, document: `0x${'04'.repeat(32)}` }), ferdie);
  const id = issued.events.find((e) => api.events.certification.Issued.is(e)).data.certificate.toNumber();
  // The ministry is not an operator of the college, but may not issue either.
  await assert.rejects(sendAndWatch(api.tx.certification.issue(college, scheme,
    { holder: `0x${'09'.repeat(32)}`, account: null, document: `0x${'04'.repeat(32)}` }), dave),
  /certification.NotOperator/);

  let verification = (await (await api.at(issued.blockHash)).call.certificationApi.verify(id)).unwrap();
  assert.ok(verification.status.isValid, verification.status.type);
  assert.equal(verification.certificate.holder.toHex(), holder);
  assert.equal(verification.certificate.issuer.toUtf8(), college);
  assert.ok(verification.issuerAccreditedAtIssue.isTrue);

  const revoked = await sendAndWatch(api.tx.certification.revoke(id, 'exam fraud'), ferdie);
  verification = (await (await api.at(revoked.blockHash)).call.certificationApi.verify(id)).unwrap();
  assert.ok(verification.status.isRevoked);
  assert.equal(verification.status.asRevoked.reason.toUtf8(), 'exam fraud');
});

test('the node stops cleanly on SIGINT, logging no failure', async () => {
  const stopping = node;
  node = undefined;
  const running = stopping.log().length;
  const { code, signal } = await stopping.stop();
  assert.equal(signal, null, `stopped by signal ${signal}, log:\n${stopping.log()}`);
  assert.equal(code, 0, `exit code ${code}, log:\n${stopping.log()}`);
  // A clean stop reports no failure (the pool's tasks used to be reported as failed).
  const shutdown = stopping.log().slice(running);
  assert.doesNotMatch(shutdown, /Essential task .* failed/, shutdown);
});
