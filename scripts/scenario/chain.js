// Talking to the chain for the scenario: signed calls in parallel with their own nonces, the
// pallet error of a refused call by name, council motions, and the progress display.

/** Raised when the chain does something the scenario did not expect; the run fails. */
export class Unexpected extends Error {}

/** Fails the run with `message` unless `condition` holds. */
export function expect(condition, message) {
  if (!condition) throw new Unexpected(message);
}

/** A dispatch error as `pallet.Error` (module errors) or as the chain prints it. */
function errorName(registry, dispatchError) {
  if (!dispatchError.isModule) return dispatchError.toString();
  const { section, name } = registry.findMetaError(dispatchError.asModule);
  return `${section}.${name}`;
}

export class Chain {
  constructor(api) {
    this.api = api;
    this.nonces = new Map();
  }

  /** The next nonce of `address`, counted here so that one account can send in parallel. */
  nonce(address) {
    const next = this.nonces.get(address) ??
      this.api.rpc.system.accountNextIndex(address).then((index) => index.toNumber());
    this.nonces.set(address, next.then((nonce) => nonce + 1));
    return next;
  }

  /**
   * Signs and sends `tx`; resolves when a block includes it, with the block hash, the
   * events of the extrinsic and the dispatch error's name if it failed.
   */
  async submit(tx, signer) {
    const nonce = await this.nonce(signer.address);
    return new Promise((resolve, reject) => {
      let unsubscribe = () => {};
      tx.signAndSend(signer, { nonce }, ({ status, events, dispatchError }) => {
        // `Finalized` may come without `InBlock`: polkadot.js drops a block's event lookup
        // when the next status arrives (tests/e2e/node-process.js, `includedIn`).
        const blockHash = status.isInBlock ? status.asInBlock : status.isFinalized ? status.asFinalized : null;
        if (blockHash) {
          unsubscribe();
          resolve({
            blockHash,
            events: events.map(({ event }) => event),
            error: dispatchError ? errorName(this.api.registry, dispatchError) : null,
          });
        } else if (status.isDropped || status.isInvalid || status.isUsurped) {
          unsubscribe();
          reject(new Unexpected(`${tx.method.section}.${tx.method.method} was not included: ${status.type}`));
        }
      }).then((unsub) => { unsubscribe = unsub; }, (error) => {
        reject(new Unexpected(`${tx.method.section}.${tx.method.method} was refused by the pool: ${error.message}`));
      });
    });
  }

  /** Sends `tx` and expects it to succeed; returns the block hash and events. */
  async succeed(tx, signer) {
    const result = await this.submit(tx, signer);
    expect(!result.error, `${tx.method.section}.${tx.method.method} failed: ${result.error}`);
    return result;
  }

  /** Sends `tx` and expects the chain to refuse it with `error` (`pallet.Error`). */
  async refused(tx, signer, error) {
    const result = await this.submit(tx, signer);
    expect(result.error === error,
      `${tx.method.section}.${tx.method.method} should fail with ${error}, ${result.error ? `failed with ${result.error}` : 'but succeeded'}`);
    return result;
  }

  /** The first event of `kind` (e.g. `api.events.customs.Released`) in `events`. */
  event(events, kind) {
    const found = events.find((event) => kind.is(event));
    expect(found, `no ${kind.meta.name} event`);
    return found.data;
  }

  /**
   * Passes `call` as a council motion: proposed by the first of `voters`, voted aye by all
   * of them in one block, closed; fails unless the call ran and succeeded.
   */
  async motion(call, voters) {
    const { api } = this;
    const lengthBound = call.method.encodedLength;
    const proposed = await this.succeed(api.tx.council.propose(voters.length, call, lengthBound), voters[0]);
    const { proposalIndex, proposalHash } = this.event(proposed.events, api.events.council.Proposed);
    await Promise.all(voters.map((voter) =>
      this.succeed(api.tx.council.vote(proposalHash, proposalIndex, true), voter)));
    // The call's own declared weight is the bound the council checks it against.
    const { weight } = await api.call.transactionPaymentCallApi.queryCallInfo(call.method, lengthBound);
    const closed = await this.succeed(api.tx.council.close(proposalHash, proposalIndex, weight, lengthBound), voters[0]);
    const { result } = this.event(closed.events, api.events.council.Executed);
    expect(result.isOk, `the council's motion ran but its call failed: ${result}`);
    // A batch reports its own failure as an event, not as the motion's result.
    expect(!closed.events.some((event) => api.events.utility.BatchInterrupted.is(event)),
      'the council\'s batch was interrupted');
    return closed;
  }
}

/**
 * Steps done of total and the current step, on one line that updates in place on a
 * terminal, or one line per step otherwise (a log, a test).
 */
export class Progress {
  constructor(total, stream = process.stderr) {
    this.total = total;
    this.done = 0;
    this.stream = stream;
    this.started = Date.now();
  }

  /** Runs `body` as the next step, titled `title`. */
  async step(title, body) {
    const seconds = () => ((Date.now() - this.started) / 1000).toFixed(0).padStart(4);
    const line = `[${String(this.done + 1).padStart(2)}/${this.total}] ${seconds()} s  ${title}`;
    if (this.stream.isTTY) {
      this.stream.clearLine(0);
      this.stream.cursorTo(0);
      this.stream.write(line.slice(0, this.stream.columns - 1));
    } else {
      this.stream.write(`${line}\n`);
    }
    const result = await body();
    this.done += 1;
    return result;
  }

  /** Ends the display. */
  finish() {
    if (this.stream.isTTY) this.stream.write('\n');
    this.stream.write(`${this.done} of ${this.total} steps done in ${((Date.now() - this.started) / 1000).toFixed(0)} s\n`);
  }
}
