import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AMBIGUOUS_SKU,
  AZ_SANDBOX_ROOMS,
  FOREIGN_IDS,
  IL_VENDORS,
  KNOWN_PACKAGES_1989,
  KNOWN_PRODUCTS,
} from '../../src/sandbox';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import {
  ReceiveInventoryDocument,
  ReverifyReceiptDocument,
  type ReceiveInventoryInput,
} from '../documents/generated/graphql';
import { member, newLabel, startReceiveGraph, type ReceiveGraph } from './support/receive-harness';
import { azDelivery, flowerLine } from './support/receive-inputs';

const RECEIVE = 'v2/inventory/receive';
const INVENTORY = 'v2/inventory/get-inventory';

let g: ReceiveGraph;

beforeAll(async () => {
  g = await startReceiveGraph();
});

afterAll(() => g.close());

beforeEach(() => g.sandbox.faults.clear());

const receive = async (input: ReceiveInventoryInput) => {
  const response = await g.run(ReceiveInventoryDocument, { input });
  expect(response.errors).toBeUndefined();

  return response.data!.receiveInventory;
};
const posts = (key: string) =>
  g.sandbox.requests
    .all()
    .filter(
      (r) => r.endpoint === RECEIVE && (r.body as { externalId?: string }).externalId === key,
    );

describe('receiveInventory refuses in preflight, before any POST', () => {
  it('a location that is not writable is LocationNotWritableError, naming the writable ones', async () => {
    const input = azDelivery({ locId: 1993 });

    const refused = member(await receive(input), 'LocationNotWritableError');

    expect(refused).toMatchObject({
      code: 'LOCATION_NOT_WRITABLE',
      locId: 1993,
      locationName: 'Phoenix - Camelback Rd',
      reason: 'NOT_WRITABLE',
      writableLocIds: [1989, 2862, 2869],
    });
    expect(
      member(await receive(azDelivery({ locId: 4242 })), 'LocationNotWritableError'),
    ).toMatchObject({
      reason: 'UNKNOWN_LOCATION',
      locationName: null,
    });
    expect(posts(input.idempotencyKey)).toEqual([]);
  });

  it('the IL sandbox without rooms is OrphanRiskError (it would answer an id and make nothing)', async () => {
    const input = azDelivery({
      locId: SANDBOX_LOC_IDS.il,
      vendorId: IL_VENDORS.prairieState.vendorId,
      roomId: 1,
      lines: [flowerLine({ productId: KNOWN_PRODUCTS.ilPrairieBlueDream.productId })],
    });

    const refused = member(await receive(input), 'OrphanRiskError');

    expect(refused.code).toBe('ORPHAN_RISK');
    expect(refused.locId).toBe(SANDBOX_LOC_IDS.il);
    expect(refused.roomProblems).toEqual([
      { roomId: null, roomName: null, paths: ['roomId'], reason: 'NO_ROOMS' },
    ]);
    expect(refused.message).toContain('has no rooms');
    expect(posts(input.idempotencyKey)).toEqual([]);
  });

  it("a sales floor (InventoryRoom 'no') as a line's room is OrphanRiskError naming that line", async () => {
    const input = azDelivery({
      lines: [flowerLine(), flowerLine({ roomId: AZ_SANDBOX_ROOMS.salesFloor })],
    });

    const refused = member(await receive(input), 'OrphanRiskError');

    expect(refused.roomProblems).toEqual([
      {
        roomId: AZ_SANDBOX_ROOMS.salesFloor,
        roomName: 'Sales Floor',
        paths: ['lines.1.roomId'],
        reason: 'NOT_INVENTORY_ROOM',
      },
    ]);
    expect(refused.hint).toContain(`${AZ_SANDBOX_ROOMS.vault} "Vault"`);
  });

  it('a vendor of no location is VendorNotFoundError', async () => {
    const refused = member(
      await receive(azDelivery({ vendorId: FOREIGN_IDS.vendorId })),
      'VendorNotFoundError',
    );

    expect(refused).toMatchObject({ code: 'VENDOR_NOT_FOUND', locId: 1989, vendorId: 9999 });
    expect(refused.vendorsAtLocation).toBeGreaterThanOrEqual(10);
  });

  it('an ambiguous SKU and a product of another LSP are ProductNotFoundError, with the candidates', async () => {
    const input = azDelivery({
      lines: [
        flowerLine({ productId: undefined, sku: AMBIGUOUS_SKU.sku, quantity: '12' }),
        flowerLine({ productId: FOREIGN_IDS.productId }),
      ],
    });

    const refused = member(await receive(input), 'ProductNotFoundError');

    expect(refused.lspId).toBe(575);
    expect(refused.productProblems).toEqual([
      {
        path: 'lines.0.sku',
        productId: null,
        sku: AMBIGUOUS_SKU.sku,
        reason: 'AMBIGUOUS_SKU',
        candidates: [
          {
            productId: KNOWN_PRODUCTS.wyldMarionberry.productId,
            sku: AMBIGUOUS_SKU.sku,
            name: KNOWN_PRODUCTS.wyldMarionberry.name,
          },
          {
            productId: KNOWN_PRODUCTS.wyldMarionberryOldPackaging.productId,
            sku: AMBIGUOUS_SKU.sku,
            name: KNOWN_PRODUCTS.wyldMarionberryOldPackaging.name,
          },
        ],
      },
      {
        path: 'lines.1.productId',
        productId: FOREIGN_IDS.productId,
        sku: null,
        reason: 'UNKNOWN_PRODUCT',
        candidates: [],
      },
    ]);
  });

  it('a label already at the location, or repeated in the lines, is DuplicatePackageError', async () => {
    const repeated = newLabel();
    const existing = KNOWN_PACKAGES_1989.zeroQuantity;
    const input = azDelivery({
      lines: [
        flowerLine({ packageId: existing.packageId }),
        flowerLine({ packageId: repeated }),
        flowerLine({ packageId: repeated }),
      ],
    });

    const refused = member(await receive(input), 'DuplicatePackageError');

    expect(refused.duplicates).toEqual([
      {
        packageId: existing.packageId,
        where: 'LOCATION',
        paths: ['lines.0.packageId'],
        existing: {
          inventoryId: existing.inventoryId,
          productId: existing.productId,
          roomId: existing.roomId,
          quantity: '0',
        },
      },
      {
        packageId: repeated,
        where: 'REQUEST',
        paths: ['lines.1.packageId', 'lines.2.packageId'],
        existing: null,
      },
    ]);
    expect(posts(input.idempotencyKey)).toEqual([]);
  });
});

