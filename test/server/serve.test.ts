import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_DEFAULT_PASSWORD } from '../../src/sandbox/types';
import { loadConfig } from '../../src/server/config';
import { serve, type RunningServer } from '../../src/server/main';
import { captureLogger, type CapturedLog } from './helpers/capture-logger';

/** The whole server as `npm start` builds it, in this process, over the sandbox on loopback. */
describe('serve() over the embedded sandbox', () => {
  let server: RunningServer;
  let log: CapturedLog;
  const announced: string[] = [];

  beforeAll(async () => {
    log = captureLogger('debug');
    const config = loadConfig({
      PORT: '0',
      SANDBOX_PORT: '0',
      BACKGROUND_REFRESH: 'off',
      SANDBOX_READ_LAG_MS: '0',
    });
    server = await serve(config, { logger: log.logger, announce: (line) => announced.push(line) });
  });

  afterAll(async () => {
    await server?.close(1000);
  });

  beforeEach(() => {
    server.sandbox!.faults.clear();
  });

  async function query(text: string, headers: Record<string, string> = {}) {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: text }),
    });

    return { response, json: (await response.json()) as Record<string, any> };
  }

  it('announces the exact GraphiQL URL with the port it got', () => {
    expect(announced).toEqual([`GraphiQL: http://localhost:${server.port}/graphql`]);
  });

  it('answers the locations example from the sandbox with its upstream cost', async () => {
    const { json } = await query('query SandboxLocations { locations(sandbox: true) { locId } }');

    expect(json.data.locations).toEqual([{ locId: 1989 }, { locId: 2862 }, { locId: 2869 }]);
    expect(json.extensions.cost).toEqual({
      upstreamCalls: expect.any(Number),
      cacheHits: expect.any(Number),
    });

    const line = log.lines.filter((entry) => entry.msg === 'request').at(-1);
    expect(line).toMatchObject({
      operation: 'SandboxLocations',
      status: 200,
      cost: json.extensions.cost,
    });
  });

  it('masks an upstream 500 carrying SQL: code and correlation id out, detail only in the log', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    server.sandbox!.faults.add('v2/room/get-rooms', { kind: 'sql-500' }, { times: Infinity });

    try {
      const { response, json } = await query(
        '{ location(locId: 1989) { locId rooms { roomId } } }',
        {
          'x-request-id': 'case-10-masking',
        },
      );
      const text = JSON.stringify(json);

      expect(response.headers.get('x-correlation-id')).toBe('case-10-masking');
      expect(json.data).toEqual({ location: { locId: 1989, rooms: null } });
      expect(json.errors[0].extensions).toMatchObject({ correlationId: 'case-10-masking' });
      expect(json.errors[0].extensions.code).toMatch(/^UPSTREAM_/);
      for (const leak of [
        'SELECT',
        'INSERT',
        'constraint',
        'stack',
        server.sandbox!.url,
        '127.0.0.1',
      ]) {
        expect(text).not.toContain(leak);
      }
    } finally {
      process.env.NODE_ENV = previous;
    }

    const detail = log.lines.filter(
      (line) => line.requestId === 'case-10-masking' && Number(line.level) >= 40,
    );
    expect(detail.length).toBeGreaterThan(0);
  });

  it('reports readiness from the cached session and serves every metric on one registry', async () => {
    const ready = await fetch(`http://localhost:${server.port}/ready`);
    const metrics = await (await fetch(`http://localhost:${server.port}/metrics`)).text();

    expect(ready.status).toBe(200);
    expect((await ready.json()).session.active).toBe(true);
    expect(metrics).toContain(
      'backoffice_upstream_requests_total{endpoint="posv3/maintenance/GetLspLocationsBackend",outcome="ok"}',
    );
    expect(metrics).toContain('graphql_yoga_http_duration_bucket');
    expect(metrics).toContain('process_cpu_seconds_total');
  });

  it('never writes the password or a session id to its log', async () => {
    await query('{ locations { locId } }');

    const text = log.text();

    expect(text).not.toContain(SANDBOX_DEFAULT_PASSWORD);
    for (const id of server.sandbox!.issuedSessionIds()) expect(text).not.toContain(id);
  });
});
