import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AZ_SANDBOX_ROOMS,
  AZ_VENDORS,
  KNOWN_PACKAGES_1989,
  KNOWN_PRODUCTS,
} from '../../src/sandbox';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import {
  PackageByLabelDocument,
  ReceiveInventoryDocument,
  type ReceiveInventoryInput,
} from '../documents/generated/graphql';
import { member, newLabel, startReceiveGraph, type ReceiveGraph } from './support/receive-harness';
import { azDelivery, flowerLine } from './support/receive-inputs';

const RECEIVE = 'v2/inventory/receive';
const INVENTORY = 'v2/inventory/get-inventory';
const AZ = SANDBOX_LOC_IDS.az;

let g: ReceiveGraph;

beforeAll(async () => {
  g = await startReceiveGraph();
});

afterAll(() => g.close());

const receive = (input: ReceiveInventoryInput) => g.run(ReceiveInventoryDocument, { input });
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const receivesOf = (key: string) => g.sandbox.receives().filter((r) => r.externalId === key);

describe('receiveInventory over the sandbox', () => {
  it('receives flower by the gram, gummies and pods each: one POST, the verified packages, the calls in extensions.cost', async () => {
    const input = azDelivery({
      lines: [
        flowerLine({ quantity: '448.5' }),
        {
          sku: KNOWN_PRODUCTS.wyldRaspberry.sku,
          quantity: 24,
          unitCost: '6.5',
          packageId: newLabel(),
          roomId: AZ_SANDBOX_ROOMS.backStock,
        },
        {
          productId: KNOWN_PRODUCTS.stiiizyOgKush.productId,
          quantity: '40',
          unitCost: '18',
          packageId: newLabel(),
          roomId: AZ_SANDBOX_ROOMS.backStock,
        },
      ],
    });
    const mark = g.mark();

    const response = await receive(input);

    const success = member(response.data?.receiveInventory, 'ReceiveInventorySuccess');
    const [recorded] = receivesOf(input.idempotencyKey);
    expect(response.errors).toBeUndefined();
    expect(success.replayed).toBe(false);
    expect(success.receiveHistoryId).toBe(recorded.receiveHistoryId);
    expect(
      success.packages.map((p) => [p.packageId, p.quantity, p.unit, p.product?.name, p.room?.name]),
    ).toEqual([
      [input.lines[0].packageId, '448.5', 'g', KNOWN_PRODUCTS.swallowtailBlueDream.name, 'Vault'],
      [input.lines[1].packageId, '24', 'ea', KNOWN_PRODUCTS.wyldRaspberry.name, 'Back Stock'],
      [input.lines[2].packageId, '40', 'ea', KNOWN_PRODUCTS.stiiizyOgKush.name, 'Back Stock'],
    ]);
    expect(success.packages.every((p) => p.receiveHistoryId === recorded.receiveHistoryId)).toBe(
      true,
    );

    const calls = g.callsSince(mark);
    expect(calls[RECEIVE]).toBe(1);
    // One fresh read for the duplicate-label check, one read-back (lag 0).
    expect(calls[INVENTORY]).toBe(2);
    expect(response.extensions?.cost?.upstreamCalls).toBe(sum(calls));
  });

  it('sends 3.5 g as 3.5 (and 0.1 and 0.2 exactly), never through a float', async () => {
    const input = azDelivery({
      lines: [
        flowerLine({ quantity: 3.5 }),
        flowerLine({ quantity: '0.1' }),
        flowerLine({ quantity: '0.2' }),
      ],
    });
    const mark = g.mark();

    const response = await receive(input);

    const success = member(response.data?.receiveInventory, 'ReceiveInventorySuccess');
    expect(success.packages.map((p) => p.quantity)).toEqual(['3.5', '0.1', '0.2']);
    expect(receivesOf(input.idempotencyKey)[0].lines.map((line) => line.quantity)).toEqual([
      '3.5',
      '0.1',
      '0.2',
    ]);
    const post = g.sandbox.requests
      .all()
      .slice(mark)
      .find((r) => r.endpoint === RECEIVE)!;
    const sent = (post.body as { products: { quantity: unknown; totalPackageCost: unknown }[] })
      .products;
    expect(sent.map((line) => line.quantity)).toEqual([3.5, 0.1, 0.2]);
    expect(sent.map((line) => line.totalPackageCost)).toEqual([14.875, 0.425, 0.85]);
  });

  it('a dry run answers the plan and the body it would send, and sends no POST', async () => {
    const input = azDelivery({ deliveredOn: '2026-12-03T09:15:00-07:00', title: 'Manifest 0417' });
    const mark = g.mark();

    const planned = await receive({ ...input, dryRun: true });

    const plan = member(planned.data?.receiveInventory, 'ReceiveInventoryPlan');
    expect(g.callsSince(mark)[RECEIVE]).toBeUndefined();
    expect(plan.endpoint).toBe(RECEIVE);
    expect(plan.lines).toEqual([
      {
        line: 0,
        productId: KNOWN_PRODUCTS.swallowtailBlueDream.productId,
        sku: KNOWN_PRODUCTS.swallowtailBlueDream.sku,
        productName: KNOWN_PRODUCTS.swallowtailBlueDream.name,
        unitId: 3,
        roomId: AZ_SANDBOX_ROOMS.vault,
        roomName: 'Vault',
        packageId: input.lines[0].packageId,
        quantity: '3.5',
        unitCost: '4.25',
        totalPackageCost: '14.875',
      },
    ]);

    // The plan's body is what the real receive then sends, but for the session block and
    // decimals written as JSON numbers.
    const sentMark = g.mark();
    member((await receive(input)).data?.receiveInventory, 'ReceiveInventorySuccess');
    const post = g.sandbox.requests
      .all()
      .slice(sentMark)
      .find((r) => r.endpoint === RECEIVE)!;
    const { UserId: _user, ...sent } = post.body as Record<string, unknown>;
    expect(sent).toEqual(asSent(plan.body as Record<string, unknown>));
    expect(sent).toMatchObject({ receiveDate: '12/03/2026 9:15 am', title: 'Manifest 0417' });
  });

  it('a repeated key with the same input replays the first answer without an upstream call', async () => {
    const input = azDelivery();
    const first = member((await receive(input)).data?.receiveInventory, 'ReceiveInventorySuccess');
    const mark = g.mark();

    const again = await receive({ ...input, lines: input.lines.map((l) => ({ ...l })) });

    const replay = member(again.data?.receiveInventory, 'ReceiveInventorySuccess');
    expect(replay).toEqual({ ...first, replayed: true });
    expect(again.extensions?.cost?.upstreamCalls).toBe(0);
    expect(g.callsSince(mark)).toEqual({});
    expect(receivesOf(input.idempotencyKey)).toHaveLength(1);
  });

  it('a repeated key with another input is an IdempotencyConflictError, and nothing is sent', async () => {
    const input = azDelivery();
    member((await receive(input)).data?.receiveInventory, 'ReceiveInventorySuccess');
    const mark = g.mark();

    const changed = await receive({ ...input, lines: [{ ...input.lines[0], quantity: '7' }] });

    const conflict = member(changed.data?.receiveInventory, 'IdempotencyConflictError');
    expect(conflict).toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      idempotencyKey: input.idempotencyKey,
      status: 'SUCCEEDED',
      firstUsedAt: new Date(g.clock.now()).toISOString(),
    });
    expect(conflict.message).toContain(input.idempotencyKey);
    expect(g.callsSince(mark)).toEqual({});
  });

  it('ten concurrent submissions of one key make one receive, and all ten answers agree', async () => {
    const input = azDelivery({ lines: [flowerLine(), flowerLine({ quantity: '1' })] });
    const mark = g.mark();

    const responses = await g.drive(
      Promise.all(Array.from({ length: 10 }, () => g.send(ReceiveInventoryDocument, { input }))),
    );

    const answers = responses.map((r) =>
      member(r.data?.receiveInventory, 'ReceiveInventorySuccess'),
    );
    const [recorded] = receivesOf(input.idempotencyKey);
    expect(g.callsSince(mark)[RECEIVE]).toBe(1);
    expect(receivesOf(input.idempotencyKey)).toHaveLength(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    for (const answer of answers) {
      expect(answer).toEqual({ ...answers[0], replayed: answer.replayed });
      expect(answer.receiveHistoryId).toBe(recorded.receiveHistoryId);
    }
    expect(answers[0].packages.map((p) => p.packageId)).toEqual(
      input.lines.map((l) => l.packageId),
    );
  });

  it('after a receive, a new request reads the new package, though the inventory was cached', async () => {
    const input = azDelivery();
    const label = input.lines[0].packageId;
    const known = KNOWN_PACKAGES_1989.blueDream.packageId;
    // Caches 1989's inventory, and shows it is cached: the second read costs nothing.
    await g.run(PackageByLabelDocument, { locId: AZ, packageId: known });
    const cached = await g.run(PackageByLabelDocument, { locId: AZ, packageId: label });
    expect(cached.data?.package).toBeNull();
    expect(cached.extensions?.cost?.upstreamCalls).toBe(0);

    member((await receive(input)).data?.receiveInventory, 'ReceiveInventorySuccess');
    const after = await g.run(PackageByLabelDocument, { locId: AZ, packageId: label });

    expect(after.data?.package).toMatchObject({
      packageId: label,
      quantity: '3.5',
      vendor: { vendorId: AZ_VENDORS.swallowtail.vendorId },
    });
    expect(after.extensions?.cost?.upstreamCalls).toBe(1);
  });

  it('lists every problem of a bad input at once with its path, as ValidationError, with no upstream call', async () => {
    const mark = g.mark();

    const response = await receive({
      idempotencyKey: 'has a space',
      locId: 0,
      vendorId: AZ_VENDORS.swallowtail.vendorId,
      roomId: AZ_SANDBOX_ROOMS.vault,
      lines: [
        { quantity: '-1', unitCost: '1.23456', packageId: newLabel() },
        flowerLine({ sku: 'SWC-FL-BD-035', expirationDate: '12/31/2027' }),
      ],
    });

    const invalid = member(response.data?.receiveInventory, 'ValidationError');
    expect(response.errors).toBeUndefined();
    expect(invalid.code).toBe('VALIDATION_FAILED');
    expect(invalid.issues.map((issue) => issue.path).sort()).toEqual([
      'idempotencyKey',
      'lines.0.productId',
      'lines.0.quantity',
      'lines.0.unitCost',
      'lines.1.expirationDate',
      'lines.1.sku',
      'locId',
    ]);
    expect(invalid.issues.find((i) => i.path === 'lines.0.quantity')?.message).toBe(
      'quantity must be greater than 0 (got "-1")',
    );
    expect(g.callsSince(mark)).toEqual({});
    expect(response.extensions?.cost?.upstreamCalls).toBe(0);
  });
});

/** A plan body as the upstream receives it: decimals as JSON numbers. */
function asSent(body: Record<string, unknown>): Record<string, unknown> {
  const number = (value: unknown) => (typeof value === 'string' ? Number(value) : value);
  const products = (body.products as Record<string, unknown>[]).map((line) => ({
    ...line,
    quantity: number(line.quantity),
    cost: number(line.cost),
    totalPackageCost: number(line.totalPackageCost),
    productGrams: number(line.productGrams),
  }));

  return { ...body, products };
}
