import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/dutchie/models';
import type { ReceiveDataSource } from '../../src/receive/data-source';
import { FOREIGN_IDS, KNOWN_PRODUCTS } from '../../src/sandbox/index';
import type { FakeClock } from '../../src/util/clock';
import { Decimal } from '../../src/util/decimal';
import { azReceive, flowerLines } from './fixtures';
import { drive, eventually, receiveCount, startHarness, type Harness } from './harness';

/**
 * A lower layer that lets a product of another LSP through the catalog, so the upstream's own
 * foreign-key refusal can be met (preflight would stop it), and that can put a wrong type
 * into the body on its way out.
 */
let corruptQuantity = false;
let sendQuantity: string | null = null;
let dropVendor = false;
function lowerLayer(source: ReceiveDataSource): ReceiveDataSource {
  return {
    ...source,
    async catalog(lspId, call) {
      const catalog = await source.catalog(lspId, call);
      const foreign = (await source.catalog(805, call)).byId.get(FOREIGN_IDS.productId)!;

      return withProduct(catalog, foreign);
    },
    receive(request, call) {
      if (dropVendor) return source.receive({ ...request, vendorId: null as never }, call);
      if (!corruptQuantity && sendQuantity === null) return source.receive(request, call);

      const quantity = corruptQuantity ? ('3.5 g' as never) : new Decimal(sendQuantity!);
      const products = request.products.map((line) => ({ ...line, quantity }));

      return source.receive({ ...request, products }, call);
    },
  };
}

function withProduct(catalog: Catalog, product: Catalog['products'][number]): Catalog {
  const byId = new Map(catalog.byId);
  byId.set(product.productId, product);

  return { ...catalog, products: [...catalog.products, product], byId };
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ wrap: lowerLayer, receiveTimeoutMs: 300 });
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.sandbox.faults.clear();
  h.sandbox.requests.clear();
  corruptQuantity = false;
  sendQuantity = null;
  dropVendor = false;
});

const RECEIVE = 'v2/inventory/receive';
const receive = (raw: unknown) => drive(h.clock, h.service.receive(raw));
const statusOf = (key: string) =>
  h.service.listReceipts({ first: 100 }).records.find((r) => r.idempotencyKey === key)?.status;

