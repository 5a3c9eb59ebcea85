// The throughput suite's smoke run, so that the load generator cannot rot: scripts/bench.sh
// --smoke starts a node on a benchmark chain spec and sends a mix of registrations,
// transfers and remarks; every transaction must be included, succeed and be finalized, and
// the report must hold the figures docs/performance.md is made of. Bad input to the tools
// fails with a clear message.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { NODE_BINARY, freePort, startNode, waitFor } from './node-process.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const LOADGEN = join(dirname(NODE_BINARY), 'govchain-loadgen');
const directory = mkdtempSync(join(tmpdir(), 'govchain-bench-'));
after(() => rmSync(directory, { recursive: true, force: true }));

// What each smoke workload must have sent: every kind of call it is made of.
const SMOKE_KINDS = {
  mix: ['register', 'transfer_keep_alive', 'remark'],
  domain: ['register', 'amend', 'lodge', 'file', 'issue'],
};

test('bench.sh --smoke: both mixes are included, succeed, are finalized and measured', { timeout: 240_000 }, () => {
  const out = join(directory, 'smoke');
  execFileSync('bash', [join(root, 'scripts/bench.sh'), '--smoke', '--out', out], {
    env: { ...process.env, GOVCHAIN_LOADGEN: LOADGEN },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 230_000,
  });
  for (const [workload, kinds] of Object.entries(SMOKE_KINDS)) {
    const report = JSON.parse(readFileSync(join(out, `${workload}.json`), 'utf8'));
    const { counts, window, ceiling, latency_ms: latency, resources, blocks } = report;
    assert.equal(counts.sent, 400, workload);
    assert.equal(counts.included, 400, `${workload}: every transaction included`);
    assert.deepEqual(counts.rejected, {}, workload);
    assert.deepEqual(counts.failed, {}, `${workload}: no dispatch failed`);
    assert.equal(counts.dropped, 0, workload);
    for (const kind of kinds) {
      assert.ok(counts.per_kind[kind].signed > 0, `${kind} is part of the ${workload}`);
      assert.equal(counts.per_kind[kind].succeeded, counts.per_kind[kind].signed, `${workload}: ${kind} all succeeded`);
    }
    assert.deepEqual(Object.keys(counts.per_kind).sort(), [...kinds].sort(), `${workload}: nothing else sent`);
    assert.equal(latency.inclusion.count, 400, workload);
    assert.equal(latency.finality.count, 400, `${workload}: every transaction finalized`);
    assert.ok(latency.inclusion.p50 <= latency.finality.p50, workload);
    assert.ok(window.tps > 0 && window.included > 0, workload);
    // The ceiling comes from the runtime's limits and what the transactions weighed.
    assert.equal(ceiling.bound, 'block weight', workload);
    assert.ok(ceiling.per_tx_weight_ps > 0 && ceiling.tps > window.tps, workload);
    assert.equal(report.limits.block_time_ms, 6000);
    assert.ok(resources.samples.length > 0 && resources.rss_max_mib > 0, `${workload}: node memory sampled`);
    assert.ok(blocks.some((block) => block.ours > 0 && block.end_reason), 'proposer end reason read from the log');
    assert.match(readFileSync(join(out, 'summary.md'), 'utf8'), new RegExp(`\\| govchain --dev \\(bench spec\\) \\| ${workload} \\|`));
  }
});

