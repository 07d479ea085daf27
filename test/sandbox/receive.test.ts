import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AZ_SANDBOX_NON_INVENTORY_ROOM_ID,
  AZ_SANDBOX_ROOMS,
  AZ_VENDORS,
  FOREIGN_IDS,
  IL_VENDORS,
  KNOWN_PRODUCTS,
  SANDBOX_LOC_IDS,
  startSandbox,
} from '../../src/sandbox';
import { call, login, post } from './support/http';
import { receiveBody, receiveLine } from './support/receive-body';

const RECEIVE = 'v2/inventory/receive';
const SAVE = 'v2/inventory/save-receive';

describe('v2/inventory/receive', async () => {
  const sandbox = await startSandbox();
  let session = '';
  beforeEach(async () => {
    sandbox.reset();
    session = await login(sandbox);
  });
  afterAll(() => sandbox.close());

  const receive = (overrides: Record<string, unknown>) =>
    call(sandbox, session, RECEIVE, receiveBody(session, overrides));
  const received = () => sandbox.packagesAt(1989).filter((pkg) => pkg.receiveHistoryId !== null);

  it('answers the new ReceiveInventoryHistoryId and creates one package per line', async () => {
    const reply = await receive({
      products: [
        receiveLine({ packageId: 'R-1', quantity: 3.5 }),
        receiveLine({ packageId: 'R-2', quantity: '0.1' }),
        receiveLine({
          packageId: 'R-3',
          productId: KNOWN_PRODUCTS.wyldMarionberry.productId,
          vendorId: AZ_VENDORS.wyld.vendorId,
          roomId: AZ_SANDBOX_ROOMS.backStock,
          quantity: '24',
          unitId: 1,
        }),
      ],
    });

    expect(reply.status).toBe(200);
    expect(reply.json.Result).toBe(true);
    expect(Number.isInteger(reply.json.Data)).toBe(true);
    expect(
      received().map((pkg) => [pkg.packageId, pkg.quantity, pkg.roomId, pkg.vendorId]),
    ).toEqual([
      ['R-1', '3.5', AZ_SANDBOX_ROOMS.vault, AZ_VENDORS.swallowtail.vendorId],
      ['R-2', '0.1', AZ_SANDBOX_ROOMS.vault, AZ_VENDORS.swallowtail.vendorId],
      ['R-3', '24', AZ_SANDBOX_ROOMS.backStock, AZ_VENDORS.wyld.vendorId],
    ]);
    expect(received().every((pkg) => pkg.receiveHistoryId === reply.json.Data)).toBe(true);
  });

  it('keeps decimal quantities exact, as strings or as number literals of any length', async () => {
    const lines = [
      receiveLine({ packageId: 'D-1', quantity: '1234.567890123456789' }),
      receiveLine({ packageId: 'D-2', quantity: '__LITERAL__' }),
      receiveLine({ packageId: 'D-3', quantity: 0.1 }),
    ];
    // A double cannot hold this literal; the client sends decimals as bare literals.
    const raw = JSON.stringify(receiveBody(session, { products: lines })).replace(
      '"__LITERAL__"',
      '98765.43210987654321',
    );
    const reply = await post(sandbox, RECEIVE, undefined, { session, raw });

    expect(reply.json.Result).toBe(true);
    expect(received().map((pkg) => pkg.quantity)).toEqual([
      '1234.567890123456789',
      '98765.43210987654321',
      '0.1',
    ]);
  });

  it('records the receive with its externalId and lines', async () => {
    const reply = await receive({ externalId: 'intake-42' });
    const [record] = sandbox.receives();

    expect(record).toMatchObject({
      receiveHistoryId: reply.json.Data,
      kind: 'receive',
      locId: 1989,
      vendorId: AZ_VENDORS.swallowtail.vendorId,
      externalId: 'intake-42',
      outcome: 'applied',
    });
    expect(record.lines).toEqual([
      expect.objectContaining({
        packageId: 'TEST-PKG-0001',
        quantity: '3.5',
        inventoryId: received()[0].inventoryId,
      }),
    ]);
  });

  it('receives twice when the same POST is sent twice (no duplicate check)', async () => {
    const body = receiveBody(session);
    const first = await call(sandbox, session, RECEIVE, body);
    const second = await call(sandbox, session, RECEIVE, body);

    expect(first.json.Result).toBe(true);
    expect(second.json.Result).toBe(true);
    expect(second.json.Data).not.toBe(first.json.Data);
    expect(received().map((pkg) => pkg.packageId)).toEqual(['TEST-PKG-0001', 'TEST-PKG-0001']);
  });

  it('orphans a receive at the IL sandbox 2862: an id and no packages', async () => {
    const reply = await receive({
      LocId: SANDBOX_LOC_IDS.il,
      LspId: 805,
      vendorId: IL_VENDORS.prairieState.vendorId,
      roomId: null,
      products: [
        receiveLine({
          productId: KNOWN_PRODUCTS.ilPrairieBlueDream.productId,
          vendorId: IL_VENDORS.prairieState.vendorId,
          roomId: null,
        }),
      ],
    });

    expect(reply.json.Result).toBe(true);
    expect(Number.isInteger(reply.json.Data)).toBe(true);
    expect(sandbox.packagesAt(SANDBOX_LOC_IDS.il)).toEqual([]);
    expect(sandbox.receives()[0]).toMatchObject({ locId: 2862, outcome: 'orphaned' });
  });

  it('silently skips a line whose room is not an inventory room (partial receive)', async () => {
    const reply = await receive({
      products: [
        receiveLine({ packageId: 'KEPT' }),
        receiveLine({ packageId: 'SKIPPED', roomId: AZ_SANDBOX_NON_INVENTORY_ROOM_ID }),
      ],
    });

    expect(reply.json).toMatchObject({ Result: true, Message: null });
    expect(received().map((pkg) => pkg.packageId)).toEqual(['KEPT']);
    expect(sandbox.receives()[0].outcome).toBe('partial');
  });

  it('refuses a receive without a vendor', async () => {
    for (const vendorId of [undefined, 0, '']) {
      const reply = await receive({ vendorId });
      expect(reply.json).toEqual({ Result: false, Message: 'Vendor is required.', Data: null });
    }
    expect(received()).toEqual([]);
  });

  describe('SQL Server style failures', () => {
    it('answers a non-numeric int with the nvarchar-to-int conversion message', async () => {
      const reply = await receive({ products: [receiveLine({ productId: 'x12' })] });

      expect(reply.status).toBe(200);
      expect(reply.json).toEqual({
        Result: false,
        Message: "Conversion failed when converting the nvarchar value 'x12' to data type int.",
        Data: null,
      });
    });

    it('answers a non-numeric decimal with the nvarchar-to-numeric message', async () => {
      const reply = await receive({ products: [receiveLine({ quantity: 'abc' })] });

      expect(reply.json.Message).toBe('Error converting data type nvarchar to numeric.');
      expect(reply.json.Result).toBe(false);
    });

    it('answers a bad receiveDate with the datetime conversion message', async () => {
      const reply = await receive({ receiveDate: 'tomorrow at nine' });

      expect(reply.json.Message).toBe(
        'Conversion failed when converting date and/or time from character string.',
      );
    });

    it.each([
      ['a product of another LSP', { productId: FOREIGN_IDS.productId }, 'Product', 'ProductId'],
      ['a room of another location', { roomId: FOREIGN_IDS.roomId }, 'Room', 'RoomId'],
      ['an unknown vendor on a line', { vendorId: FOREIGN_IDS.vendorId }, 'Vendor', 'VendorId'],
    ])(
      'answers %s with a FOREIGN KEY conflict naming its table',
      async (_, line, table, column) => {
        const reply = await receive({
          products: [receiveLine({ packageId: 'GOOD' }), receiveLine(line)],
        });

        expect(reply.json.Result).toBe(false);
        expect(reply.json.Message).toBe(
          `The INSERT statement conflicted with the FOREIGN KEY constraint "FK_PackageInventory_${table}". ` +
            `The conflict occurred in database "LeafLogix", table "dbo.${table}", column '${column}'. ` +
            'The statement has been terminated.',
        );
        // One transaction: the good line is not written either.
        expect(received()).toEqual([]);
      },
    );

    it('answers an unknown header vendor with a FOREIGN KEY conflict on dbo.Vendor', async () => {
      const reply = await receive({ vendorId: FOREIGN_IDS.vendorId });

      expect(reply.json.Message).toContain('table "dbo.Vendor", column \'VendorId\'');
    });

    it('answers a line without a quantity with the NOT NULL message', async () => {
      const reply = await receive({ products: [receiveLine({ quantity: null })] });

      expect(reply.json.Message).toMatch(/^Cannot insert the value NULL into column 'Quantity'/);
    });
  });

  it('fails like .NET (HTTP 500 "Object reference not set") without a products array', async () => {
    const reply = await receive({ products: undefined });

    expect(reply.status).toBe(500);
    expect(reply.text.startsWith('Object reference not set to an instance of an object.')).toBe(
      true,
    );
  });

  it('answers a camelCase locId instead of LocId with 422', async () => {
    const body: Record<string, unknown> = receiveBody(session, { locId: 1989 });
    delete body.LocId;
    const reply = await post(sandbox, RECEIVE, body, { session });

    expect(reply.status).toBe(422);
    expect(reply.json.errors).toHaveProperty('LocId');
  });

  it('accepts the session in the body alone', async () => {
    const reply = await post(sandbox, RECEIVE, receiveBody(session));

    expect(reply.json.Result).toBe(true);
  });

  it('saves a draft with save-receive: an id, no packages', async () => {
    const reply = await call(sandbox, session, SAVE, receiveBody(session, { status: 'Draft' }));

    expect(reply.json.Result).toBe(true);
    expect(Number.isInteger(reply.json.Data)).toBe(true);
    expect(received()).toEqual([]);
    expect(sandbox.receives()[0]).toMatchObject({ kind: 'draft', outcome: 'draft' });
  });
});
