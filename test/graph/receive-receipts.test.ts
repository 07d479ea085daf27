import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOREIGN_IDS, KNOWN_PRODUCTS, OH_SANDBOX_ROOMS, OH_VENDORS } from '../../src/sandbox';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import {
  ReceiptsDocument,
  ReceiveInventoryDocument,
  ReverifyReceiptDocument,
  type ReceiptsQueryVariables,
  type ReceiveInventoryInput,
} from '../documents/generated/graphql';
import {
  member,
  startReceiveGraph,
  type ReceiveGraph,
  type RunOptions,
} from './support/receive-harness';
import { azDelivery, flowerLine } from './support/receive-inputs';

const RECEIVE = 'v2/inventory/receive';
const READ_LAG_MS = 60_000;

let g: ReceiveGraph;

// Reads lag writes by a minute and verification gives up after 3 s: every receive here is
// unconfirmed until fake time passes the lag.
beforeAll(async () => {
  g = await startReceiveGraph({
    sandbox: { readLagMs: READ_LAG_MS },
    receive: { verifySeconds: 3 },
  });
});

afterAll(() => g.close());

const receive = async (input: ReceiveInventoryInput, options?: RunOptions) =>
  (await g.run(ReceiveInventoryDocument, { input }, options)).data!.receiveInventory;
const reverify = async (idempotencyKey: string) =>
  (await g.run(ReverifyReceiptDocument, { idempotencyKey })).data!.reverifyReceipt;
const receipts = (variables: ReceiptsQueryVariables = {}) => g.run(ReceiptsDocument, variables);
const posts = (key: string) => g.sandbox.receives().filter((r) => r.externalId === key).length;

