// A single-validator development chain: blocks are produced and finalized, and a signed
// transfer from Alice to Bob lands in a block with its Transfer event.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { startNode, waitFor } from './node-process.js';

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

  const inBlock = await new Promise((resolve, reject) => {
    let unsubscribe;
    api.tx.balances
      .transferKeepAlive(bob.address, amount)
      .signAndSend(alice, ({ status, events, dispatchError }) => {
        if (dispatchError) {
          reject(new Error(`transfer failed: ${dispatchError.toString()}`));
        } else if (status.isInBlock) {
          if (unsubscribe) unsubscribe();
          resolve({ blockHash: status.asInBlock, events });
        } else if (status.isDropped || status.isInvalid || status.isUsurped) {
          reject(new Error(`transfer not included: ${status.type}`));
        }
      })
      .then((unsub) => { unsubscribe = unsub; }, reject);
  });

  const transfer = inBlock.events
    .map(({ event }) => event)
    .find((event) => api.events.balances.Transfer.is(event));
  assert.ok(transfer, 'the block holds a Balances.Transfer event');
  const [from, to, value] = transfer.data;
  assert.equal(from.toString(), alice.address);
  assert.equal(to.toString(), bob.address);
  assert.equal(value.toBigInt(), amount);

  const atBlock = await api.at(inBlock.blockHash);
  const bobAfter = (await atBlock.query.system.account(bob.address)).data.free.toBigInt();
  assert.equal(bobAfter - bobBefore, amount);
});

test('the node stops cleanly on SIGINT', async () => {
  const stopping = node;
  node = undefined;
  const { code, signal } = await stopping.stop();
  assert.equal(signal, null, `stopped by signal ${signal}, log:\n${stopping.log()}`);
  assert.equal(code, 0, `exit code ${code}, log:\n${stopping.log()}`);
});
