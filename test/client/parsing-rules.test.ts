import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/dutchie/parse/catalog';
import { parseInventory } from '../../src/dutchie/parse/inventory';
import { parseLocations } from '../../src/dutchie/parse/locations';
import { parseReceiveResult } from '../../src/dutchie/parse/receive-result';
import { parseRooms } from '../../src/dutchie/parse/rooms';
import { SchemaMismatch } from '../../src/dutchie/parse/schema-mismatch';
import { stringifyWithExactDecimals } from '../../src/dutchie/receive-body';
import { toZonedIso } from '../../src/dutchie/time-zones';
import { Decimal } from '../../src/util/decimal';

const AZ = { locId: 1989, lspId: 575, timeZone: 'America/Phoenix' };

function inventoryRow(overrides: Record<string, unknown> = {}) {
  return {
    InventoryId: '9001',
    PackageId: '1A4FF0100000022000000123',
    ProductId: 44,
    Sku: 'SWT-FLW-35',
    ProductName: 'Swallowtail Flower 3.5 g',
    Quantity: 3.5,
    UnitId: '',
    UnitAbbreviation: 'g',
    RoomId: '24773',
    RoomName: 'Vault',
    VendorId: 12,
    VendorName: 'Swallowtail Cultivation',
    BatchName: '',
    UnitCost: '0.1',
    ReceivedDate: '2026-12-03T09:15:00',
    ReceiveInventoryHistoryId: null,
    ...overrides,
  };
}

