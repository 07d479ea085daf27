import { afterEach, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../src/dutchie';
import {
  AMBIGUOUS_SKU,
  AZ_SANDBOX_ROOMS,
  KNOWN_PACKAGES_1989,
  KNOWN_PRODUCTS,
  SEED_CATALOG_SIZES,
  SEED_LSP_IDS,
} from '../../src/sandbox/seed-facts';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { rawLogin, rawPost, startHarness, type Harness } from './support/harness';

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

describe('typed endpoints against the sandbox', () => {
  it('reproduces the LspId trap with a raw call and avoids it by always sending {}', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;
    const session = await rawLogin(sandbox);

    const filtered = await rawPost(sandbox, ENDPOINTS.locations, { LspId: 575 }, session);
    expect(filtered.json.Result).toBe(true);
    expect(filtered.json.Data.some((row: any) => row.LocId === SANDBOX_LOC_IDS.az)).toBe(false);
    expect(new Set(filtered.json.Data.map((row: any) => row.State))).toEqual(new Set(['IL']));

    const locations = await client.getLocations();

    expect(locations).toHaveLength(18);
    expect(
      locations
        .filter((l) => l.isSandbox)
        .map((l) => l.locId)
        .sort(),
    ).toEqual([1989, 2862, 2869]);
    const sent = sandbox.requests.all().filter((r) => r.endpoint === ENDPOINTS.locations);
    expect(sent.map((r) => r.body)).toEqual([{ LspId: 575 }, {}]);
    const az = locations.find((l) => l.locId === SANDBOX_LOC_IDS.az)!;
    expect(az).toMatchObject({
      lspId: 575,
      state: 'AZ',
      timeZone: 'America/Phoenix',
      companyType: 'Dispensary',
    });
    const oh = locations.find((l) => l.locId === SANDBOX_LOC_IDS.oh)!;
    expect(oh).toMatchObject({ lspId: 901, state: 'OH', timeZone: 'America/New_York' });
  });

  it('reproduces the empty-read trap with a raw call and avoids it with the location LspId', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;
    const session = await rawLogin(sandbox);

    // A default LspId of another LSP answers a successful, silently empty list.
    const trapped = await rawPost(
      sandbox,
      ENDPOINTS.inventory,
      { SessionId: session, LocId: 1989, LspId: 576 },
      session,
    );
    expect(trapped.json).toMatchObject({ Result: true, Data: [] });

    const az = (await client.getLocations()).find((l) => l.locId === SANDBOX_LOC_IDS.az)!;
    const rows = await client.getInventory(az);

    expect(rows.length).toBeGreaterThan(100);
    const sent = sandbox.requests
      .all()
      .filter((r) => r.endpoint === ENDPOINTS.inventory)
      .at(-1)!.body as any;
    expect(sent).toMatchObject({ LocId: 1989, LspId: 575, UserId: 60672 });
  });

  it('parses inventory: exact decimals, "" as null, dates in the AZ zone with -07:00', async () => {
    harness = await startHarness();
    const { client } = harness;
    const az = (await client.getLocations()).find((l) => l.locId === SANDBOX_LOC_IDS.az)!;

    const rows = await client.getInventory(az);
    const byLabel = new Map(rows.map((row) => [row.packageId, row]));
    const blueDream = byLabel.get(KNOWN_PACKAGES_1989.blueDream.packageId)!;
    const stringQuantity = byLabel.get(KNOWN_PACKAGES_1989.stringQuantity.packageId)!;
    const withGaps = byLabel.get(KNOWN_PACKAGES_1989.withGaps.packageId)!;

    expect(blueDream.quantity.toFixed()).toBe('448.5');
    expect(blueDream.unitCost!.toFixed()).toBe('4.25');
    expect(blueDream.receivedAt).toBe('2026-11-04T10:32:00-07:00');
    expect(blueDream).toMatchObject({
      locId: 1989,
      roomId: AZ_SANDBOX_ROOMS.vault,
      batchName: 'SWC-BD-261104',
    });
    expect(stringQuantity.quantity.toFixed()).toBe('120');
    expect(withGaps.batchName).toBeNull();
    expect(withGaps.unitCost).toBeNull();
    expect(withGaps.quantity.toFixed()).toBe('27.75');
    expect(byLabel.has(KNOWN_PACKAGES_1989.zeroQuantity.packageId)).toBe(false);
  });

  it('asks for zero-quantity rows only when told to', async () => {
    harness = await startHarness();
    const { client } = harness;
    const scope = { locId: 1989, lspId: 575, timeZone: 'America/Phoenix' };

    const rows = await client.getInventory(scope, { includeZeroQuantity: true });
    const zero = rows.find((row) => row.packageId === KNOWN_PACKAGES_1989.zeroQuantity.packageId);

    expect(zero?.quantity.isZero()).toBe(true);
  });

  it('reads room flags "yes"/"no" as booleans', async () => {
    harness = await startHarness();

    const rooms = await harness.client.getRooms(SANDBOX_LOC_IDS.az);
    const salesFloor = rooms.find((room) => room.roomId === AZ_SANDBOX_ROOMS.salesFloor)!;
    const vault = rooms.find((room) => room.roomId === AZ_SANDBOX_ROOMS.vault)!;

    expect(salesFloor).toMatchObject({ isInventoryRoom: false, isPosRoom: true, locId: 1989 });
    expect(vault).toMatchObject({ isInventoryRoom: true });
  });

  it('lists no rooms at the IL sandbox and the vendors of 1989 with their license codes', async () => {
    harness = await startHarness();
    const { client } = harness;

    expect(await client.getRooms(SANDBOX_LOC_IDS.il)).toEqual([]);

    const vendors = await client.getVendors(SANDBOX_LOC_IDS.az);
    expect(vendors.find((v) => v.vendorId === 4101)).toEqual({
      vendorId: 4101,
      locId: 1989,
      name: 'Swallowtail Cultivation',
      code: '00000117ESVO00793283',
    });
  });

  it('indexes the AZ catalog by id and by a SKU two products share', async () => {
    harness = await startHarness();

    const catalog = await harness.client.getCatalog(SEED_LSP_IDS.az);

    expect(catalog.products).toHaveLength(SEED_CATALOG_SIZES[575]);
    expect(catalog.lspId).toBe(575);
    const blueDream = catalog.byId.get(KNOWN_PRODUCTS.swallowtailBlueDream.productId)!;
    expect(blueDream.netWeight!.toFixed()).toBe('3.5');
    expect(blueDream).toMatchObject({
      sku: 'SWC-FL-BD-035',
      unitId: 3,
      vendorId: 4101,
      brand: 'Swallowtail Cultivation',
    });
    expect(
      catalog.bySku
        .get(AMBIGUOUS_SKU.sku)!
        .map((p) => p.productId)
        .sort(),
    ).toEqual([...AMBIGUOUS_SKU.productIds]);
    expect(catalog.byId.get(KNOWN_PRODUCTS.wyldRaspberry.productId)!.netWeight).toBeNull();
  });

  it('reads one product, and null for an unknown product or one of another LSP', async () => {
    harness = await startHarness();
    const { client } = harness;

    const product = await client.getProductDetails(575, KNOWN_PRODUCTS.stiiizyOgKush.productId);

    expect(product).toMatchObject({
      productId: 310008,
      lspId: 575,
      name: 'Stiiizy - OG Kush Pod 0.5g',
      unitId: 1,
    });
    expect(product!.netWeight!.toFixed()).toBe('0.5');
    expect(await client.getProductDetails(575, 999_999_999)).toBeNull();
    expect(
      await client.getProductDetails(575, KNOWN_PRODUCTS.ilPrairieBlueDream.productId),
    ).toBeNull();
  });
});
