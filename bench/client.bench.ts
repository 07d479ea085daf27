/**
 * The Backoffice client's costs, each measured side by side with its bare baseline in one run
 * against an in-process sandbox with its rate limit off:
 *
 *   1. a typed getRooms through the client vs a raw undici request with a cookie (goal < 10%),
 *   2. parsing and indexing the ~17,000-product AZ catalog vs JSON.parse of the body (goal ≤ 3×),
 *   3. the heap the indexed catalog retains (goal < 60 MB).
 *
 * Run with `npm run bench:client` (node --expose-gc --import tsx). Not a test: it prints.
 */
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { createBackofficeClient } from '../src/dutchie';
import { readAnswer } from '../src/dutchie/answer-reader';
import { parseCatalog } from '../src/dutchie/parse/catalog';
import { Redactor } from '../src/dutchie/redact';
import { startSandbox } from '../src/sandbox';
import { SEED_LSP_IDS } from '../src/sandbox/seed-facts';
import {
  SANDBOX_DEFAULT_PASSWORD,
  SANDBOX_DEFAULT_USERNAME,
  SANDBOX_LOC_IDS,
} from '../src/sandbox/types';
import { median, verdict } from './support/stats';

const ROUNDS = 15;
const CALLS_PER_ROUND = 200;
const WARM_UP_CALLS = 300;
const PARSE_ROUNDS = 15;

async function timeCalls(count: number, call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await call();

  return (performance.now() - started) / count;
}

async function rawPost(url: string, body: unknown, cookie?: string): Promise<any> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    appname: 'Backoffice',
  };
  if (cookie) headers.cookie = `LLSession=${cookie}`;

  const response = await request(url, { method: 'POST', headers, body: JSON.stringify(body) });

  return response.body.json();
}

async function benchRooms(baseUrl: string): Promise<void> {
  const client = createBackofficeClient({
    baseUrl,
    username: SANDBOX_DEFAULT_USERNAME,
    password: SANDBOX_DEFAULT_PASSWORD,
    // The sandbox's limit is off; the client's budget must not be what is measured either.
    callsPerMinute: 1e9,
  });
  const login = await rawPost(`${baseUrl}/api/posv3/user/EmployeeLogin`, {
    UserName: SANDBOX_DEFAULT_USERNAME,
    Password: SANDBOX_DEFAULT_PASSWORD,
  });
  const cookie = login.Data.SessionGId as string;
  const roomsUrl = `${baseUrl}/api/v2/room/get-rooms`;
  const locId = SANDBOX_LOC_IDS.az;

  const typed = () => client.getRooms(locId);
  const raw = () => rawPost(roomsUrl, { LocId: locId }, cookie);

  await timeCalls(WARM_UP_CALLS, typed);
  await timeCalls(WARM_UP_CALLS, raw);

  // Calls alternate one by one (which side goes first flips every pair), so drift in the
  // shared machine's load hits both sides alike; medians of single calls shrug off spikes.
  const typedTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let i = 0; i < CALLS_PER_ROUND; i += 1) {
      const order = (round + i) % 2 === 0 ? [typed, raw] : [raw, typed];

      for (const call of order) {
        const started = performance.now();
        await call();
        (call === typed ? typedTimes : rawTimes).push(performance.now() - started);
      }
    }
  }

  const typedMedian = median(typedTimes);
  const rawMedian = median(rawTimes);
  const overhead = typedMedian / rawMedian - 1;

  console.log(
    `1. getRooms: client ${(typedMedian * 1000).toFixed(0)} µs vs raw undici ${(rawMedian * 1000).toFixed(0)} µs ` +
      `per call (medians of ${typedTimes.length} interleaved calls each): overhead ${(overhead * 100).toFixed(1)}% ` +
      `(goal < 10%) ${verdict(overhead < 0.1)}`,
  );

  await client.close();
}

async function fetchCatalogText(baseUrl: string): Promise<string> {
  const login = await rawPost(`${baseUrl}/api/posv3/user/EmployeeLogin`, {
    UserName: SANDBOX_DEFAULT_USERNAME,
    Password: SANDBOX_DEFAULT_PASSWORD,
  });
  const response = await request(`${baseUrl}/api/product-master/get-products-lite`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      appname: 'Backoffice',
      cookie: `LLSession=${login.Data.SessionGId}`,
    },
    body: JSON.stringify({ LspId: SEED_LSP_IDS.az }),
  });

  return response.body.text();
}

/** Exactly what the client does with the body: read the envelope, then parse and index. */
function clientCatalog(text: string, redactor: Redactor) {
  const reading = readAnswer(
    { status: 200, headers: { 'content-type': 'application/json' }, text },
    {
      endpoint: 'product-master/get-products-lite',
      isLogin: false,
      noMatchIsEmpty: true,
      redactor,
      now: Date.now(),
    },
  );
  if (reading.kind !== 'data') throw new Error(`catalog answer was ${reading.kind}`);

  return parseCatalog(reading.envelope.Data, SEED_LSP_IDS.az);
}

function benchCatalogParse(text: string): void {
  const redactor = new Redactor();

  for (let i = 0; i < 3; i += 1) {
    JSON.parse(text);
    clientCatalog(text, redactor);
  }

  const bare: number[] = [];
  const typed: number[] = [];
  let size = 0;
  for (let round = 0; round < PARSE_ROUNDS; round += 1) {
    let started = performance.now();
    JSON.parse(text);
    bare.push(performance.now() - started);

    started = performance.now();
    size = clientCatalog(text, redactor).products.length;
    typed.push(performance.now() - started);
  }

  const ratio = median(typed) / median(bare);

  console.log(
    `2. catalog of ${size} products (${(text.length / 1e6).toFixed(1)} MB): parse + index ` +
      `${median(typed).toFixed(1)} ms vs JSON.parse ${median(bare).toFixed(1)} ms: ${ratio.toFixed(2)}× ` +
      `(goal ≤ 3×) ${verdict(ratio <= 3)}`,
  );
}

function benchCatalogHeap(text: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    console.log(
      '3. catalog heap: skipped (run with node --expose-gc, as npm run bench:client does)',
    );

    return;
  }

  const redactor = new Redactor();
  const settle = () => {
    for (let i = 0; i < 4; i += 1) gc();
  };

  settle();
  const before = process.memoryUsage().heapUsed;
  // Only the catalog survives: the body text stays referenced by the caller on both sides,
  // the parsed rows become garbage once indexed.
  const catalog = clientCatalog(text, redactor);
  settle();
  const after = process.memoryUsage().heapUsed;
  const retainedMb = (after - before) / (1024 * 1024);

  console.log(
    `3. catalog heap: ${retainedMb.toFixed(1)} MB retained for ${catalog.products.length} products ` +
      `(goal < 60 MB) ${verdict(retainedMb < 60)}`,
  );
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ callsPerMinute: 0 });

  try {
    console.log(`Backoffice client benchmark, Node ${process.version}, sandbox at loopback`);
    await benchRooms(sandbox.url);

    const text = await fetchCatalogText(sandbox.url);
    benchCatalogParse(text);
    benchCatalogHeap(text);
  } finally {
    await sandbox.close();
  }
}

await main();
