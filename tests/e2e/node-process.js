// Starting and stopping real govchain-node processes for the end-to-end tests.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ApiPromise, WsProvider } from '@polkadot/api';

/** The binary under test: $GOVCHAIN_NODE, as scripts/test.sh sets it. */
export const NODE_BINARY = process.env.GOVCHAIN_NODE;
if (!NODE_BINARY) {
  throw new Error('set GOVCHAIN_NODE to the govchain-node binary (scripts/test.sh does)');
}

/** A TCP port nobody listens on right now, chosen by the kernel. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A JSON-RPC call over HTTP to the node on `port`; throws on an error or no answer. */
export async function rpc(port, method, params = []) {
  const response = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(5_000),
  });
  const answer = await response.json();
  if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result;
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor(description, check, { timeoutMs = 60_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}` +
    (lastError ? ` (last error: ${lastError.message})` : ''));
}

/**
 * Starts govchain-node with `args` on free loopback ports, in a temporary base path unless
 * `args` names one (which the caller then owns). Returns { rpcPort, p2pPort, api(), stop() }.
 */
export async function startNode(name, args) {
  const [rpcPort, p2pPort, prometheusPort] = [await freePort(), await freePort(), await freePort()];
  const ownBasePath = !args.includes('--base-path');
  const basePath = ownBasePath ? mkdtempSync(join(tmpdir(), `govchain-e2e-${name}-`)) : undefined;
  const child = spawn(NODE_BINARY, [
    ...args,
    ...(ownBasePath ? ['--base-path', basePath] : []),
    '--rpc-port', String(rpcPort),
    '--prometheus-port', String(prometheusPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    // Validators must have a stable network identity; each test node gets a fresh one
    // unless the test names it (the local chain permits only known network keys).
    ...(args.includes('--node-key') ? [] : ['--node-key', randomBytes(32).toString('hex')]),
    '--no-telemetry',
    '--no-mdns',
    '--name', name,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });

  // Keep the log for the failure message; print it when the node dies unexpectedly.
  let log = '';
  child.stderr.on('data', (chunk) => {
    log = (log + chunk.toString()).slice(-200_000);
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let stopped = false;
  exited.then(({ code, signal }) => {
    if (!stopped) console.error(`${name} exited early (code ${code}, signal ${signal}):\n${log}`);
  });

  // Rejects as soon as the process dies, so that waits on a dead node end at once.
  const died = exited.then(({ code, signal }) => {
    if (!stopped) throw new Error(`${name} exited (code ${code}, signal ${signal}):\n${log}`);
    return new Promise(() => {});
  });
  died.catch(() => {});

  let api;
  const node = {
    name,
    rpcPort,
    p2pPort,
    prometheusPort,
    log: () => log,
    exited,
    /** A connected @polkadot/api client; connects on first use. */
    async api() {
      if (!api) {
        api = await Promise.race([died, waitFor(`${name} RPC on port ${rpcPort}`, async () => {
          const provider = new WsProvider(`ws://127.0.0.1:${rpcPort}`, false);
          try {
            await provider.connect();
            await waitFor(`${name} websocket`, () => provider.isConnected, { timeoutMs: 5_000 });
            return await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
          } catch (error) {
            await provider.disconnect().catch(() => {});
            throw error;
          }
        }, { timeoutMs: 120_000, intervalMs: 500 })]);
      }
      return api;
    },
    /** Stops the node with SIGINT, as Ctrl-C would, and reports how it exited. */
    async stop() {
      stopped = true;
      if (api) await api.disconnect();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(killer);
      if (ownBasePath) rmSync(basePath, { recursive: true, force: true });
      return result;
    },
  };
  return node;
}

/**
 * Runs `body`; if it fails, writes every node's log to a directory kept for inspection
 * (printed with the error), so that a failure on a multi-node network can be diagnosed.
 */
export async function keepingLogsOnFailure(nodes, body) {
  try {
    return await body();
  } catch (error) {
    const directory = mkdtempSync(join(tmpdir(), 'govchain-e2e-logs-'));
    for (const node of nodes.filter(Boolean)) {
      writeFileSync(join(directory, `${node.name}.log`), node.log());
    }
    error.message += `\n(node logs kept in ${directory})`;
    throw error;
  }
}

/**
 * The block a transaction status reports it in: `InBlock`, or `Finalized` when that came
 * first. polkadot.js looks up a block's events before it reports a status and drops that
 * lookup when the next status arrives, so a transaction finalized while its block's events
 * were still being read (the upgrade block, decoded with the previous runtime's metadata)
 * reports `Finalized` alone.
 */
function includedIn(status) {
  if (status.isInBlock) return status.asInBlock;
  if (status.isFinalized) return status.asFinalized;
  return null;
}

/** Signs and sends `tx`, resolving with the events of the block that includes it. */
export function sendAndWatch(tx, signer, { timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    const timer = setTimeout(() => {
      if (unsubscribe) unsubscribe();
      reject(new Error(`${tx.method.section}.${tx.method.method}: not in a block after ${timeoutMs} ms`));
    }, timeoutMs);
    const settle = (outcome, value) => {
      clearTimeout(timer);
      if (unsubscribe) unsubscribe();
      outcome(value);
    };
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      const blockHash = includedIn(status);
      if (dispatchError) {
        // A pallet's error by its name (`disclosures.EquityMismatch`), others as they print.
        const reason = dispatchError.isModule
          ? (({ section, name }) => `${section}.${name}`)(tx.registry.findMetaError(dispatchError.asModule))
          : dispatchError.toString();
        settle(reject, new Error(`dispatch failed: ${reason}`));
      } else if (blockHash) {
        settle(resolve, { blockHash, events: events.map(({ event }) => event) });
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        settle(reject, new Error(`not included: ${status.type}`));
      }
    }).then((unsub) => { unsubscribe = unsub; }, (error) => settle(reject, error));
  });
}

/**
 * A private network of scripts/network.sh: its own directory and ports (well away from the
 * defaults and the kernel's ephemeral range). `network(...args)` runs the script on it and
 * resolves with its stdout and stderr; it runs asynchronously, so that this process goes
 * on reaping nodes it started itself (a synchronous call would leave a stopped node a
 * zombie, which network.sh takes for a node that ignores SIGINT). `settings` adds
 * environment variables (e.g. GOVCHAIN_NETWORK_CODE). `logs(nodes)` is the end of each
 * node's log, for a failure message.
 */
export function privateNetwork(prefix, settings = {}) {
  const script = join(dirname(fileURLToPath(import.meta.url)), '../../scripts/network.sh');
  const directory = mkdtempSync(join(tmpdir(), prefix));
  const base = 20_000 + Math.floor(Math.random() * 400) * 20;
  const env = {
    ...process.env,
    GOVCHAIN_NETWORK_DIR: directory,
    GOVCHAIN_NETWORK_P2P_BASE: String(base),
    GOVCHAIN_NETWORK_RPC_BASE: String(base + 10_000),
    GOVCHAIN_NETWORK_PROMETHEUS_BASE: String(base + 20_000),
    ...settings,
  };
  const network = async (...args) => {
    const { stdout, stderr } = await promisify(execFile)('bash', [script, ...args], { env, encoding: 'utf8' });
    return stdout + stderr;
  };
  const logs = (nodes) => nodes.map(({ name }) =>
    `--- ${name}\n${readFileSync(join(directory, name, 'node.log'), 'utf8').slice(-4_000)}`).join('\n');
  return { directory, network, logs };
}
