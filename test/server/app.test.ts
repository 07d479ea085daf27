import { request as httpRequest } from 'node:http';
import { createSchema, type Plugin } from 'graphql-yoga';
import { Counter, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamSqlError } from '../../src/dutchie/errors';
import { createApp, MAX_REQUEST_BODY_BYTES, type CreateAppOptions } from '../../src/server/app';
import { startHttpServer, type RunningHttpServer } from '../../src/server/http-server';
import type { ReadinessProbe } from '../../src/server/readiness';
import { captureLogger } from './helpers/capture-logger';

// A schema of its own, so these tests pin the HTTP surface whatever the read graph does.
const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type Query {
      hello: String!
      echo(text: String!): String!
      broken: String
      sql: String
    }
  `,
  resolvers: {
    Query: {
      hello: () => 'world',
      echo: (_: unknown, args: { text: string }) => args.text,
      broken: () => {
        throw new Error(
          'SELECT * FROM Receive failed at https://tenant.backoffice.dutchie.com/api/x with Cookie LLSession=3f2c9a1e-cookie-value',
        );
      },
      sql: () => {
        throw new UpstreamSqlError('the upstream refused the row: product 99 is not in LSP 575', {
          endpoint: 'v2/inventory/receive',
          status: 200,
          excerpt: "The INSERT statement conflicted with the FOREIGN KEY constraint 'FK_Product'",
          classification: 'missing-reference',
        });
      },
    },
  },
});

const readyProbe: ReadinessProbe = {
  check: async () => ({
    ready: true,
    session: { active: true, loggedInAt: null, expiresAt: null },
    lastFailure: null,
    nextLoginAttemptAt: null,
  }),
};

/** Stands in for the read graph's cost plugin: every result says what it cost upstream. */
const fixedCost: Plugin = {
  onExecute: () => ({
    onExecuteDone: ({ result, setResult }) => {
      if ('data' in result)
        setResult({ ...result, extensions: { cost: { upstreamCalls: 2, cacheHits: 3 } } });
    },
  }),
};

function makeApp(overrides: Partial<CreateAppOptions> = {}) {
  const log = captureLogger();
  const registry = new Registry();
  const app = createApp({
    schema,
    context: () => ({}),
    logger: log.logger,
    registry,
    readiness: readyProbe,
    plugins: [fixedCost],
    ...overrides,
  });

  return { app, log, registry };
}

async function post(
  app: ReturnType<typeof createApp>,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

  return { response, json: (await response.json()) as Record<string, any> };
}

describe('health', () => {
  it('answers 200 on /health without touching the schema', async () => {
    const { app } = makeApp();

    const response = await app.fetch('http://localhost/health');

    expect(response.status).toBe(200);
  });
});

describe('error masking', () => {
  const previous = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = previous;
  });

  for (const nodeEnv of [undefined, 'development']) {
    it(`hides SQL, URLs, cookies and stacks of unexpected errors with NODE_ENV=${nodeEnv}`, async () => {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
      const { app, log } = makeApp();

      const { response, json } = await post(app, { query: '{ hello broken }' });
      const text = JSON.stringify(json);
      const correlationId = response.headers.get('x-correlation-id');

      expect(json.data).toEqual({ hello: 'world', broken: null });
      expect(json.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', correlationId });
      expect(json.errors[0].message).toBe('Unexpected error.');
      expect(json.errors[0].path).toEqual(['broken']);
      for (const leak of [
        'SELECT',
        'https://',
        'backoffice.dutchie.com',
        'LLSession',
        '3f2c9a1e',
        'stack',
        'at ',
      ]) {
        expect(text).not.toContain(leak);
      }

      const logged = log.lines.find((line) => line.msg === 'unexpected error, masked');
      expect(logged).toMatchObject({ requestId: correlationId, level: 50 });
      expect(JSON.stringify(logged)).toContain('SELECT * FROM Receive');
      expect(JSON.stringify(logged)).toContain('LLSession=[redacted]');
      expect(log.text()).not.toContain('3f2c9a1e-cookie-value');
    });
  }

  it('keeps the stable code and message of an upstream error but never its SQL excerpt', async () => {
    const { app, log } = makeApp();

    const { response, json } = await post(app, { query: '{ sql }' });

    expect(json.errors[0].message).toBe(
      'the upstream refused the row: product 99 is not in LSP 575',
    );
    expect(json.errors[0].extensions).toEqual({
      code: 'UPSTREAM_SQL_ERROR',
      endpoint: 'v2/inventory/receive',
      upstreamStatus: 200,
      correlationId: response.headers.get('x-correlation-id'),
    });
    expect(JSON.stringify(json)).not.toContain('FOREIGN KEY');
    expect(log.text()).toContain('FOREIGN KEY');
  });

  it('masks a failure outside execution too, such as a context that cannot be built', async () => {
    const { app, log } = makeApp({
      context: () => {
        throw new Error(
          'ledger at https://tenant.backoffice.dutchie.com refused LLSession=ab12cd34',
        );
      },
    });

    const { response, json } = await post(app, { query: '{ hello }' });
    const correlationId = response.headers.get('x-correlation-id');

    expect(json.errors).toEqual([
      {
        message: 'Unexpected error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
      },
    ]);
    expect(log.text()).toContain('LLSession=[redacted]');
    expect(log.text()).not.toContain('ab12cd34');
  });

  it('runs one operation of a GraphiQL tab whose other operations use fragments it does not', async () => {
    const { app } = makeApp();
    const tab = 'query A { hello } query B { ...Greeting } fragment Greeting on Query { hello }';
    // What GraphiQL sends for A: the operation and every fragment of the tab.
    const sent = 'query A { hello } fragment Greeting on Query { hello }';

    const { json } = await post(app, { query: sent, operationName: 'A' });
    const { json: whole } = await post(app, { query: tab, operationName: 'B' });
    const { json: broken } = await post(app, { query: `${sent} fragment Bad on Query { nope }` });

    expect(json).toMatchObject({ data: { hello: 'world' } });
    expect(json.errors).toBeUndefined();
    expect(whole).toMatchObject({ data: { hello: 'world' } });
    expect(broken.errors[0].message).toBe('Cannot query field "nope" on type "Query".');
  });

  it('passes deliberate GraphQL errors such as validation failures unchanged', async () => {
    const { app } = makeApp();

    const { json } = await post(app, { query: '{ nope }' });

    expect(json.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(json.errors[0].message).toBe('Cannot query field "nope" on type "Query".');
  });

  it('names the caller-offered correlation id when it is plain', async () => {
    const { app } = makeApp();

    const { response, json } = await post(
      app,
      { query: '{ broken }' },
      { 'x-request-id': 'job-42.page-7' },
    );

    expect(response.headers.get('x-correlation-id')).toBe('job-42.page-7');
    expect(json.errors[0].extensions.correlationId).toBe('job-42.page-7');
  });

  it('replaces a caller-offered id that could forge log lines', async () => {
    const { app } = makeApp();

    const { response } = await post(
      app,
      { query: '{ hello }' },
      { 'x-request-id': 'a\u0000b {"level":60}' },
    );

    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('request log', () => {
  it('writes one line per request with operation, status, duration and upstream cost', async () => {
    const { app, log } = makeApp();

    await post(app, { query: 'query Greeting { hello }', operationName: 'Greeting' });

    const requests = log.lines.filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      level: 30,
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'Greeting',
      cost: { upstreamCalls: 2, cacheHits: 3 },
    });
    expect(typeof requests[0].durationMs).toBe('number');
  });

  it('leaves the query string (GET variables) out of the line', async () => {
    const { app, log } = makeApp();

    // The header a browser's cross-site GET cannot carry (CSRF prevention asks for it).
    await app.fetch('http://localhost/graphql?query=%7Bhello%7D&variables=%7B%22secret%22%3A1%7D', {
      headers: { 'x-graphql-yoga-csrf': '1' },
    });

    const line = log.lines.find((entry) => entry.msg === 'request');
    expect(line).toMatchObject({ path: '/graphql', status: 200, operation: 'anonymous' });
    expect(log.text()).not.toContain('secret');
  });
});

describe('/metrics', () => {
  it("serves Yoga's request metrics and the client's metrics from one registry", async () => {
    const { app, registry } = makeApp();
    new Counter({
      name: 'backoffice_upstream_requests_total',
      help: 'test',
      registers: [registry],
    }).inc(4);
    await post(app, { query: 'query Greeting { hello }' });

    const response = await app.fetch('http://localhost/metrics');
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(text).toContain('backoffice_upstream_requests_total 4');
    expect(text).toMatch(
      /graphql_envelop_request_duration_count\{operationName="Greeting",operationType="query"\} 1/,
    );
    expect(text).toContain('graphql_yoga_http_duration_bucket');
    expect(text).not.toContain('url=');
  });

  it('requires the Bearer key when METRICS_API_KEY is set', async () => {
    const { createHash } = await import('node:crypto');
    const key = 'metrics-key-0123456789';
    const keySha256 = createHash('sha256').update(key).digest('hex');
    const { app } = makeApp({ metricsKeySha256: keySha256 });

    const anonymous = await app.fetch('http://localhost/metrics');
    const wrong = await app.fetch('http://localhost/metrics', {
      headers: { authorization: 'Bearer nope' },
    });
    const right = await app.fetch('http://localhost/metrics', {
      headers: { authorization: `Bearer ${key}` },
    });

    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    expect(wrong.status).toBe(401);
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('# TYPE');
  });
});

describe('GraphiQL and introspection', () => {
  it('serves GraphiQL with its assets inlined and the locations example as the first tab', async () => {
    const { app } = makeApp();

    const response = await app.fetch('http://localhost/graphql', {
      headers: { accept: 'text/html' },
    });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('<title>backoffice-graph</title>');
    expect(html).toContain('query SandboxLocations');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
  });

  it('turns both off together when introspection is off', async () => {
    const { app } = makeApp({ introspection: false });

    const page = await app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    const { json } = await post(app, { query: '{ __schema { queryType { name } } }' });

    expect(await page.text()).not.toContain('<title>backoffice-graph</title>');
    expect(json.errors[0].message).toContain('introspection');
  });
});

describe('cross-site requests', () => {
  it('refuses GraphQL sent as an HTML form with 415', async () => {
    const { app } = makeApp();

    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7Bhello%7D',
    });

    expect(response.status).toBe(415);
  });

  it('grants no CORS preflight', async () => {
    const { app } = makeApp();

    const response = await app.fetch('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });

    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request body limit over HTTP', () => {
  let running: RunningHttpServer | undefined;
  afterEach(async () => {
    await running?.close(1000);
    running = undefined;
  });

  /** A JSON body of exactly `size` bytes: the echo query padded with spaces. */
  function bodyOf(size: number): Buffer {
    const head = '{"query":"{ hello }"';
    const tail = '}';
    const padding = ' '.repeat(size - head.length - tail.length);

    return Buffer.from(head + padding + tail);
  }

  async function send(body: Buffer, chunked: boolean) {
    const { app } = makeApp();
    running = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
    const port = running.port;

    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: chunked
          ? { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
          : { 'content-type': 'application/json', 'content-length': body.length },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      if (chunked) {
        // Several chunks, so the limit is met while reading, not from a header.
        for (let at = 0; at < body.length; at += 64 * 1024)
          req.write(body.subarray(at, at + 64 * 1024));
        req.end();
      } else {
        req.end(body);
      }
    });
  }

  for (const chunked of [false, true]) {
    const how = chunked ? 'chunked' : 'with Content-Length';

    it(`accepts exactly 1 MiB ${how}`, async () => {
      const answer = await send(bodyOf(MAX_REQUEST_BODY_BYTES), chunked);

      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).data).toEqual({ hello: 'world' });
    });

    it(`refuses 1 MiB + 1 byte ${how} with 413`, async () => {
      const answer = await send(bodyOf(MAX_REQUEST_BODY_BYTES + 1), chunked);

      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    });
  }
});
