import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticationError } from '../../src/dutchie';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import {
  LogCapture,
  PASSWORD,
  burst,
  drain,
  counterValue,
  failureOf,
  startHarness,
  type Harness,
} from './support/harness';

const LOGIN = 'posv3/user/EmployeeLogin';
const ROOMS = 'v2/room/get-rooms';
const AZ = SANDBOX_LOC_IDS.az;

/** The answer of a login the upstream refuses, password echoed as observed. */
const REJECTED_LOGIN = JSON.stringify({
  Result: false,
  Message: 'Invalid user name or password.',
  Data: { UserName: 'sandbox.employee@example.com', Password: PASSWORD },
});

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

describe('session handling', () => {
  it('logs in exactly once for 50 concurrent reads on a cold client', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;

    // Reads may use 80% of 55 calls a minute: the last few queue until the window rolls.
    const reads = burst(50, () => client.getRooms(AZ));
    await drain(harness, reads, 50);

    expect(reads.results.every((rooms) => Array.isArray(rooms) && rooms.length === 4)).toBe(true);
    expect(sandbox.requests.count(LOGIN)).toBe(1);
    expect(sandbox.requests.count(ROOMS)).toBe(50);
  });

  it('logs in once again when sessions die mid-run, replaying each read once', async () => {
    harness = await startHarness();
    const { client, sandbox, registry } = harness;
    await client.getRooms(AZ);

    sandbox.expireSessions();
    sandbox.requests.clear();
    const results = await Promise.all(Array.from({ length: 20 }, () => client.getRooms(AZ)));

    expect(results.every((rooms) => rooms.length === 4)).toBe(true);
    expect(sandbox.requests.count(LOGIN)).toBe(1);
    // Each read: one dead answer, one replay.
    expect(sandbox.requests.count(ROOMS)).toBe(40);
    expect(await counterValue(registry, 'backoffice_upstream_logins_total')).toBe(2);
  });

  it('refreshes the session ahead of the upstream hour, on the clock', async () => {
    harness = await startHarness();
    const { client, sandbox, clock } = harness;
    await client.getRooms(AZ);
    const first = client.sessionStatus();

    await clock.advance(49 * 60_000);
    await client.getRooms(AZ);
    expect(sandbox.requests.count(LOGIN)).toBe(1);

    await clock.advance(11 * 60_000);
    await Promise.all(Array.from({ length: 10 }, () => client.getRooms(AZ)));

    expect(sandbox.requests.count(LOGIN)).toBe(2);
    // The refresh came before the old session died: no read was ever refused.
    expect(sandbox.requests.all().filter((r) => r.endpoint === ROOMS && r.status !== 200)).toEqual(
      [],
    );
    expect(client.sessionStatus().loggedInAt).toBe(first.loggedInAt! + 60 * 60_000);
  });

  it('gives 20 callers the AuthenticationError of one failed re-login and logs in no more within the back-off', async () => {
    harness = await startHarness({ client: { loginFailureBackoffMs: 30_000 } });
    const { client, sandbox, clock } = harness;
    await client.getRooms(AZ);

    sandbox.expireSessions();
    sandbox.faults.add(
      LOGIN,
      { kind: 'status', status: 200, body: REJECTED_LOGIN },
      { times: Infinity },
    );
    sandbox.requests.clear();

    const errors = await Promise.all(
      Array.from({ length: 20 }, () => failureOf(client.getRooms(AZ))),
    );

    expect(errors.every((error) => error instanceof AuthenticationError)).toBe(true);
    expect(errors.every((error) => error.code === 'UPSTREAM_AUTH')).toBe(true);
    expect(sandbox.requests.count(LOGIN)).toBe(1);

    await clock.advance(29_000);
    const again = await failureOf(client.getRooms(AZ));
    expect(again).toBeInstanceOf(AuthenticationError);
    expect(sandbox.requests.count(LOGIN)).toBe(1);
    expect(sandbox.requests.count(ROOMS)).toBe(20);
    expect(client.sessionStatus()).toMatchObject({
      active: false,
      lastFailure: { code: 'UPSTREAM_AUTH' },
    });

    sandbox.faults.clear();
    await clock.advance(1_000);
    expect(await client.getRooms(AZ)).toHaveLength(4);
    expect(sandbox.requests.count(LOGIN)).toBe(2);
  });

  it('reports bad credentials as AuthenticationError and never logs or returns the password', async () => {
    harness = await startHarness();
    const logs = new LogCapture();
    const client = harness.newClient({ password: 'wrong-password-1234', logger: logs.logger });

    const error = await failureOf(client.getRooms(AZ));

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain('Invalid user name or password');
    for (const text of [logs.text, error.message, error.excerpt ?? '', JSON.stringify(error)]) {
      expect(text).not.toContain('wrong-password-1234');
    }
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(harness.sandbox.requests.count(ROOMS)).toBe(0);
  });

  it('keeps the SessionGId and the cookie out of every log line', async () => {
    harness = await startHarness();
    const { client, sandbox, logs } = harness;

    await client.getRooms(AZ);
    sandbox.expireSessions();
    await client.getRooms(AZ);

    const ids = sandbox.issuedSessionIds();
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(logs.text).not.toContain(id);
    expect(logs.text).not.toContain('LLSession');
    expect(logs.parsed().filter((line) => line.msg === 'logged in to Backoffice')).toHaveLength(2);
  });

  it('reports the cached session and logs in on ensureSession without another login later', async () => {
    harness = await startHarness();
    const { client, sandbox, clock } = harness;

    expect(client.sessionStatus()).toEqual({
      active: false,
      loggedInAt: null,
      expiresAt: null,
      lastFailure: null,
    });

    await client.ensureSession();
    await client.ensureSession();

    expect(client.sessionStatus()).toEqual({
      active: true,
      loggedInAt: clock.now(),
      expiresAt: clock.now() + 50 * 60_000,
      lastFailure: null,
    });
    await client.getRooms(AZ);
    expect(sandbox.requests.count(LOGIN)).toBe(1);
  });
});
