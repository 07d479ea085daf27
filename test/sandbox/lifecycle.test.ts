import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { FakeClock } from '../../src/util/clock';
import { KNOWN_PACKAGES_1989, SandboxError, SEED_LSP_IDS, startSandbox } from '../../src/sandbox';
import { buildSeed } from '../../src/sandbox/seed';
import { call, login, post } from './support/http';
import { receiveBody } from './support/receive-body';

describe('sandbox lifecycle', () => {
  it('reset() restores the seed: packages, catalog, sessions, faults and the log', async () => {
    const sandbox = await startSandbox({ clock: new FakeClock() });
    try {
      const before = sandbox.packagesAt(1989);
      const session = await login(sandbox);
      await call(sandbox, session, 'v2/inventory/receive', receiveBody(session));
      sandbox.importProducts(575, [{ name: 'Temporary - Product' }]);
      sandbox.faults.add('*', { kind: 'status', status: 503 }, { times: Infinity });

      sandbox.reset();

      expect(sandbox.packagesAt(1989)).toEqual(before);
      expect(sandbox.receives()).toEqual([]);
      expect(sandbox.requests.count()).toBe(0);
      expect(sandbox.issuedSessionIds()).toEqual([]);
      expect((await post(sandbox, 'v2/room/get-rooms', { LocId: 1989 }, { session })).status).toBe(
        401,
      );

      const fresh = await login(sandbox);
      const lite = await call(sandbox, fresh, 'product-master/get-products-lite', { LspId: 575 });
      expect(lite.json.Data.some((row: any) => row.Name === 'Temporary - Product')).toBe(false);

      const again = await call(sandbox, fresh, 'v2/inventory/receive', receiveBody(fresh));
      expect(again.json.Data).toBe(880001);
    } finally {
      await sandbox.close();
    }
  });

  it.each(['0.0.0.0', '192.168.1.20', '::', 'example.com'])(
    'refuses the non-loopback host %s',
    async (host) => {
      await expect(startSandbox({ host })).rejects.toThrow(SandboxError);
      await expect(startSandbox({ host })).rejects.toThrow(/not a loopback address/);
    },
  );

  it.each([
    ['localhost', 'http://127.0.0.1:'],
    ['127.0.0.1', 'http://127.0.0.1:'],
    ['::1', 'http://[::1]:'],
  ])('binds the loopback host %s', async (host, prefix) => {
    const sandbox = await startSandbox({ host }).catch((error) => {
      // Some containers have no IPv6 loopback; the refusal is then the OS's, not ours.
      if (host === '::1' && /EADDRNOTAVAIL|EAFNOSUPPORT/.test(String(error))) return null;
      throw error;
    });
    if (!sandbox) return;
    try {
      expect(sandbox.url.startsWith(prefix)).toBe(true);
      expect(sandbox.url).toBe(`${prefix}${sandbox.port}`);
      expect((await post(sandbox, 'v2/room/get-rooms', {})).status).toBe(401);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses bad options, naming each', async () => {
    const attempt = startSandbox({ readLagMs: -1, callsPerMinute: 1.5, port: 70000 });

    await expect(attempt).rejects.toThrow(/port is 70000.*readLagMs is -1.*callsPerMinute is 1.5/);
  });

  it('announces the configured keep-alive timeout', async () => {
    const sandbox = await startSandbox({ keepAliveTimeoutMs: 1000 });
    try {
      const header = await new Promise<string | undefined>((resolve, reject) => {
        const req = request(`${sandbox.url}/api/v2/room/get-rooms`, { method: 'POST' }, (res) => {
          res.resume();
          resolve(String(res.headers['keep-alive']));
        });
        req.on('error', reject);
        req.end('{}');
      });

      expect(header).toBe('timeout=1');
    } finally {
      await sandbox.close();
    }
  });

  it('builds identical seed data every time (determinism)', () => {
    const first = buildSeed();
    const second = buildSeed();

    for (const lspId of Object.values(SEED_LSP_IDS)) {
      expect(second.catalog(lspId)?.products).toEqual(first.catalog(lspId)?.products);
    }
    for (const location of first.locations()) {
      expect(second.packagesAt(location.locId)).toEqual(first.packagesAt(location.locId));
      expect(second.rooms(location.locId)).toEqual(first.rooms(location.locId));
    }
    expect(first.packagesAt(1989)[0]).toMatchObject({ ...KNOWN_PACKAGES_1989.blueDream });
  });

  it('serves identical answers from two sandboxes', async () => {
    const [a, b] = await Promise.all([startSandbox(), startSandbox()]);
    try {
      const [sa, sb] = await Promise.all([login(a), login(b)]);
      for (const [endpoint, body] of [
        ['posv3/maintenance/GetLspLocationsBackend', {}],
        ['v2/inventory/get-inventory', { LocId: 2011, LspId: 575, IncludeZeroQuantity: true }],
        ['product-master/get-products-lite', { LspId: 576 }],
      ] as const) {
        const [ra, rb] = await Promise.all([
          call(a, sa, endpoint, body),
          call(b, sb, endpoint, body),
        ]);
        expect(ra.text).toBe(rb.text);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('close() is idempotent and frees the port', async () => {
    const sandbox = await startSandbox();
    await sandbox.close();
    await sandbox.close();

    await expect(
      fetch(`${sandbox.url}/api/v2/room/get-rooms`, { method: 'POST' }),
    ).rejects.toThrow();
  });
});
