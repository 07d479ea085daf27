import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { InventoryPageDocument, LocationRoomsDocument } from '../documents/generated/graphql';
import type { BackofficeApi } from '../../src/dutchie/backoffice-api';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { LogCapture } from '../client/support/harness';
import {
  startGraphHarness,
  type GraphHarness,
  type GraphHarnessOptions,
} from './support/graph-harness';

const AZ = SANDBOX_LOC_IDS.az;
const INVENTORY = 'v2/inventory/get-inventory';

let harness: GraphHarness;
let logs: LogCapture;
afterEach(() => harness.close());

async function start(options: GraphHarnessOptions = {}) {
  logs = new LogCapture();
  harness = await startGraphHarness({ logger: logs.logger, ...options });
  await harness.client.ensureSession();
}

async function inventoryError(headers: Record<string, string> = {}) {
  const response = await harness.query(InventoryPageDocument, { locId: AZ, first: 5 }, { headers });

  expect(response.data!.location).toEqual({ locId: AZ, inventory: null });
  expect(response.errors).toHaveLength(1);

  return response.errors![0];
}

describe('upstream failures at the GraphQL edge', () => {
  it('a 429 with Retry-After: 2 is UPSTREAM_RATE_LIMITED with retryAfter 2, one call', async () => {
    await start();
    harness.sandbox.faults.add(INVENTORY, {
      kind: 'rate-limit-429',
      retryAfterSeconds: 2,
      traceId: 'trace-429-abc',
    });

    const error = await inventoryError({ 'x-request-id': 'mirror-job-7' });

    expect(error.path).toEqual(['location', 'inventory']);
    expect(error.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      retryAfter: 2,
      correlationId: 'mirror-job-7',
      endpoint: INVENTORY,
    });
    expect(harness.sandbox.requests.count(INVENTORY)).toBe(1);
    expect(logs.text).toContain('trace-429-abc');
    expect(logs.text).toContain('mirror-job-7');
  });

  it('the 200 "Too many requests" answer is UPSTREAM_RATE_LIMITED too', async () => {
    await start();
    harness.sandbox.faults.add(INVENTORY, { kind: 'rate-limit-200' });

    const error = await inventoryError();

    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
    expect(typeof error.extensions!.retryAfter).toBe('number');
  });

  it('a 500 with SQL text answers a code and a correlation id, never the SQL or a stack', async () => {
    await start();
    harness.sandbox.faults.add(INVENTORY, { kind: 'sql-500' });
    // Development mode must not loosen the masking.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';

    const error = await inventoryError().finally(() => {
      process.env.NODE_ENV = nodeEnv;
    });
    const text = JSON.stringify(error);

    expect(error.extensions!.code).toMatch(/^UPSTREAM_/);
    expect(error.extensions!.correlationId).toEqual(expect.any(String));
    for (const secret of [
      'SELECT',
      'PackageInventory',
      'SqlException',
      'StackTrace',
      harness.sandbox.url,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(error.extensions).not.toHaveProperty('excerpt');
    expect(error.extensions).not.toHaveProperty('stacktrace');
    // The server log keeps what the caller may not see.
    expect(logs.text).toContain(String(error.extensions!.correlationId));
    expect(logs.text).toContain(INVENTORY);
  });

  it("an edge proxy's 502 HTML page is UPSTREAM_UNAVAILABLE, without the page", async () => {
    await start();
    harness.sandbox.faults.add(INVENTORY, { kind: 'html', status: 502 });

    const error = await inventoryError();

    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 502 });
    expect(JSON.stringify(error)).not.toMatch(/nginx|<html/i);
  });

  it('an answer that never comes is UPSTREAM_TIMEOUT', async () => {
    await start({ client: { timeouts: { connectMs: 1_000, headersMs: 200, bodyMs: 1_000 } } });
    harness.sandbox.faults.add(INVENTORY, { kind: 'no-headers' });

    const error = await inventoryError();

    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
  });

  it('anything unexpected is masked, logged in full, and the rest of the query resolves', async () => {
    const broken = (client: BackofficeApi): BackofficeApi =>
      new Proxy(client, {
        get(target, property) {
          if (property === 'getRooms') {
            return async () => {
              throw new TypeError('internal detail: cannot read rows of undefined');
            };
          }
          const value = Reflect.get(target, property, target);

          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    await start({ wrapClient: broken });

    const response = await harness.query(LocationRoomsDocument, { first: AZ, second: AZ });

    expect(response.data!.first!.vendors!.length).toBeGreaterThan(0);
    expect(response.data!.first!.rooms).toBeNull();
    const error = response.errors!.find((e) => e.path!.join('.') === 'first.rooms')!;
    expect(error.message).toBe('Unexpected error.');
    expect(error.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      correlationId: expect.any(String),
    });
    expect(logs.text).toContain('internal detail: cannot read rows of undefined');
  });

  it('a request that never executes reports that it spent nothing', async () => {
    await start();

    const response = await harness.query(
      parse('{ noSuchField }') as TypedDocumentNode<unknown, unknown>,
    );

    expect(response.errors![0].message).toContain('noSuchField');
    expect(response.extensions).toEqual({ cost: { upstreamCalls: 0, cacheHits: 0 } });
  });
});