describe('receiveInventory when the upstream refuses or fails', () => {
  it('an unknown unitId passes preflight and is refused upstream: UpstreamSqlError naming dbo.Unit, no SQL text, the key reusable', async () => {
    const input = azDelivery({ lines: [flowerLine({ unitId: FOREIGN_IDS.unitId })] });

    const refused = member(await receive(input), 'UpstreamSqlError');

    expect(refused).toMatchObject({
      code: 'UPSTREAM_SQL_ERROR',
      classification: 'MISSING_REFERENCE',
      subject: 'dbo.Unit',
    });
    expect(refused.hint).toContain('omit unitId');
    expect(JSON.stringify(refused)).not.toMatch(/INSERT|FOREIGN KEY|LeafLogix|FK_/);
    expect(posts(input.idempotencyKey)).toHaveLength(1);

    const corrected = await receive({ ...input, lines: [{ ...input.lines[0], unitId: null }] });
    expect(member(corrected, 'ReceiveInventorySuccess').replayed).toBe(false);
    expect(posts(input.idempotencyKey)).toHaveLength(2);
  });

  it('a business refusal (Result: false) is UpstreamRejectedError with the upstream message', async () => {
    g.sandbox.faults.add(RECEIVE, {
      kind: 'status',
      status: 200,
      body: JSON.stringify({
        Result: false,
        Message: 'Receiving is locked while an inventory audit is open.',
        Data: null,
      }),
    });

    const refused = member(await receive(azDelivery()), 'UpstreamRejectedError');

    expect(refused.code).toBe('UPSTREAM_REJECTED');
    expect(refused.message).toContain('Receiving is locked while an inventory audit is open.');
  });

  it('a 503 on the POST is UpstreamUnavailableError at WRITE; on the label check at PREFLIGHT, before any POST', async () => {
    g.sandbox.faults.add(RECEIVE, { kind: 'status', status: 503 });
    const write = member(await receive(azDelivery()), 'UpstreamUnavailableError');

    g.sandbox.faults.add(INVENTORY, { kind: 'status', status: 503 });
    const input = azDelivery();
    const read = member(await receive(input), 'UpstreamUnavailableError');

    expect(write).toMatchObject({ step: 'WRITE', upstreamCode: 'UPSTREAM_UNAVAILABLE' });
    expect(read).toMatchObject({ step: 'PREFLIGHT', upstreamCode: 'UPSTREAM_UNAVAILABLE' });
    expect(posts(input.idempotencyKey)).toEqual([]);
  });

  it('a 429 on the POST is RateLimitedError with its Retry-After, and the receive is not resent', async () => {
    g.sandbox.faults.add(RECEIVE, { kind: 'rate-limit-429', retryAfterSeconds: 2 });
    const input = azDelivery();

    const limited = member(await receive(input), 'RateLimitedError');

    expect(limited).toMatchObject({ code: 'RATE_LIMITED', step: 'WRITE', retryAfter: 2 });
    expect(posts(input.idempotencyKey)).toHaveLength(1);
  });

  it('a receive that drops a line is PartialReceiveError naming the missing line', async () => {
    g.sandbox.faults.add(RECEIVE, { kind: 'partial', dropLines: 1 });
    const input = azDelivery({ lines: [flowerLine(), flowerLine({ quantity: '7' })] });

    const partial = member(await receive(input), 'PartialReceiveError');

    expect(partial).toMatchObject({
      code: 'PARTIAL_RECEIVE',
      locId: 1989,
      receiveHistoryId: g.sandbox.receives().at(-1)!.receiveHistoryId,
      verified: [input.lines[0].packageId],
      missing: [{ path: 'lines.1', packageId: input.lines[1].packageId }],
      mismatched: [],
    });
  });

  it('a write whose answer never came is verified by read-back: success, one POST', async () => {
    g.sandbox.faults.add(RECEIVE, { kind: 'destroy-after-write' });
    const input = azDelivery();

    const success = member(await receive(input), 'ReceiveInventorySuccess');

    expect(success.packages.map((p) => p.packageId)).toEqual([input.lines[0].packageId]);
    expect(success.receiveHistoryId).toBe(g.sandbox.receives().at(-1)!.receiveHistoryId);
    expect(posts(input.idempotencyKey)).toHaveLength(1);
  });

  it('an orphan answer is ReceiveOutcomeUnknownError, then OrphanedReceiveError once past the horizon', async () => {
    g.sandbox.faults.add(RECEIVE, { kind: 'orphan' });
    const input = azDelivery();

    const unknown = member(await receive(input), 'ReceiveOutcomeUnknownError');
    expect(unknown).toMatchObject({
      code: 'RECEIVE_OUTCOME_UNKNOWN',
      receiveHistoryId: g.sandbox.receives().at(-1)!.receiveHistoryId,
      labelsChecked: [input.lines[0].packageId],
      checkedForSeconds: 15,
    });

    await g.clock.advance(121_000);
    const later = await g.run(ReverifyReceiptDocument, { idempotencyKey: input.idempotencyKey });

    const orphaned = member(later.data?.reverifyReceipt, 'OrphanedReceiveError');
    expect(orphaned).toMatchObject({
      code: 'ORPHANED_RECEIVE',
      receiveHistoryId: unknown.receiveHistoryId,
      labelsChecked: [input.lines[0].packageId],
    });
    expect(orphaned.likelyCause).toContain('created no packages');
    expect(posts(input.idempotencyKey)).toHaveLength(1);
  });
});

