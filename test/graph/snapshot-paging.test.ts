import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryPageDocument } from '../documents/generated/graphql';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { startGraphHarness, type GraphHarness } from './support/graph-harness';
import { receivePackages } from './support/receive-packages';

const LOC_ID = SANDBOX_LOC_IDS.az;
const PAGE = 500;

describe('inventory paging over one snapshot', () => {
  let harness: GraphHarness;

  beforeAll(async () => {
    harness = await startGraphHarness();
    // 320 seeded packages at 1989; receive the rest so that a mirror job has 5,000 to page.
    const seeded = harness.sandbox.packagesAt(LOC_ID).length;
    await receivePackages(harness.client, { count: 5_000 - seeded, labelPrefix: 'MIRROR-' });
  });

  afterAll(() => harness.close());

  async function page(after: string | null) {
    return harness.query(InventoryPageDocument, {
      locId: LOC_ID,
      first: PAGE,
      after,
      includeZeroQuantity: true,
    });
  }

  it('pages 5,000 packages with no gap and no duplicate while the cache refreshes', async () => {
    const expected = harness.sandbox.packagesAt(LOC_ID).map((stored) => stored.packageId);
    const seen: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    let pages = 0;

    do {
      const response = await page(after);
      expect(response.errors).toBeUndefined();
      const connection = response.data!.location!.inventory!;
      seen.push(...connection.edges.map((edge) => edge.node.packageId));
      totals.add(connection.totalCount);
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages += 1;

      if (pages === 3) {
        // Mid-job: new stock arrives and the cache refreshes behind the cursor.
        await receivePackages(harness.client, { count: 40, labelPrefix: 'ARRIVED-' });
        await harness.clock.advance(120_000);
        const fresh = await page(null);
        expect(fresh.data!.location!.inventory!.totalCount).toBe(5_040);
      }
    } while (after !== null);

    expect(pages).toBe(10);
    expect(seen).toHaveLength(5_000);
    expect(new Set(seen).size).toBe(5_000);
    expect(new Set(seen)).toEqual(new Set(expected));
    expect([...totals]).toEqual([5_000]);
  });

  it('keeps a snapshot pageable ten minutes after its last page', async () => {
    const first = await page(null);
    const cursor = first.data!.location!.inventory!.pageInfo.endCursor!;

    await harness.clock.advance(9 * 60_000);
    const second = await page(cursor);
    expect(second.errors).toBeUndefined();
    const next = second.data!.location!.inventory!.pageInfo.endCursor!;

    await harness.clock.advance(9 * 60_000);
    const third = await page(next);
    expect(third.errors).toBeUndefined();
    expect(third.data!.location!.inventory!.edges[0].node.packageId).not.toBe(
      second.data!.location!.inventory!.edges[0].node.packageId,
    );
  });

  it('answers SNAPSHOT_EXPIRED with a hint once the snapshot is no longer kept', async () => {
    const first = await page(null);
    const cursor = first.data!.location!.inventory!.pageInfo.endCursor!;

    await harness.clock.advance(10 * 60_000 + 1_000);
    const response = await page(cursor);

    expect(response.data!.location).toEqual({ locId: LOC_ID, inventory: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].path).toEqual(['location', 'inventory']);
    expect(response.errors![0].extensions).toMatchObject({
      code: 'SNAPSHOT_EXPIRED',
      hint: expect.stringContaining('first page'),
      retentionSeconds: 600,
      correlationId: expect.any(String),
    });
  });

  it('answers BAD_CURSOR for a cursor it did not issue or one of another connection', async () => {
    const forged = await page('not-a-cursor');
    expect(forged.errors![0].extensions).toMatchObject({ code: 'BAD_CURSOR' });
    expect(forged.errors![0].message).toContain('not-a-cursor');

    const other = await harness.query(InventoryPageDocument, {
      locId: SANDBOX_LOC_IDS.oh,
      first: 1,
    });
    const foreign = other.data!.location!.inventory!.pageInfo.endCursor!;
    const mixed = await page(foreign);
    expect(mixed.errors![0].extensions).toMatchObject({ code: 'BAD_CURSOR' });
    expect(mixed.errors![0].message).toBe(
      'cursor belongs to the inventory of LocId 2869, not the inventory of LocId 1989',
    );
  });
});
