// scripts/network.sh as an operator runs it: four agency validators start from one command,
// finality advances on every node and all four agree on the finalized block at one height;
// a second `start` leaves the running nodes alone; `stop` shuts them down cleanly.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { privateNetwork, waitFor } from './node-process.js';

const { directory, network } = privateNetwork('govchain-network-');
const apis = [];

after(async () => {
  for (const api of apis) await api.disconnect();
  try {
    await network('stop');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

/** Every node's log, for a failure message. */
function logs(nodes) {
  return nodes.map(({ name }) => `--- ${name}\n${readFileSync(join(directory, name, 'node.log'), 'utf8').slice(-3_000)}`)
    .join('\n');
}

test('four validators start from one command, finalize, and agree on the finalized chain', async () => {
  const started = await network('start', '4');
  const { nodes } = JSON.parse(readFileSync(join(directory, 'network.json'), 'utf8'));
  assert.equal(nodes.length, 4);
  for (const node of nodes) {
    assert.match(started, new RegExp(`${node.name}: https://polkadot.js.org/apps/\\?rpc=ws://127.0.0.1:${node.rpc}`));
  }
  try {
    for (const node of nodes) {
      const provider = new WsProvider(`ws://127.0.0.1:${node.rpc}`);
      apis.push(await ApiPromise.create({ provider, noInitWarn: true }));
    }
    const finalized = async (api) =>
      (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    // Four validators, one per founding agency, with no sudo key.
    assert.equal((await apis[0].query.session.validators()).length, 4);
    assert.equal((await apis[0].query.validators.validators.entries()).length, 4);
    assert.ok((await apis[0].query.sudo.key()).isNone, 'no sudo key');
    await waitFor('finality past block 3 on every node', async () =>
      (await Promise.all(apis.map(finalized))).every((number) => number >= 3), { timeoutMs: 180_000, intervalMs: 1_000 });

    const height = Math.min(...await Promise.all(apis.map(finalized)));
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
});
