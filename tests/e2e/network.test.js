// scripts/network.sh as an operator runs it: four agency validators start from one command,
// finality advances on every node and all four agree on the finalized block at one height;
// a second `start` leaves the running nodes alone; `stop` shuts them down cleanly.
//
// In between, a runtime upgrade with a storage migration on the live network: the network
// starts on the previous release's runtime (spec 103, kept in fixtures/), the Beijing
// scenario (scripts/scenario.sh) writes records in every domain pallet, a council motion is
// left open; then the council authorizes this build's runtime (the agencies pallet's
// migration: officers out of the agency records), Dave applies it, and the migration runs
// in the next block. Every node follows and finality goes on; the whole state before the
// migration's block is compared, key by key, with the state after it, and the migrated
// agencies record by record with their version 0 reading.
//
// With GOVCHAIN_TRY_RUNTIME_WASM=<this build's runtime wasm built with --features
// try-runtime> the migration's try-runtime checks also run against the network's state
// (scripts/try-runtime-live.sh) before the council votes; the test suite runs without it
// (that wasm is a separate build: docs/reliability.md, "Upgrade on a live network").
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { councilPasses } from './council.js';
import { CHAOYANG_ENTERPRISE, companyParticulars } from './fixtures.js';
import { NODE_BINARY, privateNetwork, rpc, sendAndWatch, waitFor } from './node-process.js';
import { devAccounts } from './previous-runtime.js';

const RELEASE_SPEC_VERSION = 103;
const RELEASE_RUNTIME = fileURLToPath(
  new URL('./fixtures/govchain-runtime-spec103.compact.compressed.wasm', import.meta.url));
const scripts = join(dirname(fileURLToPath(import.meta.url)), '../../scripts');

const { directory, network, logs } = privateNetwork('govchain-network-',
  { GOVCHAIN_NETWORK_CODE: RELEASE_RUNTIME });
const apis = [];

