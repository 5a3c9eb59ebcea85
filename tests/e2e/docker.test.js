// docker/ without a Docker engine: hadolint passes the Dockerfile, docker-compose accepts
// compose.yaml, and compose is in step with scripts/network-spec.py: the generator run as the
// compose file runs it writes exactly the nodes that compose starts, each from its own
// `args`, with the archive node's ports published on the host's loopback.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { NODE_BINARY } from './node-process.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dockerfile = join(root, 'docker/Dockerfile');
const composeFile = join(root, 'docker/compose.yaml');
const directory = mkdtempSync(join(tmpdir(), 'govchain-compose-'));

after(() => rmSync(directory, { recursive: true, force: true }));

/** Runs a linter; a missing one fails the test (scripts/setup.sh installs both). */
function tool(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.error?.code === 'ENOENT') assert.fail(`${command} is not installed: run scripts/setup.sh`);
  return result;
}

/** compose.yaml as docker-compose resolves it (anchors merged, ports normalised). */
function composeConfig() {
  const result = tool('docker-compose', ['-f', composeFile, 'config']);
  assert.equal(result.status, 0, result.stderr);
  // PyYAML comes with Debian's docker-compose.
  const json = execFileSync('python3', ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'],
    { input: result.stdout, encoding: 'utf8' });
  return JSON.parse(json);
}

test('hadolint passes the Dockerfile', () => {
  const result = tool('hadolint', ['--no-color', dockerfile]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('compose starts the nodes the generator writes, each from its args file', () => {
  const { services } = composeConfig();
  // The generator as compose runs it, into a temporary directory instead of the volume.
  const generator = services.network;
  const [python, script] = generator.entrypoint;
  const [target, ...options] = generator.command;
  assert.equal(python, 'python3');
  assert.equal(target, '/network');
  assert.deepEqual(generator.volumes, ['network:/network:rw']);
  execFileSync('python3', [join(root, 'scripts', basename(script)), directory, ...options],
    { env: { ...process.env, GOVCHAIN_NODE: NODE_BINARY }, stdio: 'pipe' });
  const network = JSON.parse(readFileSync(join(directory, 'network.json'), 'utf8'));
  assert.equal(network.layout, 'compose');

  // The image carries the generator where compose calls it.
  const image = readFileSync(dockerfile, 'utf8');
  assert.match(image, new RegExp(`^COPY scripts/network-spec.py scripts/govchain_keys.py ${dirname(script)}/$`, 'm'));

  const names = network.nodes.map(({ name }) => name);
  assert.deepEqual(Object.keys(services).filter((name) => name !== 'network').sort(), [...names].sort());
  for (const name of names) {
    const service = services[name];
    assert.deepEqual(service.entrypoint, ['node-from-args'], name);
    assert.deepEqual(service.command, [`${name}/args`], name);
    assert.equal(service.working_dir, '/network', name);
    assert.ok(existsSync(join(directory, name, 'args')), `${name}/args is written`);
    assert.deepEqual(service.volumes, generator.volumes, name);
    assert.equal(service.depends_on?.network?.condition, 'service_completed_successfully', name);
    assert.equal(service.image, generator.image, name);
  }

  // The archive's RPC and Prometheus on the host's loopback; no validator publishes a port.
  const archive = network.nodes.find(({ name }) => name === 'archive');
  assert.deepEqual(services.archive.ports.sort(),
    [archive.rpc, archive.prometheus].map((port) => `127.0.0.1:${port}:${port}/tcp`).sort());
  for (const name of names.filter((name) => name !== 'archive')) assert.equal(services[name].ports, undefined, name);
  for (const port of [archive.p2p, archive.rpc, archive.prometheus]) {
    assert.match(image, new RegExp(`^EXPOSE .*\\b${port}\\b`, 'm'));
  }
});
