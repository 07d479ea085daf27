import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { createBackofficeClient } from '../../src/dutchie/index';
import type { BackofficeApi } from '../../src/dutchie/backoffice-api';
import { backofficeDataSource, type ReceiveDataSource } from '../../src/receive/data-source';
import { createReceiveService, type ReceiveService } from '../../src/receive/receive-service';
import type { ReceiveServiceOptions } from '../../src/receive/receive-options';
import { upstreamIdentity } from '../../src/receive/upstream-identity';
import {
  SANDBOX_DEFAULT_PASSWORD,
  SANDBOX_DEFAULT_USERNAME,
  startSandbox,
  type Sandbox,
} from '../../src/sandbox/index';
import { FakeClock, systemClock, type Clock } from '../../src/util/clock';

export interface HarnessOptions {
  readLagMs?: number;
  /** Default a FakeClock shared by sandbox, client and service. */
  clock?: Clock;
  /** Headers timeout of the client that sends the receive. */
  receiveTimeoutMs?: number;
  /** Wraps the data source: how a test reaches below preflight to send what it would stop. */
  wrap?: (source: ReceiveDataSource) => ReceiveDataSource;
  service?: Partial<ReceiveServiceOptions>;
}

export interface Harness {
  clock: Clock;
  sandbox: Sandbox;
  api: BackofficeApi;
  source: ReceiveDataSource;
  service: ReceiveService;
  registry: Registry;
  upstream: string;
  /** Another service over the same sandbox and client, e.g. after a restart. */
  newService(options?: Partial<ReceiveServiceOptions>): ReceiveService;
  close(): Promise<void>;
}

/**
 * The real sandbox and client over loopback, with the receive service on top. Rate limits are
 * off on both sides (these tests count receives, not budget), and read lag is 0 unless a test
 * is about lag.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = options.clock ?? new FakeClock();
  const sandbox = await startSandbox({
    clock,
    readLagMs: options.readLagMs ?? 0,
    callsPerMinute: 0,
  });
  const client = (headersMs?: number) =>
    createBackofficeClient({
      baseUrl: sandbox.url,
      username: SANDBOX_DEFAULT_USERNAME,
      password: SANDBOX_DEFAULT_PASSWORD,
      callsPerMinute: 100_000,
      clock,
      ...(headersMs ? { timeouts: { connectMs: 5_000, headersMs, bodyMs: 5_000 } } : {}),
    });
  const api = client();
  // A short timeout applies to the receive only: a busy machine may take longer than that to
  // serve a 17,000-row catalog, and the reads are not what such a test is about.
  const writer = options.receiveTimeoutMs ? client(options.receiveTimeoutMs) : api;
  const raw = { ...backofficeDataSource(api), receive: backofficeDataSource(writer).receive };
  const source = options.wrap ? options.wrap(raw) : raw;
  const registry = new Registry();
  const upstream = upstreamIdentity(sandbox.url, SANDBOX_DEFAULT_USERNAME);
  const services: ReceiveService[] = [];
  const newService = (extra: Partial<ReceiveServiceOptions> = {}) => {
    const service = createReceiveService({
      source,
      upstream,
      clock,
      registry,
      verifySeconds: 15,
      ...options.service,
      ...extra,
    });
    services.push(service);

    return service;
  };

  return {
    clock,
    sandbox,
    api,
    source,
    registry,
    upstream,
    service: newService(),
    newService,
    async close() {
      for (const service of services) service.close();
      await api.close();
      if (writer !== api) await writer.close();
      await sandbox.close();
    },
  };
}

/**
 * Awaits work that sleeps on a FakeClock: whenever the work is waiting on the clock, time moves
 * on by `stepMs`. Loopback I/O happens in real time between steps. Bounded, so a hung test
 * fails instead of spinning.
 */
export async function drive<T>(clock: Clock, work: Promise<T>, stepMs = 250): Promise<T> {
  if (!(clock instanceof FakeClock)) return work;

  let settled = false;
  const done = work.finally(() => (settled = true));
  // Marked handled now; the caller still receives the rejection from the return below.
  done.catch(() => undefined);

  for (let turn = 0; turn < 20_000 && !settled; turn += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (!settled && clock.pendingSleepers > 0) await clock.advance(stepMs);
  }

  return done;
}

/** Waits in real time (bounded) until `check` holds; for effects that land on the sandbox later. */
export async function eventually(
  check: () => boolean,
  what: string,
  limitMs = 10_000,
): Promise<void> {
  const started = systemClock.now();
  while (!check()) {
    if (systemClock.now() - started > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let labelSeq = 0;

/** A package label no seed package has: unique per call within the test process. */
export function newLabel(prefix = 'T'): string {
  labelSeq += 1;

  return `1A4${prefix}${process.pid}${String(labelSeq).padStart(6, '0')}`.slice(0, 24);
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'receive-data-'));

  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function receiveCount(sandbox: Sandbox): number {
  return sandbox.requests.count('v2/inventory/receive');
}