describe('receiveInventory under upstream faults', () => {
  it('an orphan answer is unknown within the window, and OrphanedReceive once still absent past the horizon', async () => {
    h.sandbox.faults.add(RECEIVE, { kind: 'orphan' });
    const request = azReceive();

    const first = await receive(request);
    if (first.__typename !== 'ReceiveOutcomeUnknownError') throw new Error(first.__typename);
    expect(first.receiveHistoryId).toBe(h.sandbox.receives().at(-1)!.receiveHistoryId);
    expect(first.labelsChecked).toEqual([request.lines[0].packageId]);
    expect(h.sandbox.receives().at(-1)!.outcome).toBe('orphaned');

    await (h.clock as FakeClock).advance(121_000);
    const later = await drive(h.clock, h.service.reverify(request.idempotencyKey));

    expect(later).toMatchObject({
      __typename: 'OrphanedReceiveError',
      code: 'ORPHANED_RECEIVE',
      receiveHistoryId: first.receiveHistoryId,
      labelsChecked: [request.lines[0].packageId],
      likelyCause: expect.stringContaining('created no packages'),
    });
    expect(receiveCount(h.sandbox)).toBe(1);
    expect(statusOf(request.idempotencyKey)).toBe('unknown');
  });

  it('a partial receive names the missing line, and repeating the key only reads back', async () => {
    h.sandbox.faults.add(RECEIVE, { kind: 'partial', dropLines: 1 });
    const request = azReceive({ lines: flowerLines(['1', '2', '3']) });

    const outcome = await receive(request);
    const again = await receive(request);

    if (outcome.__typename !== 'PartialReceiveError') throw new Error(outcome.__typename);
    expect(outcome.verified).toEqual([request.lines[0].packageId, request.lines[1].packageId]);
    expect(outcome.missing).toEqual([{ path: 'lines.2', packageId: request.lines[2].packageId }]);
    expect(outcome.receiveHistoryId).toBeGreaterThan(0);
    expect(again).toEqual(outcome);
    expect(receiveCount(h.sandbox)).toBe(1);
  });

  it('the write whose answer never came: one POST, success from the read-back', async () => {
    h.sandbox.faults.add(RECEIVE, { kind: 'destroy-after-write' });
    const request = azReceive();

    const outcome = await receive(request);

    expect(outcome).toMatchObject({
      __typename: 'ReceiveSuccess',
      receiveHistoryId: h.sandbox.receives().at(-1)!.receiveHistoryId,
      packages: [{ packageId: request.lines[0].packageId }],
    });
    expect(receiveCount(h.sandbox)).toBe(1);
    expect(statusOf(request.idempotencyKey)).toBe('succeeded');
  });

  it('a receive that times out goes to read-back, not to failed; reverify settles it once it lands', async () => {
    // The sandbox holds the request 2 s in real time before applying it; the client gives up at 300 ms.
    h.sandbox.faults.add(RECEIVE, { kind: 'latency', ms: 2_000 });
    const request = azReceive();

    const outcome = await receive(request);
    expect(outcome).toMatchObject({
      __typename: 'ReceiveOutcomeUnknownError',
      receiveHistoryId: null,
      labelsChecked: [request.lines[0].packageId],
    });
    expect(statusOf(request.idempotencyKey)).toBe('unknown');

    await eventually(
      () => h.sandbox.receives().some((r) => r.externalId === request.idempotencyKey),
      'the delayed receive',
    );
    const settled = await drive(h.clock, h.service.reverify(request.idempotencyKey));

    expect(settled).toMatchObject({
      __typename: 'ReceiveSuccess',
      packages: [{ packageId: request.lines[0].packageId }],
    });
    expect(statusOf(request.idempotencyKey)).toBe('succeeded');
    expect(receiveCount(h.sandbox)).toBe(1);
  });

  it('a 503 proves nothing was written: UpstreamUnavailable, and the same key may go again', async () => {
    h.sandbox.faults.add(RECEIVE, { kind: 'status', status: 503 });
    const request = azReceive();

    const refused = await receive(request);
    expect(refused).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      step: 'write',
      upstreamCode: 'UPSTREAM_UNAVAILABLE',
    });
    expect(statusOf(request.idempotencyKey)).toBe('failed');

    const retried = await receive(request);
    expect(retried).toMatchObject({ __typename: 'ReceiveSuccess', replayed: false });
    expect(
      h.sandbox.receives().filter((r) => r.externalId === request.idempotencyKey),
    ).toHaveLength(1);
  });

  it('a 429 is RateLimited with its Retry-After, and the receive is not resent', async () => {
    h.sandbox.faults.add(RECEIVE, {
      kind: 'rate-limit-429',
      retryAfterSeconds: 2,
      traceId: 'trace-429',
    });

    const outcome = await receive(azReceive());

    expect(outcome).toMatchObject({
      __typename: 'RateLimitedError',
      code: 'RATE_LIMITED',
      retryAfter: 2,
      step: 'write',
    });
    expect(receiveCount(h.sandbox)).toBe(1);
  });

  it('the 200 "Too many requests" answer is RateLimited too', async () => {
    h.sandbox.faults.add(RECEIVE, { kind: 'rate-limit-200' });

    const outcome = await receive(azReceive());

    expect(outcome).toMatchObject({ __typename: 'RateLimitedError', step: 'write' });
    expect(receiveCount(h.sandbox)).toBe(1);
  });

  it('a product of another LSP meets the foreign-key refusal: classified, no SQL text, key reusable', async () => {
    const request = azReceive({
      lines: [
        {
          productId: FOREIGN_IDS.productId,
          quantity: '3.5',
          unitCost: '5',
          packageId: azReceive().lines[0].packageId,
        },
      ],
    });

    const refused = await receive(request);
    if (refused.__typename !== 'UpstreamSqlError') throw new Error(refused.__typename);
    expect(refused.classification).toBe('missing-reference');
    expect(refused.subject).toBe('dbo.Product');
    expect(`${refused.message} ${refused.hint}`).not.toMatch(
      /INSERT|FOREIGN KEY|LeafLogix|conflicted|terminated/i,
    );
    expect(h.sandbox.packagesAt(1989).some((p) => p.packageId === request.lines[0].packageId)).toBe(
      false,
    );
    expect(statusOf(request.idempotencyKey)).toBe('failed');

    const corrected = {
      ...request,
      lines: [{ ...request.lines[0], productId: KNOWN_PRODUCTS.swallowtailGelato.productId }],
    };
    expect(await receive(corrected)).toMatchObject({ __typename: 'ReceiveSuccess' });
  });

  it('a value of the wrong type meets the conversion refusal, classified without SQL text', async () => {
    corruptQuantity = true;

    const refused = await receive(azReceive());

    expect(refused).toMatchObject({
      __typename: 'UpstreamSqlError',
      classification: 'type-conversion',
    });
    expect(refused.__typename === 'UpstreamSqlError' && refused.message).not.toMatch(
      /nvarchar|numeric/,
    );
  });

  it("a business refusal is UpstreamRejected with the upstream's words, and nothing is written", async () => {
    dropVendor = true;
    const request = azReceive();

    const refused = await receive(request);

    expect(refused).toMatchObject({
      __typename: 'UpstreamRejectedError',
      code: 'UPSTREAM_REJECTED',
      message: expect.stringContaining('Vendor is required.'),
    });
    expect(statusOf(request.idempotencyKey)).toBe('failed');
  });

  it('a 500 carrying SQL text is not proof of nothing written: read back, unknown, no SQL shown', async () => {
    h.sandbox.faults.add(RECEIVE, { kind: 'sql-500' });
    const request = azReceive();

    const outcome = await receive(request);

    expect(outcome).toMatchObject({
      __typename: 'ReceiveOutcomeUnknownError',
      labelsChecked: [request.lines[0].packageId],
    });
    expect(JSON.stringify(outcome)).not.toMatch(/SELECT|INSERT|Exception|dbo\./);
    expect(receiveCount(h.sandbox)).toBe(1);
  });

  it('a package that lands with 3.4 where 3.5 was asked is a mismatch, not a success', async () => {
    sendQuantity = '3.4';
    const request = azReceive();

    const outcome = await receive(request);

    expect(outcome).toMatchObject({
      __typename: 'PartialReceiveError',
      verified: [],
      missing: [],
      mismatched: [
        {
          path: 'lines.0.quantity',
          packageId: request.lines[0].packageId,
          field: 'quantity',
          expected: '3.5',
          actual: '3.4',
        },
      ],
    });
    expect(statusOf(request.idempotencyKey)).toBe('unknown');
  });

  it('the audit trail lists what needs an operator; reverify of an unknown key is null', async () => {
    const open = h.service.listReceipts({ status: ['pending', 'unknown'], first: 100 }).records;

    expect(open.length).toBeGreaterThan(0);
    expect(open.every((record) => record.status === 'unknown' || record.status === 'pending')).toBe(
      true,
    );
    expect(open.some((record) => record.outcome === 'PartialReceiveError')).toBe(true);
    expect(await h.service.reverify('never-used-key')).toBeNull();
  });

  it('preflight reads that fail answer UpstreamUnavailable and write nothing', async () => {
    h.sandbox.faults.add('v2/room/get-rooms', { kind: 'status', status: 503 }, { times: Infinity });

    const outcome = await receive(azReceive());

    expect(outcome).toMatchObject({ __typename: 'UpstreamUnavailableError', step: 'preflight' });
    expect(receiveCount(h.sandbox)).toBe(0);
  });
});
