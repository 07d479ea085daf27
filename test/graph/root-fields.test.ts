import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EntitiesDocument,
  InventoryPageDocument,
  LocationProductsDocument,
  LocationsDocument,
  NodeLookupDocument,
  PackageByLabelDocument,
  ProductBySkuDocument,
  RoomPackagesDocument,
  UpstreamBudgetDocument,
} from '../documents/generated/graphql';
import {
  AMBIGUOUS_SKU,
  AZ_SANDBOX_ROOMS,
  AZ_VENDORS,
  KNOWN_PACKAGES_1989,
  KNOWN_PRODUCTS,
} from '../../src/sandbox';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { BatchRecorder } from './support/batch-recorder';
import { startGraphHarness, type GraphHarness } from './support/graph-harness';

const AZ = SANDBOX_LOC_IDS.az;
const { blueDream, zeroQuantity } = KNOWN_PACKAGES_1989;

describe('root fields, Relay nodes and entities', () => {
  let harness: GraphHarness;

  beforeAll(async () => {
    harness = await startGraphHarness({ sandbox: { callsPerMinute: 0 } });
  });

  afterAll(() => harness.close());

  it('filters locations from the unfiltered list, so an LspId filter hides nothing', async () => {
    const az = await harness.query(LocationsDocument, { lspId: 575 });
    const sandboxes = await harness.query(LocationsDocument, { sandbox: true });

    expect(az.data!.locations.map((location) => location.state)).toEqual(Array(9).fill('AZ'));
    expect(az.data!.locations[0]).toMatchObject({ locId: AZ, name: 'Sandbox', isSandbox: true });
    expect(sandboxes.data!.locations.map((location) => location.locId).sort()).toEqual([
      1989, 2862, 2869,
    ]);
    const listCalls = harness.sandbox.requests
      .all()
      .filter((request) => request.endpoint === 'posv3/maintenance/GetLspLocationsBackend');
    expect(listCalls.map((request) => request.body)).toEqual([{}]);
  });

  it('answers a package with exact decimals and a received time with its offset', async () => {
    const response = await harness.query(PackageByLabelDocument, {
      locId: AZ,
      packageId: blueDream.packageId,
    });

    expect(response.errors).toBeUndefined();
    expect(response.data!.package).toMatchObject({
      packageId: blueDream.packageId,
      inventoryId: blueDream.inventoryId,
      quantity: '448.5',
      unitCost: '4.25',
      unit: 'g',
      receivedAt: '2026-11-04T10:32:00-07:00',
      room: { roomId: AZ_SANDBOX_ROOMS.vault, name: 'Vault', isInventoryRoom: true },
      vendor: AZ_VENDORS.swallowtail,
      location: { locId: AZ, name: 'Sandbox' },
      product: { productId: blueDream.productId, brand: 'Swallowtail Cultivation' },
    });
  });

  it('round-trips every type through node(id)', async () => {
    const pkg = await harness.query(PackageByLabelDocument, {
      locId: AZ,
      packageId: blueDream.packageId,
    });
    const product = await harness.query(ProductBySkuDocument, {
      lspId: 575,
      sku: KNOWN_PRODUCTS.stiiizyOgKush.sku,
    });
    const locations = await harness.query(LocationsDocument, { sandbox: true });
    const ids = [pkg.data!.package!.id, product.data!.product!.id, locations.data!.locations[0].id];

    const found = await Promise.all(ids.map((id) => harness.query(NodeLookupDocument, { id })));

    expect(found.map((response) => response.data!.node)).toEqual([
      expect.objectContaining({ id: ids[0], __typename: 'Package', quantity: '448.5' }),
      expect.objectContaining({
        id: ids[1],
        __typename: 'Product',
        name: KNOWN_PRODUCTS.stiiizyOgKush.name,
      }),
      expect.objectContaining({ id: ids[2], __typename: 'Location', locId: AZ }),
    ]);
    const bad = await harness.query(NodeLookupDocument, {
      id: Buffer.from('Room:abc').toString('base64'),
    });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('looks a product up by SKU, and refuses an ambiguous SKU or both keys', async () => {
    const unique = await harness.query(ProductBySkuDocument, {
      lspId: 575,
      sku: KNOWN_PRODUCTS.wyldRaspberry.sku,
    });
    const ambiguous = await harness.query(ProductBySkuDocument, {
      lspId: AMBIGUOUS_SKU.lspId,
      sku: AMBIGUOUS_SKU.sku,
    });
    const both = await harness.query(ProductBySkuDocument, {
      lspId: 575,
      sku: 'X',
      productId: 1,
    });

    expect(unique.data!.product).toMatchObject({
      productId: KNOWN_PRODUCTS.wyldRaspberry.productId,
      category: 'Gummies',
      masterCategory: 'Edibles',
      unit: 'ea',
      netWeight: null,
    });
    expect(ambiguous.data!.product).toBeNull();
    expect(ambiguous.errors![0].extensions).toMatchObject({
      code: 'AMBIGUOUS_SKU',
      productIds: [...AMBIGUOUS_SKU.productIds],
    });
    expect(both.errors![0]).toMatchObject({
      message: 'product needs exactly one of productId and sku',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('filters inventory by search (name, SKU or brand), SKU, room and zero quantity', async () => {
    const page = (variables: Record<string, unknown>) =>
      harness
        .query(InventoryPageDocument, { locId: AZ, first: 1000, ...variables })
        .then((response) => response.data!.location!.inventory!);

    const all = await page({});
    const withZero = await page({ includeZeroQuantity: true });
    const byBrand = await page({ search: 'swallowtail' });
    const bySku = await page({ sku: KNOWN_PRODUCTS.swallowtailBlueDream.sku });
    const zero = withZero.edges.find((edge) => edge.node.packageId === zeroQuantity.packageId);

    expect(all.edges.some((edge) => edge.node.packageId === zeroQuantity.packageId)).toBe(false);
    expect(zero?.node.quantity).toBe('0');
    expect(withZero.totalCount).toBe(harness.sandbox.packagesAt(AZ).length);
    expect(byBrand.totalCount).toBeGreaterThan(0);
    expect(byBrand.totalCount).toBeLessThan(all.totalCount);
    expect(bySku.edges.map((edge) => edge.node.packageId)).toContain(blueDream.packageId);

    const rooms = await harness.query(RoomPackagesDocument, { locId: AZ, first: 1000 });
    const perRoom = rooms.data!.location!.rooms!;
    for (const room of perRoom) {
      expect(room.packages!.edges.every((edge) => edge.node.room!.roomId === room.roomId)).toBe(
        true,
      );
    }
    const total = perRoom.reduce((sum, room) => sum + room.packages!.totalCount, 0);
    expect(total).toBe(all.totalCount);
  });

  it("pages an LSP's products, with vendors of the location they were reached through", async () => {
    const response = await harness.query(LocationProductsDocument, {
      locId: AZ,
      sku: AMBIGUOUS_SKU.sku,
      first: 10,
    });
    const products = response.data!.location!.products!;

    const searched = await harness.query(LocationProductsDocument, {
      locId: AZ,
      search: 'WYLD-ED-MB',
    });

    expect(products.totalCount).toBe(2);
    expect(searched.data!.location!.products!.totalCount).toBeGreaterThanOrEqual(2);
    expect(products.edges.map((edge) => edge.node.productId).sort()).toEqual([
      ...AMBIGUOUS_SKU.productIds,
    ]);
    expect(products.edges[0].node.vendor).toEqual({
      vendorId: AZ_VENDORS.wyld.vendorId,
      name: 'Wyld',
    });
  });

  it('resolves _entities through the batched loaders, null for a key that does not exist', async () => {
    const recorder = new BatchRecorder();
    const response = await harness.query(
      EntitiesDocument,
      {
        representations: [
          { __typename: 'Vendor', locId: AZ, vendorId: AZ_VENDORS.wyld.vendorId },
          { __typename: 'Vendor', locId: AZ, vendorId: 9999 },
          { __typename: 'Room', locId: AZ, roomId: AZ_SANDBOX_ROOMS.quarantine },
          { __typename: 'Location', locId: AZ },
          { __typename: 'Package', locId: AZ, packageId: blueDream.packageId },
        ],
      },
      { onBatch: recorder.observer },
    );

    expect(response.data!._entities).toEqual([
      { __typename: 'Vendor', locId: AZ, ...AZ_VENDORS.wyld },
      null,
      { __typename: 'Room', locId: AZ, roomId: AZ_SANDBOX_ROOMS.quarantine, name: 'Quarantine' },
      { __typename: 'Location', locId: AZ, name: 'Sandbox' },
      { __typename: 'Package', locId: AZ, packageId: blueDream.packageId, quantity: '448.5' },
    ]);
    expect(recorder.of('vendor')).toEqual([
      [
        { scope: AZ, id: AZ_VENDORS.wyld.vendorId },
        { scope: AZ, id: 9999 },
      ],
    ]);
  });

  it('reports the upstream budget without spending any of it', async () => {
    const before = harness.sandbox.requests.count();
    const response = await harness.query(UpstreamBudgetDocument);

    expect(response.data!.upstreamBudget).toEqual({
      limitPerMinute: 55,
      usedLastMinute: expect.any(Number),
      queued: 0,
    });
    expect(harness.sandbox.requests.count()).toBe(before);
    expect(response.extensions!.cost).toEqual({ upstreamCalls: 0, cacheHits: 0 });
  });
});
