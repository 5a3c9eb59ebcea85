// Council motions from the end-to-end tests, as the agencies' admins would pass them.
import assert from 'node:assert/strict';
import { sendAndWatch } from './node-process.js';

/**
 * Passes `call` as a council motion: the first of `voters` proposes it with a threshold of
 * all of them, every voter votes aye, the first closes it. Returns the closing block's
 * events; fails unless the motion executed and the call succeeded.
 */
export async function councilPasses(api, call, voters) {
  const lengthBound = call.method.encodedLength;
  const proposed = await sendAndWatch(
    api.tx.council.propose(voters.length, call, lengthBound), voters[0]);
  const { proposalIndex, proposalHash } = proposed.events
    .find((event) => api.events.council.Proposed.is(event)).data;
  for (const voter of voters) {
    await sendAndWatch(api.tx.council.vote(proposalHash, proposalIndex, true), voter);
  }
  const closed = await sendAndWatch(api.tx.council.close(proposalHash, proposalIndex,
    { refTime: 10_000_000_000n, proofSize: 1_000_000n }, lengthBound), voters[0]);
  const executed = closed.events.find((event) => api.events.council.Executed.is(event));
  assert.ok(executed, 'the motion executed');
  assert.ok(executed.data.result.isOk, `the motion's call succeeded: ${executed.data.result}`);
  return closed.events;
}
