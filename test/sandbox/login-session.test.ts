import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/clock';
import {
  SANDBOX_DEFAULT_PASSWORD,
  SANDBOX_DEFAULT_USERNAME,
  SANDBOX_USER_ID,
  startSandbox,
} from '../../src/sandbox';
import { login, post } from './support/http';

const LOGIN = 'posv3/user/EmployeeLogin';
const ROOMS = 'v2/room/get-rooms';

describe('EmployeeLogin and sessions', async () => {
  const clock = new FakeClock();
  const sandbox = await startSandbox({ clock });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('answers the observed Data and sets LLSession beside another cookie', async () => {
    const reply = await post(sandbox, LOGIN, {
      UserName: SANDBOX_DEFAULT_USERNAME,
      Password: SANDBOX_DEFAULT_PASSWORD,
    });

    expect(reply.status).toBe(200);
    expect(reply.json.Result).toBe(true);
    const data = reply.json.Data;
    expect(data.SessionGId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(data.SessionId).toMatch(/^\d+$/);
    expect(data.SessionId).not.toBe(data.SessionGId);
    expect(data).toMatchObject({
      UserId: SANDBOX_USER_ID,
      Id: SANDBOX_USER_ID,
      UserName: SANDBOX_DEFAULT_USERNAME,
      FullName: 'Sandbox Employee',
      LocId: 1989,
      LoginType: 'LSP',
    });
    expect(typeof data.TraceId).toBe('string');

    const cookies = reply.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies).toContain(`LLSession=${data.SessionGId}; Path=/; HttpOnly`);
    expect(cookies.some((cookie) => cookie.startsWith('ASP.NET_SessionId='))).toBe(true);
    expect(sandbox.issuedSessionIds()).toEqual([data.SessionGId]);
  });

  it('treats the credential keys case-insensitively', async () => {
    const reply = await post(sandbox, LOGIN, {
      username: SANDBOX_DEFAULT_USERNAME,
      password: SANDBOX_DEFAULT_PASSWORD,
    });

    expect(reply.json.Result).toBe(true);
  });

  it('rejects bad credentials with HTTP 200 and echoes what was submitted', async () => {
    const reply = await post(sandbox, LOGIN, {
      UserName: SANDBOX_DEFAULT_USERNAME,
      Password: 'wrong-password',
    });

    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      Result: false,
      Message: 'Invalid user name or password.',
      Data: { UserName: SANDBOX_DEFAULT_USERNAME, Password: 'wrong-password' },
    });
    expect(reply.headers.getSetCookie()).toEqual([]);
    expect(sandbox.issuedSessionIds()).toEqual([]);
  });

  it('refuses a login without the appname header', async () => {
    const reply = await post(
      sandbox,
      LOGIN,
      { UserName: SANDBOX_DEFAULT_USERNAME, Password: SANDBOX_DEFAULT_PASSWORD },
      { headers: { appname: 'Other' } },
    );

    expect(reply.json.Result).toBe(false);
    expect(reply.json.Message).toMatch(/appname/);
  });

  it('accepts the session from the LLSession cookie', async () => {
    const session = await login(sandbox);
    const reply = await post(sandbox, ROOMS, { LocId: 1989 }, { session });

    expect(reply.status).toBe(200);
    expect(reply.json.Data).toHaveLength(4);
  });

  it('accepts the SessionGId in the body session block without a cookie', async () => {
    const session = await login(sandbox);
    const reply = await post(sandbox, ROOMS, { LocId: 1989, SessionId: session });

    expect(reply.status).toBe(200);
    expect(reply.json.Data).toHaveLength(4);
  });

  it('answers a missing session with the 401 JSON form', async () => {
    const reply = await post(sandbox, ROOMS, { LocId: 1989 });

    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({
      Result: false,
      Message: 'Session expired or invalid. Please log in.',
    });
  });

  it('does not take the numeric SessionId for the session', async () => {
    const reply = await post(sandbox, LOGIN, {
      UserName: SANDBOX_DEFAULT_USERNAME,
      Password: SANDBOX_DEFAULT_PASSWORD,
    });
    const numeric = reply.json.Data.SessionId;

    expect((await post(sandbox, ROOMS, { LocId: 1989 }, { session: numeric })).status).toBe(401);
    expect((await post(sandbox, ROOMS, { LocId: 1989, SessionId: numeric })).status).toBe(401);
  });

  it('keeps a session alive until 60 minutes after login on the clock', async () => {
    const session = await login(sandbox);

    await clock.advance(60 * 60_000 - 1);
    expect((await post(sandbox, ROOMS, { LocId: 1989 }, { session })).status).toBe(200);

    await clock.advance(1);
    const expired = await post(sandbox, ROOMS, { LocId: 1989 }, { session });
    expect(expired.status).toBe(401);
    expect(expired.json.Message).toBe('Session expired or invalid. Please log in.');
  });

  it('kills every session on expireSessions and a new login works', async () => {
    const first = await login(sandbox);
    sandbox.expireSessions();

    expect((await post(sandbox, ROOMS, { LocId: 1989 }, { session: first })).status).toBe(401);

    const second = await login(sandbox);
    expect((await post(sandbox, ROOMS, { LocId: 1989 }, { session: second })).status).toBe(200);
    expect(sandbox.issuedSessionIds()).toEqual([first, second]);
  });
});

describe('session lifetime option', () => {
  it('expires sessions after the configured sessionTtlMs', async () => {
    const clock = new FakeClock();
    const sandbox = await startSandbox({ clock, sessionTtlMs: 5 * 60_000 });
    try {
      const session = await login(sandbox);
      await clock.advance(5 * 60_000);

      expect((await post(sandbox, ROOMS, { LocId: 1989 }, { session })).status).toBe(401);
    } finally {
      await sandbox.close();
    }
  });

  it('accepts configured credentials and refuses the defaults then', async () => {
    const sandbox = await startSandbox({ username: 'dev@example.com', password: 's3cret' });
    try {
      const ok = await post(sandbox, LOGIN, { UserName: 'dev@example.com', Password: 's3cret' });
      const old = await post(sandbox, LOGIN, {
        UserName: SANDBOX_DEFAULT_USERNAME,
        Password: SANDBOX_DEFAULT_PASSWORD,
      });

      expect(ok.json.Result).toBe(true);
      expect(old.json.Result).toBe(false);
    } finally {
      await sandbox.close();
    }
  });
});
