import { afterEach, describe, expect, it } from 'vitest';
import {
  LocationRoomsDocument,
  PackageByLabelDocument,
  PackageTrioDocument,
  ProductLookupsDocument,
} from '../documents/generated/graphql';
import { createRequestContext } from '../../src/resolvers/context';
import { AZ_VENDORS, KNOWN_PACKAGES_1989, KNOWN_PRODUCTS, OH_VENDORS } from '../../src/sandbox';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { BatchRecorder } from './support/batch-recorder';
import { startGraphHarness, type GraphHarness } from './support/graph-harness';
import { withOmissions } from './support/partial-upstream';
import { receivePackages } from './support/receive-packages';

const AZ = SANDBOX_LOC_IDS.az;
const OH = SANDBOX_LOC_IDS.oh;
const P1 = KNOWN_PRODUCTS.swallowtailBlueDream;
const P2 = KNOWN_PRODUCTS.wyldMarionberry;
const { blueDream, stringQuantity } = KNOWN_PACKAGES_1989;

let harness: GraphHarness;
afterEach(() => harness.close());

describe('per-request loaders', () => {
  it('never share results between two requests: a new request sees a new package', async () => {
    harness = await startGraphHarness();
    const label = 'LOADERS-NEW-00001';
    const before = new BatchRecorder();
    const after = new BatchRecorder();

    const first = await harness.query(
      PackageByLabelDocument,
      { locId: AZ, packageId: label },
      {
        onBatch: before.observer,
      },
    );
    await receivePackages(harness.client, { count: 1, labelPrefix: 'LOADERS-NEW-' });
    // What the receive path does after a write: the next read of this location goes upstream.
    createRequestContext(harness.services).data.invalidateInventory(AZ);
    const second = await harness.query(
      PackageByLabelDocument,
      { locId: AZ, packageId: label },
      {
        onBatch: after.observer,
      },
    );

    expect(first.data!.package).toBeNull();
    expect(second.data!.package).toMatchObject({ packageId: label, quantity: '3.5' });
    expect(before.of('package')).toEqual([[{ scope: AZ, id: label }]]);
    expect(after.of('package')).toEqual([[{ scope: AZ, id: label }]]);
  });

  it("never share errors: one request's failed rooms read is not the next one's", async () => {
    harness = await startGraphHarness();
    harness.sandbox.faults.add('v2/room/get-rooms', { kind: 'status', status: 503 });

    const failed = await harness.query(LocationRoomsDocument, { first: AZ, second: AZ });
    const next = await harness.query(LocationRoomsDocument, { first: AZ, second: AZ });

    expect(failed.data!.first).toMatchObject({ locId: AZ, canReceive: null, rooms: null });
    expect(failed.errors!.map((error) => error.extensions!.code)).toContain('UPSTREAM_UNAVAILABLE');
    expect(next.errors).toBeUndefined();
    expect(next.data!.first!.rooms).toHaveLength(4);
    expect(next.data!.first!.canReceive).toBe(true);
    expect(harness.sandbox.requests.count('v2/room/get-rooms')).toBe(2);
  });
});

