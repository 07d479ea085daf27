import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackofficeClient } from '../../src/dutchie';
import { SANDBOX_DEFAULT_USERNAME } from '../../src/sandbox/types';
import { azDelivery } from '../graph/support/receive-inputs';
import { KEYS, startSecureServer, type SecureServer } from './support/secure-server';

const PASSWORD = 'sandbox-pw-Zq81!kq0s';
const WRONG_PASSWORD = 'wrong-pw-Hh27#pmx4';
const METRICS_KEY = 'metrics-key-ccb4e21a90';

const RECEIVE = `mutation ($input: ReceiveInventoryInput!) { receiveInventory(input: $input) {
  __typename ... on Error { code message hint } } }`;

/**
 * A run of real scenarios with the logger at debug: logins, a rejected login (whose answer
 * echoes the password), expired sessions, reads with every key and with wrong ones, receives
 * (dry, real, refused, unknown after a lost answer), upstream faults, metrics. Afterwards no
 * configured secret may appear in the log, nor in any response body or header.
 */
describe('secrets across a run of real scenarios', () => {
  let s: SecureServer;
  const seen: string[] = [];

  async function gql(query: string, key?: string, variables?: unknown) {
    const { response, json } = await s.gql(query, { key, variables });
    seen.push(JSON.stringify(json), JSON.stringify([...response.headers]));

    return json;
  }

  async function get(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(path, s.server.graphqlUrl), { headers });
    seen.push(await response.text(), JSON.stringify([...response.headers]));
  }

  beforeAll(async () => {
    s = await startSecureServer({ SANDBOX_PASSWORD: PASSWORD, METRICS_API_KEY: METRICS_KEY });
    const sandbox = s.server.sandbox!;

    // Reads with every key, and with keys that are wrong.
    for (const key of Object.keys(KEYS)) await gql('{ locations { locId name } }', key);
    await gql('{ locations { locId } }', `${KEYS.operator.key}x`);
    await gql('{ locations { locId } }', 'Bearer-looking-but-not-a-key');
    await gql('{ locations { locId } }');

    // A login the upstream refuses: its answer echoes the password it was sent.
    const stranger = createBackofficeClient({
      baseUrl: sandbox.url,
      username: SANDBOX_DEFAULT_USERNAME,
      password: WRONG_PASSWORD,
      logger: s.log.logger.child({ component: 'stranger-client' }),
      retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    });
    await stranger
      .getLocations()
      .catch((error: Error) => seen.push(String(error), error.stack ?? ''));
    await stranger.close();

    // Sessions that die: a re-login each time.
    sandbox.expireSessions();
    await gql('{ location(locId: 1989) { rooms { name } } }', 'operator');
    sandbox.faults.add('v2/room/get-rooms', { kind: 'session-expired-200' });
    s.server.services.cache.invalidate('rooms', 1989);
    await gql('{ location(locId: 1989) { rooms { name } } }', 'operator');
    sandbox.faults.add('vendor/get-vendors', { kind: 'session-expired-401' });
    await gql('{ location(locId: 1989) { vendors { name } } }', 'operator');

    // Receives: dry, real, refused by scope, refused upstream, and one whose answer is lost.
    await gql(RECEIVE, 'operator', { input: azDelivery({ dryRun: true }) });
    await gql(RECEIVE, 'operator', { input: azDelivery() });
    await gql(RECEIVE, 'reader', { input: azDelivery() });
    await gql(RECEIVE, 'operator', {
      input: azDelivery({ lines: [{ ...azDelivery().lines[0], unitId: 7 }] }),
    });
    sandbox.faults.add('v2/inventory/receive', { kind: 'destroy-after-write' });
    await gql(RECEIVE, 'operator', { input: azDelivery() });

    // Upstream faults on reads.
    const faults = [
      { kind: 'sql-500' },
      { kind: 'html', status: 502 },
      { kind: 'truncated-json' },
      { kind: 'rate-limit-429', retryAfterSeconds: 1, traceId: 'trace-leak-check' },
      { kind: 'redirect-login' },
    ] as const;
    for (const fault of faults) {
      sandbox.faults.add('v2/room/get-rooms', fault);
      s.server.services.cache.invalidate('rooms', 2004);
      await gql('{ location(locId: 2004) { rooms { name } } }', 'operator');
    }

    // A bug whose message quotes the session cookie, as a careless throw in a fetcher might.
    const client = s.server.client as unknown as Record<string, unknown>;
    const original = client.getVendors;
    const session = sandbox.issuedSessionIds().at(-1);
    client.getVendors = async () => {
      throw new Error(`vendors failed with Cookie: LLSession=${session}; SessionGId=${session}`);
    };
    s.server.services.cache.invalidate('vendors', 2004);
    await gql('{ location(locId: 2004) { vendors { name } } }', 'operator');
    client.getVendors = original;

    // Metrics and the other pages, with and without their key.
    await get('/metrics');
    await get('/metrics', { authorization: `Bearer ${METRICS_KEY}` });
    await get('/ready');
    await get('/health');
  }, 60_000);

  afterAll(() => s.close());

  function secrets(): string[] {
    return [
      PASSWORD,
      WRONG_PASSWORD,
      METRICS_KEY,
      ...Object.values(KEYS).map((key) => key.key),
      ...s.server.sandbox!.issuedSessionIds(),
    ];
  }

  it('ran the scenarios: several sessions, a rejected login, receives and faults all logged', () => {
    const text = s.log.text();

    expect(s.server.sandbox!.issuedSessionIds().length).toBeGreaterThanOrEqual(3);
    expect(s.log.lines.some((line) => line.level === 20)).toBe(true);
    expect(s.server.sandbox!.requests.count('posv3/user/EmployeeLogin')).toBeGreaterThanOrEqual(4);
    expect(s.server.sandbox!.requests.count('v2/inventory/receive')).toBeGreaterThanOrEqual(3);
    expect(text).toContain('GraphQL request refused: no valid API key');
    expect(text).toContain('trace-leak-check');
  });

  it('writes none of the configured secrets, nor any session id, to the log', () => {
    const text = s.log.text();

    expect(secrets().filter((secret) => text.includes(secret))).toEqual([]);
  });

  it('sends none of them in any response body or header', () => {
    const text = seen.join('\n');

    expect(seen.length).toBeGreaterThan(30);
    expect(secrets().filter((secret) => text.includes(secret))).toEqual([]);
  });
});
