import { afterEach, describe, expect, it } from 'vitest';
import { BudgetExhaustedError } from '../../src/dutchie';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { burst, drain, eventually, startHarness, type Harness } from './support/harness';

const ROOMS = 'v2/room/get-rooms';
const AZ = SANDBOX_LOC_IDS.az;

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

/** The most upstream calls (logins included) in any rolling minute of the sandbox log. */
function busiestMinute(harness: Harness): number {
  const times = harness.sandbox.requests
    .all()
    .map((request) => request.at)
    .sort((a, b) => a - b);
  let busiest = 0;

  for (let i = 0, j = 0; i < times.length; i += 1) {
    while (times[i] - times[j] >= 60_000) j += 1;
    busiest = Math.max(busiest, i - j + 1);
  }

  return busiest;
}

describe('upstream budget', () => {
  it('runs 200 reads in a burst under the default limits without one rate-limit answer', async () => {
    harness = await startHarness({ client: { maxQueueWaitMs: 10 * 60_000 } });
    const { client, sandbox } = harness;

    const state = burst(200, () => client.getRooms(AZ));
    await drain(harness, state, 200);

    expect(state.results.filter((r) => r instanceof Error)).toEqual([]);
    expect(sandbox.requests.count(ROOMS)).toBe(200);
    expect(sandbox.requests.all().filter((r) => r.status !== 200 || r.result === false)).toEqual(
      [],
    );
    expect(busiestMinute(harness)).toBeLessThanOrEqual(55);
  });

  it('fails what cannot start within maxQueueWaitMs with BudgetExhaustedError, never a rate-limit answer', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;

    const state = burst(200, () => client.getRooms(AZ));
    await drain(harness, state, 200);

    const errors = state.results.filter((r) => r instanceof Error);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error instanceof BudgetExhaustedError)).toBe(true);
    expect((errors[0] as BudgetExhaustedError).retryAfterSeconds).toBeGreaterThan(0);
    expect(sandbox.requests.count(ROOMS)).toBe(200 - errors.length);
    expect(sandbox.requests.all().filter((r) => r.result === false || r.status === 429)).toEqual(
      [],
    );
  });

  it('lets a receive-priority call pass reads queued ahead of it', async () => {
    harness = await startHarness({ client: { callsPerMinute: 10 } });
    const { client, sandbox } = harness;
    await client.ensureSession();

    // Reads may fill 8 of 10 slots (one already went to the login).
    const reads = burst(10, () => client.getRooms(AZ));
    await eventually(() => reads.done === 7, 'reads to use their share');
    expect(client.budget()).toEqual({ limitPerMinute: 10, usedLastMinute: 8, queued: 3 });

    const verified = await client.getRooms(AZ, { priority: 'verify' });

    expect(verified).toHaveLength(4);
    expect(sandbox.requests.count(ROOMS)).toBe(8);
    expect(client.budget().queued).toBe(3);

    await drain(harness, reads, 10);
    expect(reads.results.every((r) => Array.isArray(r))).toBe(true);
  });

  it('drops a queued call whose signal aborts, without calling upstream', async () => {
    harness = await startHarness({ client: { callsPerMinute: 2 } });
    const { client, sandbox } = harness;
    await client.getRooms(AZ, { priority: 'write' });

    const controller = new AbortController();
    const pending = client
      .getRooms(AZ, { signal: controller.signal })
      .catch((error: Error) => error);
    await eventually(() => client.budget().queued === 1, 'the call to queue');
    controller.abort(new Error('request cancelled'));

    expect(((await pending) as Error).message).toBe('request cancelled');
    expect(client.budget().queued).toBe(0);
    expect(sandbox.requests.count(ROOMS)).toBe(1);
  });
});
