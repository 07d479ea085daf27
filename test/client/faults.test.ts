import { afterEach, describe, expect, it } from 'vitest';
import {
  BadResponseError,
  RateLimitedError,
  SessionExpiredError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '../../src/dutchie';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { eventually, failureOf, startHarness, type Harness } from './support/harness';

const LOGIN = 'posv3/user/EmployeeLogin';
const ROOMS = 'v2/room/get-rooms';
const AZ = SANDBOX_LOC_IDS.az;

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

/** A client that does not retry, so each fault's own error surfaces. */
async function withoutRetries() {
  harness = await startHarness({
    client: { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } },
  });
  await harness.client.ensureSession();
  harness.sandbox.requests.clear();

  return harness;
}

describe('injected upstream faults', () => {
  it('maps a 503 to UpstreamUnavailableError', async () => {
    const { client, sandbox } = await withoutRetries();
    sandbox.faults.add(ROOMS, { kind: 'status', status: 503 });

    const error = await failureOf(client.getRooms(AZ));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503, endpoint: ROOMS });
    expect(error.message).not.toContain(sandbox.url);
  });

  it('recovers a read from one 503 with a retry', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;
    sandbox.faults.add(ROOMS, { kind: 'status', status: 503 });

    expect(await client.getRooms(AZ)).toHaveLength(4);
    expect(sandbox.requests.count(ROOMS)).toBe(2);
  });

  it('reads 429 Retry-After 2 as retryAfterSeconds 2, logs the trace id, and does not come back sooner', async () => {
    harness = await startHarness({
      client: { retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 } },
    });
    const { client, sandbox, clock, logs } = harness;
    await client.ensureSession();
    sandbox.faults.add(
      ROOMS,
      { kind: 'rate-limit-429', retryAfterSeconds: 2, traceId: 'trace-429-abc' },
      { times: 2 },
    );

    const pending = failureOf(client.getRooms(AZ));
    await eventually(() => clock.pendingSleepers > 0, 'the retry to wait');

    await clock.advance(1_999);
    expect(sandbox.requests.count(ROOMS)).toBe(1);

    await clock.advance(1);
    const error = await pending;

    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterSeconds: 2, traceId: 'trace-429-abc', status: 429 });
    expect(sandbox.requests.count(ROOMS)).toBe(2);
    expect(
      logs.parsed().some((line) => line.traceId === 'trace-429-abc' && line.level === 40),
    ).toBe(true);
  });

  it('gives up at once when Retry-After reaches past the longest queue wait', async () => {
    harness = await startHarness({ client: { maxQueueWaitMs: 30_000 } });
    const { client, sandbox, clock } = harness;
    await client.ensureSession();
    sandbox.faults.add(ROOMS, { kind: 'rate-limit-429', retryAfterSeconds: 600 });

    const error = await failureOf(client.getRooms(AZ));

    expect(error).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 600 });
    expect(sandbox.requests.count(ROOMS)).toBe(1);
    expect(clock.pendingSleepers).toBe(0);
  });

  it('reads the 200 rate-limit answer as RateLimitedError retrying after 60 s', async () => {
    const { client, sandbox } = await withoutRetries();
    sandbox.faults.add(ROOMS, { kind: 'rate-limit-200' });

    const error = await failureOf(client.getRooms(AZ));

    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterSeconds: 60, status: 200 });
    expect(client.budget().limitPerMinute).toBe(55);
  });

  it('holds every call after a rate-limit answer until the upstream window allows it', async () => {
    const { client, sandbox, clock } = await withoutRetries();
    sandbox.faults.add(ROOMS, { kind: 'rate-limit-429', retryAfterSeconds: 2 });
    await failureOf(client.getRooms(AZ));

    const next = client.getRooms(AZ);
    await eventually(() => clock.pendingSleepers > 0, 'the call to queue');
    expect(sandbox.requests.count(ROOMS)).toBe(1);

    await clock.advance(2_000);
    expect(await next).toHaveLength(4);
    expect(sandbox.requests.count(ROOMS)).toBe(2);
  });

  it('reads an HTML page with a success status as BadResponseError(html)', async () => {
    const { client, sandbox } = await withoutRetries();
    sandbox.faults.add(ROOMS, { kind: 'html', status: 200 });

    const error = await failureOf(client.getRooms(AZ));

    expect(error).toBeInstanceOf(BadResponseError);
    expect(error).toMatchObject({ kind: 'html', status: 200 });
    expect(error.excerpt.length).toBeLessThanOrEqual(300);
  });

  it('reads the edge proxy 502 page as unavailable: the status says more than the page', async () => {
    const { client, sandbox } = await withoutRetries();
    sandbox.faults.add(ROOMS, { kind: 'html' });

    const error = await failureOf(client.getRooms(AZ));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ status: 502 });
  });

  it('reads truncated JSON as BadResponseError(truncated-json), never as a shorter list', async () => {
    const { client, sandbox } = await withoutRetries();
    sandbox.faults.add(ROOMS, { kind: 'truncated-json' });

    const error = await failureOf(client.getRooms(AZ));

    expect(error).toBeInstanceOf(BadResponseError);
    expect(error.kind).toBe('truncated-json');
  });

  it('treats a 302 to the login page as a dead session: one re-login, one replay, real data', async () => {
    const { client, sandbox } = await withoutRetries();
    sandbox.faults.add(ROOMS, { kind: 'redirect-login' });

    const rooms = await client.getRooms(AZ);

    expect(rooms).toHaveLength(4);
    expect(sandbox.requests.count(LOGIN)).toBe(1);
    expect(sandbox.requests.count(ROOMS)).toBe(2);
  });

  it('never turns a lasting login redirect into data', async () => {
    const { client, sandbox } = await withoutRetries();
    sandbox.faults.add(ROOMS, { kind: 'redirect-login' }, { times: Infinity });

    const error = await failureOf(client.getRooms(AZ));

    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error).toMatchObject({ status: 302 });
    expect(sandbox.requests.count(LOGIN)).toBe(1);
    expect(sandbox.requests.count(ROOMS)).toBe(2);
  });

  it('re-logs in on a 200 whose Message says the session is gone, and on the 401 page', async () => {
    const { client, sandbox } = await withoutRetries();
    sandbox.faults.add(ROOMS, { kind: 'session-expired-200' });
    expect(await client.getRooms(AZ)).toHaveLength(4);

    sandbox.faults.add(ROOMS, { kind: 'session-expired-401' });
    expect(await client.getRooms(AZ)).toHaveLength(4);

    expect(sandbox.requests.count(LOGIN)).toBe(2);
    expect(sandbox.requests.count(ROOMS)).toBe(4);
  });

  it('fails a read whose upstream never sends headers with UPSTREAM_TIMEOUT within the configured timeout', async () => {
    harness = await startHarness({
      client: {
        retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
        timeouts: { connectMs: 1_000, headersMs: 300, bodyMs: 1_000 },
      },
    });
    const { client, sandbox } = harness;
    await client.ensureSession();
    sandbox.faults.add(ROOMS, { kind: 'no-headers' });

    const error = await failureOf(client.getRooms(AZ));

    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', phase: 'headers' });
    expect(error.message).toContain('300 ms');
    // The hung socket was freed: the next call goes through.
    expect(await client.getRooms(AZ)).toHaveLength(4);
  });

  it('maps a 500 with SQL text to unavailable, the SQL kept out of the message', async () => {
    const { client, sandbox } = await withoutRetries();
    sandbox.faults.add('v2/inventory/get-inventory', { kind: 'sql-500' });

    const error = await failureOf(
      client.getInventory({ locId: AZ, lspId: 575, timeZone: 'America/Phoenix' }),
    );

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.status).toBe(500);
    expect(error.message).not.toMatch(/SELECT|IsDeleted|SqlException|StackTrace/);
    expect(error.message).not.toContain(sandbox.url);
  });
});
