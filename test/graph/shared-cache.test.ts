import { afterEach, describe, expect, it } from 'vitest';
import {
  InventoryPageDocument,
  LocationRoomsDocument,
  ProductBrandDocument,
} from '../documents/generated/graphql';
import { createRequestContext } from '../../src/resolvers/context';
import { KNOWN_PRODUCTS } from '../../src/sandbox';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { counterValue, eventually, LogCapture } from '../client/support/harness';
import { startGraphHarness, type GraphHarness } from './support/graph-harness';

const AZ = SANDBOX_LOC_IDS.az;
const OH = SANDBOX_LOC_IDS.oh;
const CATALOG = 'product-master/get-products-lite';
const ROOMS = 'v2/room/get-rooms';
const INVENTORY = 'v2/inventory/get-inventory';

let harness: GraphHarness;
afterEach(() => harness.close());

describe('the shared upstream cache', () => {
  it('fetches a catalog once for concurrent requests (single-flight) and indexes it', async () => {
    harness = await startGraphHarness();
    const { wyldRaspberry, stiiizyOgKush } = KNOWN_PRODUCTS;
    await harness.client.ensureSession();

    const [first, second] = await Promise.all([
      harness.query(ProductBrandDocument, { lspId: 575, productId: wyldRaspberry.productId }),
      harness.query(ProductBrandDocument, { lspId: 575, productId: stiiizyOgKush.productId }),
    ]);

    expect(first.data!.product!.brand).toBe('Wyld');
    expect(second.data!.product!.brand).toBe('Stiiizy');
    expect(harness.sandbox.requests.count(CATALOG)).toBe(1);
    const costs = [first, second].map((response) => response.extensions!.cost!.upstreamCalls);
    expect(costs.sort()).toEqual([0, 1]);
    expect(
      await counterValue(harness.registry, 'backoffice_graph_cache_misses_total', {
        kind: 'catalog',
      }),
    ).toBe(1);
    expect(
      await counterValue(harness.registry, 'backoffice_graph_cache_hits_total', {
        kind: 'catalog',
      }),
    ).toBe(1);
  });

  it('serves reference data stale past its TTL while one refresh runs, then fetches again', async () => {
    harness = await startGraphHarness();
    await harness.query(LocationRoomsDocument, { first: AZ, second: OH });
    expect(harness.sandbox.requests.count(ROOMS)).toBe(2);

    await harness.clock.advance(301_000);
    const stale = await harness.query(LocationRoomsDocument, { first: AZ, second: OH });
    expect(stale.errors).toBeUndefined();
    expect(stale.extensions!.cost!.upstreamCalls).toBe(0);
    await eventually(() => harness.sandbox.requests.count(ROOMS) === 4, 'the two revalidations');

    const fresh = await harness.query(LocationRoomsDocument, { first: AZ, second: OH });
    expect(fresh.extensions!.cost!.upstreamCalls).toBe(0);
    expect(harness.sandbox.requests.count(ROOMS)).toBe(4);

    // Past TTL and stale window both, the read waits for upstream itself.
    await harness.clock.advance(601_000);
    const expired = await harness.query(LocationRoomsDocument, { first: AZ, second: OH });
    expect(expired.extensions!.cost!.upstreamCalls).toBe(5);
    expect(harness.sandbox.requests.count(ROOMS)).toBe(6);
  });

  it('keeps inventory on its own, shorter TTL', async () => {
    harness = await startGraphHarness();
    await harness.query(InventoryPageDocument, { locId: AZ, first: 1 });
    await harness.query(LocationRoomsDocument, { first: AZ, second: AZ });

    await harness.clock.advance(31_000);
    await harness.query(InventoryPageDocument, { locId: AZ, first: 1 });
    await harness.query(LocationRoomsDocument, { first: AZ, second: AZ });
    await eventually(() => harness.sandbox.requests.count(INVENTORY) === 2, 'inventory refresh');

    expect(harness.sandbox.requests.count(ROOMS)).toBe(1);
  });

  it('keeps the stale value when its refresh fails, and never stores the failure', async () => {
    const logs = new LogCapture();
    harness = await startGraphHarness({ logger: logs.logger });
    await harness.query(LocationRoomsDocument, { first: AZ, second: AZ });
    await harness.clock.advance(301_000);
    harness.sandbox.faults.add(ROOMS, { kind: 'status', status: 503 });

    const stale = await harness.query(LocationRoomsDocument, { first: AZ, second: AZ });
    await eventually(() => logs.text.includes('revalidation failed'), 'the failed revalidation');
    const again = await harness.query(LocationRoomsDocument, { first: AZ, second: AZ });
    await eventually(() => harness.sandbox.requests.count(ROOMS) === 3, 'a second revalidation');

    expect(stale.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    expect(again.data!.first!.rooms).toHaveLength(4);
  });

  it('reads inventory fresh on demand and forgets it on invalidate, even mid-flight', async () => {
    harness = await startGraphHarness();
    const data = createRequestContext(harness.services).data;
    await data.inventory(AZ);

    await data.inventory(AZ, { fresh: true });
    expect(harness.sandbox.requests.count(INVENTORY)).toBe(2);

    // A read that started before a write must not store pre-write rows.
    harness.sandbox.faults.add(INVENTORY, { kind: 'latency', ms: 200 });
    harness.services.cache.invalidate('inventory', AZ);
    const inFlight = data.inventory(AZ);
    await eventually(() => harness.sandbox.requests.count(INVENTORY) === 3, 'the slow read');
    data.invalidateInventory(AZ);
    await inFlight;
    await data.inventory(AZ);

    expect(harness.sandbox.requests.count(INVENTORY)).toBe(4);
  });
});
