import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AMBIGUOUS_SKU,
  AZ_SANDBOX_NON_INVENTORY_ROOM_ID,
  AZ_SANDBOX_ROOMS,
  AZ_VENDORS,
  KNOWN_PRODUCTS,
  OH_SANDBOX_ROOMS,
  REPEATED_VENDOR_NAME,
  SEED_CATALOG_SIZES,
  SandboxError,
  startSandbox,
} from '../../src/sandbox';
import { call, login, post } from './support/http';

const VENDORS = 'vendor/get-vendors';
const ROOMS = 'v2/room/get-rooms';
const LITE = 'product-master/get-products-lite';
const DETAILS = 'product-master/get-product-details-v2';

describe('vendors, rooms and products', async () => {
  const sandbox = await startSandbox();
  let session = '';
  beforeAll(async () => {
    session = await login(sandbox);
  });
  beforeEach(() => sandbox.requests.clear());
  afterAll(() => sandbox.close());

  describe('vendor/get-vendors', () => {
    it('lists the 1989 vendors with their license numbers as VendorCode', async () => {
      const reply = await call(sandbox, session, VENDORS, { LocId: 1989 });
      const rows = reply.json.Data;

      expect(reply.json.Result).toBe(true);
      for (const vendor of [AZ_VENDORS.swallowtail, AZ_VENDORS.wyld, AZ_VENDORS.stiiizy]) {
        expect(rows).toContainEqual({
          VendorId: vendor.vendorId,
          VendorName: vendor.name,
          VendorCode: vendor.code,
        });
      }
      expect(rows.filter((row: any) => row.VendorName === REPEATED_VENDOR_NAME)).toHaveLength(2);
      expect(new Set(rows.map((row: any) => row.VendorId)).size).toBe(rows.length);
    });

    it('accepts the LocId as a numeric string', async () => {
      const rows = (await call(sandbox, session, VENDORS, { LocId: '1989' })).json.Data;

      expect(rows.map((row: any) => row.VendorId)).toContain(AZ_VENDORS.wyld.vendorId);
    });

    it('has no v2 prefix: v2/vendor/get-vendors is a 404', async () => {
      const reply = await call(sandbox, session, 'v2/vendor/get-vendors', { LocId: 1989 });

      expect(reply.status).toBe(404);
    });

    it('answers a misspelt LocID with 422', async () => {
      const reply = await call(sandbox, session, VENDORS, { LocID: 1989 });

      expect(reply.status).toBe(422);
      expect(reply.json.errors).toEqual({ LocId: ['The LocId field is required.'] });
    });
  });

  describe('v2/room/get-rooms', () => {
    it('lists the four 1989 rooms with "yes"/"no" string flags', async () => {
      const rows = (await call(sandbox, session, ROOMS, { LocId: 1989 })).json.Data;

      expect(rows).toEqual([
        { RoomId: AZ_SANDBOX_ROOMS.vault, RoomName: 'Vault', PosRoom: 'no', InventoryRoom: 'yes' },
        {
          RoomId: AZ_SANDBOX_ROOMS.backStock,
          RoomName: 'Back Stock',
          PosRoom: 'no',
          InventoryRoom: 'yes',
        },
        {
          RoomId: AZ_SANDBOX_NON_INVENTORY_ROOM_ID,
          RoomName: 'Sales Floor',
          PosRoom: 'yes',
          InventoryRoom: 'no',
        },
        {
          RoomId: AZ_SANDBOX_ROOMS.quarantine,
          RoomName: 'Quarantine',
          PosRoom: 'no',
          InventoryRoom: 'yes',
        },
      ]);
    });

    it('lists no rooms at the IL sandbox 2862 and rooms at the OH sandbox 2869', async () => {
      const il = (await call(sandbox, session, ROOMS, { LocId: 2862 })).json;
      const oh = (await call(sandbox, session, ROOMS, { LocId: 2869 })).json;

      expect(il).toEqual({ Result: true, Message: null, Data: [] });
      expect(oh.Data.map((row: any) => row.RoomId)).toEqual(Object.values(OH_SANDBOX_ROOMS));
    });
  });

  describe('product-master/get-products-lite', () => {
    it('returns the whole AZ catalog of 17,000 products', async () => {
      const rows = (await call(sandbox, session, LITE, { LspId: 575 })).json.Data;

      expect(rows).toHaveLength(SEED_CATALOG_SIZES[575]);
      expect(rows[0]).toEqual({
        ProductId: KNOWN_PRODUCTS.swallowtailBlueDream.productId,
        Sku: 'SWC-FL-BD-035',
        Name: 'Swallowtail Cultivation - Blue Dream 3.5g',
        Category: 'Flower',
        MasterCategory: 'Flower',
        Brand: 'Swallowtail Cultivation',
        VendorId: AZ_VENDORS.swallowtail.vendorId,
        UnitId: 3,
        UnitAbbreviation: 'g',
        NetWeight: 3.5,
      });
    });

    it('scopes by LSP: no product appears in two catalogs', async () => {
      const az = (await call(sandbox, session, LITE, { LspId: 575 })).json.Data;
      const il = (await call(sandbox, session, LITE, { LspId: 805 })).json.Data;
      const azIds = new Set(az.map((row: any) => row.ProductId));

      expect(il).toHaveLength(SEED_CATALOG_SIZES[805]);
      expect(il.some((row: any) => azIds.has(row.ProductId))).toBe(false);
      expect(il.map((row: any) => row.ProductId)).toContain(
        KNOWN_PRODUCTS.ilPrairieBlueDream.productId,
      );
    });

    it('sells Swallowtail flower by the gram and Wyld and Stiiizy by the unit', async () => {
      const rows = (await call(sandbox, session, LITE, { LspId: 575 })).json.Data;
      const byBrand = (brand: string) => rows.filter((row: any) => row.Brand === brand);

      expect(byBrand('Swallowtail Cultivation').every((row: any) => row.UnitId !== 1)).toBe(true);
      expect(
        byBrand('Swallowtail Cultivation').every((row: any) => row.UnitAbbreviation === 'g'),
      ).toBe(true);
      expect(byBrand('Wyld').every((row: any) => row.UnitId === 1)).toBe(true);
      expect(byBrand('Stiiizy').every((row: any) => row.UnitId === 1)).toBe(true);
      expect(byBrand('Wyld').every((row: any) => row.Name.startsWith('Wyld - '))).toBe(true);
    });

    it('shares exactly one SKU between two AZ products: the documented ambiguous SKU', async () => {
      const rows = (await call(sandbox, session, LITE, { LspId: 575 })).json.Data;
      const bySku = new Map<string, number[]>();
      for (const row of rows) {
        if (row.Sku !== null) bySku.set(row.Sku, [...(bySku.get(row.Sku) ?? []), row.ProductId]);
      }
      const shared = [...bySku].filter(([, ids]) => ids.length > 1);

      expect(shared).toEqual([[AMBIGUOUS_SKU.sku, [...AMBIGUOUS_SKU.productIds]]]);
    });

    it('answers an unknown LSP with Result false', async () => {
      const reply = await call(sandbox, session, LITE, { LspId: 1 });

      expect(reply.json).toMatchObject({ Result: false, Message: 'No matching products found' });
    });
  });

  describe('product-master/get-product-details-v2', () => {
    it('answers one product with more fields than the lite row', async () => {
      const reply = await call(sandbox, session, DETAILS, {
        ProductId: String(KNOWN_PRODUCTS.wyldMarionberry.productId),
      });

      expect(reply.json.Result).toBe(true);
      expect(reply.json.Data).toMatchObject({
        ProductId: KNOWN_PRODUCTS.wyldMarionberry.productId,
        Sku: AMBIGUOUS_SKU.sku,
        Name: 'Wyld - Marionberry Gummies 100mg',
        VendorId: AZ_VENDORS.wyld.vendorId,
        VendorName: 'Wyld',
        LspId: 575,
        UnitId: 1,
        MasterCategory: 'Edibles',
      });
    });

    it('answers an unknown id with "No matching product found"', async () => {
      const reply = await call(sandbox, session, DETAILS, { ProductId: 123 });

      expect(reply.json).toEqual({
        Result: false,
        Message: 'No matching product found',
        Data: null,
      });
    });

    it('answers a product of another LSP than the body names as not found', async () => {
      const reply = await call(sandbox, session, DETAILS, {
        ProductId: KNOWN_PRODUCTS.ilPrairieBlueDream.productId,
        LspId: 575,
      });

      expect(reply.json.Result).toBe(false);
    });
  });

  describe('importProducts', () => {
    it('adds products with new ids, visible to get-products-lite and details at once', async () => {
      const [imported] = sandbox.importProducts(575, [
        {
          name: 'Imported Brand - Test Flower 3.5g',
          sku: 'IMP-FL-TF-035',
          unitId: 3,
          netWeight: '3.5',
        },
      ]);
      try {
        const rows = (await call(sandbox, session, LITE, { LspId: 575 })).json.Data;
        const details = (await call(sandbox, session, DETAILS, { ProductId: imported.productId }))
          .json;

        expect(rows).toHaveLength(SEED_CATALOG_SIZES[575] + 1);
        expect(rows.at(-1)).toMatchObject({
          ProductId: imported.productId,
          Sku: 'IMP-FL-TF-035',
          Name: 'Imported Brand - Test Flower 3.5g',
          UnitAbbreviation: 'g',
          NetWeight: 3.5,
        });
        expect(details.Data.Name).toBe('Imported Brand - Test Flower 3.5g');
        expect(rows.filter((row: any) => row.ProductId === imported.productId)).toHaveLength(1);
      } finally {
        sandbox.reset();
        session = await login(sandbox);
      }
    });

    it('refuses an unknown LSP and a product without a name', () => {
      expect(() => sandbox.importProducts(1, [{ name: 'X' }])).toThrow(SandboxError);
      expect(() => sandbox.importProducts(575, [{ name: '' }])).toThrow(/has no name/);
    });
  });

  it('needs a session for every read', async () => {
    const reply = await post(sandbox, VENDORS, { LocId: 1989 });

    expect(reply.status).toBe(401);
  });
});
