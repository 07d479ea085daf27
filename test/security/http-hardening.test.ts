import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES } from '../../src/server/app';
import { azDelivery } from '../graph/support/receive-inputs';
import { KEYS, startSecureServer, type SecureServer } from './support/secure-server';

const BUDGET = '{ upstreamBudget { queued } }';
const auth = (name: keyof typeof KEYS = 'operator') => ({
  authorization: `Bearer ${KEYS[name].key}`,
});

/** A receive mutation as JSON, padded with spaces to exactly `size` bytes. */
function paddedReceive(size: number): Buffer {
  const body = JSON.stringify({
    query:
      'mutation ($input: ReceiveInventoryInput!) { receiveInventory(input: $input) { __typename } }',
    variables: { input: azDelivery() },
  });
  const head = body.slice(0, -1);

  return Buffer.from(`${head}${' '.repeat(size - body.length)}}`);
}

/** POSTs raw bytes over one HTTP/1.1 connection, with Content-Length or chunked. */
function postRaw(url: string, body: Buffer, chunked: boolean) {
  const target = new URL(url);

  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...auth(),
        ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': body.length }),
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    // The server may answer and close before the whole body is written.
    req.on('error', (error) =>
      (error as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(error),
    );
    if (!chunked) return req.end(body);

    for (let at = 0; at < body.length; at += 64 * 1024)
      req.write(body.subarray(at, at + 64 * 1024));
    req.end();
  });
}

describe('HTTP hardening of the GraphQL endpoint', () => {
  let s: SecureServer;

  beforeAll(async () => {
    s = await startSecureServer();
  });

  afterAll(() => s.close());

  for (const chunked of [false, true]) {
    const how = chunked ? 'chunked' : 'with Content-Length';

    it(`answers a receive of 1 MiB + 1 byte ${how} with 413 before parsing it: nothing is received`, async () => {
      const mark = s.mark();
      const received = s.server.sandbox!.receives().length;

      const answer = await postRaw(
        s.server.graphqlUrl,
        paddedReceive(MAX_REQUEST_BODY_BYTES + 1),
        chunked,
      );

      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
      expect(s.callsSince(mark)).toEqual({});
      expect(s.server.sandbox!.receives()).toHaveLength(received);
    });
  }

  it('runs the same receive at exactly 1 MiB', async () => {
    const answer = await postRaw(s.server.graphqlUrl, paddedReceive(MAX_REQUEST_BODY_BYTES), true);

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.receiveInventory.__typename).toBe(
      'ReceiveInventorySuccess',
    );
  });

  it('refuses a batch (a JSON array of operations) while batching is off', async () => {
    const response = await fetch(s.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: JSON.stringify([{ query: BUDGET }]),
    });

    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toBe('Batching is not supported.');
  });

  it('refuses a GET query and a text/plain or multipart POST without the CSRF header (403), runs a GET with it', async () => {
    const url = `${s.server.graphqlUrl}?query=${encodeURIComponent(BUDGET)}`;
    const json = JSON.stringify({ query: BUDGET });

    const get = await fetch(url, { headers: auth() });
    const plain = await fetch(s.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...auth() },
      body: json,
    });
    const multipart = await fetch(s.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', ...auth() },
      body: '--x--',
    });
    const allowed = await fetch(url, { headers: { 'x-graphql-yoga-csrf': '1', ...auth() } });

    for (const refused of [get, plain, multipart]) {
      expect(refused.status).toBe(403);
      expect((await refused.json()).errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
    }
    expect(allowed.status).toBe(200);
    expect((await allowed.json()).data).toEqual({ upstreamBudget: { queued: 0 } });
  });

  it('still refuses an HTML form post with 415, even with a key', async () => {
    const response = await fetch(s.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth() },
      body: `query=${encodeURIComponent(BUDGET)}`,
    });

    expect(response.status).toBe(415);
  });

  it('answers introspection over the embedded sandbox, with a key', async () => {
    const { json } = await s.gql('{ __schema { queryType { name } } }', { key: 'reader' });

    expect(json.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('batching and introspection as configured', () => {
  let s: SecureServer;

  beforeAll(async () => {
    s = await startSecureServer({
      GRAPHQL_BATCHING: 'on',
      GRAPHQL_BATCH_LIMIT: '2',
      GRAPHQL_INTROSPECTION: 'off',
    });
  });

  afterAll(() => s.close());

  const batch = (size: number) =>
    fetch(s.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth('reader') },
      body: JSON.stringify(Array.from({ length: size }, () => ({ query: BUDGET }))),
    });

  it('runs a batch up to GRAPHQL_BATCH_LIMIT and refuses a longer one with 413', async () => {
    const two = await batch(2);
    const three = await batch(3);

    expect(two.status).toBe(200);
    expect(await two.json()).toHaveLength(2);
    expect(three.status).toBe(413);
    expect((await three.json()).errors[0].message).toBe(
      'Batching is limited to 2 operations per request.',
    );
  });

  it('asks for a key once per batch: a batch without one is a single 401', async () => {
    const response = await fetch(s.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: BUDGET }, { query: BUDGET }]),
    });

    expect(response.status).toBe(401);
  });

  it('with GRAPHQL_INTROSPECTION=off refuses __schema, serves no GraphiQL and suggests no field names', async () => {
    const introspection = await s.gql('{ __schema { queryType { name } } }', { key: 'reader' });
    const typo = await s.gql('{ locatons { locId } }', { key: 'reader' });
    const page = await fetch(s.server.graphqlUrl, { headers: { accept: 'text/html' } });

    expect(introspection.json.data).toBeUndefined();
    expect(introspection.json.errors[0].message).toContain('introspection');
    expect(typo.json.errors[0].message).not.toContain('Did you mean');
    expect(typo.json.errors[0].message).not.toContain('locations');
    expect(await page.text()).not.toContain('<title>backoffice-graph</title>');
  });
});
