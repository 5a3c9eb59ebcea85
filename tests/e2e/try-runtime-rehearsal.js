// The try-runtime rehearsal of an upgrade against a live node's state (not part of the test
// suite; docs/governance.md, "Upgrading a live chain"):
//   GOVCHAIN_NODE=<govchain-node> node try-runtime-rehearsal.js <try-runtime runtime wasm> [--damage]
// Starts a development node on the previous release's runtime, writes records with that
// runtime's calls, and runs scripts/try-runtime-live.sh against the node: the wasm's
// migrations with their pre- and post-upgrade checks, the decoding of the whole state and
// every pallet's try_state. Exits with the script's status. About half a minute.
// `--damage` makes the fork's copy of the company unreadable (the node's state is not
// touched), to show that the checks then fail: the pre-upgrade check must refuse.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAOYANG_ENTERPRISE } from './fixtures.js';
import {
  devAccounts, populatePreviousRegistry, startPreviousRuntimeNode,
} from './previous-runtime.js';

const [wasm, ...options] = process.argv.slice(2);
const damage = options.includes('--damage');
if (!wasm || options.some((option) => option !== '--damage')) {
  console.error('usage: node try-runtime-rehearsal.js <try-runtime runtime wasm> [--damage]');
  process.exit(2);
}
const script = fileURLToPath(new URL('../../scripts/try-runtime-live.sh', import.meta.url));
const chain = await startPreviousRuntimeNode('try-runtime');
let status = 1;
try {
  const api = await chain.node.api();
  await populatePreviousRegistry(api, devAccounts());
  console.error(`populated; running the checks against block #${
    (await api.rpc.chain.getHeader()).number.toNumber()}`);
  const endpoint = `ws://127.0.0.1:${chain.node.rpcPort}`;
  const extra = [];
  const scratch = mkdtempSync(join(tmpdir(), 'govchain-try-runtime-'));
  if (damage) {
    // One byte where a company record should be: it decodes in neither layout.
    const key = api.query.companyRegistry.companies.key(CHAOYANG_ENTERPRISE);
    const storage = join(scratch, 'damage.json');
    writeFileSync(storage, JSON.stringify([[key, '0x01']]));
    extra.push('--import-storage', storage);
  }
  status = spawnSync(script, [endpoint, wasm, ...extra], { stdio: 'inherit' }).status ?? 1;
  rmSync(scratch, { recursive: true, force: true });
} finally {
  await chain.stop();
}
process.exit(status);
