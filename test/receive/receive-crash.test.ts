import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackofficeClient } from '../../src/dutchie/index';
import type { BackofficeApi } from '../../src/dutchie/backoffice-api';
import { backofficeDataSource } from '../../src/receive/data-source';
import { ReceiptLedger } from '../../src/receive/ledger';
import { createReceiveService } from '../../src/receive/receive-service';
import { upstreamIdentity } from '../../src/receive/upstream-identity';
import {
  SANDBOX_DEFAULT_PASSWORD,
  SANDBOX_DEFAULT_USERNAME,
  startSandbox,
  type Sandbox,
} from '../../src/sandbox/index';
import { systemClock } from '../../src/util/clock';
import type { ReceiveInventoryInput } from '../../src/receive/input-schema';
import { azReceive } from './fixtures';
import { eventually, receiveCount, tempDataDir } from './harness';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const RECEIVE = 'v2/inventory/receive';

let sandbox: Sandbox;
let api: BackofficeApi;
let child: ChildProcess | undefined;
const data = tempDataDir();

beforeAll(async () => {
  // Real time throughout: the child runs on its own clock, and the sandbox's latency is real.
  sandbox = await startSandbox({ readLagMs: 0, callsPerMinute: 0 });
  api = createBackofficeClient({
    baseUrl: sandbox.url,
    username: SANDBOX_DEFAULT_USERNAME,
    password: SANDBOX_DEFAULT_PASSWORD,
  });
});

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
});

afterAll(async () => {
  await api.close();
  await sandbox.close();
  data.remove();
});

const upstream = () => upstreamIdentity(sandbox.url, SANDBOX_DEFAULT_USERNAME);

/** Starts the child and kills it once its receive has reached the sandbox. */
async function crashMidFlight(input: ReceiveInventoryInput): Promise<void> {
  let output = '';
  child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: {
      ...process.env,
      SANDBOX_URL: sandbox.url,
      DATA_DIR: data.dir,
      RECEIVE_INPUT: JSON.stringify(input),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise((resolve) => child!.once('exit', resolve));

  await eventually(
    () => output.includes('POSTING') || child!.exitCode !== null,
    'the child to send its receive',
    20_000,
  );
  expect(output).toContain('POSTING');
  await eventually(() => receiveCount(sandbox) === 1, 'the receive to reach the sandbox');

  child.kill('SIGKILL');
  await exited;
  expect(output).not.toContain('DONE');
}

function ledgerEntry(key: string) {
  const ledger = new ReceiptLedger({ dataDir: data.dir, upstream: upstream(), clock: systemClock });
  const entry = ledger.find(key);
  ledger.close();

  return entry;
}

function service(verifySeconds: number) {
  return createReceiveService({
    source: backofficeDataSource(api),
    upstream: upstream(),
    dataDir: data.dir,
    verifySeconds,
  });
}

describe('a crash between the POST and the ledger update', () => {
  it('leaves no duplicate: the next attempt reconciles from the read-back', async () => {
    sandbox.requests.clear();
    // The sandbox holds the receive 1.5 s before applying it; the child dies meanwhile.
    sandbox.faults.add(RECEIVE, { kind: 'latency', ms: 1_500 });
    const input = azReceive();

    await crashMidFlight(input);
    expect(ledgerEntry(input.idempotencyKey)).toMatchObject({
      status: 'pending',
      actor: 'crash-child',
      attempts: 1,
    });
    await eventually(
      () => sandbox.receives().some((r) => r.externalId === input.idempotencyKey),
      'the orphaned request to be applied',
    );

    const next = service(15);
    const outcome = await next.receive(input);
    next.close();

    expect(outcome).toMatchObject({
      __typename: 'ReceiveSuccess',
      replayed: true,
      packages: [{ packageId: input.lines[0].packageId }],
    });
    expect(receiveCount(sandbox)).toBe(1);
    expect(sandbox.receives().filter((r) => r.externalId === input.idempotencyKey)).toHaveLength(1);
    expect(ledgerEntry(input.idempotencyKey)).toMatchObject({ status: 'succeeded', attempts: 1 });
  }, 60_000);

  it('what the read-back cannot confirm is an unknown outcome naming the labels, never a second POST', async () => {
    sandbox.requests.clear();
    // The sandbox never answers nor applies this receive.
    sandbox.faults.add(RECEIVE, { kind: 'no-headers' });
    const input = azReceive();

    await crashMidFlight(input);

    const next = service(0);
    const outcome = await next.receive(input);
    next.close();

    expect(outcome).toMatchObject({
      __typename: 'ReceiveOutcomeUnknownError',
      receiveHistoryId: null,
      labelsChecked: [input.lines[0].packageId],
    });
    expect(receiveCount(sandbox)).toBe(1);
    expect(ledgerEntry(input.idempotencyKey)).toMatchObject({ status: 'unknown', attempts: 1 });
  }, 60_000);
});
