// The `local` chain as a network of agencies on loopback: the validators of three agencies
// (Alice, Bob, Charlie) author blocks and finalize them; then a fourth agency (Dave's human
// resources bureau) brings a validator: its node generates session keys over RPC, Dave
// registers them and proposes the validator, and the council approves it and admits the
// node's network key. After the session change the fourth node authors blocks and finality
// still advances. Only nodes with admitted network keys may connect (pallet-node-authorization).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WsProvider } from '@polkadot/api';
import { u8aToBn, u8aToHex } from '@polkadot/util';
import { base58Decode } from '@polkadot/util-crypto';
import { councilPasses } from './council.js';
import { devAccounts } from './previous-runtime.js';
import { keepingLogsOnFailure, sendAndWatch, startNode, waitFor } from './node-process.js';

/** The network key of node `n` (1 to 4): the local chain admits keys 1, 2 and 3 at genesis. */
const nodeKey = (n) => n.toString(16).padStart(64, '0');

let alice;
let bob;
let charlie;
let dave;
const nodes = () => [alice, bob, charlie, dave];

/** Alice's node as a bootnode address. */
async function aliceBootnode() {
  const peerId = await (await alice.api()).rpc.system.localPeerId();
  return `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${peerId}`;
}

before(async () => {
  alice = await startNode('alice', ['--chain', 'local', '--alice', '--node-key', nodeKey(1)]);
  const bootnode = await aliceBootnode();
  bob = await startNode('bob', ['--chain', 'local', '--bob', '--node-key', nodeKey(2), '--bootnodes', bootnode]);
  charlie = await startNode('charlie',
    ['--chain', 'local', '--charlie', '--node-key', nodeKey(3), '--bootnodes', bootnode]);
});

/** Starts the fourth agency's node: no development keys (they are generated on the node,
 * over RPC), a network key the chain has not admitted yet. */
async function startDave() {
  dave = await startNode('dave',
    ['--chain', 'local', '--validator', '--node-key', nodeKey(4), '--bootnodes', await aliceBootnode()]);
}

after(async () => {
  for (const node of nodes().reverse()) if (node) await node.stop();
});

/** The Aura slot a block was authored in, from its pre-runtime digest. */
function auraSlot(header) {
  const preRuntime = header.digest.logs.find(
    (log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  assert.ok(preRuntime, `block ${header.number} has an Aura pre-runtime digest`);
  return u8aToBn(preRuntime.asPreRuntime[1].toU8a(true), { isLe: true }).toNumber();
}

async function finalizedNumber(api) {
  return (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
}

/** Waits until finality on `node` is at least two blocks past where it is now. */
async function finalityAdvances(node) {
  const api = await node.api();
  const start = await finalizedNumber(api);
  await waitFor(`finality to advance on ${node.name}`,
    async () => (await finalizedNumber(api)) >= Math.max(start + 2, 3), { timeoutMs: 120_000 });
}

test('the three agencies\' validators author blocks and finality advances on each node', () =>
  keepingLogsOnFailure(nodes(), async () => {
    const api = await alice.api();
    const authorities = (await api.query.aura.authorities()).length;
    assert.equal(authorities, 3);
    const authors = new Set();
    await waitFor('blocks from all three validators', async () => {
      authors.add(auraSlot(await api.rpc.chain.getHeader()) % authorities);
      return authors.size === 3;
    }, { timeoutMs: 120_000, intervalMs: 1_000 });
    for (const node of [alice, bob, charlie]) await finalityAdvances(node);
  }));

test('a node whose network key the council has not admitted gets no peers', () =>
  keepingLogsOnFailure(nodes(), async () => {
    // The admitted nodes' offchain workers have restricted them to the admitted network
    // keys since their first blocks; the fourth node starts now.
    await startDave();
    const daveApi = await dave.api();
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    assert.equal((await daveApi.rpc.system.health()).peers.toNumber(), 0);
    assert.equal((await daveApi.rpc.chain.getHeader()).number.toNumber(), 0, 'dave cannot sync');
  }));

test('the council adds a fourth agency\'s validator, which then authors blocks while finality advances', () =>
  keepingLogsOnFailure(nodes(), async () => {
    const api = await alice.api();
    const accounts = devAccounts();
    const daveAccount = accounts.dave;

    // 1. The operator generates session keys on the new node, proving ownership for Dave's
    //    account (author_rotateKeysWithOwner; plain author_rotateKeys gives no proof, which
    //    session.setKeys needs since polkadot-sdk stable2609).
    const daveApi = await dave.api();
    // @polkadot/api 16 has no decoration for this method: a plain JSON-RPC call.
    const rpc = new WsProvider(`ws://127.0.0.1:${dave.rpcPort}`);
    await rpc.isReady;
    const generated = await rpc.send('author_rotateKeysWithOwner', [u8aToHex(daveAccount.publicKey)]);
    await rpc.disconnect();
    assert.ok(generated.keys && generated.proof, `keys and proof: ${JSON.stringify(generated)}`);

    // 2. Dave, the agency's admin, proposes the validator account; its operator (Dave too)
    //    registers the keys. Both go through an admitted node.
    await sendAndWatch(api.tx.validators.proposeAddition(daveAccount.address), daveAccount);
    await sendAndWatch(api.tx.session.setKeys(generated.keys, generated.proof), daveAccount);
    assert.ok((await api.query.session.nextKeys(daveAccount.address)).isSome);

    // 3. The council approves the validator and admits the node's network key in one motion.
    const peerId = (await daveApi.rpc.system.localPeerId()).toString();
    const motion = api.tx.utility.batchAll([
      api.tx.validators.approve(daveAccount.address),
      api.tx.nodeAuthorization.addWellKnownNode(u8aToHex(base58Decode(peerId)), daveAccount.address),
    ]);
    const members = (await api.query.council.members()).map(String);
    const voters = [accounts.alice, accounts.bob, accounts.charlie].filter((pair) => members.includes(pair.address));
    assert.equal(voters.length, 3, 'three of the four seats: two thirds');
    await councilPasses(api, motion, voters);
    assert.ok((await api.query.validators.validators(daveAccount.address)).isSome);

    // 4. The node is let in and syncs.
    await waitFor('dave to peer and sync', async () =>
      (await daveApi.rpc.system.health()).peers.toNumber() >= 1 &&
      (await daveApi.rpc.chain.getHeader()).number.toNumber() > 0, { timeoutMs: 120_000, intervalMs: 1_000 });

    // 5. After the session change, the fourth validator is an authority and authors blocks.
    const daveAura = u8aToHex((await api.query.session.nextKeys(daveAccount.address)).unwrap().aura);
    await waitFor('four Aura authorities', async () =>
      (await api.query.aura.authorities()).map((key) => key.toHex()).includes(daveAura),
      { timeoutMs: 240_000, intervalMs: 2_000 });
    assert.equal((await api.query.grandpa.authorities()).length, 4);
    await waitFor('a block authored by dave', async () => {
      const session = (await api.query.session.currentIndex()).toNumber();
      return (await api.query.validators.authoredBlocks(session, daveAccount.address)).toNumber() > 0;
    }, { timeoutMs: 120_000, intervalMs: 2_000 });

    // 6. Finality keeps advancing on every node, the new one included.
    for (const node of nodes()) await finalityAdvances(node);
  }));