describe('batches matched to keys by ID', () => {
  it('P1, P2, P1 with P1 missing: one deduplicated batch, P2 gets P2, P1s get null', async () => {
    harness = await startGraphHarness();
    const recorder = new BatchRecorder();
    const missing = 999_999;

    const response = await harness.query(
      ProductLookupsDocument,
      { lspId: 575, first: missing, second: P2.productId, third: missing },
      { onBatch: recorder.observer },
    );

    expect(recorder.of('product')).toEqual([
      [
        { scope: 575, id: missing },
        { scope: 575, id: P2.productId },
      ],
    ]);
    expect(harness.sandbox.requests.count('product-master/get-products-lite')).toBe(1);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      first: null,
      second: { productId: P2.productId, name: P2.name },
      third: null,
    });
  });

  it('packages at P1, P2, P1 with P1 missing upstream: only the P1 paths fail, NOT_FOUND', async () => {
    harness = await startGraphHarness({
      wrapClient: (client) => withOmissions(client, { products: [P1.productId] }),
    });
    await receivePackages(harness.client, {
      count: 1,
      labelPrefix: 'TRIO-P1-',
      productId: P1.productId,
    });
    const recorder = new BatchRecorder();

    const response = await harness.query(
      PackageTrioDocument,
      { locId: AZ, a: blueDream.packageId, b: stringQuantity.packageId, c: 'TRIO-P1-00001' },
      { onBatch: recorder.observer },
    );

    expect(recorder.of('product')).toEqual([
      [
        { scope: 575, id: P1.productId },
        { scope: 575, id: P2.productId },
      ],
    ]);
    const { a, b, c } = response.data!;
    expect(b!.product).toEqual({
      productId: P2.productId,
      sku: P2.sku,
      name: P2.name,
      category: 'Gummies',
    });
    // The row still answers what it carries; only what needs the missing product fails.
    expect(a!.product).toEqual({
      productId: P1.productId,
      sku: P1.sku,
      name: P1.name,
      category: null,
    });
    expect(c!.product).toEqual({
      productId: P1.productId,
      sku: P1.sku,
      name: P1.name,
      category: null,
    });
    expect(response.errors!.map((error) => [error.path, error.extensions!.code])).toEqual([
      [['a', 'product', 'category'], 'NOT_FOUND'],
      [['c', 'product', 'category'], 'NOT_FOUND'],
    ]);
    expect(response.errors![0].message).toBe('product 310001 of LspId 575 was not found');
  });

  it('vendors V1, V2 with only V1 upstream: V1 resolves, only V2 paths error', async () => {
    harness = await startGraphHarness({
      wrapClient: (client) => withOmissions(client, { vendors: [AZ_VENDORS.wyld.vendorId] }),
    });
    const recorder = new BatchRecorder();

    const response = await harness.query(
      PackageTrioDocument,
      { locId: AZ, a: blueDream.packageId, b: stringQuantity.packageId, c: blueDream.packageId },
      { onBatch: recorder.observer },
    );

    expect(recorder.of('vendor')).toEqual([
      [
        { scope: AZ, id: AZ_VENDORS.swallowtail.vendorId },
        { scope: AZ, id: AZ_VENDORS.wyld.vendorId },
      ],
    ]);
    const { a, b } = response.data!;
    expect(a!.vendor).toEqual(AZ_VENDORS.swallowtail);
    expect(b!.vendor).toEqual({ vendorId: AZ_VENDORS.wyld.vendorId, name: 'Wyld', code: null });
    expect(response.errors!.map((error) => [error.path, error.extensions!.code])).toEqual([
      [['b', 'vendor', 'code'], 'NOT_FOUND'],
    ]);
  });

  it('a 503 on a batch: UPSTREAM_UNAVAILABLE there, the rest resolves, the next request calls again', async () => {
    harness = await startGraphHarness();
    harness.sandbox.faults.add(
      'v2/room/get-rooms',
      { kind: 'status', status: 503, body: 'Service Unavailable: SQL pool exhausted at db-7' },
      { times: 2 },
    );

    const response = await harness.query(
      LocationRoomsDocument,
      { first: AZ, second: OH },
      { headers: { 'x-request-id': 'dashboard-refresh-42' } },
    );

    const { first, second } = response.data!;
    expect(first).toMatchObject({ locId: AZ, canReceive: null, rooms: null });
    expect(first!.vendors!.map((vendor) => vendor.name)).toContain('Swallowtail Cultivation');
    expect(second).toMatchObject({ locId: OH, rooms: null });
    expect(second!.vendors).toContainEqual({
      vendorId: OH_VENDORS.buckeye.vendorId,
      name: OH_VENDORS.buckeye.name,
    });
    const codes = response.errors!.map((error) => [error.path!.join('.'), error.extensions!.code]);
    expect(codes.sort()).toEqual([
      ['first.canReceive', 'UPSTREAM_UNAVAILABLE'],
      ['first.rooms', 'UPSTREAM_UNAVAILABLE'],
      ['second.rooms', 'UPSTREAM_UNAVAILABLE'],
    ]);
    for (const error of response.errors!) {
      expect(error.extensions).toMatchObject({
        correlationId: 'dashboard-refresh-42',
        endpoint: 'v2/room/get-rooms',
      });
      expect(JSON.stringify(error)).not.toContain('SQL pool');
      expect(error.extensions).not.toHaveProperty('excerpt');
    }

    const next = await harness.query(LocationRoomsDocument, { first: AZ, second: OH });
    expect(next.errors).toBeUndefined();
    expect(next.data!.second!.rooms!.map((room) => room.name)).toEqual([
      'Vault',
      'Sales Floor',
      'Receiving',
    ]);
    expect(harness.sandbox.requests.count('v2/room/get-rooms')).toBe(4);
    expect(harness.sandbox.requests.count('vendor/get-vendors')).toBe(2);
  });
});
