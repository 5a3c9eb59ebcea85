// The Beijing scenario (scripts/scenario.sh) as a user runs it after starting a dev chain:
// every step passes, the progress display counts the steps, and the summary read back from
// the chain shows each lane's clearance time and the revoked certificate. Run against no
// node, or with a bad flag, it fails with a one-line reason. Then the records it left are
// read over HTTP through the node's public verification methods (govchain_*, docs/rpc.md),
// with malformed input answered by JSON-RPC errors; and polkadot.js walks the metadata of
// every govchain pallet on the same chain (metadata-walk.js).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { metadataWalk } from './metadata-walk.js';
import { freePort, keepingLogsOnFailure, startNode } from './node-process.js';

const script = join(dirname(fileURLToPath(import.meta.url)), '../../scripts/scenario.sh');
const scenario = (...args) => promisify(execFile)('bash', [script, ...args], { encoding: 'utf8' });
let node;
/** What the scenario printed, for the tests that read its records back. */
let summary;

before(async () => {
  // State kept for the last 16 blocks only, so that a read at an early block meets a pruned
  // state (the scenario runs about 25 blocks).
  node = await startNode('scenario', ['--dev', '--state-pruning', '16']);
  await node.api();
});

after(async () => {
  if (node) await node.stop();
});

test('the scenario runs to the end on a dev chain and summarises what the chain recorded', () =>
  keepingLogsOnFailure([node], async () => {
    const { stdout, stderr } = await scenario('--url', `ws://127.0.0.1:${node.rpcPort}`);
    summary = stdout;
    const total = Number(stderr.match(/\[ 1\/(\d+)\]/)[1]);
    for (let done = 1; done <= total; done += 1) {
      assert.match(stderr, new RegExp(`\\[${String(done).padStart(2)}/${total}\\]`), `step ${done} shown`);
    }
    assert.match(stderr, new RegExp(`${total} of ${total} steps done`));
    assert.match(stdout, /council seats: 4 → 8/);
    assert.equal(stdout.match(/^ {2}9[123]1101\d{2}\w{10} /gm).length, 12, 'twelve companies');
    assert.match(stdout, /FY2025 v1, .*attested Unqualified/);
    assert.match(stdout, /held declaration: Lodged → LaneAssigned → Held → Amended → Inspected → Released/);
    assert.match(stdout, /#2 Revoked \(Examination misconduct\)/);
    assert.equal(stdout.match(/ Valid/g).length, 4);
    for (const lane of ['Green', 'Blue', 'Yellow', 'Red']) {
      assert.match(stdout, new RegExp(`^ {2}${lane} +1 released`, 'm'), `${lane} lane figures`);
    }
    // Green and blue release at lodgement; yellow and red wait for their checks.
    assert.match(stdout, /Green +1 released +mean +0\.0 s/);
    assert.doesNotMatch(stdout, /Red +1 released +mean +0\.0 s/);
  }));

test('without a node, or with a flag it does not know, the scenario fails with a reason', async () => {
  await assert.rejects(scenario('--url', `ws://127.0.0.1:${await freePort()}`),
    (error) => error.code === 1 && /scenario failed \(error\): .*ECONNREFUSED/.test(error.stderr));
  await assert.rejects(scenario('--node', 'x'),
    (error) => error.code === 2 && /Unknown option '--node'/.test(error.stderr) && /usage:/.test(error.stderr));
});

/** Calls `method` over HTTP; resolves with the JSON-RPC answer (result or error). */
async function rpc(method, params, body = null) {
  const response = await fetch(`http://127.0.0.1:${node.rpcPort}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body ?? JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return response.json();
}

/** The result of `method`, failing on a JSON-RPC error. */
async function result(method, ...params) {
  const answer = await rpc(method, params);
  assert.ok(!answer.error, `${method}(${JSON.stringify(params)}): ${JSON.stringify(answer.error)}`);
  assert.match(answer.result.at.hash, /^0x[0-9a-f]{64}$/);
  assert.ok(answer.result.at.number > 0);
  return answer.result;
}

const CHINA_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/;

test('govchain_* answers the scenario\'s records in plain JSON', async () => {
  assert.ok(summary, 'the scenario ran');
  const run = summary.match(/govchain scenario (\w+) on/)[1];
  const listed = summary.match(/^ {2}(9\w{17}) +JointStockCompany/m)[1];
  const auditor = summary.match(/^ {2}(9\w{17}) +Partnership/m)[1];
  const revoked = summary.match(/revoked company: (\w{18})/)[1];

  const company = await result('govchain_company', listed);
  assert.equal(company.uscc, listed);
  assert.equal(company.status, 'Active');
  assert.equal(company.statusSince, null);
  assert.equal(company.inGoodStanding, true);
  assert.equal(company.legalName, '北京华链数据股份有限公司');
  assert.equal(company.kind, 'JointStockCompany');
  assert.deepEqual(company.registeredCapital, { amount: '10000000', currency: 'CNY' });
  assert.deepEqual(company.capital.paidIn, { amount: '5000000', currency: 'CNY' });
  assert.equal(company.establishedOn, '2025-03-01');
  assert.match(company.registeredAt, CHINA_TIME);
  assert.equal(company.registeredBy.agency, '11110000MB0013426L');

  const closed = await result('govchain_company', revoked);
  assert.equal(closed.status, 'Revoked');
  assert.match(closed.statusSince, CHINA_TIME);
  const history = await result('govchain_companyHistory', revoked, 0, 10);
  assert.equal(history.total, 2);
  assert.deepEqual(history.records.map((record) => record.change), ['Registered', 'StatusChanged']);
  assert.ok(history.records[1].actor.proposedBy && history.records[1].actor.confirmedBy, 'four eyes');

  const filing = await result('govchain_filing', listed, 'FY2025');
  assert.equal(filing.period, 'FY2025');
  assert.equal(filing.latest.version, 1);
  assert.deepEqual(filing.latest.figures.revenue, { amount: '52000000000', currency: 'CNY' });
  assert.equal(filing.attestations.length, 1);
  assert.equal(filing.attestations[0].auditor, auditor);
  assert.equal(filing.attestations[0].opinion, 'Unqualified');
  assert.equal(filing.attestations[0].auditorStatusNow, 'Accredited');
  assert.equal(filing.companyStatusNow, 'Active');

  const red = await result('govchain_declaration', `CN-${run}-RED`);
  assert.equal(red.status, 'Released');
  assert.equal(red.lane, 'Red');
  assert.ok(red.clearanceSeconds > 0, `cleared in ${red.clearanceSeconds} s`);
  assert.match(red.releasedAt, CHINA_TIME);
  const green = await result('govchain_declaration', `CN-${run}-GREEN`);
  assert.equal(green.lane, 'Green');
  assert.equal(green.clearanceSeconds, 0);

  const valid = await result('govchain_certificate', 0);
  assert.equal(valid.valid, true);
  assert.equal(valid.status, 'Valid');
  assert.match(valid.scheme.profession, /blockchain application operator/);
  assert.equal(valid.scheme.level, 'vocational level 4');
  assert.equal(valid.issuer.accreditedAtIssue, true);
  assert.equal(valid.issuer.accreditationNow.status, 'Active');
  const revokedCertificate = await result('govchain_certificate', 2);
  assert.equal(revokedCertificate.valid, false);
  assert.equal(revokedCertificate.status, 'Revoked');
  assert.equal(revokedCertificate.detail.reason, 'Examination misconduct');
  const byHolder = await result('govchain_certificateOfHolder', valid.holder, valid.scheme.id);
  assert.equal(byHolder.id, valid.id);

  // At a named block: a recent one still has its state; block 1's was pruned.
  const finalized = (await rpc('chain_getFinalizedHead', [])).result;
  const atFinalized = await result('govchain_company', listed, finalized);
  assert.equal(atFinalized.at.hash, finalized);
  const first = (await rpc('chain_getBlockHash', [1])).result;
  const pruned = await rpc('govchain_company', [listed, first]);
  assert.equal(pruned.error?.code, 4101, JSON.stringify(pruned));
  assert.match(pruned.error.message, /not available on this node .*archive node/);
});

test('govchain_* refuses bad input with stable JSON-RPC errors and keeps serving', async () => {
  const refusals = [
    ['govchain_company', ['91110105MA01ABCD5'], 4000, /WrongLength/],
    ['govchain_company', ['91110105ma01abcd5f'], 4000, /InvalidCharacter/],
    ['govchain_company', ['91110105MA01ABCD5F'], 4040, /company 91110105MA01ABCD5F is not on the chain/],
    ['govchain_filing', ['91110105MA01ABCD5F', '2025'], 4000, /FY2025 \(year\)/],
    ['govchain_declaration', ['cn lower case'], 4000, /consignment reference/],
    ['govchain_certificate', [999_999], 4040, /certificate 999999/],
    ['govchain_company', ['91110105MA01ABCD5F', `0x${'ab'.repeat(32)}`], 4100, /not known to this node/],
    ['govchain_certificate', ['zero'], -32602, /invalid/i],
    ['govchain_companyHistory', ['91110105MA01ABCD5F'], -32602, /invalid/i],
    ['govchain_nothing', [], -32601, /not found/i],
  ];
  for (const [method, params, code, message] of refusals) {
    const { error } = await rpc(method, params);
    assert.ok(error, `${method}(${JSON.stringify(params)}) is refused`);
    assert.equal(error.code, code, `${method}(${JSON.stringify(params)}): ${JSON.stringify(error)}`);
    assert.match(error.message, message);
  }
  const garbage = await rpc(null, null, '{"jsonrpc": "2.0", "method": ');
  assert.equal(garbage.error.code, -32700);
  assert.equal((await rpc('system_health', [])).result.isSyncing, false, 'the node still serves');
});

metadataWalk(() => node);
