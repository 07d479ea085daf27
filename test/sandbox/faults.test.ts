import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { call, login, post } from './support/http';
import { receiveBody, receiveLine } from './support/receive-body';

const ROOMS = 'v2/room/get-rooms';
const RECEIVE = 'v2/inventory/receive';

describe('fault injection', async () => {
  const sandbox = await startSandbox();
  let session = '';
  beforeEach(async () => {
    sandbox.reset();
    session = await login(sandbox);
  });
  afterAll(() => sandbox.close());

  const rooms = () => call(sandbox, session, ROOMS, { LocId: 1989 });
  const received = () => sandbox.packagesAt(1989).filter((pkg) => pkg.receiveHistoryId !== null);

  it('latency delays the answer in real time, then answers normally', async () => {
    sandbox.faults.add(ROOMS, { kind: 'latency', ms: 150 });
    const started = performance.now();
    const reply = await rooms();

    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(reply.json.Data).toHaveLength(4);
    expect(sandbox.requests.all().at(-1)?.fault).toBe('latency');
  });

  it('latency combines with another fault on the same request', async () => {
    sandbox.faults.add(ROOMS, { kind: 'latency', ms: 20 });
    sandbox.faults.add(ROOMS, { kind: 'status', status: 503 });

    expect((await rooms()).status).toBe(503);
    expect((await rooms()).status).toBe(200);
  });

  it('status answers that status with the given body and content type', async () => {
    sandbox.faults.add(ROOMS, {
      kind: 'status',
      status: 503,
      body: 'upstream down',
      contentType: 'text/plain',
    });
    const reply = await rooms();

    expect(reply.status).toBe(503);
    expect(reply.text).toBe('upstream down');
    expect(reply.headers.get('content-type')).toBe('text/plain');
  });

  it('status without a body answers a JSON envelope', async () => {
    sandbox.faults.add(ROOMS, { kind: 'status', status: 500 });
    const reply = await rooms();

    expect(reply.status).toBe(500);
    expect(reply.json).toMatchObject({ Result: false });
  });

  it('rate-limit-429 sends Retry-After and a JSON body with the trace id', async () => {
    sandbox.faults.add(ROOMS, {
      kind: 'rate-limit-429',
      retryAfterSeconds: 2,
      traceId: 'trace-77',
    });
    const reply = await rooms();

    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('2');
    expect(reply.json).toMatchObject({ Result: false, TraceId: 'trace-77' });
  });

  it('rate-limit-200 answers the observed 200 rate-limit envelope', async () => {
    sandbox.faults.add(ROOMS, { kind: 'rate-limit-200' });
    const reply = await rooms();

    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      Result: false,
      Message: 'Too many requests - only 60 per minute allowed',
      Data: null,
    });
  });

  it('html answers an nginx error page as text/html, 502 by default', async () => {
    sandbox.faults.add(ROOMS, { kind: 'html' });
    sandbox.faults.add(ROOMS, { kind: 'html', status: 403 });
    const first = await rooms();
    const second = await rooms();

    expect(first.status).toBe(502);
    expect(first.headers.get('content-type')).toBe('text/html');
    expect(first.text).toContain('<center><h1>502 Bad Gateway</h1></center>');
    expect(first.text).toContain('<center>nginx</center>');
    expect(second.status).toBe(403);
  });

  it('truncated-json cuts a valid answer mid-body under a JSON content type', async () => {
    sandbox.faults.add(ROOMS, { kind: 'truncated-json' });
    const reply = await rooms();

    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.text.startsWith('{"Result":true')).toBe(true);
    expect(reply.json).toBeUndefined();
    expect(() => JSON.parse(reply.text)).toThrow();
  });

  it('redirect-login answers 302 to /login', async () => {
    sandbox.faults.add(ROOMS, { kind: 'redirect-login' });
    const reply = await rooms();

    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe('/login');
  });

  it('session-expired-200 answers the 200 form and the session is dead afterwards', async () => {
    sandbox.faults.add(ROOMS, { kind: 'session-expired-200' });
    const reply = await rooms();

    expect(reply.status).toBe(200);
    expect(reply.json.Result).toBe(false);
    expect(reply.json.Message).toMatch(/session/i);
    expect((await rooms()).status).toBe(401);
  });

  it('session-expired-401 answers an HTML 401 page', async () => {
    sandbox.faults.add(ROOMS, { kind: 'session-expired-401' });
    const reply = await rooms();

    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toBe('text/html');
    expect(reply.text).toContain('401 Authorization Required');
  });

  it('sql-500 answers HTTP 500 with SQL text and a stack trace', async () => {
    sandbox.faults.add('v2/inventory/get-inventory', { kind: 'sql-500' });
    const reply = await call(sandbox, session, 'v2/inventory/get-inventory', {
      LocId: 1989,
      LspId: 575,
    });

    expect(reply.status).toBe(500);
    expect(reply.text).toContain('SqlException');
    expect(reply.text).toContain('FROM dbo.PackageInventory');
    expect(reply.json.StackTrace).toMatch(/^\s+at System\.Data\.SqlClient/);
  });

  it('destroy-after-write applies the receive, then destroys the socket unanswered', async () => {
    sandbox.faults.add(RECEIVE, { kind: 'destroy-after-write' });

    await expect(call(sandbox, session, RECEIVE, receiveBody(session))).rejects.toThrow();
    expect(received().map((pkg) => pkg.packageId)).toEqual(['TEST-PKG-0001']);
    expect(sandbox.requests.count(RECEIVE)).toBe(1);
    expect(sandbox.requests.all().at(-1)).toMatchObject({
      status: 0,
      fault: 'destroy-after-write',
    });
  });

  it('orphan answers a receive with an id and creates nothing', async () => {
    sandbox.faults.add(RECEIVE, { kind: 'orphan' });
    const reply = await call(sandbox, session, RECEIVE, receiveBody(session));

    expect(reply.json.Result).toBe(true);
    expect(Number.isInteger(reply.json.Data)).toBe(true);
    expect(received()).toEqual([]);
    expect(sandbox.receives()[0].outcome).toBe('orphaned');
  });

  it('partial drops the last N lines silently', async () => {
    sandbox.faults.add(RECEIVE, { kind: 'partial', dropLines: 2 });
    const lines = ['P-1', 'P-2', 'P-3'].map((packageId) => receiveLine({ packageId }));
    const reply = await call(sandbox, session, RECEIVE, receiveBody(session, { products: lines }));

    expect(reply.json.Result).toBe(true);
    expect(received().map((pkg) => pkg.packageId)).toEqual(['P-1']);
    expect(sandbox.receives()[0].outcome).toBe('partial');
  });

  it('applies a fault once by default, `times` times, or to every endpoint with *', async () => {
    sandbox.faults.add(ROOMS, { kind: 'status', status: 502 });
    expect([(await rooms()).status, (await rooms()).status]).toEqual([502, 200]);

    sandbox.faults.add(ROOMS, { kind: 'status', status: 503 }, { times: 2 });
    expect([(await rooms()).status, (await rooms()).status, (await rooms()).status]).toEqual([
      503, 503, 200,
    ]);

    sandbox.faults.add('*', { kind: 'status', status: 504 }, { times: Infinity });
    const vendors = await call(sandbox, session, 'vendor/get-vendors', { LocId: 1989 });
    expect([vendors.status, (await rooms()).status]).toEqual([504, 504]);

    sandbox.faults.clear();
    expect((await rooms()).status).toBe(200);
  });

  it('can fault the login itself', async () => {
    sandbox.faults.add('posv3/user/EmployeeLogin', { kind: 'html', status: 503 });

    await expect(login(sandbox)).rejects.toThrow(/503/);
    expect(typeof (await login(sandbox))).toBe('string');
  });

  it('refuses an unknown fault kind and a bad times', () => {
    expect(() => sandbox.faults.add(ROOMS, { kind: 'nope' } as never)).toThrow(/unknown fault/);
    expect(() => sandbox.faults.add(ROOMS, { kind: 'orphan' }, { times: 0 })).toThrow(/times/);
  });
});

describe('no-headers', () => {
  it('accepts the request, never answers, and close() still ends it', async () => {
    const sandbox: Sandbox = await startSandbox();
    const session = await login(sandbox);
    sandbox.faults.add(ROOMS, { kind: 'no-headers' });

    const pending = post(sandbox, ROOMS, { LocId: 1989 }, { session }).then(
      () => 'answered',
      () => 'failed',
    );
    while (sandbox.requests.count(ROOMS) === 0) await new Promise((r) => setTimeout(r, 5));
    expect(sandbox.requests.all().at(-1)).toMatchObject({ status: 0, fault: 'no-headers' });

    await sandbox.close();
    expect(await pending).toBe('failed');
  });

  it('close() also ends a request waiting out a long latency', async () => {
    const sandbox = await startSandbox();
    const session = await login(sandbox);
    sandbox.faults.add(ROOMS, { kind: 'latency', ms: 600_000 });

    const pending = post(sandbox, ROOMS, { LocId: 1989 }, { session }).then(
      () => 'answered',
      () => 'failed',
    );
    while (sandbox.requests.count(ROOMS) === 0) await new Promise((r) => setTimeout(r, 5));

    await sandbox.close();
    expect(await pending).toBe('failed');
  });
});
