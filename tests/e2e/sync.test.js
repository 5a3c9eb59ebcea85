// A new node joins a chain that already holds a few thousand blocks. The chain is built
// offline by `govchain-loadgen blocks` (registrations, transfers and remarks in every block,
// each block sealed by the validator whose slot it is) and imported by the validator's node
// with `import-blocks`, which executes every block and checks every seal; the validator then
// authors on and finalizes it. Two fresh nodes full-sync it and a third warp-syncs (warp
// sync waits for three peers); each must hold the same blocks and the same state root at
// the same height, and the warp-synced node the same state. The figures (import, full sync
// and warp sync times) are printed for docs/reliability.md. GOVCHAIN_SYNC_BLOCKS sets the
// chain's length (default 3000).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { NODE_BINARY, keepingLogsOnFailure, rpc, startNode, waitFor } from './node-process.js';

const LOADGEN = join(dirname(NODE_BINARY), 'govchain-loadgen');
const BLOCKS = Number(process.env.GOVCHAIN_SYNC_BLOCKS ?? 3000);
const directory = mkdtempSync(join(tmpdir(), 'govchain-sync-'));
const nodes = [];
after(async () => {
  for (const node of nodes.reverse()) await node.stop();
  rmSync(directory, { recursive: true, force: true });
});

const run = (binary, args) =>
  execFileSync(binary, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 << 20 });

const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

const storagePrefix = (pallet, item) => xxhashAsHex(pallet, 128) + xxhashAsHex(item, 128).slice(2);

async function header(node, number) {
  const hash = await rpc(node.rpcPort, 'chain_getBlockHash', [number]);
  assert.ok(hash, `${node.name} has block #${number}`);
  return { hash, ...(await rpc(node.rpcPort, 'chain_getHeader', [hash])) };
}

async function finalizedNumber(node) {
  const head = await rpc(node.rpcPort, 'chain_getHeader', [await rpc(node.rpcPort, 'chain_getFinalizedHead')]);
  return parseInt(head.number, 16);
}

/** The first thousand keys under `prefix` at block `hash` and their values, as `node` serves them. */
async function storageUnder(node, prefix, hash) {
  const keys = await rpc(node.rpcPort, 'state_getKeysPaged', [prefix, 1000, null, hash]);
  const values = [];
  for (const key of keys) values.push(await rpc(node.rpcPort, 'state_getStorage', [key, hash]));
  return { keys, values };
}

/** The node's blocks and state roots agree with the validator's at `heights`. */
async function assertSameChain(node, validator, heights) {
  for (const number of heights) {
    const [ours, theirs] = [await header(node, number), await header(validator, number)];
    assert.equal(ours.hash, theirs.hash, `${node.name}: block #${number} is the validator's`);
    assert.equal(ours.stateRoot, theirs.stateRoot, `${node.name}: state root at #${number}`);
  }
}

