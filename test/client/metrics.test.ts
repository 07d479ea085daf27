import { afterEach, describe, expect, it } from 'vitest';
import type { UpstreamCallEvent } from '../../src/dutchie';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { counterValue, startHarness, type Harness } from './support/harness';

const LOGIN = 'posv3/user/EmployeeLogin';
const ROOMS = 'v2/room/get-rooms';

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

async function histogramCount(harness: Harness, name: string, labels: Record<string, string> = {}) {
  const { values } = await harness.registry.getSingleMetric(name)!.get();

  return values
    .filter((v) => (v as { metricName?: string }).metricName === `${name}_count`)
    .filter((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value))
    .reduce((sum, v) => sum + v.value, 0);
}

describe('upstream metrics and observers', () => {
  it('counts every HTTP attempt by endpoint and outcome, logins and retries included', async () => {
    harness = await startHarness();
    const { client, sandbox, registry } = harness;
    sandbox.faults.add(ROOMS, { kind: 'status', status: 503 });

    await client.getRooms(SANDBOX_LOC_IDS.az);

    const requests = 'backoffice_upstream_requests_total';
    expect(await counterValue(registry, requests, { endpoint: LOGIN, outcome: 'ok' })).toBe(1);
    expect(
      await counterValue(registry, requests, { endpoint: ROOMS, outcome: 'UPSTREAM_UNAVAILABLE' }),
    ).toBe(1);
    expect(await counterValue(registry, requests, { endpoint: ROOMS, outcome: 'ok' })).toBe(1);
    expect(await counterValue(registry, 'backoffice_upstream_logins_total')).toBe(1);
    expect(
      await histogramCount(harness, 'backoffice_upstream_duration_seconds', { endpoint: ROOMS }),
    ).toBe(2);
    expect(await histogramCount(harness, 'backoffice_upstream_queue_wait_seconds')).toBe(3);
  });

  it('tells the observer of each attempt, the login it triggered included', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;
    sandbox.faults.add(ROOMS, { kind: 'status', status: 503 });
    const events: UpstreamCallEvent[] = [];

    await client.getRooms(SANDBOX_LOC_IDS.az, { observer: (event) => events.push(event) });

    expect(
      events.map(({ endpoint, outcome, attempt }) => ({ endpoint, outcome, attempt })),
    ).toEqual([
      { endpoint: LOGIN, outcome: 'ok', attempt: 1 },
      { endpoint: ROOMS, outcome: 'UPSTREAM_UNAVAILABLE', attempt: 1 },
      { endpoint: ROOMS, outcome: 'ok', attempt: 2 },
    ]);
    expect(events.every((event) => event.durationMs >= 0)).toBe(true);
  });

  it('keeps a call alive when its observer throws', async () => {
    harness = await startHarness();

    const rooms = await harness.client.getRooms(SANDBOX_LOC_IDS.az, {
      observer: () => {
        throw new Error('observer bug');
      },
    });

    expect(rooms).toHaveLength(4);
  });

  it('logs each attempt at debug with endpoint, status, ms and attempt, and the login at info', async () => {
    harness = await startHarness();
    const { client, logs } = harness;

    await client.getRooms(SANDBOX_LOC_IDS.az);

    const lines = logs.parsed();
    const call = lines.find((line) => line.endpoint === ROOMS && line.msg === 'upstream call')!;
    expect(call).toMatchObject({ level: 20, status: 200, attempt: 1, outcome: 'ok' });
    expect(typeof call.ms).toBe('number');
    expect(lines.find((line) => line.msg === 'logged in to Backoffice')).toMatchObject({
      level: 30,
      userId: 60672,
    });
  });
});
