/**
 * What the read graph costs over the calls it makes, measured side by side in one run against
 * an in-process sandbox with its rate limit off and 20 ms of added latency on every call:
 *
 *   1. the cold dashboard through GraphQL vs the same upstream calls made directly with the
 *      client in the best parallel order, as a latency ratio (goal ≤ 1.15);
 *   2. warm-cache throughput of a small query vs a bare Yoga answering a constant (goal ≥ 0.5);
 *   3. the dashboard's upstream calls vs the minimum (goal: equal).
 *
 * Run with `npm run bench:graphql`. Not a test: it prints.
 */
import { print } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { performance } from 'node:perf_hooks';
import { Registry } from 'prom-client';
import { createBackofficeClient } from '../src/dutchie';
import type { BackofficeApi } from '../src/dutchie/backoffice-api';
import { createGraphServices } from '../src/resolvers/services';
import { createGraphYoga } from '../src/schema/graph-yoga';
import { startSandbox } from '../src/sandbox';
import { SANDBOX_DEFAULT_PASSWORD, SANDBOX_DEFAULT_USERNAME } from '../src/sandbox/types';
import { DashboardDocument } from '../test/documents/generated/graphql';
import { median, mean, verdict } from './support/stats';

const LATENCY_MS = 20;
const DASHBOARD_ROUNDS = 7;
const THROUGHPUT_MS = 2_000;
const THROUGHPUT_SLICES = 8;
const CONCURRENCY = 8;

const DASHBOARD_QUERY = print(DashboardDocument);
const SMALL_QUERY = '{ location(locId: 1989) { name state rooms { name isInventoryRoom } } }';
const CONSTANT_QUERY = '{ hello }';

type Fetcher = () => Promise<unknown>;
type FetchHandler = { fetch: (url: string, init: RequestInit) => Promise<Response> | Response };

/** One POST of `query` through a Yoga's in-process fetch; fails loudly on GraphQL errors. */
function fetcher(yoga: FetchHandler, query: string): Fetcher {
  const body = JSON.stringify({ query });

  return async () => {
    const response = await yoga.fetch('http://bench.local/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const result = (await response.json()) as { errors?: unknown[] };
    if (result.errors) throw new Error(`query failed: ${JSON.stringify(result.errors)}`);

    return result;
  };
}

/** The dashboard's calls made directly: the list, then every location's three reads at once. */
async function directDashboard(client: BackofficeApi): Promise<number> {
  const locations = await client.getLocations();

  await Promise.all(
    locations.flatMap((location) => [
      client.getRooms(location.locId),
      client.getVendors(location.locId),
      client.getInventory(location, { includeZeroQuantity: true }),
    ]),
  );

  return 1 + locations.length * 3;
}

async function timed(run: Fetcher): Promise<number> {
  const started = performance.now();
  await run();

  return performance.now() - started;
}

/** Requests per second over a fixed time, CONCURRENCY of them in flight at once. */
async function throughput(run: Fetcher, durationMs: number): Promise<number> {
  const started = performance.now();
  const deadline = started + durationMs;
  let completed = 0;

  const worker = async () => {
    while (performance.now() < deadline) {
      await run();
      completed += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  return completed / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ callsPerMinute: 0 });
  sandbox.faults.add('*', { kind: 'latency', ms: LATENCY_MS }, { times: Infinity });
  const client = createBackofficeClient({
    baseUrl: sandbox.url,
    username: SANDBOX_DEFAULT_USERNAME,
    password: SANDBOX_DEFAULT_PASSWORD,
    callsPerMinute: 1_000_000,
    registry: new Registry(),
  });
  const services = createGraphServices({ client, config: { backgroundRefresh: false } });
  const graph = createGraphYoga({ services });
  const bare = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { hello: String! }',
      resolvers: { Query: { hello: () => 'world' } },
    }),
    logging: false,
  });

  try {
    await client.ensureSession();
    // Warm the sandbox's lazily built seed and both code paths before measuring.
    await directDashboard(client);
    await fetcher(graph, DASHBOARD_QUERY)();

    console.log(
      `Read graph benchmark (sandbox rate limit off, +${LATENCY_MS} ms per upstream call)\n`,
    );
    const calls = await benchDashboard(client, graph, sandbox.requests, () =>
      services.cache.clear(),
    );
    await benchThroughput(graph, bare);
    reportCalls(calls);
  } finally {
    await services.close();
    await client.close();
    await sandbox.close();
  }
}

async function benchDashboard(
  client: BackofficeApi,
  graph: FetchHandler,
  requests: { clear(): void; count(): number },
  clearCache: () => void,
): Promise<{ minimum: number; made: number }> {
  const direct: number[] = [];
  const viaGraph: number[] = [];
  const dashboard = fetcher(graph, DASHBOARD_QUERY);
  const calls = { minimum: 0, made: 0 };

  for (let round = 0; round < DASHBOARD_ROUNDS; round += 1) {
    const started = performance.now();
    calls.minimum = await directDashboard(client);
    direct.push(performance.now() - started);

    clearCache();
    requests.clear();
    viaGraph.push(await timed(dashboard));
    calls.made = requests.count();
  }

  const ratio = median(viaGraph) / median(direct);
  console.log(`1. Cold dashboard, 18 locations (median of ${DASHBOARD_ROUNDS} rounds)`);
  console.log(`   direct client calls, best parallel order   ${median(direct).toFixed(1)} ms`);
  console.log(`   through GraphQL                            ${median(viaGraph).toFixed(1)} ms`);
  console.log(`   ratio ${ratio.toFixed(3)}   goal ≤ 1.15   ${verdict(ratio <= 1.15)}\n`);

  return calls;
}

async function benchThroughput(graph: FetchHandler, bare: FetchHandler): Promise<void> {
  const small = fetcher(graph, SMALL_QUERY);
  const constant = fetcher(bare, CONSTANT_QUERY);
  // Both sides warmed alike (the graph's code paths were warmed only by one request before).
  await throughput(small, THROUGHPUT_MS / 2);
  await throughput(constant, THROUGHPUT_MS / 2);

  // Alternating slices, so that a change in the machine's load (it is shared) falls on both
  // sides alike instead of on whichever ran second.
  const graphRates: number[] = [];
  const bareRates: number[] = [];
  for (let slice = 0; slice < THROUGHPUT_SLICES; slice += 1) {
    graphRates.push(await throughput(small, THROUGHPUT_MS / THROUGHPUT_SLICES));
    bareRates.push(await throughput(constant, THROUGHPUT_MS / THROUGHPUT_SLICES));
  }
  const graphRate = mean(graphRates);
  const bareRate = mean(bareRates);
  const ratio = graphRate / bareRate;
  console.log(
    `2. Warm cache, small query, ${CONCURRENCY} in flight for ${THROUGHPUT_MS / 1000} s each, in ${THROUGHPUT_SLICES} alternating slices`,
  );
  console.log(`   bare Yoga answering a constant             ${bareRate.toFixed(0)} req/s`);
  console.log(`   read graph from the cache                  ${graphRate.toFixed(0)} req/s`);
  console.log(`   ratio ${ratio.toFixed(3)}   goal ≥ 0.5    ${verdict(ratio >= 0.5)}\n`);
}

function reportCalls({ minimum, made }: { minimum: number; made: number }): void {
  console.log('3. Upstream calls of one cold dashboard');
  console.log(`   minimum (location list + rooms, vendors, inventory per location)   ${minimum}`);
  console.log(`   made through GraphQL                                              ${made}`);
  console.log(`   goal: equal   ${verdict(made === minimum)}`);
}

await main();
