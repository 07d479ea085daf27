import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { Registry } from 'prom-client';
import { createBackofficeClient, type BackofficeClient } from '../../../src/dutchie';
import type { Principal } from '../../../src/resolvers/principal';
import type { GraphReceiveOptions } from '../../../src/resolvers/receive-wiring';
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
import type { GraphResponse } from './graph-harness';

export interface ReceiveGraphOptions {
  /** Default: read lag 0 and no rate limit (these tests count receives, not budget). */
  sandbox?: SandboxOptions;
  /** Default: verification reads back for 15 s of fake time. */
  receive?: GraphReceiveOptions;
}

export interface RunOptions {
  /** The request's principal; default open access (null). */
  principal?: Principal | null;
  /** Which operation of a document of several to run. */
  operationName?: string;
}

export interface ReceiveGraph {
  clock: FakeClock;
  sandbox: Sandbox;
  client: BackofficeClient;
  services: GraphServices;
  /** Sends one operation through yoga.fetch without waiting; `drive` settles it. */
  send<T, V>(
    document: TypedDocumentNode<T, V>,
    variables?: V,
    options?: RunOptions,
  ): Promise<GraphResponse<T>>;
  /** Sends and settles one operation, moving fake time while it sleeps (read-back back-off). */
  run<T, V>(
    document: TypedDocumentNode<T, V>,
    variables?: V,
    options?: RunOptions,
  ): Promise<GraphResponse<T>>;
  /** Awaits work that sleeps on the fake clock, a second of fake time per idle turn. */
  drive<T>(work: Promise<T>): Promise<T>;
  /** Upstream requests the sandbox logged, counted by endpoint, since `mark`. */
  callsSince(mark: number): Record<string, number>;
  /** The sandbox request log's length now, for `callsSince`. */
  mark(): number;
  close(): Promise<void>;
}

/**
 * The real sandbox and client on loopback under the graph services and their receive service,
 * served through yoga.fetch on one FakeClock. The client never retries (so call counts are
 * exact) and its budget is out of the way.
 */
export async function startReceiveGraph(options: ReceiveGraphOptions = {}): Promise<ReceiveGraph> {
  const clock = new FakeClock();
  const sandbox = await startSandbox({
    clock,
    readLagMs: 0,
    callsPerMinute: 0,
    ...options.sandbox,
  });
  const registry = new Registry();
  const client = createBackofficeClient({
    baseUrl: sandbox.url,
    username: SANDBOX_DEFAULT_USERNAME,
    password: SANDBOX_DEFAULT_PASSWORD,
    callsPerMinute: 100_000,
    clock,
    registry,
    retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
  });
  const services = createGraphServices({
    client,
    clock,
    registry,
    sandbox,
    config: { backgroundRefresh: false },
    receive: { verifySeconds: 15, ...options.receive },
  });
  // The principal rides on the request itself, so concurrent sends cannot swap theirs.
  const yoga = createGraphYoga({
    services,
    contextOptions: (request) => ({ principal: principalOf(request) }),
  });

  const send: ReceiveGraph['send'] = async (document, variables, extra = {}) => {
    const response = await yoga.fetch('http://graph.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(extra.principal ? { [PRINCIPAL_HEADER]: JSON.stringify(extra.principal) } : {}),
      },
      body: JSON.stringify({
        query: print(document),
        variables,
        operationName: extra.operationName,
      }),
    });

    return (await response.json()) as GraphResponse<never>;
  };
  const drive = <T>(work: Promise<T>) => driveFakeTime(clock, work);

  return {
    clock,
    sandbox,
    client,
    services,
    send,
    run: (document, variables, extra) => drive(send(document, variables, extra)),
    drive,
    mark: () => sandbox.requests.all().length,
    callsSince: (mark) => countByEndpoint(sandbox.requests.all().slice(mark)),
    close: async () => {
      await services.close();
      await client.close();
      await sandbox.close();
    },
  };
}

const PRINCIPAL_HEADER = 'x-test-principal';

function principalOf(request: Request): Principal | null {
  const header = request.headers.get(PRINCIPAL_HEADER);

  return header ? (JSON.parse(header) as Principal) : null;
}

function countByEndpoint(requests: readonly { endpoint: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of requests) counts[request.endpoint] = (counts[request.endpoint] ?? 0) + 1;

  return counts;
}

/** Bounded, so a hung operation fails its test instead of spinning. */
async function driveFakeTime<T>(clock: FakeClock, work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => (settled = true));
  done.catch(() => undefined);

  for (let turn = 0; turn < 20_000 && !settled; turn += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (!settled && clock.pendingSleepers > 0) await clock.advance(1_000);
  }

  return done;
}

let labelSeq = 0;

/** A 24-character package label no seed package has, unique within the test process. */
export function newLabel(tag = 'G'): string {
  labelSeq += 1;

  return `1A4${tag}${process.pid}${String(labelSeq).padStart(8, '0')}`.padEnd(24, '0').slice(0, 24);
}

/** The member a result union answered, narrowed; fails with what did arrive otherwise. */
export function member<R extends { __typename: string }, N extends R['__typename']>(
  result: R | null | undefined,
  name: N,
): Extract<R, { __typename: N }> {
  if (result?.__typename !== name) {
    throw new Error(`expected ${name}, got ${JSON.stringify(result)}`);
  }

  return result as Extract<R, { __typename: N }>;
}
