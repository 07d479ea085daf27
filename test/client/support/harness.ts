import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import { request } from 'undici';
import { createBackofficeClient, type BackofficeClient } from '../../../src/dutchie';
import type { BackofficeClientInput } from '../../../src/dutchie/client-options';
import { startSandbox } from '../../../src/sandbox';
import {
  SANDBOX_DEFAULT_PASSWORD,
  SANDBOX_DEFAULT_USERNAME,
  type Sandbox,
  type SandboxOptions,
} from '../../../src/sandbox/types';
import { FakeClock } from '../../../src/util/clock';
import { createLogger, type Logger } from '../../../src/util/logger';

export const USERNAME = SANDBOX_DEFAULT_USERNAME;
export const PASSWORD = SANDBOX_DEFAULT_PASSWORD;

/** Every log line a client wrote, as text, at debug level. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly logger: Logger;

  constructor() {
    const stream = new Writable({
      write: (chunk, _encoding, done) => {
        this.lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    this.logger = createLogger({ level: 'debug', destination: stream });
  }

  get text(): string {
    return this.lines.join('\n');
  }

  parsed(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

export interface Harness {
  clock: FakeClock;
  sandbox: Sandbox;
  client: BackofficeClient;
  registry: Registry;
  logs: LogCapture;
  /** Another client on the same sandbox and clock, with its own options. */
  newClient(overrides?: Partial<BackofficeClientInput>): BackofficeClient;
  close(): Promise<void>;
}

/**
 * A sandbox on loopback and a client on the same FakeClock: sessions, the sandbox's rate
 * window and the client's budget all move together when a test advances time.
 */
export async function startHarness(
  options: { sandbox?: SandboxOptions; client?: Partial<BackofficeClientInput> } = {},
): Promise<Harness> {
  const clock = new FakeClock();
  const sandbox = await startSandbox({ clock, ...options.sandbox });
  const clients: BackofficeClient[] = [];
  const registry = new Registry();
  const logs = new LogCapture();

  const newClient = (overrides: Partial<BackofficeClientInput> = {}) => {
    const client = createBackofficeClient({
      baseUrl: sandbox.url,
      username: USERNAME,
      password: PASSWORD,
      clock,
      registry: new Registry(),
      retry: { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 },
      ...overrides,
    });
    clients.push(client);

    return client;
  };

  const client = newClient({ registry, logger: logs.logger, ...options.client });

  return {
    clock,
    sandbox,
    client,
    registry,
    logs,
    newClient,
    close: async () => {
      await Promise.all(clients.map((c) => c.close()));
      await sandbox.close();
    },
  };
}

/** Polls in real time until the condition holds: for waiting on I/O, never for asserting speed. */
export async function eventually(
  condition: () => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const started = Date.now();

  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A raw POST to the sandbox, as a careless client would send it. */
export async function rawPost(
  sandbox: Sandbox,
  endpoint: string,
  body: unknown,
  session?: string,
): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    appname: 'Backoffice',
  };
  if (session) headers.cookie = `LLSession=${session}`;

  const response = await request(`${sandbox.url}/api/${endpoint}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  const text = await response.body.text();

  return { status: response.statusCode, json: text ? JSON.parse(text) : null };
}

/** Logs in with raw calls and returns the SessionGId. */
export async function rawLogin(sandbox: Sandbox): Promise<string> {
  const answer = await rawPost(sandbox, 'posv3/user/EmployeeLogin', {
    UserName: USERNAME,
    Password: PASSWORD,
  });

  return answer.json.Data.SessionGId as string;
}

/** Settles a promise into its error, failing the test if it resolved. */
export async function failureOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }

  throw new Error('expected the call to fail, but it succeeded');
}

export async function counterValue(
  registry: Registry,
  name: string,
  labels: Record<string, string> = {},
) {
  const metric = registry.getSingleMetric(name);
  if (!metric) return 0;

  const { values } = await metric.get();

  return values
    .filter((value) =>
      Object.entries(labels).every(([key, expected]) => value.labels[key] === expected),
    )
    .reduce((sum, value) => sum + value.value, 0);
}

export interface Burst<T = unknown> {
  done: number;
  results: (T | Error)[];
}

export function burst<T>(count: number, call: () => Promise<T>): Burst<T> {
  const state: Burst<T> = { done: 0, results: [] };

  for (let i = 0; i < count; i += 1) {
    call()
      .then(
        (value) => state.results.push(value),
        (error: Error) => state.results.push(error),
      )
      .finally(() => {
        state.done += 1;
      });
  }

  return state;
}

/** Advances fake time in steps, letting real I/O finish before each step. */
export async function drain(harness: Harness, state: Burst<unknown>, total: number): Promise<void> {
  while (state.done < total) {
    await eventually(
      () => state.done + harness.client.budget().queued === total,
      'in-flight calls to settle',
    );
    if (state.done === total) break;

    await harness.clock.advance(1_000);
  }
}
