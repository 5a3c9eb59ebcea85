// A development chain started on the previous release's runtime (spec 102, company registry
// at storage version 1; the wasm is kept in fixtures/), and the records that runtime's own
// calls write: what the upgrade test migrates and the try-runtime rehearsal checks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { CHAOYANG_ENTERPRISE, companyParticulars } from './fixtures.js';
import { NODE_BINARY, sendAndWatch, startNode } from './node-process.js';

export const PREVIOUS_SPEC_VERSION = 102;
const PREVIOUS_RUNTIME = new URL(
  './fixtures/govchain-runtime-spec102.compact.compressed.wasm', import.meta.url);

/**
 * Starts an authoring development node whose genesis runs the previous runtime. Returns
 * { node, newCode, stop() }: `newCode` is this build's runtime as the node embeds it, the
 * code the council will authorize.
 */
export async function startPreviousRuntimeNode(name) {
  const specDir = mkdtempSync(join(tmpdir(), 'govchain-previous-spec-'));
  const buildSpec = (args) => execFileSync(NODE_BINARY, ['build-spec', ...args],
    { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const spec = JSON.parse(buildSpec(['--chain', 'dev']));
  const newCode = spec.genesis.runtimeGenesis.code;
  spec.genesis.runtimeGenesis.code = `0x${readFileSync(PREVIOUS_RUNTIME).toString('hex')}`;
  // The previous runtime has fixed Aura and GRANDPA authorities and none of the validator
  // set's pallets: the development validators' session keys become those authorities.
  const patch = spec.genesis.runtimeGenesis.patch;
  const keys = patch.session.keys.map(([, , sessionKeys]) => sessionKeys);
  patch.aura = { authorities: keys.map(({ aura }) => aura) };
  patch.grandpa = { authorities: keys.map(({ grandpa }) => [grandpa, 1]) };
  for (const added of ['session', 'validators', 'nodeAuthorization']) delete patch[added];
  const plainPath = join(specDir, 'plain.json');
  writeFileSync(plainPath, JSON.stringify(spec));
  // The raw spec's genesis state is built by the previous runtime itself.
  const rawPath = join(specDir, 'raw.json');
  writeFileSync(rawPath, buildSpec(['--chain', plainPath, '--raw']));
  const node = await startNode(name, ['--chain', rawPath, '--alice', '--force-authoring']);
  return {
    node,
    newCode,
    async stop() {
      await node.stop();
      rmSync(specDir, { recursive: true, force: true });
    },
  };
}

/** The development accounts by name. */
export function devAccounts() {
  const keyring = new Keyring({ type: 'sr25519' });
  return Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']
    .map((name) => [name.toLowerCase(), keyring.addFromUri(`//${name}`)]));
}

/**
 * Writes records with the previous runtime's calls: Eve, the market regulator's officer,
 * registers the Chaoyang enterprise (its one shareholder holding 10,000 basis points in
 * version 1) controlled by Ferdie, doubles its capital and lists it as abnormal. Returns
 * the particulars registered.
 */
export async function populatePreviousRegistry(api, { eve, ferdie }) {
  const particulars = companyParticulars(1);
  await sendAndWatch(api.tx.companyRegistry.register(
    CHAOYANG_ENTERPRISE, particulars, [ferdie.address],
    { organisationCheck: false, codeCheck: false }, 'Decision 2026-118'), eve);
  await sendAndWatch(api.tx.companyRegistry.amend(
    CHAOYANG_ENTERPRISE, { RegisteredCapital: { currency: 'CNY', amount: 2_000_000_000n } },
    'Decision 2026-119'), eve);
  await sendAndWatch(api.tx.companyRegistry.listAbnormal(
    CHAOYANG_ENTERPRISE, 'FalseInformation', 'Decision 2026-120'), eve);
  return particulars;
}