describe('parsing at the client boundary', () => {
  it('reads "yes"/"no" room flags as booleans', () => {
    const rooms = parseRooms(
      [
        { RoomId: 24773, RoomName: 'Vault', PosRoom: 'no', InventoryRoom: 'yes' },
        { RoomId: '24774', RoomName: 'Sales Floor', PosRoom: 'yes', InventoryRoom: 'no' },
      ],
      1989,
    );

    expect(rooms).toEqual([
      { roomId: 24773, locId: 1989, name: 'Vault', isInventoryRoom: true, isPosRoom: false },
      { roomId: 24774, locId: 1989, name: 'Sales Floor', isInventoryRoom: false, isPosRoom: true },
    ]);
  });

  it('refuses a flag that is neither yes nor no instead of guessing', () => {
    expect(() =>
      parseRooms([{ RoomId: 1, RoomName: 'X', PosRoom: 'maybe', InventoryRoom: 'yes' }], 1),
    ).toThrow(/\[0\]\.PosRoom: expected "yes" or "no", got 'maybe'/);
  });

  it('reads "" as null, never 0, and keeps decimals exact', () => {
    const [row] = parseInventory([inventoryRow()], AZ);

    expect(row.unitId).toBeNull();
    expect(row.batchName).toBeNull();
    expect(row.receiveHistoryId).toBeNull();
    expect(row.inventoryId).toBe(9001);
    expect(row.roomId).toBe(24773);
    expect(row.quantity.toFixed()).toBe('3.5');
    expect(row.unitCost!.plus(new Decimal('0.2')).eq(new Decimal('0.3'))).toBe(true);
  });

  it('reads a quantity sent as a numeric string exactly', () => {
    const [row] = parseInventory([inventoryRow({ Quantity: '0.30000000000000004' })], AZ);

    expect(row.quantity.toFixed()).toBe('0.30000000000000004');
  });

  it('reads offset-less dates in the location zone and returns them with the offset', () => {
    const [winter] = parseInventory([inventoryRow()], AZ);
    const [summer] = parseInventory([inventoryRow({ ReceivedDate: '2026-07-03T09:15:00' })], AZ);
    const [chicago] = parseInventory([inventoryRow({ ReceivedDate: '2026-07-03T09:15:00' })], {
      ...AZ,
      timeZone: 'America/Chicago',
    });

    expect(winter.receivedAt).toBe('2026-12-03T09:15:00-07:00');
    // Arizona keeps standard time all year.
    expect(summer.receivedAt).toBe('2026-07-03T09:15:00-07:00');
    expect(chicago.receivedAt).toBe('2026-07-03T09:15:00-05:00');
  });

  it('keeps a null date null rather than 1970', () => {
    const [row] = parseInventory([inventoryRow({ ReceivedDate: null })], AZ);

    expect(row.receivedAt).toBeNull();
  });

  it('picks the earlier reading of the repeated autumn hour and moves a spring-gap time forward', () => {
    expect(toZonedIso('2026-11-01T01:30:00', 'America/Chicago')).toBe('2026-11-01T01:30:00-05:00');
    expect(toZonedIso('2026-03-08T02:30:00', 'America/Chicago')).toBe('2026-03-08T02:30:00-06:00');
    expect(toZonedIso('2026-12-03T16:15:00Z', 'America/Phoenix')).toBe('2026-12-03T09:15:00-07:00');
    expect(toZonedIso('2026-02-30T00:00:00', 'America/Phoenix')).toBeUndefined();
  });

  it('gives locations their zone from the state and marks the sandboxes', () => {
    const unknown: string[] = [];
    const locations = parseLocations(
      [
        {
          LocId: 1989,
          LocationName: 'Sandbox',
          LspId: 575,
          LspName: 'AZ',
          State: 'AZ',
          CompanyType: 'Dispensary',
          LicenseNumber: '00000001ESTC',
          IsActive: true,
        },
        {
          LocId: 77,
          LocationName: 'Detroit',
          LspId: '576',
          LspName: null,
          State: 'mi',
          CompanyType: '',
          LicenseNumber: null,
          IsActive: 'yes',
        },
        {
          LocId: 78,
          LocationName: 'Reno',
          LspId: 820,
          LspName: 'NV',
          State: 'NV',
          CompanyType: 'Dispensary',
          LicenseNumber: 'x',
          IsActive: false,
        },
        {
          LocId: 79,
          LocationName: 'Sacramento',
          LspId: 999,
          LspName: 'CA',
          State: 'CA',
          CompanyType: 'Dispensary',
          LicenseNumber: 'y',
          IsActive: true,
        },
      ],
      {
        timeZoneOverrides: { NV: 'America/Boise' },
        onUnknownState: (state) => unknown.push(state),
      },
    );

    expect(locations.map((l) => [l.locId, l.state, l.timeZone, l.isSandbox, l.isActive])).toEqual([
      [1989, 'AZ', 'America/Phoenix', true, true],
      [77, 'MI', 'America/Detroit', false, true],
      [78, 'NV', 'America/Boise', false, false],
      [79, 'CA', 'UTC', false, true],
    ]);
    expect(locations[1]).toMatchObject({ lspId: 576, companyType: null, lspName: null });
    expect(unknown).toEqual(['CA']);
  });

  it('indexes a catalog by id and by SKU, keeping every product of a repeated SKU', () => {
    const catalog = parseCatalog(
      [
        { ProductId: 1, Sku: 'A', Name: 'One', NetWeight: 3.5, UnitId: 2, VendorId: '' },
        { ProductId: '2', Sku: 'A', Name: 'Two', NetWeight: '3.5', UnitId: 1 },
        { ProductId: 3, Sku: '', Name: 'Three', NetWeight: null },
      ],
      575,
    );

    expect(catalog.products.map((p) => p.productId)).toEqual([1, 2, 3]);
    expect(catalog.byId.get(2)?.name).toBe('Two');
    expect(catalog.bySku.get('A')?.map((p) => p.productId)).toEqual([1, 2]);
    expect(catalog.products[2].sku).toBeNull();
    expect(catalog.products[0]).toMatchObject({
      lspId: 575,
      vendorId: null,
      unitId: 2,
      category: null,
    });
    expect(catalog.products[0].netWeight!.toFixed()).toBe('3.5');
    expect(catalog.products[2].netWeight).toBeNull();
  });

  it('refuses a catalog row it cannot read and says where', () => {
    const attempt = () =>
      parseCatalog(
        [
          { ProductId: 1, Name: 'ok' },
          { ProductId: 'x', Name: 5 },
        ],
        575,
      );

    expect(attempt).toThrow(SchemaMismatch);
    expect(attempt).toThrow(
      "[1].ProductId: expected an integer, got 'x'; [1].Name: expected text, got 5",
    );
  });

  it('takes a receive id only when it is an integer', () => {
    expect(parseReceiveResult(51234)).toEqual({ receiveHistoryId: 51234 });
    expect(parseReceiveResult('51234')).toEqual({ receiveHistoryId: 51234 });
    expect(() => parseReceiveResult(null)).toThrow(SchemaMismatch);
    expect(() => parseReceiveResult(true)).toThrow(SchemaMismatch);
    expect(() => parseReceiveResult(0)).toThrow(SchemaMismatch);
  });

  it('writes decimals as exact JSON numbers: 3.5 stays 3.5', () => {
    const body = stringifyWithExactDecimals({
      quantity: new Decimal('3.5'),
      lines: [new Decimal('0.1'), new Decimal('0.2'), null],
      wide: new Decimal('1234567890.123456789'),
      note: 'user text "\u0000decimal:1"',
    });

    expect(body).toBe(
      '{"quantity":3.5,"lines":[0.1,0.2,null],"wide":1234567890.123456789,"note":"user text \\"\\u0000decimal:1\\""}',
    );
    expect(JSON.parse(body).quantity).toBe(3.5);
  });

  it('refuses to send a decimal that is not finite', () => {
    expect(() => stringifyWithExactDecimals({ cost: new Decimal(NaN) })).toThrow(
      /cost is not a finite decimal/,
    );
  });
});
