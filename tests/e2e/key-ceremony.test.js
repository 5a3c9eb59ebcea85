// The beijing key ceremony (scripts/key-ceremony.py rehearse): every founding agency's keys
// are generated outside the repository with owner-only permissions, the assembled chain spec
// holds none of the well-known development keys, and a node starts on it. The built-in
// `--chain beijing` is refused.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { NODE_BINARY, startNode, waitFor } from './node-process.js';

const ceremony = join(dirname(fileURLToPath(import.meta.url)), '../../scripts/key-ceremony.py');
const directory = mkdtempSync(join(tmpdir(), 'govchain-ceremony-'));
let node;

after(async () => {
  if (node) await node.stop();
  rmSync(directory, { recursive: true, force: true });
});

test('the ceremony writes each agency\'s secrets privately and a spec free of development keys', async () => {
  execFileSync('python3', [ceremony, 'rehearse', directory], { stdio: 'pipe' });
  const plain = JSON.parse(readFileSync(join(directory, 'spec', 'beijing-plain.json'), 'utf8'));
  const genesis = plain.genesis.runtimeGenesis.patch;
  assert.equal(genesis.agencies.agencies.length, 4);
  assert.equal(genesis.session.keys.length, 3);
  assert.equal(genesis.nodeAuthorization.nodes.length, 3);
  const text = JSON.stringify(genesis);
  const alice = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
  assert.ok(!text.includes(alice), 'Alice is gone');
  for (const [code, , admin] of genesis.agencies.agencies) {
    const publicKeys = JSON.parse(readFileSync(join(directory, code, 'public.json'), 'utf8'));
    assert.equal(admin, publicKeys.admin);
    const secrets = join(directory, code, 'secrets');
    assert.equal(statSync(secrets).mode & 0o777, 0o700);
    for (const file of ['admin.json', 'validator.json', 'aura.json', 'grandpa.json', 'node-key']) {
      assert.equal(statSync(join(secrets, file)).mode & 0o777, 0o600, `${code}/${file}`);
    }
    assert.ok(!JSON.stringify(plain).includes(JSON.parse(readFileSync(join(secrets, 'admin.json'))).secretSeed),
      'no secret in the spec');
  }
});

test('a spec that would still hold a development key is not written', () => {
  const codes = JSON.parse(readFileSync(join(directory, 'spec', 'beijing-plain.json'), 'utf8'))
    .genesis.runtimeGenesis.patch.agencies.agencies.map(([code]) => code);
  const tampered = mkdtempSync(join(tmpdir(), 'govchain-ceremony-tampered-'));
  const files = codes.map((code, index) => {
    const keys = JSON.parse(readFileSync(join(directory, code, 'public.json'), 'utf8'));
    if (index === 0) keys.admin = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'; // Alice
    const file = join(tampered, `${code}.json`);
    writeFileSync(file, JSON.stringify(keys));
    return file;
  });
  const result = spawnSync('python3', [ceremony, 'assemble', join(tampered, 'spec'), ...files], { encoding: 'utf8' });
  rmSync(tampered, { recursive: true, force: true });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /still holds development keys/);
});

test('a key directory inside the repository is refused, and so is the built-in beijing chain', () => {
  const inside = spawnSync('python3', [ceremony, 'rehearse', join(dirname(ceremony), 'keys')], { encoding: 'utf8' });
  assert.notEqual(inside.status, 0);
  assert.match(inside.stderr, /inside the repository/);
  const builtIn = spawnSync(NODE_BINARY, ['build-spec', '--chain', 'beijing'], { encoding: 'utf8' });
  assert.notEqual(builtIn.status, 0);
  assert.match(builtIn.stderr, /key-ceremony/);
});

test('a node starts on the assembled raw spec', async () => {
  node = await startNode('beijing', ['--chain', join(directory, 'spec', 'beijing.json')]);
  const api = await node.api();
  assert.equal((await api.rpc.system.chain()).toString(), 'govchain Beijing');
  const members = await waitFor('the council', async () => (await api.query.council.members()).length);
  assert.equal(members, 4);
  assert.equal((await api.query.session.validators()).length, 3);
});
