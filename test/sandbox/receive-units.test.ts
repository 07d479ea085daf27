import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FOREIGN_IDS, KNOWN_PRODUCTS, SEED_UNIT_IDS, startSandbox } from '../../src/sandbox';
import { call, login } from './support/http';
import { receiveBody, receiveLine } from './support/receive-body';

const RECEIVE = 'v2/inventory/receive';

describe('v2/inventory/receive and the unit table', async () => {
  const sandbox = await startSandbox();
  let session = '';
  beforeEach(async () => {
    sandbox.reset();
    session = await login(sandbox);
  });
  afterAll(() => sandbox.close());

  const receive = (lines: Record<string, unknown>[]) =>
    call(sandbox, session, RECEIVE, receiveBody(session, { products: lines.map(receiveLine) }));
  const received = () => sandbox.packagesAt(1989).filter((pkg) => pkg.receiveHistoryId !== null);

  it('answers an unknown unitId with a FOREIGN KEY conflict naming the unit table, and writes nothing', async () => {
    const reply = await receive([
      { packageId: 'UNIT-GOOD' },
      { packageId: 'UNIT-BAD', unitId: FOREIGN_IDS.unitId },
    ]);

    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      Result: false,
      Message:
        'The INSERT statement conflicted with the FOREIGN KEY constraint "FK_PackageInventory_Unit". ' +
        'The conflict occurred in database "LeafLogix", table "dbo.Unit", column \'UnitId\'. ' +
        'The statement has been terminated.',
      Data: null,
    });
    expect(received()).toEqual([]);
  });

  it('takes every seed unit, and a line without a unitId', async () => {
    const units = Object.values(SEED_UNIT_IDS);
    const reply = await receive([
      ...units.map((unitId) => ({ packageId: `UNIT-${unitId}`, unitId })),
      { packageId: 'UNIT-NONE', unitId: null },
    ]);

    expect(units).toEqual([1, 2, 3, 4]);
    expect(reply.json.Result).toBe(true);
    expect(received().map((pkg) => pkg.packageId)).toEqual([
      'UNIT-1',
      'UNIT-2',
      'UNIT-3',
      'UNIT-4',
      'UNIT-NONE',
    ]);
    expect(sandbox.receives()[0].lines.map((line) => line.unitId)).toEqual([1, 2, 3, 4, null]);
    expect(received()[0].productId).toBe(KNOWN_PRODUCTS.swallowtailBlueDream.productId);
  });
});