after(async () => {
  for (const api of apis) await api.disconnect();
  try {
    await network('stop');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

/** This build's runtime, as the node embeds it: the code the council authorizes. */
function thisBuildsRuntime() {
  const spec = JSON.parse(spawnSync(NODE_BINARY, ['build-spec', '--chain', 'dev'],
    { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }).stdout);
  return spec.genesis.runtimeGenesis.code;
}

/** Every storage key and value at block `hash`, read from the node on `port`. */
async function stateAt(port, hash) {
  const state = new Map();
  let startKey = null;
  for (;;) {
    const keys = await rpc(port, 'state_getKeysPaged', ['0x', 1000, startKey, hash]);
    if (keys.length === 0) break;
    const [{ changes }] = await rpc(port, 'state_queryStorageAt', [keys, hash]);
    for (const [key, value] of changes) state.set(key, value);
    startKey = keys[keys.length - 1];
  }
  return state;
}

/** The pallet a storage key belongs to (by its 16-byte prefix), or the key itself. */
function owner(prefixes, key) {
  return prefixes.get(key.slice(0, 34)) ?? key;
}

/**
 * The fewest council members whose votes make two thirds, from the keys known here: the
 * founding admins (Alice to Dave) and the admins the scenario derives for the agencies it
 * admits (scripts/scenario/beijing.js, `adminOf`).
 */
async function twoThirdsOfTheCouncil(api) {
  const members = (await api.query.council.members()).map(String);
  const keyring = new Keyring({ type: 'sr25519' });
  const codes = (await api.query.agencies.agencies.keys()).map(({ args: [code] }) => code.toUtf8());
  const known = [...Object.values(devAccounts()),
    ...codes.map((code) => keyring.addFromUri(`//govchain-scenario//${code}//admin`))];
  const voters = known.filter((pair) => members.includes(pair.address));
  const needed = Math.ceil((2 * members.length) / 3);
  assert.ok(voters.length >= needed, `the keys of ${voters.length} of ${members.length} seats are known`);
  return voters.slice(0, needed);
}

const finalizedNumber = async (api) =>
  (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();

test('four validators start from one command, finalize, and agree on the finalized chain', async () => {
  const started = await network('start', '4');
  const { nodes, genesisCodeSha256 } = JSON.parse(readFileSync(join(directory, 'network.json'), 'utf8'));
  assert.equal(nodes.length, 4);
  assert.match(genesisCodeSha256, /^[0-9a-f]{64}$/, 'the network records the runtime it started on');
  for (const node of nodes) {
    assert.match(started, new RegExp(`${node.name}: https://polkadot.js.org/apps/\\?rpc=ws://127.0.0.1:${node.rpc}`));
  }
  try {
    for (const node of nodes) {
      const provider = new WsProvider(`ws://127.0.0.1:${node.rpc}`);
      apis.push(await ApiPromise.create({ provider, noInitWarn: true }));
    }
    for (const api of apis) assert.equal(api.runtimeVersion.specVersion.toNumber(), RELEASE_SPEC_VERSION);
    // Four validators, one per founding agency, with no sudo key.
    assert.equal((await apis[0].query.session.validators()).length, 4);
    assert.equal((await apis[0].query.validators.validators.entries()).length, 4);
    assert.ok((await apis[0].query.sudo.key()).isNone, 'no sudo key');
    await waitFor('finality past block 3 on every node', async () =>
      (await Promise.all(apis.map(finalizedNumber))).every((number) => number >= 3), { timeoutMs: 180_000, intervalMs: 1_000 });

    const height = Math.min(...await Promise.all(apis.map(finalizedNumber)));
    const hashes = await Promise.all(apis.map(async (api) => (await api.rpc.chain.getBlockHash(height)).toHex()));
    assert.equal(new Set(hashes).size, 1, `one finalized block at height ${height}: ${hashes}`);

    const status = await network('status');
    for (const node of nodes) {
      const [, state, best, final, peers] = status.split('\n').find((line) => line.startsWith(`${node.name} `)).split(/\s+/);
      assert.equal(state, 'running');
      assert.ok(Number(final) >= height && Number(best) >= Number(final), status);
      assert.equal(Number(peers), 3, status);
    }
  } catch (error) {
    error.message += `\n${logs(nodes)}`;
    throw error;
  }
});

test('the council upgrades a live four-validator network; the agencies migrate and nothing else changes', async (t) => {
  const { nodes } = JSON.parse(readFileSync(join(directory, 'network.json'), 'utf8'));
  assert.equal(apis.length, 4, 'the first test connected to every node');
  try {
    const [api] = apis;
    const port = nodes[0].rpc;
    assert.equal((await api.query.agencies.palletVersion()).toNumber(), 0);
    const { alice, bob, dave, eve, ferdie } = devAccounts();

    // Records in every domain pallet, as the agencies make them.
    const { stdout } = await promisify(execFile)('bash', [join(scripts, 'scenario.sh'), '--url', `ws://127.0.0.1:${port}`],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    t.diagnostic(stdout.trim().split('\n').slice(-6).join(' | '));
    // A motion left open across the upgrade: Dave proposes, Bob votes.
    const grant = api.tx.agencies.grantRole('11110000MB0013426L', 'OtherAgency');
    const proposed = await sendAndWatch(api.tx.council.propose(3, grant, grant.method.encodedLength), dave);
    const { proposalIndex, proposalHash } = proposed.events.find((event) => api.events.council.Proposed.is(event)).data;
    await sendAndWatch(api.tx.council.vote(proposalHash, proposalIndex, true), bob);

    const wasm = process.env.GOVCHAIN_TRY_RUNTIME_WASM;
    if (wasm) {
      const checked = spawnSync(join(scripts, 'try-runtime-live.sh'), [`ws://127.0.0.1:${port}`, wasm],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 900_000 });
      const output = checked.stdout + checked.stderr;
      assert.equal(checked.status, 0, `try-runtime checks against the live state:\n${output.slice(-4_000)}`);
      t.diagnostic(`try-runtime: ${output.match(/^Consumed weight: .*$/m)?.[0]}; PASSED`);
    } else {
      t.diagnostic('try-runtime checks not run: set GOVCHAIN_TRY_RUNTIME_WASM to a try-runtime build of this runtime');
    }

    // The agencies as the release reads them (version 0), for the comparison after the upgrade.
    const agenciesBefore = await api.query.agencies.agencies.entries();

    // Two thirds of the seats, the founding agencies' and the scenario's admins, authorize
    // this build's runtime.
    const voters = await twoThirdsOfTheCouncil(api);
    const code = thisBuildsRuntime();
    await councilPasses(api, api.tx.governance.authorizeUpgrade(api.registry.hash(code).toHex()), voters);
    // (The block's events are not read: this client decodes them with the new metadata.)
    const applied = await sendAndWatch(api.tx.system.applyAuthorizedUpgrade(code), dave);
    const includedAt = (await api.rpc.chain.getHeader(applied.blockHash)).number.toNumber();

    // Every node follows: six blocks past the upgrade finalized everywhere, on one chain.
    await waitFor('finality past the upgrade on every node', async () =>
      (await Promise.all(apis.map(finalizedNumber))).every((number) => number >= includedAt + 6),
    { timeoutMs: 180_000, intervalMs: 1_000 });
    // The upgrade block: the first finalized block whose state holds the new code (the block
    // that included the call may have been another fork's).
    const runtimeAt = async (number) => {
      const hash = await rpc(port, 'chain_getBlockHash', [number]);
      return { hash, specVersion: (await rpc(port, 'state_getRuntimeVersion', [hash])).specVersion };
    };
    let upgradeNumber = includedAt - 3;
    while (upgradeNumber <= includedAt + 2 && (await runtimeAt(upgradeNumber)).specVersion === RELEASE_SPEC_VERSION) {
      upgradeNumber += 1;
    }
    assert.ok(upgradeNumber <= includedAt + 2, `the upgrade is in the finalized chain near block ${includedAt}`);
    const upgradeHash = (await runtimeAt(upgradeNumber)).hash;
    const migrationHashes = await Promise.all(apis.map(async (each) => (await each.rpc.chain.getBlockHash(upgradeNumber + 1)).toHex()));
    assert.equal(new Set(migrationHashes).size, 1, `one migration block: ${migrationHashes}`);
    const [migrationHash] = migrationHashes;
    for (const node of nodes) {
      const version = await rpc(node.rpc, 'state_getRuntimeVersion', []);
      assert.ok(version.specVersion > RELEASE_SPEC_VERSION, `${node.name} runs the new runtime`);
    }
    const afterApi = await api.at(migrationHash);
    assert.equal((await afterApi.query.agencies.palletVersion()).toNumber(), 1, 'the agencies migrated');

    // The state before the migration's block and after it: only the per-block bookkeeping
    // and the agencies' migrated records may differ.
    const [before, afterState] = await Promise.all([stateAt(port, upgradeHash), stateAt(port, migrationHash)]);
    const prefixes = new Map(afterApi.registry.metadata.pallets
      .filter(({ storage }) => storage.isSome)
      .map(({ storage }) => [xxhashAsHex(storage.unwrap().prefix.toString(), 128), storage.unwrap().prefix.toString()]));
    const perBlockPallets = new Set(['System', 'Timestamp', 'Aura']);
    // Blocks authored per validator and session: written by every block.
    const perBlockItems = [afterApi.query.validators.authoredBlocks, afterApi.query.validators.sessionBlocks]
      .map((item) => item.keyPrefix());
    const migrated = [afterApi.query.agencies.agencies.keyPrefix(), afterApi.query.agencies.officers.keyPrefix(),
      `${xxhashAsHex('Agencies', 128)}${xxhashAsHex(':__STORAGE_VERSION__:', 128).slice(2)}`];
    const differing = new Map();
    for (const key of new Set([...before.keys(), ...afterState.keys()])) {
      if (before.get(key) === afterState.get(key)) continue;
      const pallet = owner(prefixes, key);
      differing.set(pallet, (differing.get(pallet) ?? 0) + 1);
      const expected = perBlockPallets.has(pallet) || [...perBlockItems, ...migrated].some((prefix) => key.startsWith(prefix));
      assert.ok(expected, `${pallet}: ${key} changed across the upgrade`);
    }
    const unchanged = [...before.keys()].filter((key) => before.get(key) === afterState.get(key));
    t.diagnostic(`${before.size} keys before, ${afterState.size} after, ${unchanged.length} unchanged; changed by pallet: ${JSON.stringify(Object.fromEntries(differing))}`);
    for (const pallet of ['CompanyRegistry', 'Customs', 'Disclosures', 'Certification', 'Validators', 'Council', 'Balances']) {
      assert.ok(unchanged.some((key) => owner(prefixes, key) === pallet), `${pallet} holds records, unchanged`);
    }

    // The agencies, record by record: version 0 as the release read it, version 1 now.
    const agencyKey = (name) => api.query.agencies[name].keyPrefix();
    for (const [key, record] of agenciesBefore) {
      assert.equal(before.get(key.toHex()), record.unwrap().toHex(), 'the records read before the vote are those migrated');
    }
    const officersAfter = await afterApi.query.agencies.officers.entries();
    assert.ok(agenciesBefore.length >= 8, 'four founding agencies and the scenario\'s');
    for (const [key, record] of agenciesBefore) {
      const [code] = key.args;
      const old = record.unwrap();
      const now = (await afterApi.query.agencies.agencies(code)).unwrap();
      for (const field of ['name', 'roles', 'status', 'admin', 'admittedAt']) {
        assert.deepEqual(now[field].toJSON(), old[field].toJSON(), `${code.toUtf8()}: ${field}`);
      }
      const listed = officersAfter.filter(([{ args: [agency] }]) => agency.eq(code)).map(([{ args: [, officer] }]) => officer.toString());
      assert.deepEqual(listed.sort(), old.officers.map(String).sort(), `${code.toUtf8()}: officers`);
      assert.equal(now.officerCount.toNumber(), listed.length);
    }
    assert.equal(officersAfter.length, agenciesBefore.reduce((sum, [, record]) => sum + record.unwrap().officers.length, 0));
    for (const name of ['officerOf', 'seats']) {
      const prefix = agencyKey(name);
      const keys = [...before.keys()].filter((key) => key.startsWith(prefix));
      assert.ok(keys.length > 0 && keys.every((key) => before.get(key) === afterState.get(key)), `Agencies.${name} unchanged`);
    }
    assert.ok((await afterApi.query.council.proposals()).some((hash) => hash.eq(proposalHash)), 'the open motion is still open');

    // The chain works on under the new runtime: an admin appoints an officer, an officer registers.
    const upgraded = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${nodes[1].rpc}`), noInitWarn: true });
    apis.push(upgraded);
    const appointee = devAccounts().ferdie.derive('//registrar');
    const added = await sendAndWatch(upgraded.tx.agencies.addOfficer(appointee.address), alice);
    assert.ok(added.events.some((event) => upgraded.events.agencies.OfficerAdded.is(event)));
    const marketRegulatorOfficers = await upgraded.query.agencies.officers.keys('11110000MB0013426L');
    assert.ok(marketRegulatorOfficers.some(({ args: [, officer] }) => officer.eq(appointee.address)));
    const registered = await sendAndWatch(upgraded.tx.companyRegistry.register(CHAOYANG_ENTERPRISE, companyParticulars(2),
      [ferdie.address], { organisationCheck: false, codeCheck: false }, 'Decision 2026-130'), eve);
    assert.ok(registered.events.some((event) => upgraded.events.companyRegistry.CompanyRegistered.is(event)));
  } catch (error) {
    error.message += `\n${logs(nodes)}`;
    throw error;
  }
});

test('start again leaves the running nodes alone; stop shuts every node down', async () => {
  const pids = (names) => names.map((name) => readFileSync(join(directory, name, 'pid'), 'utf8').trim());
  const names = ['validator-1', 'validator-2', 'validator-3', 'validator-4'];
  const before = pids(names);
  const again = await network('start');
  for (const api of apis.splice(0)) await api.disconnect();
  assert.equal((again.match(/already running/g) || []).length, 4);
  assert.deepEqual(pids(names), before);

  const stopped = await network('stop');
  assert.equal((stopped.match(/: stopped/g) || []).length, 4, stopped);
  assert.doesNotMatch(stopped, /killed/);
  for (const pid of before) {
    assert.throws(() => process.kill(Number(pid), 0), /ESRCH/, `process ${pid} is gone`);
  }
  for (const name of names) {
    const log = readFileSync(join(directory, name, 'node.log'), 'utf8');
    assert.doesNotMatch(log.slice(-5_000), /Essential task .* failed/, `${name} stopped without a failure`);
  }
  const status = await network('status');
  assert.equal((status.match(/ stopped/g) || []).length, 4, status);
  await assert.rejects(network('start', 'four'), /N must be a number/);

  // The network's genesis runtime is part of what it is: another one, or none, is refused;
  // a file that is no runtime, or no file, gets one line.
  const spec = (...args) => promisify(execFile)('python3', [join(scripts, 'network-spec.py'), directory, '4', ...args],
    { env: { ...process.env, GOVCHAIN_NODE: NODE_BINARY }, encoding: 'utf8' });
  await assert.rejects(spec(), /holds another network \(4 validators, loopback layout, genesis runtime [0-9a-f]{64}\)/);
  assert.match((await spec('--code', RELEASE_RUNTIME)).stdout, /exists; kept/);
  await assert.rejects(spec('--code', join(directory, 'network.json')),
    (error) => error.stderr.trim() === `network-spec: --code ${join(directory, 'network.json')}: not a runtime wasm (neither wasm nor compressed wasm)`);
  await assert.rejects(spec('--code', join(directory, 'missing.wasm')), /--code .*missing\.wasm: No such file or directory/);
});
