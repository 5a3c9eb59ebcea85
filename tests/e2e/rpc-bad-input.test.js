// The RPC bad-input campaign: a few hundred hostile requests to a development node —
// garbage bytes, truncated and malformed JSON, unknown methods, wrong parameters, an
// oversized body, raw non-HTTP bytes, and extrinsics with bad signatures, a wrong genesis,
// stale and future nonces, no funds, no signature, or over the length limit. Each gets a
// clear error (or, for the future nonce, waits in the pool unexecuted); afterwards the node
// still serves and produces and finalizes blocks, nothing but the one valid transaction was
// included, and its log holds no panic.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { keepingLogsOnFailure, sendAndWatch, startNode, waitFor } from './node-process.js';

let node;
let url;

before(async () => {
  node = await startNode('rpc-bad-input', ['--dev']);
  await node.api();
  url = `http://127.0.0.1:${node.rpcPort}`;
});

after(async () => {
  if (node) await node.stop();
});

/** POSTs `body` (a string or bytes); returns the HTTP status and the parsed answer, if JSON. */
async function post(body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = undefined;
  }
  return { status: response.status, answer, text };
}

const call = (method, params, id = 1) => JSON.stringify({ jsonrpc: '2.0', id, method, params });

/** Asserts a JSON-RPC error answer, with one of `codes` if given; returns the error. */
function assertError({ status, answer, text }, what, codes) {
  assert.ok(answer && answer.error, `${what}: expected a JSON-RPC error, got HTTP ${status}: ${text.slice(0, 200)}`);
  assert.equal(typeof answer.error.message, 'string', `${what}: the error has a message`);
  if (codes) assert.ok(codes.includes(answer.error.code), `${what}: code ${answer.error.code} (${answer.error.message}), expected ${codes}`);
  return answer.error;
}

/** A deterministic stream of pseudo-random bytes, so a failure can be replayed. */
function* pseudoRandom(seed) {
  let state = seed >>> 0;
  for (;;) {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    yield state & 0xff;
  }
}

function bytes(source, length) {
  return Buffer.from(Array.from({ length }, () => source.next().value));
}

