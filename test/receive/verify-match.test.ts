import { describe, expect, it } from 'vitest';
import type { ReceiveRequest } from '../../src/dutchie/backoffice-api';
import type { InventoryRow } from '../../src/dutchie/models';
import { matchPackages, sameQuantity } from '../../src/receive/verify-match';
import { Decimal } from '../../src/util/decimal';

const line = (packageId: string, quantity: string): ReceiveRequest['products'][number] => ({
  productId: 310001,
  roomId: 24771,
  vendorId: 4101,
  quantity: new Decimal(quantity),
  unitId: 3,
  packageId,
  lot: null,
  cost: new Decimal('1'),
  totalPackageCost: new Decimal(quantity),
  expirationDate: null,
  productGrams: null,
});

const row = (
  packageId: string,
  quantity: InstanceType<typeof Decimal>,
  roomId = 24771,
): InventoryRow => ({
  inventoryId: 1,
  locId: 1989,
  packageId,
  productId: 310001,
  sku: null,
  productName: null,
  quantity,
  unitId: 3,
  unitAbbreviation: 'g',
  roomId,
  roomName: null,
  vendorId: 4101,
  vendorName: null,
  batchName: null,
  unitCost: null,
  receivedAt: null,
  receiveHistoryId: 9,
});

const body = (lines: ReceiveRequest['products']) => ({ products: lines }) as ReceiveRequest;

describe('verification matching', () => {
  it('accepts 0.1 + 0.2 as 0.3 and still reports 3.4 against 3.5', () => {
    const sum = new Decimal('0.1').plus('0.2');

    expect(sameQuantity(new Decimal('0.3'), sum)).toBe(true);
    expect(0.1 + 0.2 === 0.3).toBe(false);

    const match = matchPackages(body([line('A', '0.3'), line('B', '3.5')]), [
      row('A', sum),
      row('B', new Decimal('3.4')),
    ]);

    expect(match.verified).toEqual(['A']);
    expect(match.mismatched).toEqual([
      {
        path: 'lines.1.quantity',
        packageId: 'B',
        field: 'quantity',
        expected: '3.5',
        actual: '3.4',
      },
    ]);
    expect(match.complete).toBe(false);
  });

  it('reports a package in the wrong room and a missing package by line', () => {
    const match = matchPackages(body([line('A', '1'), line('B', '2')]), [
      row('A', new Decimal(1), 24772),
    ]);

    expect(match.mismatched).toEqual([
      { path: 'lines.0.roomId', packageId: 'A', field: 'room', expected: '24771', actual: '24772' },
    ]);
    expect(match.missing).toEqual([{ path: 'lines.1', packageId: 'B' }]);
    expect(match.anyPresent).toBe(true);
  });
});
