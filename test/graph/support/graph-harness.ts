import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import { Registry } from 'prom-client';
import { createBackofficeClient, type BackofficeClient } from '../../../src/dutchie';
import type { BackofficeClientInput } from '../../../src/dutchie/client-options';
import type { BackofficeApi } from '../../../src/dutchie/backoffice-api';
import type { BatchObserver } from '../../../src/resolvers/loaders';
import type { GraphConfig } from '../../../src/resolvers/config';
import { createGraphServices, type GraphServices } from '../../../src/resolvers/services';
import { createGraphYoga } from '../../../src/schema/graph-yoga';
import { startSandbox } from '../../../src/sandbox';
import {
  SANDBOX_DEFAULT_PASSWORD,
  SANDBOX_DEFAULT_USERNAME,
  type Sandbox,
  type SandboxOptions,
} from '../../../src/sandbox/types';
import { FakeClock } from '../../../src/util/clock';
import type { Logger } from '../../../src/util/logger';

export interface GraphResponse<T> extends ExecutionResult<
  T,
  { cost?: { upstreamCalls: number; cacheHits: number } }
> {}

export interface GraphHarnessOptions {
  sandbox?: SandboxOptions;
  client?: Partial<BackofficeClientInput>;
  config?: Partial<GraphConfig>;
  /** Where the graph logs (the original of every masked error). Default silent. */
  logger?: Logger;
  /** Wraps the real client, for upstream answers the sandbox cannot give. */
  wrapClient?: (client: BackofficeApi) => BackofficeApi;
}

export interface GraphHarness {
  clock: FakeClock;
  sandbox: Sandbox;
  client: BackofficeClient;
  services: GraphServices;
  registry: Registry;
  /** Runs one operation through yoga.fetch, driving the FakeClock while it waits for budget. */
  query<T, V>(
    document: TypedDocumentNode<T, V>,
    variables?: V,
    options?: { onBatch?: BatchObserver; headers?: Record<string, string> },
  ): Promise<GraphResponse<T>>;
  close(): Promise<void>;
}

/**
 * A sandbox on loopback, a real client and the graph services on one FakeClock, served by
 * yoga.fetch. Rate limits stay on (sandbox 60/min, client 55/min); the background refresher is
 * off unless a test turns it on.
 */
export async function startGraphHarness(options: GraphHarnessOptions = {}): Promise<GraphHarness> {
  const clock = new FakeClock();
  const sandbox = await startSandbox({ clock, ...options.sandbox });
  const registry = new Registry();
  const client = createBackofficeClient({
    baseUrl: sandbox.url,
    username: SANDBOX_DEFAULT_USERNAME,
    password: SANDBOX_DEFAULT_PASSWORD,
    clock,
    registry,
    retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    ...options.client,
  });
  const api = options.wrapClient ? options.wrapClient(client) : client;
  const services = createGraphServices({
    client: api,
    clock,
    registry,
    logger: options.logger,
    config: { backgroundRefresh: false, ...options.config },
  });
  let onBatch: BatchObserver | undefined;
  const yoga = createGraphYoga({ services, contextOptions: () => ({ onBatch }) });

  const query: GraphHarness['query'] = async (document, variables, extra = {}) => {
    onBatch = extra.onBatch;
    const response = yoga.fetch('http://graph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...extra.headers },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const settled = await driveClock(clock, Promise.resolve(response));

    return (await settled.json()) as GraphResponse<never>;
  };

  return {
    clock,
    sandbox,
    client,
    services,
    registry,
    query,
    close: async () => {
      await services.close();
      await client.close();
      await sandbox.close();
    },
  };
}

/**
 * Waits for `promise`, moving fake time on by a second whenever the code under test is asleep
 * (waiting for budget), so a query that must queue behind the rate limit still completes.
 */
export async function driveClock<T>(clock: FakeClock, promise: Promise<T>): Promise<T> {
  let done = false;
  const settled = promise.finally(() => {
    done = true;
  });

  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!done && clock.pendingSleepers > 0) await clock.advance(1_000);
  }

  return settled;
}
