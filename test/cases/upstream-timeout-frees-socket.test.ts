import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamTimeoutError } from '../../src/dutchie';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { failureOf, startHarness, type Harness } from '../client/support/harness';

const ROOMS = 'v2/room/get-rooms';

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

/**
 * An upstream that accepts the connection and never sends headers holds a socket for as long
 * as the client lets it. The client keeps 16 sockets per upstream: if a timed-out read kept
 * its socket, the 17th such read would wait forever for one instead of timing out.
 */
describe('a read whose upstream never answers', () => {
  it('times out as UPSTREAM_TIMEOUT and gives its socket back: 17 such reads at once all end', async () => {
    harness = await startHarness({
      client: {
        retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
        timeouts: { connectMs: 1_000, headersMs: 100, bodyMs: 1_000 },
      },
    });
    const { client, sandbox } = harness;
    await client.ensureSession();
    sandbox.faults.add(ROOMS, { kind: 'no-headers' }, { times: 17 });

    // Sixteen take every socket; the seventeenth can only start on one a timed-out read gave back.
    const errors = await Promise.all(
      Array.from({ length: 17 }, () => failureOf(client.getRooms(SANDBOX_LOC_IDS.az))),
    );

    expect(errors.every((error) => error instanceof UpstreamTimeoutError)).toBe(true);
    expect(new Set(errors.map((error) => error.code))).toEqual(new Set(['UPSTREAM_TIMEOUT']));
    expect(await client.getRooms(SANDBOX_LOC_IDS.az)).toHaveLength(4);
    expect(sandbox.requests.count(ROOMS)).toBe(18);
  });
});
