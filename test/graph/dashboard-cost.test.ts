import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardDocument } from '../documents/generated/graphql';
import { startGraphHarness, type GraphHarness } from './support/graph-harness';

/** Upstream calls of the sandbox's request log, by endpoint and the LocId in the body. */
function callsByEndpointAndLocation(harness: GraphHarness): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of harness.sandbox.requests.all()) {
    const locId = (request.body as { LocId?: unknown } | null)?.LocId ?? '-';
    const key = `${request.endpoint} ${String(locId)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  return counts;
}

describe('the dashboard query (18 locations, rooms, vendors, 50 packages each)', () => {
  let harness: GraphHarness;

  beforeAll(async () => {
    // A cold dashboard is 55 calls; the client lets reads fill 80% of its 55 a minute, so the
    // first run waits about a minute of fake time for budget. The TTL must outlast that for
    // the later runs to be within it.
    harness = await startGraphHarness({ config: { inventoryTtlSeconds: 120 } });
    // The login is not the dashboard's cost: take it before counting.
    await harness.client.ensureSession();
    harness.sandbox.requests.clear();
  });

  afterAll(() => harness.close());

  it('costs one call per endpoint per location plus the location list, and no catalog', async () => {
    const response = await harness.query(DashboardDocument);

    expect(response.errors).toBeUndefined();
    expect(response.data!.locations).toHaveLength(18);
    const counts = harness.sandbox.requests.countsByEndpoint();
    expect(counts).toEqual({
      'posv3/maintenance/GetLspLocationsBackend': 1,
      'v2/room/get-rooms': 18,
      'vendor/get-vendors': 18,
      'v2/inventory/get-inventory': 18,
    });
    expect(Math.max(...callsByEndpointAndLocation(harness).values())).toBe(1);
    expect(response.extensions!.cost!.upstreamCalls).toBe(harness.sandbox.requests.count());
  });

  it('answers product SKU and name, vendor and room names from the inventory rows', async () => {
    harness.sandbox.requests.clear();
    const response = await harness.query(DashboardDocument);
    const sandbox = response.data!.locations.find((location) => location.locId === 1989)!;
    const first = sandbox.inventory!.edges[0].node;

    expect(sandbox.inventory!.edges).toHaveLength(50);
    expect(first).toEqual({
      packageId: '1A4000198900000000000001',
      quantity: '448.5',
      unit: 'g',
      product: { sku: 'SWC-FL-BD-035', name: 'Swallowtail Cultivation - Blue Dream 3.5g' },
      vendor: { name: 'Swallowtail Cultivation' },
      room: { name: 'Vault' },
    });
    const packages = response.data!.locations.flatMap((location) =>
      location.inventory!.edges.map((edge) => edge.node),
    );
    expect(
      packages.every((node) => node.product?.name && node.vendor?.name && node.room?.name),
    ).toBe(true);
  });

  it('costs zero upstream calls when run again within the TTLs, all from the cache', async () => {
    harness.sandbox.requests.clear();
    const response = await harness.query(DashboardDocument);

    expect(response.errors).toBeUndefined();
    expect(harness.sandbox.requests.count()).toBe(0);
    expect(response.extensions!.cost!.upstreamCalls).toBe(0);
    expect(response.extensions!.cost!.cacheHits).toBeGreaterThan(0);
  });
});
