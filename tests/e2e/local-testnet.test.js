// The `local` chain with two validators, Alice and Bob, as two processes peered on
// loopback: both author blocks, and GRANDPA finality (which needs both votes) advances.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { u8aToBn } from '@polkadot/util';
import { startNode, waitFor } from './node-process.js';

let alice;
let bob;

before(async () => {
  alice = await startNode('alice', ['--chain', 'local', '--alice']);
  const peerId = (await (await alice.api()).rpc.system.localPeerId()).toString();
  bob = await startNode('bob', [
    '--chain', 'local', '--bob',
    '--bootnodes', `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${peerId}`,
  ]);
});

after(async () => {
  for (const node of [bob, alice]) if (node) await node.stop();
});

/** The Aura slot a block was authored in, from its pre-runtime digest. */
function auraSlot(header) {
  const preRuntime = header.digest.logs.find(
    (log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  assert.ok(preRuntime, `block ${header.number} has an Aura pre-runtime digest`);
  return u8aToBn(preRuntime.asPreRuntime[1].toU8a(true), { isLe: true }).toNumber();
}

test('the two validators peer with each other', async () => {
  for (const node of [alice, bob]) {
    const api = await node.api();
    await waitFor(`${node.name} to see its peer`,
      async () => (await api.rpc.system.health()).peers.toNumber() >= 1);
  }
});

test('both validators author blocks and finality advances on both nodes', async () => {
  const api = await alice.api();
  const authorities = (await api.query.aura.authorities()).length;
  assert.equal(authorities, 2);

  // Collect the authors of new blocks until both have authored (slot mod authorities).
  const authors = new Set();
  await waitFor('blocks from both validators', async () => {
    const header = await api.rpc.chain.getHeader();
    authors.add(auraSlot(header) % authorities);
    return authors.size === 2;
  }, { timeoutMs: 120_000, intervalMs: 1_000 });

  for (const node of [alice, bob]) {
    const nodeApi = await node.api();
    const finalized = async () =>
      (await nodeApi.rpc.chain.getHeader(await nodeApi.rpc.chain.getFinalizedHead())).number.toNumber();
    const start = await finalized();
    await waitFor(`finality to advance on ${node.name}`,
      async () => (await finalized()) >= Math.max(start + 2, 3), { timeoutMs: 120_000 });
  }
});
