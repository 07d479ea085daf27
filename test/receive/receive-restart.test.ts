import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DEFAULT_PASSWORD } from '../../src/sandbox/index';
import { embeddedSandboxIdentity } from '../../src/receive/upstream-identity';
import { resolveVerifySeconds } from '../../src/receive/receive-options';
import { azReceive } from './fixtures';
import { drive, startHarness, tempDataDir, type Harness } from './harness';

let h: Harness;
const data = tempDataDir();

beforeAll(async () => {
  h = await startHarness({ service: { dataDir: data.dir } });
});

afterAll(async () => {
  await h.close();
  data.remove();
});

describe('the durable ledger across a restart', () => {
  it('a replay after a restart makes no upstream call', async () => {
    const request = azReceive();
    const first = await drive(h.clock, h.service.receive(request));
    h.service.close();

    const restarted = h.newService({ dataDir: data.dir });
    h.sandbox.requests.clear();
    const replay = await drive(h.clock, restarted.receive(request));

    expect(first.__typename).toBe('ReceiveSuccess');
    expect(replay).toEqual({ ...first, replayed: true });
    expect(h.sandbox.requests.count()).toBe(0);
  });

  it('an entry is never replayed against another upstream: there it is a new receive', async () => {
    const request = azReceive();
    const home = h.newService({ dataDir: data.dir });
    await drive(h.clock, home.receive(request));

    // The embedded sandbox's per-process identity: a fresh upstream as far as the ledger knows.
    const elsewhere = h.newService({ dataDir: data.dir, upstream: embeddedSandboxIdentity() });
    const outcome = await drive(h.clock, elsewhere.receive(request));

    // Same sandbox underneath, so its preflight finds the labels already there.
    expect(outcome).toMatchObject({
      __typename: 'DuplicatePackageError',
      duplicates: [{ where: 'location' }],
    });
    expect(elsewhere.listReceipts({ first: 5 }).records).toHaveLength(1);
  });

  it('the ledger file and the audit trail hold no session id, cookie or password', async () => {
    const service = h.newService({ dataDir: data.dir });
    await drive(h.clock, service.receive(azReceive(), { actor: 'intake-key' }));
    service.close();

    const stored = readdirSync(data.dir)
      .map((name) => readFileSync(join(data.dir, name)).toString('latin1'))
      .join('');
    const trail = JSON.stringify(h.newService({ dataDir: data.dir }).listReceipts({ first: 100 }));

    expect(stored).toContain('intake-key');
    for (const secret of [...h.sandbox.issuedSessionIds(), SANDBOX_DEFAULT_PASSWORD]) {
      expect(stored).not.toContain(secret);
      expect(trail).not.toContain(secret);
    }
  });

  it('RECEIVE_VERIFY_SECONDS sets the window; nonsense fails at construction', () => {
    expect(resolveVerifySeconds(undefined, { RECEIVE_VERIFY_SECONDS: '4' })).toBe(4);
    expect(resolveVerifySeconds(undefined, {})).toBe(15);
    expect(resolveVerifySeconds(2, { RECEIVE_VERIFY_SECONDS: '4' })).toBe(2);
    expect(() => resolveVerifySeconds(undefined, { RECEIVE_VERIFY_SECONDS: 'soon' })).toThrow(
      /RECEIVE_VERIFY_SECONDS\) must be between 0 and 600 \(got soon\)/,
    );
  });
});
