import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blueDream,
  RECEIVE,
  startCaseServer,
  vaultReceive,
  type CaseServer,
} from './support/case-server';

const RECEIVE_ENDPOINT = 'v2/inventory/receive';

/**
 * A package label names one package at a location. Preflight reads the location's inventory
 * for it, but two receives of the same label under different keys can both read before either
 * lands (or while the first is still hidden by the read lag): only one may be sent.
 */
describe('one package label, several idempotency keys at once', () => {
  let app: CaseServer;

  beforeAll(async () => {
    // The lag npm start runs with: a received package stays out of inventory reads for 2 s.
    app = await startCaseServer({ SANDBOX_READ_LAG_MS: '2000' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sends one receive; the others are DuplicatePackageError naming the key that holds the label', async () => {
    const before = app.upstreamCalls(RECEIVE_ENDPOINT);
    const answers = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((suffix) =>
        app.graphql(RECEIVE, {
          input: vaultReceive(`1989:same-label:${suffix}`, [blueDream('CASE-SAME-LABEL-0001')]),
        }),
      ),
    );
    const results = answers.map((answer) => answer.json.data.receiveInventory);
    const won = results.filter((result) => result.__typename === 'ReceiveInventorySuccess');
    const refused = results.filter((result) => result.__typename === 'DuplicatePackageError');

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(4);
    expect(app.upstreamCalls(RECEIVE_ENDPOINT) - before).toBe(1);
    expect(
      app.server.sandbox!.packagesAt(1989).filter((p) => p.packageId === 'CASE-SAME-LABEL-0001'),
    ).toHaveLength(1);

    const winner = results.indexOf(won[0]);
    for (const result of refused) {
      expect(result.duplicates).toEqual([
        { packageId: 'CASE-SAME-LABEL-0001', where: 'LOCATION', paths: ['lines.0.packageId'] },
      ]);
      expect(result.message).toContain(`idempotency key "1989:same-label:${'abcde'[winner]}"`);
    }
  });
});

describe('labels a receive no longer holds', () => {
  let app: CaseServer;

  beforeAll(async () => {
    app = await startCaseServer();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('frees the key of a refused receive: it goes through once its label is corrected', async () => {
    const first = await app.graphql(RECEIVE, {
      input: vaultReceive('1989:label-owner', [blueDream('CASE-OWNED-0001')]),
    });
    const [late, other] = await Promise.all([
      app.graphql(RECEIVE, {
        input: vaultReceive('1989:label-late', [blueDream('CASE-OWNED-0001')]),
      }),
      app.graphql(RECEIVE, {
        input: vaultReceive('1989:label-other', [blueDream('CASE-OWNED-0002')]),
      }),
    ]);
    const corrected = await app.graphql(RECEIVE, {
      input: vaultReceive('1989:label-late', [blueDream('CASE-OWNED-0003')]),
    });

    expect(first.json.data.receiveInventory.__typename).toBe('ReceiveInventorySuccess');
    expect(late.json.data.receiveInventory.__typename).toBe('DuplicatePackageError');
    expect(other.json.data.receiveInventory.__typename).toBe('ReceiveInventorySuccess');
    expect(corrected.json.data.receiveInventory).toMatchObject({
      __typename: 'ReceiveInventorySuccess',
      replayed: false,
      packages: [{ packageId: 'CASE-OWNED-0003', quantity: '3.5' }],
    });
  });

  it('lets a label whose receive was refused upstream (nothing written) be received under a new key', async () => {
    const refused = await app.graphql(RECEIVE, {
      input: vaultReceive('1989:unit-typo', [{ ...blueDream('CASE-RETRY-0001'), unitId: 7 }]),
    });
    const retried = await app.graphql(RECEIVE, {
      input: vaultReceive('1989:unit-fixed', [blueDream('CASE-RETRY-0001')]),
    });

    expect(refused.json.data.receiveInventory.__typename).toBe('UpstreamSqlError');
    expect(retried.json.data.receiveInventory).toMatchObject({
      __typename: 'ReceiveInventorySuccess',
      packages: [{ packageId: 'CASE-RETRY-0001' }],
    });
  });
});
