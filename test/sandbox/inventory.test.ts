import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/clock';
import {
  AZ_SANDBOX_PACKAGE_COUNT,
  KNOWN_PACKAGES_1989,
  KNOWN_PRODUCTS,
  startSandbox,
} from '../../src/sandbox';
import { call, login, post } from './support/http';
import { receiveBody, receiveLine } from './support/receive-body';

const INVENTORY = 'v2/inventory/get-inventory';
const OFFSET_LESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

describe('v2/inventory/get-inventory', async () => {
  const clock = new FakeClock();
  const sandbox = await startSandbox({ clock, readLagMs: 2000 });
  let session = '';
  beforeEach(async () => {
    sandbox.reset();
    session = await login(sandbox);
  });
  afterAll(() => sandbox.close());

  const read = async (body: Record<string, unknown>) =>
    (await call(sandbox, session, INVENTORY, { SessionId: session, UserId: 60672, ...body })).json;

  it('answers the 1989 packages with the modelled row fields and no zero-quantity rows', async () => {
    const reply = await read({ LocId: 1989, LspId: 575 });
    const stored = sandbox.packagesAt(1989);
    const nonZero = stored.filter((pkg) => Number(pkg.quantity) !== 0);

    expect(reply.Result).toBe(true);
    expect(reply.Message).toBe('Inventory Gotten.');
    expect(stored).toHaveLength(AZ_SANDBOX_PACKAGE_COUNT);
    expect(nonZero.length).toBeLessThan(stored.length);
    expect(reply.Data).toHaveLength(nonZero.length);
    expect(reply.Data[0]).toEqual({
      InventoryId: KNOWN_PACKAGES_1989.blueDream.inventoryId,
      PackageId: KNOWN_PACKAGES_1989.blueDream.packageId,
      ProductId: KNOWN_PRODUCTS.swallowtailBlueDream.productId,
      Sku: 'SWC-FL-BD-035',
      ProductName: 'Swallowtail Cultivation - Blue Dream 3.5g',
      Quantity: 448.5,
      UnitId: 3,
      UnitAbbreviation: 'g',
      RoomId: KNOWN_PACKAGES_1989.blueDream.roomId,
      RoomName: 'Vault',
      VendorId: KNOWN_PACKAGES_1989.blueDream.vendorId,
      VendorName: 'Swallowtail Cultivation',
      BatchName: 'SWC-BD-261104',
      UnitCost: 4.25,
      ReceivedDate: '2026-11-04T10:32:00',
      ReceiveInventoryHistoryId: null,
    });
  });

  it('includes zero-quantity rows only with IncludeZeroQuantity true', async () => {
    const without = await read({ LocId: 1989, LspId: 575 });
    const withZero = await read({ LocId: 1989, LspId: 575, IncludeZeroQuantity: true });
    const zeroLabel = KNOWN_PACKAGES_1989.zeroQuantity.packageId;

    expect(without.Data.map((row: any) => row.PackageId)).not.toContain(zeroLabel);
    expect(withZero.Data).toHaveLength(AZ_SANDBOX_PACKAGE_COUNT);
    expect(withZero.Data.find((row: any) => row.PackageId === zeroLabel).Quantity).toBe(0);
  });

  it('is silently empty when the LspId does not own the location (the empty-read trap)', async () => {
    const il = await read({ LocId: 2862, LspId: 575 });
    const azWithMi = await read({ LocId: 1989, LspId: 576 });
    const noLsp = await read({ LocId: 1989 });

    for (const reply of [il, azWithMi, noLsp]) {
      expect(reply).toEqual({ Result: true, Message: 'Inventory Gotten.', Data: [] });
    }
  });

  it('takes LocId and LspId as numeric strings', async () => {
    const reply = await read({ LocId: '1989', LspId: '575' });

    expect(reply.Data.length).toBeGreaterThan(100);
  });

  it('writes ReceivedDate as local time without an offset', async () => {
    const reply = await read({ LocId: 2004, LspId: 575, IncludeZeroQuantity: true });

    expect(reply.Data.length).toBeGreaterThan(300);
    expect(reply.Data.every((row: any) => OFFSET_LESS.test(row.ReceivedDate))).toBe(true);
  });

  it('carries the realistic gaps: string quantities, blank batch names, missing costs', async () => {
    const rows = (await read({ LocId: 1989, LspId: 575 })).Data;
    const byLabel = (label: string) => rows.find((row: any) => row.PackageId === label);

    expect(byLabel(KNOWN_PACKAGES_1989.stringQuantity.packageId).Quantity).toBe('120');
    expect(byLabel(KNOWN_PACKAGES_1989.withGaps.packageId)).toMatchObject({
      BatchName: '',
      UnitCost: null,
      Quantity: 27.75,
      ReceivedDate: '2026-11-30T14:05:00',
    });

    const store = (await read({ LocId: 2004, LspId: 575 })).Data;
    expect(store.some((row: any) => typeof row.Quantity === 'string')).toBe(true);
    expect(store.some((row: any) => row.BatchName === '')).toBe(true);
    expect(store.some((row: any) => row.UnitCost === null)).toBe(true);
  });

  it('shows a received package only once the read lag has passed on the clock', async () => {
    const body = receiveBody(session, { products: [receiveLine({ packageId: 'LAG-0001' })] });
    const receipt = await call(sandbox, session, 'v2/inventory/receive', body);
    expect(receipt.json.Result).toBe(true);

    const labels = async () =>
      (await read({ LocId: 1989, LspId: 575 })).Data.map((row: any) => row.PackageId);
    expect(await labels()).not.toContain('LAG-0001');

    await clock.advance(1999);
    expect(await labels()).not.toContain('LAG-0001');

    await clock.advance(1);
    const rows = (await read({ LocId: 1989, LspId: 575 })).Data;
    expect(rows.find((row: any) => row.PackageId === 'LAG-0001')).toMatchObject({
      Quantity: 3.5,
      ReceiveInventoryHistoryId: receipt.json.Data,
      ReceivedDate: '2026-12-03T09:15:00',
      BatchName: 'LOT-A',
      UnitCost: 4.1,
    });
  });

  it('answers a misspelt LocID with 422', async () => {
    const reply = await post(sandbox, INVENTORY, { LocID: 1989, LspId: 575 }, { session });

    expect(reply.status).toBe(422);
  });

  it('holds hundreds to a few thousand packages at each store', () => {
    for (const locId of [1993, 2004, 2101, 2855, 2630, 2410]) {
      const count = sandbox.packagesAt(locId).length;
      expect(count).toBeGreaterThanOrEqual(400);
      expect(count).toBeLessThanOrEqual(2500);
    }
    expect(sandbox.packagesAt(2862)).toEqual([]);
    expect(sandbox.packagesAt(2869).length).toBeGreaterThan(0);
  });
});
