import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/clock';
import {
  SANDBOX_DEFAULT_PASSWORD,
  SANDBOX_DEFAULT_USERNAME,
  startSandbox,
} from '../../src/sandbox';
import { call, login, post } from './support/http';
import { receiveBody } from './support/receive-body';

describe('request log', async () => {
  const clock = new FakeClock();
  const sandbox = await startSandbox({ clock });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  it('counts every request by endpoint, status and Result', async () => {
    const session = await login(sandbox);
    await call(sandbox, session, 'v2/room/get-rooms', { LocId: 1989 });
    await clock.advance(1000);
    await call(sandbox, session, 'v2/room/get-rooms', { LocId: 2869 });
    await call(sandbox, session, 'vendor/get-vendors', { LocId: 1989 });
    await call(sandbox, session, 'v2/vendor/get-vendors', { LocId: 1989 });

    expect(sandbox.requests.count()).toBe(5);
    expect(sandbox.requests.count('v2/room/get-rooms')).toBe(2);
    expect(sandbox.requests.countsByEndpoint()).toEqual({
      'posv3/user/EmployeeLogin': 1,
      'v2/room/get-rooms': 2,
      'vendor/get-vendors': 1,
      'v2/vendor/get-vendors': 1,
    });

    const [loginEntry, first, second, , missing] = sandbox.requests.all();
    expect(loginEntry).toMatchObject({ status: 200, result: true });
    expect(first).toMatchObject({ endpoint: 'v2/room/get-rooms', status: 200, result: true });
    expect(second.at - first.at).toBe(1000);
    expect(missing).toMatchObject({ status: 404, result: undefined });
  });

  it('keeps no password, session id or cookie in the logged bodies', async () => {
    await post(sandbox, 'posv3/user/EmployeeLogin', {
      UserName: SANDBOX_DEFAULT_USERNAME,
      Password: SANDBOX_DEFAULT_PASSWORD,
    });
    await post(sandbox, 'posv3/user/EmployeeLogin', { username: 'x', password: 'typed-wrong' });
    const session = await login(sandbox);
    await call(sandbox, session, 'v2/inventory/receive', receiveBody(session));

    const logged = JSON.stringify(sandbox.requests.all());
    expect(logged).not.toContain(SANDBOX_DEFAULT_PASSWORD);
    expect(logged).not.toContain('typed-wrong');
    for (const id of sandbox.issuedSessionIds()) expect(logged).not.toContain(id);
    expect(sandbox.requests.all()[0].body).toEqual({ UserName: SANDBOX_DEFAULT_USERNAME });
    expect(sandbox.requests.all().at(-1)?.body).toMatchObject({
      LocId: 1989,
      externalId: 'ext-0001',
    });
  });

  it('logs a rate-limited, unauthenticated, wrong-method and unknown-path request too', async () => {
    await post(sandbox, 'v2/room/get-rooms', { LocId: 1989 });
    await post(sandbox, 'v2/room/get-rooms', {}, { method: 'GET' });
    await post(sandbox, 'no/such/endpoint', {});

    expect(sandbox.requests.all().map((entry) => entry.status)).toEqual([401, 405, 404]);
  });

  it('clears on clear()', async () => {
    await post(sandbox, 'v2/room/get-rooms', { LocId: 1989 });
    sandbox.requests.clear();

    expect(sandbox.requests.count()).toBe(0);
    expect(sandbox.requests.countsByEndpoint()).toEqual({});
  });
});
