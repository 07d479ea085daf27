import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AZ_SANDBOX_ROOMS, AZ_VENDORS, KNOWN_PRODUCTS, SANDBOX_LOC_IDS } from '../../src/sandbox';
import { clone, fixtureDocument } from '../manifest/support/fixtures';
import {
  manifestDocument,
  startManifestServer,
  type ManifestServer,
} from './support/manifest-server';

const RECEIVE = manifestDocument('manifest-receive');
const AZ = SANDBOX_LOC_IDS.az;
const VAULT = AZ_SANDBOX_ROOMS.vault;

let graph: ManifestServer;

beforeAll(async () => {
  graph = await startManifestServer();
});

afterAll(async () => {
  await graph?.close();
});

async function receive(input: Record<string, unknown>) {
  const answer = await graph.graphql(RECEIVE, {
    input: { locId: AZ, roomId: VAULT, ...input },
  });
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();

  return { result: answer.body.data!.receiveManifest, cost: answer.body.extensions?.cost };
}

function receivesSent() {
  return graph.server.sandbox!.requests.all().filter((r) => r.endpoint === 'v2/inventory/receive');
}

/** The Stiiizy fixture under its own transfer id and labels, so each test receives its own. */
function stiiizy(tag: string) {
  const document = clone(fixtureDocument('stiiizy-2.1.0'));
  document.transfer_id = `STZ-${tag}`;
  document.inventory_transfer_items.forEach((item: any, index: number) => {
    item.inventory_id = `${tag}-${index}`;
  });

  return document;
}