test(`fresh nodes join a chain of ${BLOCKS} blocks by full and by warp sync, with the same state`, { timeout: 900_000 }, async () => {
  await keepingLogsOnFailure(nodes, async () => {
    // A benchmark chain: the development chain with load accounts, some of them
    // market-regulator officers, so that the blocks register companies.
    const plain = join(directory, 'plain.json');
    writeFileSync(plain, run(NODE_BINARY, ['build-spec', '--chain', 'dev']));
    const bench = join(directory, 'bench.json');
    run(LOADGEN, ['spec', '--chain-spec', plain, '--accounts', '24', '--officers', '8', '--out', bench]);
    const spec = join(directory, 'raw.json');
    writeFileSync(spec, run(NODE_BINARY, ['build-spec', '--chain', bench, '--raw']));

    let since = Date.now();
    const blocks = join(directory, 'blocks.bin');
    const [built, lastHash] = run(LOADGEN, ['blocks', '--chain-spec', spec, '--blocks', String(BLOCKS),
      '--transactions', '4', '--out', blocks]).trim().split(' ');
    assert.equal(Number(built), BLOCKS);
    console.log(`built ${BLOCKS} blocks in ${seconds(since)} s`);

    since = Date.now();
    const validatorPath = join(directory, 'validator');
    run(NODE_BINARY, ['import-blocks', '--chain', spec, '--base-path', validatorPath, '--binary', blocks]);
    console.log(`the validator imported them in ${seconds(since)} s`);

    // The development chain admits no well-known nodes, and node authorization's offchain
    // worker would leave the validator accepting no peer at all; the permissioned network's
    // admissions are tested in local-testnet.test.js.
    const validator = await startNode('validator',
      ['--chain', spec, '--base-path', validatorPath, '--alice', '--offchain-worker', 'never']);
    nodes.push(validator);
    await validator.api();
    assert.equal((await header(validator, BLOCKS)).hash, lastHash, 'the imported chain is the one built');
    await waitFor('the validator to finalize the imported chain', async () => (await finalizedNumber(validator)) > BLOCKS,
      { timeoutMs: 120_000, intervalMs: 1_000 });
    const company = await rpc(validator.rpcPort, 'state_getKeysPaged', [storagePrefix('CompanyRegistry', 'Companies'), 1]);
    assert.equal(company.length, 1, 'the imported blocks registered companies');
    const peerId = await rpc(validator.rpcPort, 'system_localPeerId');
    const bootnodes = [`/ip4/127.0.0.1/tcp/${validator.p2pPort}/p2p/${peerId}`];

    // Two full nodes, syncing side by side.
    since = Date.now();
    const full = [];
    for (const name of ['full-1', 'full-2']) {
      const node = await startNode(name, ['--chain', spec, '--bootnodes', ...bootnodes]);
      nodes.push(node);
      full.push(node);
      await node.api();
    }
    for (const node of full) {
      await waitFor(`${node.name} to sync and finalize past #${BLOCKS}`, async () => (await finalizedNumber(node)) > BLOCKS,
        { timeoutMs: 600_000, intervalMs: 1_000 });
    }
    console.log(`two full nodes synced ${BLOCKS} blocks in ${seconds(since)} s`);
    for (const node of full) {
      await assertSameChain(node, validator, [1, Math.floor(BLOCKS / 2), BLOCKS, await finalizedNumber(node)]);
      bootnodes.push(`/ip4/127.0.0.1/tcp/${node.p2pPort}/p2p/${await rpc(node.rpcPort, 'system_localPeerId')}`);
    }

    // A warp-synced node: finality proofs, then the state at the target, then new blocks.
    since = Date.now();
    const warp = await startNode('warp', ['--chain', spec, '--sync', 'warp', '--bootnodes', ...bootnodes]);
    nodes.push(warp);
    await warp.api();
    await waitFor('the warp node to finalize past the imported chain', async () => (await finalizedNumber(warp)) > BLOCKS,
      { timeoutMs: 300_000, intervalMs: 1_000 });
    console.log(`a warp node synced in ${seconds(since)} s`);
    assert.match(warp.log(), /Warp sync is complete/, 'the node warp-synced');
    assert.match(warp.log(), /State sync is complete/, 'the node downloaded the state');
    const height = await finalizedNumber(warp);
    await assertSameChain(warp, validator, [height]);
    const at = (await header(warp, height)).hash;
    // The state itself, read from the warp node's own database: accounts and companies.
    for (const [pallet, item, least] of [['System', 'Account', 24], ['CompanyRegistry', 'Companies', 1]]) {
      const ours = await storageUnder(warp, storagePrefix(pallet, item), at);
      assert.ok(ours.keys.length >= least, `${pallet}.${item} is in the downloaded state`);
      assert.deepEqual(ours, await storageUnder(validator, storagePrefix(pallet, item), at), `the same ${pallet}.${item}`);
    }
  });
});

test('the blocks tool refuses bad input with one clear line and writes nothing', () => {
  const plain = join(directory, 'dev-plain.json');
  writeFileSync(plain, run(NODE_BINARY, ['build-spec', '--chain', 'dev']));
  const raw = join(directory, 'dev-raw.json');
  writeFileSync(raw, run(NODE_BINARY, ['build-spec', '--chain', 'dev', '--raw']));
  const out = join(directory, 'refused.bin');
  for (const [args, message] of [
    [['--chain-spec', plain], /has no genesis\.raw\.top: expected a raw chain spec/],
    [['--chain-spec', join(directory, 'missing.json')], /cannot read .*missing\.json/],
    [['--chain-spec', raw], /endows no load account/],
    [['--chain-spec', raw, '--transactions', '0', '--authority', '//Bob'], /slot \d+ is authority .* pass its seed with --authority/],
  ]) {
    const refused = spawnSync(LOADGEN, ['blocks', ...args, '--blocks', '3', '--out', out], { encoding: 'utf8' });
    assert.equal(refused.status, 1, `${args.join(' ')}: ${refused.stderr}`);
    assert.match(refused.stderr, message);
    assert.ok(!existsSync(out), `${args.join(' ')}: nothing written`);
  }
});