describe('receipts and reverifyReceipt', () => {
  it('a read lag beyond the bound is ReceiveOutcomeUnknownError; reverifyReceipt settles it once the package appears, never resending', async () => {
    const input = azDelivery();

    const unknown = member(await receive(input), 'ReceiveOutcomeUnknownError');
    expect(unknown).toMatchObject({
      receiveHistoryId: g.sandbox.receives().at(-1)!.receiveHistoryId,
      labelsChecked: [input.lines[0].packageId],
      reads: 3,
      checkedForSeconds: 3,
    });
    const pending = await receipts({ status: ['PENDING', 'UNKNOWN'] });
    expect(
      pending.data!.receipts.edges.map((e) => [e.node.idempotencyKey, e.node.status]),
    ).toContainEqual([input.idempotencyKey, 'UNKNOWN']);

    // Still inside the lag: another full window, still unknown.
    member(await reverify(input.idempotencyKey), 'ReceiveOutcomeUnknownError');

    await g.clock.advance(READ_LAG_MS);
    const settled = member(await reverify(input.idempotencyKey), 'ReceiveInventorySuccess');
    expect(settled).toMatchObject({
      idempotencyKey: input.idempotencyKey,
      receiveHistoryId: unknown.receiveHistoryId,
      replayed: true,
      packages: [{ packageId: input.lines[0].packageId, quantity: '3.5' }],
    });

    const after = await receipts({ status: ['SUCCEEDED'] });
    const node = after.data!.receipts.edges.find(
      (e) => e.node.idempotencyKey === input.idempotencyKey,
    )!.node;
    expect(node).toMatchObject({ status: 'SUCCEEDED', outcome: 'ReceiveInventorySuccess' });
    expect(member(await receive(input), 'ReceiveInventorySuccess').replayed).toBe(true);
    expect(posts(input.idempotencyKey)).toBe(1);
  });

  it('lists who, when, what and how each receive ended, newest first, filtered by location and status', async () => {
    const actor = {
      principal: {
        name: 'intake-bot',
        scopes: ['inventory:read', 'inventory:receive'],
        locIds: null,
      },
    };
    const az = azDelivery({ receivedBy: 'Dana at the dock', receiveType: 'TRANSFER' });
    const refused = azDelivery({ vendorId: FOREIGN_IDS.vendorId });
    const oh = azDelivery({
      locId: SANDBOX_LOC_IDS.oh,
      vendorId: OH_VENDORS.buckeye.vendorId,
      roomId: OH_SANDBOX_ROOMS.vault,
      lines: [flowerLine({ productId: KNOWN_PRODUCTS.ohBuckeyeBlueDream.productId })],
    });
    const startedAt = new Date(g.clock.now()).toISOString();
    await receive(az, actor);
    member(await receive(refused), 'VendorNotFoundError');
    await receive(oh, actor);

    const all = await receipts({ first: 100 });
    const mine = all
      .data!.receipts.edges.map((edge) => edge.node)
      .filter((node) => [az, refused, oh].some((i) => i.idempotencyKey === node.idempotencyKey));
    expect(all.extensions?.cost?.upstreamCalls).toBe(0);
    expect(mine.map((n) => [n.idempotencyKey, n.locId, n.status, n.outcome, n.actor])).toEqual([
      [
        oh.idempotencyKey,
        SANDBOX_LOC_IDS.oh,
        'UNKNOWN',
        'ReceiveOutcomeUnknownError',
        'intake-bot',
      ],
      [refused.idempotencyKey, 1989, 'FAILED', 'VendorNotFoundError', null],
      [az.idempotencyKey, 1989, 'UNKNOWN', 'ReceiveOutcomeUnknownError', 'intake-bot'],
    ]);
    expect(mine[2]).toMatchObject({
      receivedBy: 'Dana at the dock',
      receiveType: 'TRANSFER',
      vendorId: az.vendorId,
      packageIds: [az.lines[0].packageId],
      attempts: 1,
      receiveHistoryId: g.sandbox.receives().find((r) => r.externalId === az.idempotencyKey)!
        .receiveHistoryId,
    });
    expect(mine[2].createdAt >= startedAt).toBe(true);
    expect(mine[2].input).toMatchObject({
      invoiceNumber: 'INV-88412',
      lines: [{ packageId: az.lines[0].packageId, quantity: '3.5', unitCost: '4.25' }],
    });
    expect(mine[1]).toMatchObject({ attempts: 0, result: { code: 'VENDOR_NOT_FOUND' } });

    const atOh = await receipts({ locId: SANDBOX_LOC_IDS.oh });
    expect(atOh.data!.receipts.edges.map((e) => e.node.idempotencyKey)).toEqual([
      oh.idempotencyKey,
    ]);
    const failed = await receipts({ status: ['FAILED'] });
    expect(failed.data!.receipts.edges.every((e) => e.node.status === 'FAILED')).toBe(true);
    expect(failed.data!.receipts.edges.map((e) => e.node.idempotencyKey)).toContain(
      refused.idempotencyKey,
    );
  });

  it('pages newest first with first and after', async () => {
    const firstPage = await receipts({ first: 1 });
    const page = firstPage.data!.receipts;
    const secondPage = await receipts({ first: 1, after: page.pageInfo.endCursor });
    const all = await receipts({ first: 2 });

    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(secondPage.data!.receipts.pageInfo.hasPreviousPage).toBe(true);
    expect([
      ...page.edges.map((e) => e.node.idempotencyKey),
      ...secondPage.data!.receipts.edges.map((e) => e.node.idempotencyKey),
    ]).toEqual(all.data!.receipts.edges.map((e) => e.node.idempotencyKey));
  });

  it('refuses a foreign cursor and a page size out of range as errors of the caller', async () => {
    const cursor = await receipts({ after: 'bm90LWEtY3Vyc29y' });
    const size = await receipts({ first: 101 });

    expect(cursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_CURSOR' });
    expect(size.errors?.[0]).toMatchObject({
      message: 'first must be from 1 to 100 (got 101)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('reverifyReceipt answers ReceiptNotFoundError for a key it never saw, and a refusal as recorded without reading', async () => {
    const refused = azDelivery({ vendorId: FOREIGN_IDS.vendorId });
    await receive(refused);
    const mark = g.mark();

    const missing = member(await reverify('never-sent'), 'ReceiptNotFoundError');
    const recorded = member(await reverify(refused.idempotencyKey), 'VendorNotFoundError');

    expect(missing).toMatchObject({ code: 'RECEIPT_NOT_FOUND', idempotencyKey: 'never-sent' });
    expect(recorded.vendorId).toBe(FOREIGN_IDS.vendorId);
    expect(g.callsSince(mark)).toEqual({});
  });

  it('a dry run is never recorded', async () => {
    const input = azDelivery({ dryRun: true });

    member(await receive(input), 'ReceiveInventoryPlan');

    member(await reverify(input.idempotencyKey), 'ReceiptNotFoundError');
    expect(
      g.sandbox.requests
        .all()
        .some(
          (r) => r.endpoint === RECEIVE && JSON.stringify(r.body).includes(input.idempotencyKey),
        ),
    ).toBe(false);
  });
});
