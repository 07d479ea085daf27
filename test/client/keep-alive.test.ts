import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../../src/dutchie';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { failureOf, startHarness, type Harness } from './support/harness';

const ROOMS = 'v2/room/get-rooms';
const AZ = SANDBOX_LOC_IDS.az;

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

describe('keep-alive sockets', () => {
  it('reads again after the server closed its idle socket (server keep-alive 1 s, wait 1.1 s)', async () => {
    harness = await startHarness({ sandbox: { keepAliveTimeoutMs: 1_000 } });
    const { client, sandbox } = harness;

    expect(await client.getRooms(AZ)).toHaveLength(4);
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    expect(await client.getRooms(AZ)).toHaveLength(4);
    expect(sandbox.requests.count(ROOMS)).toBe(2);
  });

  it('replays a read once when its socket closes before any byte of the answer', async () => {
    harness = await startHarness({
      client: { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } },
    });
    const { client, sandbox } = harness;
    await client.ensureSession();
    sandbox.faults.add(ROOMS, { kind: 'destroy-after-write' });

    expect(await client.getRooms(AZ)).toHaveLength(4);
    expect(sandbox.requests.count(ROOMS)).toBe(2);
  });

  it('replays a closed-socket read only once', async () => {
    harness = await startHarness({
      client: { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } },
    });
    const { client, sandbox } = harness;
    await client.ensureSession();
    sandbox.faults.add(ROOMS, { kind: 'destroy-after-write' }, { times: 2 });

    const error = await failureOf(client.getRooms(AZ));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(sandbox.requests.count(ROOMS)).toBe(2);
  });
});
