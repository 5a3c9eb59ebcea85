// The Beijing scenario (scripts/scenario.sh) as a user runs it after starting a dev chain:
// every step passes, the progress display counts the steps, and the summary read back from
// the chain shows each lane's clearance time and the revoked certificate. Run against no
// node, or with a bad flag, it fails with a one-line reason.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { freePort, keepingLogsOnFailure, startNode } from './node-process.js';

const script = join(dirname(fileURLToPath(import.meta.url)), '../../scripts/scenario.sh');
const scenario = (...args) => promisify(execFile)('bash', [script, ...args], { encoding: 'utf8' });
let node;

before(async () => {
  node = await startNode('scenario', ['--dev']);
  await node.api();
});

after(async () => {
  if (node) await node.stop();
});

test('the scenario runs to the end on a dev chain and summarises what the chain recorded', () =>
  keepingLogsOnFailure([node], async () => {
    const { stdout, stderr } = await scenario('--url', `ws://127.0.0.1:${node.rpcPort}`);
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