test('the tools refuse bad input with one clear line', async () => {
  const port = await freePort();
  const unreachable = spawnSync(LOADGEN, ['run', '--node', `ws://127.0.0.1:${port}`, '--count', '1'], { encoding: 'utf8' });
  assert.equal(unreachable.status, 1);
  assert.match(unreachable.stderr, /cannot connect to ws:\/\/127\.0\.0\.1:\d+/);

  const raw = join(directory, 'raw.json');
  writeFileSync(raw, execFileSync(NODE_BINARY, ['build-spec', '--chain', 'dev', '--raw'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 }));
  const notPlain = spawnSync(LOADGEN, ['spec', '--chain-spec', raw, '--out', join(directory, 'x.json')], { encoding: 'utf8' });
  assert.equal(notPlain.status, 1);
  assert.match(notPlain.stderr, /expected a plain chain spec/);
  assert.ok(!existsSync(join(directory, 'x.json')), 'nothing written');

  const plain = join(directory, 'plain.json');
  writeFileSync(plain, execFileSync(NODE_BINARY, ['build-spec', '--chain', 'dev'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 }));
  const tooMany = spawnSync(LOADGEN, ['spec', '--chain-spec', plain, '--accounts', '100', '--officers', '100',
    '--out', join(directory, 'y.json')], { encoding: 'utf8' });
  assert.equal(tooMany.status, 1);
  assert.match(tooMany.stderr, /an agency has at most 64 officers/);
  // The regulator's admin and its one officer are two of the 64: 63 more would make a
  // genesis the runtime refuses, 62 is the most.
  const oneTooMany = spawnSync(LOADGEN, ['spec', '--chain-spec', plain, '--accounts', '63', '--officers', '63',
    '--out', join(directory, 'z.json')], { encoding: 'utf8' });
  assert.equal(oneTooMany.status, 1);
  assert.match(oneTooMany.stderr, /has 2 already \(its admin included\), so --officers can be at most 62/);
  const noSession = spawnSync(LOADGEN, ['spec', '--chain-spec', plain, '--accounts', '2', '--officers', '1',
    '--session-blocks', '0', '--out', join(directory, 's.json')], { encoding: 'utf8' });
  assert.equal(noSession.status, 1);
  assert.match(noSession.stderr, /--session-blocks must be at least 1/);
  assert.ok(!existsSync(join(directory, 's.json')), 'nothing written');
  const hourly = join(directory, 'hourly.json');
  execFileSync(LOADGEN, ['spec', '--chain-spec', plain, '--accounts', '2', '--officers', '1', '--session-blocks', '600',
    '--out', hourly], { stdio: 'ignore' });
  assert.equal(JSON.parse(readFileSync(hourly, 'utf8')).genesis.runtimeGenesis.patch.validators.sessionBlocks, 600);
  const most = join(directory, 'most.json');
  execFileSync(LOADGEN, ['spec', '--chain-spec', plain, '--accounts', '62', '--officers', '62', '--out', most],
    { stdio: 'ignore' });
  const mostRaw = join(directory, 'most-raw.json');
  writeFileSync(mostRaw, execFileSync(NODE_BINARY, ['build-spec', '--chain', most, '--raw'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 }));
  // Every load account an officer: no account is left to control a company.
  const noCompanies = spawnSync(LOADGEN, ['prepare', '--chain-spec', mostRaw, '--out', join(directory, 'p.json')], { encoding: 'utf8' });
  assert.equal(noCompanies.status, 1);
  assert.match(noCompanies.stderr, /endows no load account besides the 62 officers/);
  assert.ok(!existsSync(join(directory, 'p.json')), 'nothing written');
  // A spec prepared once is not prepared again.
  const small = join(directory, 'small.json');
  execFileSync(LOADGEN, ['spec', '--chain-spec', plain, '--accounts', '20', '--officers', '4', '--out', small], { stdio: 'ignore' });
  const smallRaw = join(directory, 'small-raw.json');
  writeFileSync(smallRaw, execFileSync(NODE_BINARY, ['build-spec', '--chain', small, '--raw'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 }));
  const prepared = join(directory, 'prepared.json');
  const once = spawnSync(LOADGEN, ['prepare', '--chain-spec', smallRaw, '--out', prepared], { encoding: 'utf8' });
  assert.equal(once.status, 0, once.stderr);
  assert.match(once.stderr, /16 companies and 2 accredited certification bodies prepared/);
  const twice = spawnSync(LOADGEN, ['prepare', '--chain-spec', prepared, '--out', join(directory, 'q.json')], { encoding: 'utf8' });
  assert.equal(twice.status, 1);
  assert.match(twice.stderr, /defines certification schemes already/);
  assert.ok(!existsSync(join(directory, 'q.json')), 'nothing written');

  const badWorkload = spawnSync('bash', [join(root, 'scripts/bench.sh'), '--workloads', 'teleport'], { encoding: 'utf8' });
  assert.equal(badWorkload.status, 2);
  assert.match(badWorkload.stderr, /unknown workload teleport/);
  const badLoad = spawnSync('bash', [join(root, 'scripts/bench.sh'), '--latency', '--loads', '50 120'], { encoding: 'utf8' });
  assert.equal(badLoad.status, 2);
  assert.match(badLoad.stderr, /--loads takes percentages from 1 to 100, not 120/);
});

test('the node runs the single-state pool unless --pool-type says otherwise', async () => {
  for (const [args, expected] of [[[], 'SingleState'], [['--pool-type', 'fork-aware'], 'ForkAware']]) {
    const node = await startNode('pool', ['--dev', ...args]);
    try {
      await waitFor(`a ${expected} pool`, () => node.log().includes(`txpool_type=${expected}`), { timeoutMs: 60_000 });
    } finally {
      await node.stop();
    }
  }
});
