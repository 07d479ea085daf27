import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AMBIGUOUS_SKU,
  AZ_SANDBOX_ROOMS,
  IL_VENDORS,
  KNOWN_PACKAGES_1989,
  KNOWN_PRODUCTS,
  OH_SANDBOX_ROOMS,
  SANDBOX_LOC_IDS,
} from '../../src/sandbox/index';
import { azReceive } from './fixtures';
import { drive, newLabel, receiveCount, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.sandbox.requests.clear();
});

const receive = (raw: unknown, actor?: string) => drive(h.clock, h.service.receive(raw, { actor }));

describe('receiveInventory: preflight refuses before any POST', () => {
  it('a validation error reads nothing upstream', async () => {
    const outcome = await receive(azReceive({ lines: [] }));

    expect(outcome).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'lines' }] });
    expect(h.sandbox.requests.count()).toBe(0);
  });

  it('refuses a location the login cannot see, and a production store by default', async () => {
    const unknown = await receive(azReceive({ locId: 9999 }));
    const store = await receive(azReceive({ locId: 1993 }));

    expect(unknown).toMatchObject({
      __typename: 'LocationNotWritableError',
      reason: 'unknown-location',
      writableLocIds: [1989, 2862, 2869],
    });
    expect(unknown.__typename === 'LocationNotWritableError' && unknown.message).toBe(
      'LocId 9999 is not among the 18 locations this login sees; receives are allowed at LocId 1989, 2862, 2869',
    );
    expect(store).toMatchObject({
      __typename: 'LocationNotWritableError',
      reason: 'not-writable',
      locationName: 'Phoenix - Camelback Rd',
    });
    expect(receiveCount(h.sandbox)).toBe(0);
  });

  it('writableLocIds replaces the default: the sandbox itself is then refused', async () => {
    const service = h.newService({ writableLocIds: [1993] });
    const outcome = await drive(h.clock, service.receive(azReceive()));

    expect(outcome).toMatchObject({
      __typename: 'LocationNotWritableError',
      locId: 1989,
      writableLocIds: [1993],
    });
  });

  it('2862 has no rooms: refused with OrphanRisk, never sent', async () => {
    const outcome = await receive(
      azReceive({
        locId: SANDBOX_LOC_IDS.il,
        vendorId: IL_VENDORS.prairieState.vendorId,
        roomId: 1,
        lines: [
          {
            productId: KNOWN_PRODUCTS.ilPrairieBlueDream.productId,
            quantity: '3.5',
            unitCost: '5',
            packageId: newLabel(),
          },
        ],
      }),
    );

    expect(outcome).toMatchObject({
      __typename: 'OrphanRiskError',
      code: 'ORPHAN_RISK',
      locId: 2862,
      problems: [{ reason: 'no-rooms', roomId: null }],
    });
    expect(outcome.__typename === 'OrphanRiskError' && outcome.message).toMatch(
      /LocId 2862 \("Sandbox"\) has no rooms/,
    );
    expect(receiveCount(h.sandbox)).toBe(0);
  });

  it('a room whose InventoryRoom is "no" is refused before any POST, header or line', async () => {
    const base = azReceive();
    const outcome = await receive({
      ...base,
      lines: [
        { ...base.lines[0], roomId: AZ_SANDBOX_ROOMS.salesFloor },
        { ...base.lines[0], packageId: newLabel(), roomId: OH_SANDBOX_ROOMS.vault },
      ],
    });

    if (outcome.__typename !== 'OrphanRiskError') throw new Error(outcome.__typename);
    expect(outcome.problems).toEqual([
      {
        roomId: 24773,
        roomName: 'Sales Floor',
        paths: ['lines.0.roomId'],
        reason: 'not-inventory-room',
      },
      { roomId: 25101, roomName: null, paths: ['lines.1.roomId'], reason: 'unknown-room' },
    ]);
    expect(outcome.message).toContain(
      "room 24773 at LocId 1989 is not an inventory room (InventoryRoom: 'no')",
    );
    expect(outcome.hint).toContain('24771 "Vault"');
    expect(receiveCount(h.sandbox)).toBe(0);
  });

  it('refuses a vendor that is not at the location', async () => {
    const outcome = await receive(azReceive({ vendorId: 9999 }));

    expect(outcome).toMatchObject({
      __typename: 'VendorNotFoundError',
      vendorId: 9999,
      locId: 1989,
    });
    expect(
      outcome.__typename === 'VendorNotFoundError' && outcome.vendorsAtLocation,
    ).toBeGreaterThan(0);
  });

  it('reports unknown products, unknown SKUs with near spellings and ambiguous SKUs with candidates, all at once', async () => {
    const label = () => newLabel();
    const outcome = await receive(
      azReceive({
        lines: [
          {
            productId: KNOWN_PRODUCTS.ilPrairieBlueDream.productId,
            quantity: 1,
            unitCost: 1,
            packageId: label(),
          },
          { sku: 'swc-fl-bd-035', quantity: 1, unitCost: 1, packageId: label() },
          { sku: AMBIGUOUS_SKU.sku, quantity: 1, unitCost: 1, packageId: label() },
          { sku: 'SWC-FL-GE-035', quantity: 1, unitCost: 1, packageId: label() },
        ],
      }),
    );

    if (outcome.__typename !== 'ProductNotFoundError') throw new Error(outcome.__typename);
    expect(outcome.lspId).toBe(575);
    expect(outcome.problems.map((p) => [p.path, p.reason])).toEqual([
      ['lines.0.productId', 'unknown-product'],
      ['lines.1.sku', 'unknown-sku'],
      ['lines.2.sku', 'ambiguous-sku'],
    ]);
    expect(outcome.problems[1].candidates[0]).toMatchObject({
      productId: 310001,
      sku: 'SWC-FL-BD-035',
    });
    expect(outcome.problems[2].candidates.map((c) => c.productId)).toEqual([
      ...AMBIGUOUS_SKU.productIds,
    ]);
    expect(outcome.hint).toMatch(/send the productId of the intended candidate/);
  });

  it('an "each" product takes whole quantities; a gram product may be fractional', async () => {
    const outcome = await receive(
      azReceive({
        lines: [
          {
            productId: KNOWN_PRODUCTS.wyldRaspberry.productId,
            quantity: '2.5',
            unitCost: 6,
            packageId: newLabel(),
          },
          {
            productId: KNOWN_PRODUCTS.swallowtailGelato.productId,
            quantity: '2.5',
            unitCost: 6,
            packageId: newLabel(),
          },
        ],
      }),
    );

    expect(outcome).toMatchObject({
      __typename: 'ValidationError',
      issues: [
        {
          path: 'lines.0.quantity',
          message: expect.stringContaining('sold by the unit (UnitId 1) (got 2.5)'),
        },
      ],
    });
  });

  it('refuses labels repeated in the request or already at the location (zero-quantity ones too)', async () => {
    const repeated = newLabel();
    const base = azReceive().lines[0];
    const outcome = await receive(
      azReceive({
        lines: [
          { ...base, packageId: repeated },
          { ...base, packageId: repeated },
          { ...base, packageId: KNOWN_PACKAGES_1989.zeroQuantity.packageId },
        ],
      }),
    );

    if (outcome.__typename !== 'DuplicatePackageError') throw new Error(outcome.__typename);
    expect(outcome.duplicates).toEqual([
      {
        packageId: repeated,
        where: 'request',
        paths: ['lines.0.packageId', 'lines.1.packageId'],
        existing: null,
      },
      {
        packageId: KNOWN_PACKAGES_1989.zeroQuantity.packageId,
        where: 'location',
        paths: ['lines.2.packageId'],
        existing: {
          inventoryId: 198900003,
          productId: KNOWN_PRODUCTS.stiiizyBlueDream.productId,
          roomId: 24771,
          quantity: '0',
        },
      },
    ]);
    expect(receiveCount(h.sandbox)).toBe(0);
  });

  it('a key refused in preflight is recorded as failed and may be reused with corrected input', async () => {
    const refused = azReceive({ roomId: AZ_SANDBOX_ROOMS.salesFloor });
    const first = await receive(refused);
    const corrected = await receive({ ...refused, roomId: AZ_SANDBOX_ROOMS.backStock });

    expect(first.__typename).toBe('OrphanRiskError');
    expect(corrected).toMatchObject({ __typename: 'ReceiveSuccess', replayed: false });
    expect(receiveCount(h.sandbox)).toBe(1);
    expect(h.service.listReceipts({ first: 1 }).records[0]).toMatchObject({
      idempotencyKey: refused.idempotencyKey,
      status: 'succeeded',
      attempts: 1,
    });
  });

  it('an access-control refusal answers NotAuthorized before anything is read', async () => {
    const service = h.newService({ authorize: ({ actor }) => actor === 'intake-key' });
    const outcome = await drive(h.clock, service.receive(azReceive(), { actor: 'dashboard-key' }));

    expect(outcome).toMatchObject({
      __typename: 'NotAuthorizedError',
      actor: 'dashboard-key',
      locId: 1989,
    });
    expect(h.sandbox.requests.count()).toBe(0);
  });
});