describe('receiveInventory with an access-control hook', () => {
  let guarded: ReceiveGraph;

  beforeAll(async () => {
    guarded = await startReceiveGraph({
      receive: { authorize: ({ actor }) => actor === 'intake-bot' },
    });
  });

  afterAll(() => guarded.close());

  const as = (name: string) => ({
    principal: { name, scopes: ['inventory:read', 'inventory:receive'], locIds: null },
  });

  it('a principal the hook refuses gets NotAuthorizedError with its name, before any upstream read', async () => {
    const mark = guarded.mark();

    const response = await guarded.run(
      ReceiveInventoryDocument,
      { input: azDelivery() },
      as('dashboard'),
    );

    expect(member(response.data?.receiveInventory, 'NotAuthorizedError')).toMatchObject({
      code: 'NOT_AUTHORIZED',
      actor: 'dashboard',
      deniedLocId: 1989,
    });
    expect(guarded.callsSince(mark)).toEqual({});
  });

  it('the principal it allows receives, and is recorded as the actor', async () => {
    const input = azDelivery();

    const response = await guarded.run(ReceiveInventoryDocument, { input }, as('intake-bot'));

    member(response.data?.receiveInventory, 'ReceiveInventorySuccess');
    const [receipt] = guarded.services.receive.listReceipts({ first: 1 }).records;
    expect(receipt).toMatchObject({ idempotencyKey: input.idempotencyKey, actor: 'intake-bot' });
  });
});
