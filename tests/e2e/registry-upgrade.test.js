// A live runtime upgrade with a storage migration: a development chain started on the
// previous release's runtime (spec 102, company registry at storage version 1; the wasm is
// kept in fixtures/), populated through that runtime's own calls, then upgraded the way
// the chain is governed — a council motion authorizes this build's runtime, anyone applies
// it — after which the registry's migration runs in the next block and every record reads
// back through the new runtime API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { CHAOYANG_ENTERPRISE } from './fixtures.js';
import { councilPasses } from './council.js';
import { sendAndWatch, waitFor } from './node-process.js';
import {
  devAccounts, populatePreviousRegistry, PREVIOUS_SPEC_VERSION, startPreviousRuntimeNode,
} from './previous-runtime.js';

const COMPANY = CHAOYANG_ENTERPRISE;

let chain;

before(async () => {
  chain = await startPreviousRuntimeNode('upgrade');
});

after(async () => {
  if (chain) await chain.stop();
});

test('the council upgrades a populated chain and the registry migrates with nothing lost', async () => {
  const { node, newCode } = chain;
  const api = await node.api();
  const { alice, bob, charlie, dave, eve, ferdie } = devAccounts();
  assert.equal(api.runtimeVersion.specVersion.toNumber(), PREVIOUS_SPEC_VERSION,
    'the chain starts on the previous runtime');
  assert.equal((await api.query.companyRegistry.palletVersion()).toNumber(), 1);
  const particulars = await populatePreviousRegistry(api, { eve, ferdie });
  const before = (await api.call.companyRegistryApi.company(COMPANY)).unwrap();
  assert.equal(before.standing.abnormalListings.toNumber(), 1);

  // Two thirds of the council authorize this build's runtime; Dave applies it.
  const members = (await api.query.council.members()).map((member) => member.toString());
  const voters = [alice, bob, charlie, dave, eve, ferdie].filter((pair) => members.includes(pair.address));
  assert.equal(voters.length, members.length, 'every seat is a development account');
  const authorize = api.tx.governance.authorizeUpgrade(api.registry.hash(newCode).toHex());
  await councilPasses(api, authorize, voters);
  await sendAndWatch(api.tx.system.applyAuthorizedUpgrade(newCode), dave);

  // The next block runs the migration.
  await waitFor('the registry at storage version 2',
    async () => (await api.query.companyRegistry.palletVersion()).toNumber() === 2,
    { timeoutMs: 120_000 });
  // A client connecting now reads the new runtime's metadata and runtime APIs (polkadot.js
  // does not re-read the runtime API list of a connection across an upgrade).
  const upgraded = await ApiPromise.create({
    provider: new WsProvider(`ws://127.0.0.1:${node.rpcPort}`), noInitWarn: true,
  });
  try {
    await checkMigratedRegistry(upgraded, particulars, ferdie, eve);
    // The chain's fixed authority, Alice, became the market regulator's validator (the
    // runtime's adoption migration), and blocks go on.
    const alice = devAccounts().alice;
    const record = (await upgraded.query.validators.validators(alice.address)).unwrap();
    assert.equal(record.agency.toUtf8(), '11110000MB0013426L');
    assert.deepEqual((await upgraded.query.session.validators()).map(String), [alice.address]);
    assert.ok((await upgraded.query.session.nextKeys(alice.address)).isSome);
    const from = (await upgraded.rpc.chain.getHeader()).number.toNumber();
    await waitFor('blocks after the upgrade', async () =>
      (await upgraded.rpc.chain.getHeader()).number.toNumber() >= from + 3, { timeoutMs: 60_000 });
  } finally {
    await upgraded.disconnect();
  }
});

/** The records the previous runtime wrote, as the new runtime reads them. */
async function checkMigratedRegistry(api, particulars, ferdie, eve) {
  assert.ok(api.runtimeVersion.specVersion.toNumber() > PREVIOUS_SPEC_VERSION);
  const details = (await api.call.companyRegistryApi.company(COMPANY)).unwrap();
  assert.ok(details.standing.status.isActive);
  assert.equal(details.standing.abnormalListings.toNumber(), 1);
  assert.ok(details.company.abnormalListings[0].reason.isFalseInformation);
  assert.equal(details.company.particulars.legalName.toUtf8(), particulars.legalName);
  assert.equal(details.company.controllers[0].toString(), ferdie.address);
  // The share became a subscription of the whole capital; payments were not recorded.
  const [holding] = details.company.particulars.shareholders;
  assert.equal(holding.subscribed.toBigInt(), 2_000_000_000n);
  assert.equal(holding.paidIn.toBigInt(), 0n);
  assert.ok(holding.form.isNone);
  assert.equal(details.capital.subscribed.toBigInt(), 2_000_000_000n);
  // The history replays the capital of its time.
  const page = await api.call.companyRegistryApi.history(COMPANY, 0, 10);
  assert.equal(page.total.toNumber(), 3);
  assert.ok(page.records[0].change.isRegistered);
  const amended = page.records[1].change.asAmended;
  assert.ok(amended.isCapital);
  assert.equal(amended.asCapital.shareholders[0].subscribed.toBigInt(), 2_000_000_000n);
  assert.ok(page.records[2].change.isListed);
  // The lists were built by the migration.
  const abnormal = await api.call.companyRegistryApi.companiesOnList('Abnormal', null, 10);
  assert.deepEqual(abnormal.companies.map(([code]) => code.toUtf8()), [COMPANY]);
  const active = await api.call.companyRegistryApi.companiesOnList('Active', null, 10);
  assert.equal(active.total.toNumber(), 1);

  // The register goes on under the new rules: the company publishes a payment.
  const paid = await sendAndWatch(api.tx.companyRegistry.recordPaidIn(
    COMPANY, holding.party, 500_000_000n), ferdie);
  assert.ok(paid.events.some((event) => api.events.companyRegistry.CapitalPaidIn.is(event)));
  const removed = await sendAndWatch(api.tx.companyRegistry.removeListing(
    COMPANY, 'FalseInformation', 'Decision 2026-121'), eve);
  assert.ok(removed.events.some((event) => api.events.companyRegistry.ListingRemoved.is(event)));
}
