import { afterEach, describe, expect, it } from 'vitest';
import { createBackofficeClient } from '../../src/dutchie';
import type { BackofficeApi } from '../../src/dutchie/backoffice-api';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { SANDBOX_DEFAULT_PASSWORD, SANDBOX_DEFAULT_USERNAME } from '../../src/sandbox/types';
import { createReadinessProbe } from '../../src/server/readiness';
import { FakeClock } from '../../src/util/clock';

const LOGIN = 'posv3/user/EmployeeLogin';

describe('readiness probe over the sandbox', () => {
  let sandbox: Sandbox;
  let client: BackofficeApi;
  const clock = new FakeClock();

  async function setUp(password = SANDBOX_DEFAULT_PASSWORD) {
    sandbox = await startSandbox({ clock, callsPerMinute: 0 });
    client = createBackofficeClient({
      baseUrl: sandbox.url,
      username: SANDBOX_DEFAULT_USERNAME,
      password,
      clock,
      // The client's own back-off after a refused login would hide the probe's.
      loginFailureBackoffMs: 0,
    });

    return createReadinessProbe({ client, clock, minLoginIntervalMs: 30_000 });
  }

  afterEach(async () => {
    await client?.close();
    await sandbox?.close();
  });

  it('logs in once when there is no session, then answers from the cached one', async () => {
    const probe = await setUp();

    const first = await probe.check();
    const second = await probe.check();
    const third = await probe.check();

    expect(first.ready).toBe(true);
    expect(second.ready).toBe(true);
    expect(third.session.active).toBe(true);
    expect(third.session.loggedInAt).toBe(new Date(clock.now()).toISOString());
    expect(sandbox.requests.count(LOGIN)).toBe(1);
    expect(sandbox.requests.count()).toBe(1);
  });

  it('shares one login between probes that arrive together', async () => {
    const probe = await setUp();

    const reports = await Promise.all([probe.check(), probe.check(), probe.check(), probe.check()]);

    expect(reports.map((report) => report.ready)).toEqual([true, true, true, true]);
    expect(sandbox.requests.count(LOGIN)).toBe(1);
  });

  it('tries a failing login at most once per 30 s, however often it is polled', async () => {
    const probe = await setUp('not-the-password');

    const first = await probe.check();
    await clock.advance(10_000);
    const polled = await probe.check();
    await clock.advance(19_999);
    await probe.check();

    expect(first).toMatchObject({ ready: false, lastFailure: { code: 'UPSTREAM_AUTH' } });
    expect(polled.nextLoginAttemptAt).toBe(new Date(clock.now() - 29_999 + 30_000).toISOString());
    expect(sandbox.requests.count(LOGIN)).toBe(1);

    await clock.advance(1);
    const retried = await probe.check();

    expect(retried.ready).toBe(false);
    expect(sandbox.requests.count(LOGIN)).toBe(2);
  });

  it('logs in again once the cached session has expired', async () => {
    const probe = await setUp();
    await probe.check();

    await clock.advance(61 * 60_000);
    const report = await probe.check();

    expect(report.ready).toBe(true);
    expect(sandbox.requests.count(LOGIN)).toBe(2);
  });

  it('never puts the password or the session id in its report', async () => {
    const probe = await setUp();

    const report = JSON.stringify(await probe.check());

    expect(report).not.toContain(SANDBOX_DEFAULT_PASSWORD);
    for (const id of sandbox.issuedSessionIds()) expect(report).not.toContain(id);
  });
});