test('a few hundred hostile requests get clear errors and the node keeps serving', async () => {
  await keepingLogsOnFailure([node], async () => {
    const api = await node.api();
    const keyring = new Keyring({ type: 'sr25519' });
    const alice = keyring.addFromUri('//Alice');
    const startBlock = (await api.rpc.chain.getHeader()).number.toNumber();
    let sent = 0;

    // Garbage bytes and truncated JSON: parse errors (or a 4xx for bytes that are not text).
    const source = pseudoRandom(17);
    const valid = call('chain_getHeader', []);
    const garbage = [
      ...Array.from({ length: 60 }, (_, i) => bytes(source, 1 + i * 7)),
      ...Array.from({ length: valid.length - 1 }, (_, i) => valid.slice(0, i + 1)),
      '['.repeat(100_000),
      '{"jsonrpc":"2.0","id":1,"method":"chain_getHeader","params":[' + '['.repeat(10_000),
    ];
    for (const body of garbage) {
      const reply = await post(body);
      sent += 1;
      if (reply.answer) assertError(reply, `garbage ${JSON.stringify(String(body).slice(0, 40))}`, [-32700, -32600]);
      else assert.ok(reply.status >= 400 && reply.status < 500, `garbage: HTTP ${reply.status}`);
    }

    // JSON that is not a request: invalid-request errors.
    const shapes = ['{}', '"text"', '123', 'null', 'true', '{"jsonrpc":"1.0","id":1,"method":"chain_getHeader"}',
      '{"jsonrpc":"2.0","id":1,"method":7}', '{"jsonrpc":"2.0","id":1}',
      '{"jsonrpc":"2.0","id":1,"method":"chain_getHeader","params":"x"}'];
    for (const body of shapes) {
      assertError(await post(body), `shape ${body}`, [-32600, -32700, -32602]);
      sent += 1;
    }
    // An id that is neither a number nor a string cannot be echoed: the RPC server
    // (jsonrpsee) answers 200 with an empty body rather than an error with a null id.
    const badId = await post('{"jsonrpc":"2.0","id":{},"method":"chain_getHeader"}');
    assert.ok(badId.status === 200 && (badId.text === '' || badId.answer?.error), `object id: ${badId.text}`);
    sent += 1;

    // Unknown methods, including near misses of real ones and very long names.
    const unknown = [...Array.from({ length: 40 }, (_, i) => `nosuch_method${i}`), 'chain_getheader',
      'govchain_companies', 'author_submitExtrinsics', 'x'.repeat(10_000), '', 'rpc_methods '];
    for (const method of unknown) {
      assertError(await post(call(method, [])), `method ${method.slice(0, 30)}`, [-32601]);
      sent += 1;
    }

    // Parameters of the wrong type, count or form, for the methods an explorer calls and
    // govchain's own: an error each (the node's own codes, docs/rpc.md).
    const methods = ['chain_getBlockHash', 'chain_getBlock', 'chain_getHeader', 'state_getStorage',
      'state_getKeysPaged', 'state_call', 'state_getMetadata', 'state_getRuntimeVersion',
      'system_accountNextIndex', 'author_submitExtrinsic', 'payment_queryInfo', 'govchain_company',
      'govchain_companyHistory', 'govchain_filing', 'govchain_declaration', 'govchain_certificate',
      'govchain_certificateOfHolder'];
    // (Trailing nulls are accepted as absent optional parameters, and chain_getBlockHash
    // takes a list of numbers: those are not wrong.)
    const wrong = [[{}], [[{}]], ['zz'], [true, {}], ['0x' + 'ab'.repeat(33), {}, {}],
      [-1, 'x', 'y', 'z'], ['0xZZ', 1.5, {}]];
    const accepted = [];
    for (const method of methods) {
      for (const params of wrong) {
        const reply = await post(call(method, params));
        if (!reply.answer?.error) accepted.push(`${method}(${JSON.stringify(params)}) -> ${reply.text.slice(0, 80)}`);
        sent += 1;
      }
    }
    assert.deepEqual(accepted, [], 'wrong parameters answered without an error');

    // A body over the node's request limit (15 MiB by default) is refused whole.
    // (The server answers 413 and may close the connection before the client has sent it
    // all, which fetch reports as a failure: both are a refusal.)
    const oversized = await post(call('system_health', ['x'.repeat(16 * 1024 * 1024)]))
      .catch(() => ({ closed: true }));
    assert.ok(oversized.closed || oversized.status === 413, `oversized: HTTP ${oversized.status}`);
    sent += 1;

    // Bytes that are not HTTP at all, on raw connections.
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => {
        const socket = connect(node.rpcPort, '127.0.0.1', () => socket.end(bytes(source, 64 + i * 50)));
        socket.on('data', () => {});
        socket.on('error', resolve);
        socket.on('close', resolve);
        socket.setTimeout(10_000, () => socket.destroy());
      });
      sent += 1;
    }

    // One valid transaction, so that a nonce can be stale.
    const valid_tx = api.tx.system.remark('0x01');
    const { blockHash: validBlock } = await sendAndWatch(valid_tx, alice);
    const validHash = valid_tx.hash.toHex();

    // Extrinsics that must be refused: decoding, signature, genesis, era, nonce, funds,
    // length, and a signed-only call sent unsigned.
    const submit = async (extrinsic, what, codes = [1002, 1010]) => {
      const error = assertError(await post(call('author_submitExtrinsic', [extrinsic])), what, codes);
      sent += 1;
      return error;
    };
    // Undecodable bytes: 1040 (not an extrinsic) or 1002/1010 (decoded but invalid).
    for (let i = 0; i < 30; i++) {
      await submit(u8aToHex(bytes(source, 1 + i * 11)), `garbage extrinsic ${i}`, [1040, 1002, 1010]);
    }
    const remark = (text) => api.tx.system.remark(text);
    const signed = async (tx, options) => (await tx.signAsync(alice, options)).toU8a();

    const signedRemark = await remark('0x02').signAsync(alice, { nonce: 1 });
    const badSignature = signedRemark.toU8a();
    const signature = signedRemark.signature.toU8a();
    const at = Buffer.from(badSignature).indexOf(Buffer.from(signature));
    assert.ok(at > 0, 'the signature is in the encoding');
    badSignature[at + 10] ^= 0xff;
    assert.match((await submit(u8aToHex(badSignature), 'bad signature')).data ?? '', /bad signature|BadProof/i);

    const otherGenesis = '0x' + 'ab'.repeat(32);
    const wrongGenesis = await signed(remark('0x03'), { nonce: 1, genesisHash: otherGenesis, blockHash: otherGenesis, era: 0 });
    assert.match((await submit(u8aToHex(wrongGenesis), 'wrong genesis')).data ?? '', /bad signature|BadProof/i);

    const unknownBirth = await signed(remark('0x04'), { nonce: 1, blockHash: otherGenesis, era: api.createType('ExtrinsicEra', { current: startBlock + 1000, period: 64 }) });
    await submit(u8aToHex(unknownBirth), 'mortal era born in an unknown block');

    const stale = await signed(remark('0x05'), { nonce: 0 });
    assert.match((await submit(u8aToHex(stale), 'stale nonce')).data ?? '', /outdated|stale/i);

    const pauper = keyring.addFromUri(`//NoFunds${Date.now()}`);
    const unfunded = (await api.tx.system.remark('0x06').signAsync(pauper, { nonce: 0 })).toU8a();
    assert.match((await submit(u8aToHex(unfunded), 'no funds')).data ?? '', /payment|balance|funds/i);

    const tooLong = await signed(remark('0x' + '00'.repeat(4 * 1024 * 1024)), { nonce: 1 });
    assert.match((await submit(u8aToHex(tooLong), 'over the length limit')).data ?? '', /exhaust|limit|size|large/i);

    const unsigned = api.tx.system.remark('0x07').toU8a();
    assert.match((await submit(u8aToHex(unsigned), 'unsigned signed-only call')).data ?? '', /not expected|unsigned|validator/i);

    // A nonce far ahead is no error in Substrate: it waits in the pool's future queue and
    // is never executed, since the nonces before it never come.
    const future = await signed(remark('0x08'), { nonce: 1_000 });
    const futureReply = await post(call('author_submitExtrinsic', [u8aToHex(future)]));
    sent += 1;
    assert.ok(futureReply.answer?.result || futureReply.answer?.error, 'future nonce answered');

    assert.ok(sent >= 300, `${sent} hostile requests`);

    // The node still serves, and authors and finalizes blocks past the campaign.
    const afterCampaign = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.ok((await post(call('system_health', []))).answer?.result, 'system_health answers');
    await waitFor('two more blocks', async () => (await api.rpc.chain.getHeader()).number.toNumber() >= afterCampaign + 2);
    await waitFor('finality past the campaign', async () =>
      (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() >= afterCampaign);

    // Nothing was written: every block since the start holds only the timestamp inherent,
    // except the valid remark's block; Alice's nonce moved once.
    const end = (await api.rpc.chain.getHeader()).number.toNumber();
    for (let number = startBlock + 1; number <= end; number++) {
      const hash = await api.rpc.chain.getBlockHash(number);
      const { block } = await api.rpc.chain.getBlock(hash);
      const signedHashes = block.extrinsics.filter((xt) => xt.isSigned).map((xt) => xt.hash.toHex());
      const expected = hash.toHex() === validBlock.toHex() ? [validHash] : [];
      assert.deepEqual(signedHashes, expected, `block ${number}'s signed extrinsics`);
    }
    assert.equal((await api.query.system.account(alice.address)).nonce.toNumber(), 1);
    // The runtime API traps on arguments it cannot decode, and says so (sp_api's message
    // "Bad input data provided to validate_transaction ... Nothing bad happened"); any
    // other panic, or a failed task, is a fault.
    const faults = node.log().split('\n').filter((line, i, lines) => /panicked|Essential task .* failed/.test(line) &&
      !/Bad input data provided to validate_transaction: .*Nothing bad happened/.test(`${line} ${lines[i + 1] ?? ''}`));
    assert.deepEqual(faults, []);
  });
});