describe('receiveManifest over HTTP', () => {
  it('receives the priced lines under the proposed vendor, samples left out, each line_price as totalPackageCost', async () => {
    const sentBefore = receivesSent().length;

    const { result } = await receive({ manifest: stiiizy('A') });

    expect(result.__typename).toBe('ReceiveInventorySuccess');
    expect(result.replayed).toBe(false);
    expect(result.idempotencyKey).toMatch(/^wcia:00000158ESRK00842217:STZ-A:[0-9a-f]{24}$/);
    expect(result.packages).toEqual([
      {
        packageId: 'A-0',
        quantity: '50',
        unitCost: '18',
        batchName: 'A-0',
        product: { productId: KNOWN_PRODUCTS.stiiizyOgKush.productId },
        room: { roomId: VAULT },
        vendor: { vendorId: AZ_VENDORS.stiiizy.vendorId },
      },
      expect.objectContaining({ packageId: 'A-1', quantity: '15', unitCost: '13.33' }),
      expect.objectContaining({ packageId: 'A-2', quantity: '10', unitCost: '13.33' }),
    ]);

    const sent = receivesSent();
    expect(sent).toHaveLength(sentBefore + 1);
    const body = sent.at(-1)!.body as Record<string, any>;
    expect(body.externalId).toBe(result.idempotencyKey);
    expect(body.vendorId).toBe(AZ_VENDORS.stiiizy.vendorId);
    expect(
      body.products.map((line: any) => [line.packageId, line.cost, line.totalPackageCost]),
    ).toEqual([
      ['A-0', 18, 900],
      ['A-1', 13.33, 199.95],
      ['A-2', 13.33, 133.3],
    ]);
  });

  it('answers the same selection again from the ledger, sending nothing upstream', async () => {
    const first = await receive({ manifest: stiiizy('B') });
    const sentBefore = receivesSent().length;

    const again = await receive({ manifest: stiiizy('B') });

    expect(again.result).toMatchObject({
      __typename: 'ReceiveInventorySuccess',
      replayed: true,
      idempotencyKey: first.result.idempotencyKey,
      receiveHistoryId: first.result.receiveHistoryId,
    });
    expect(again.result.packages.map((p: any) => p.packageId)).toEqual(['B-0', 'B-1', 'B-2']);
    expect(receivesSent()).toHaveLength(sentBefore);
  });

  it('answers a re-issued manifest with its items reordered as the same receive', async () => {
    const first = await receive({ manifest: stiiizy('J') });
    const reissued = stiiizy('J');
    reissued.inventory_transfer_items.reverse();
    const sentBefore = receivesSent().length;

    const again = await receive({ manifest: reissued });

    expect(again.result).toMatchObject({
      __typename: 'ReceiveInventorySuccess',
      replayed: true,
      idempotencyKey: first.result.idempotencyKey,
    });
    expect(receivesSent()).toHaveLength(sentBefore);
  });

  it('refuses another selection that repeats received labels as duplicate packages, naming manifest lines', async () => {
    await receive({ manifest: stiiizy('C') });
    const sentBefore = receivesSent().length;

    // Lines 1 and 2 were received; 3 is the sample, new. Line 0 is left out, so the engine's
    // own lines 0 and 1 are manifest lines 1 and 2.
    const { result } = await receive({
      manifest: stiiizy('C'),
      includeSamples: true,
      lineChoices: [{ index: 0, exclude: true }],
    });

    expect(result.__typename).toBe('DuplicatePackageError');
    expect(result.code).toBe('DUPLICATE_PACKAGE');
    expect(result.duplicates).toEqual([
      { packageId: 'C-1', where: 'LOCATION', paths: ['lines.1.packageId'] },
      { packageId: 'C-2', where: 'LOCATION', paths: ['lines.2.packageId'] },
    ]);
    expect(result.message).toContain(
      'package label "C-1" (lines.1.packageId) is already at LocId 1989',
    );
    expect(receivesSent()).toHaveLength(sentBefore);
  });

  it('sends the exact line total when quantity × the rounded unit cost misses it (3 for 100)', async () => {
    const document = stiiizy('D');
    Object.assign(document.inventory_transfer_items[1], { qty: 3, line_price: 100 });

    const plan = await receive({ manifest: document, dryRun: true });
    const landed = await receive({ manifest: document });

    expect(plan.result.__typename).toBe('ReceiveInventoryPlan');
    expect(plan.result.lines[1]).toMatchObject({
      line: 1,
      packageId: 'D-1',
      quantity: '3',
      unitCost: '33.3333',
      totalPackageCost: '100',
    });
    expect(landed.result.__typename).toBe('ReceiveInventorySuccess');
    const body = receivesSent().at(-1)!.body as Record<string, any>;
    expect(body.products[1]).toMatchObject({
      packageId: 'D-1',
      cost: 33.3333,
      totalPackageCost: 100,
    });
  });

  it('refuses lines still AMBIGUOUS or UNRESOLVED with their list, and receives once they are chosen or excluded', async () => {
    const sentBefore = receivesSent().length;
    const wyld = fixtureDocument('wyld-2.0.0');

    const refused = await receive({ manifest: wyld });

    expect(refused.result.__typename).toBe('ManifestSelectionError');
    expect(refused.result.code).toBe('MANIFEST_SELECTION_INVALID');
    expect(refused.result.message).toContain(
      'lines 1, 2 have no product: choose one or exclude them',
    );
    expect(refused.result.unresolvedLines.map((line: any) => [line.index, line.status])).toEqual([
      [1, 'AMBIGUOUS'],
      [2, 'UNRESOLVED'],
    ]);
    expect(refused.result.unresolvedLines[0].candidates[0].productId).toBe(
      KNOWN_PRODUCTS.wyldRaspberry.productId,
    );
    expect(receivesSent()).toHaveLength(sentBefore);

    const { result } = await receive({
      manifest: wyld,
      lineChoices: [
        { index: 1, productId: KNOWN_PRODUCTS.wyldRaspberry.productId },
        { index: 2, exclude: true },
      ],
    });

    expect(result.__typename).toBe('ReceiveInventorySuccess');
    expect(result.packages.map((p: any) => [p.packageId, p.product.productId])).toEqual([
      ['WY413287.IN88213A', KNOWN_PRODUCTS.wyldMarionberry.productId],
      ['WY413287.IN88213B', KNOWN_PRODUCTS.wyldRaspberry.productId],
    ]);
  });

  it('lists every invalid line choice at once', async () => {
    const { result } = await receive({
      manifest: stiiizy('E'),
      dryRun: true,
      lineChoices: [
        { index: 9, exclude: true },
        { index: 0, productId: KNOWN_PRODUCTS.ilPrairieBlueDream.productId },
        { index: 1, productId: KNOWN_PRODUCTS.stiiizyBlueDream.productId, exclude: true },
      ],
    });

    expect(result.__typename).toBe('ManifestSelectionError');
    expect(result.invalidChoices.map((c: any) => [c.index, c.reason])).toEqual([
      [9, 'UNKNOWN_INDEX'],
      [0, 'PRODUCT_NOT_IN_CATALOG'],
      [1, 'CONFLICTING_CHOICE'],
    ]);
  });

  it('refuses with VendorNotFoundError when no vendor is given and none matches the sender', async () => {
    const document = stiiizy('F');
    Object.assign(document, {
      from_license_number: 'WA-999999',
      from_license_name: 'Nobody Farms',
    });

    const refused = await receive({ manifest: document, dryRun: true });
    const chosen = await receive({
      manifest: document,
      dryRun: true,
      vendorId: AZ_VENDORS.stiiizy.vendorId,
    });

    expect(refused.result).toMatchObject({
      __typename: 'VendorNotFoundError',
      code: 'VENDOR_NOT_FOUND',
      vendorId: null,
      vendorsAtLocation: Object.keys(AZ_VENDORS).length,
    });
    expect(refused.result.message).toContain("sender 'Nobody Farms' (license WA-999999)");
    expect(refused.result.hint).toMatch(/^Pass the vendorId of the sender at this location/);
    expect(chosen.result.__typename).toBe('ReceiveInventoryPlan');
    expect(chosen.result.body.vendorId).toBe(AZ_VENDORS.stiiizy.vendorId);
  });

  it('answers a manifest that cannot be received as ManifestInvalidError with every problem', async () => {
    const document = stiiizy('G');
    delete document.inventory_transfer_items[0].inventory_id;
    document.inventory_transfer_items[1].qty = 0;

    const { result, cost } = await receive({ manifest: document });

    expect(result.__typename).toBe('ManifestInvalidError');
    expect(result.code).toBe('MANIFEST_INVALID');
    expect(result.problems.map((problem: any) => [problem.code, problem.path])).toEqual([
      ['NO_INVENTORY_ID', '$.inventory_transfer_items[0].inventory_id'],
      ['QUANTITY_NOT_POSITIVE', '$.inventory_transfer_items[1].qty'],
    ]);
    expect(cost).toEqual({ upstreamCalls: 0, cacheHits: 0 });
  });

  it("runs the engine's preflight: a room that holds no inventory is refused before any POST", async () => {
    const sentBefore = receivesSent().length;

    const { result } = await receive({
      manifest: stiiizy('H'),
      roomId: AZ_SANDBOX_ROOMS.salesFloor,
    });

    expect(result.__typename).toBe('OrphanRiskError');
    expect(result.message).toContain(
      `room ${AZ_SANDBOX_ROOMS.salesFloor} at LocId 1989 is not an inventory room`,
    );
    expect(receivesSent()).toHaveLength(sentBefore);
  });

  it('refuses a location the login does not see, as the engine would', async () => {
    const { result } = await receive({ manifest: stiiizy('I'), locId: 424242 });

    expect(result.__typename).toBe('LocationNotWritableError');
    expect(result.code).toBe('LOCATION_NOT_WRITABLE');
  });
});
