import { afterEach, describe, expect, it } from 'vitest';
import {
  BadResponseError,
  UpstreamRejectedError,
  UpstreamSqlError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  type ReceiveRequest,
} from '../../src/dutchie';
import {
  AZ_SANDBOX_ROOMS,
  AZ_VENDORS,
  FOREIGN_IDS,
  KNOWN_PRODUCTS,
  SEED_LSP_IDS,
} from '../../src/sandbox/seed-facts';
import { SANDBOX_LOC_IDS } from '../../src/sandbox/types';
import { Decimal } from '../../src/util/decimal';
import { failureOf, startHarness, type Harness } from './support/harness';

const RECEIVE = 'v2/inventory/receive';
const LOGIN = 'posv3/user/EmployeeLogin';
const AZ = SANDBOX_LOC_IDS.az;

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

function receiveRequest(labels: string[], overrides: Partial<ReceiveRequest> = {}): ReceiveRequest {
  return {
    locId: AZ,
    lspId: SEED_LSP_IDS.az,
    vendorId: AZ_VENDORS.swallowtail.vendorId,
    vendorLicenseNumber: AZ_VENDORS.swallowtail.code,
    roomId: AZ_SANDBOX_ROOMS.vault,
    title: 'Test delivery',
    deliveredBy: 'Driver',
    receiveDate: '12/03/2026 9:15 am',
    receiveNote: null,
    transactionId: null,
    externalId: `ext-${labels.join('-')}`,
    products: labels.map((label, index) => ({
      productId: KNOWN_PRODUCTS.swallowtailBlueDream.productId,
      roomId: AZ_SANDBOX_ROOMS.vault,
      vendorId: AZ_VENDORS.swallowtail.vendorId,
      quantity: new Decimal(['3.5', '0.1', '0.2'][index % 3]),
      unitId: 3,
      packageId: label,
      lot: 'LOT-1',
      cost: new Decimal('4.25'),
      totalPackageCost: new Decimal('14.875'),
      expirationDate: null,
      productGrams: new Decimal('3.5'),
    })),
    ...overrides,
  };
}

describe('receive', () => {
  it('receives and returns the ReceiveInventoryHistoryId, decimals arriving exactly', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;

    const result = await client.receive(
      receiveRequest(['1A40-RCV-0001', '1A40-RCV-0002', '1A40-RCV-0003']),
    );

    expect(result.receiveHistoryId).toBeGreaterThan(0);
    const stored = sandbox.packagesAt(AZ).filter((pkg) => pkg.packageId.startsWith('1A40-RCV-'));
    expect(stored.map((pkg) => [pkg.packageId, pkg.quantity, pkg.receiveHistoryId])).toEqual([
      ['1A40-RCV-0001', '3.5', result.receiveHistoryId],
      ['1A40-RCV-0002', '0.1', result.receiveHistoryId],
      ['1A40-RCV-0003', '0.2', result.receiveHistoryId],
    ]);

    const sent = sandbox.requests.all().find((r) => r.endpoint === RECEIVE)!.body as Record<
      string,
      any
    >;
    expect(sent).toMatchObject({
      status: 'Received',
      receiveInventoryHistoryId: '',
      LocId: AZ,
      LspId: 575,
    });
    expect(sent.products[0].quantity).toBe(3.5);
  });

  it('is called exactly once when its socket is destroyed after the write, and says it may have applied', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;
    await client.ensureSession();
    sandbox.faults.add(RECEIVE, { kind: 'destroy-after-write' });

    const error = await failureOf(client.receive(receiveRequest(['1A40-DESTROY-1'])));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.mayHaveApplied).toBe(true);
    expect(sandbox.requests.count(RECEIVE)).toBe(1);
    expect(sandbox.packagesAt(AZ).some((pkg) => pkg.packageId === '1A40-DESTROY-1')).toBe(true);
  });

  it('is never retried on a 503, while a read recovers from the same fault', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;
    await client.ensureSession();
    sandbox.faults.add(RECEIVE, { kind: 'status', status: 503 });
    sandbox.faults.add('v2/room/get-rooms', { kind: 'status', status: 503 });

    const error = await failureOf(client.receive(receiveRequest(['1A40-503-1'])));
    const rooms = await client.getRooms(AZ);

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(sandbox.requests.count(RECEIVE)).toBe(1);
    expect(rooms).toHaveLength(4);
    expect(sandbox.requests.count('v2/room/get-rooms')).toBe(2);
  });

  it('is never retried on a rate-limit answer', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;
    await client.ensureSession();
    sandbox.faults.add(RECEIVE, { kind: 'rate-limit-200' });

    const error = await failureOf(client.receive(receiveRequest(['1A40-RL-1'])));

    expect(error.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(sandbox.requests.count(RECEIVE)).toBe(1);
  });

  it('times out waiting for headers as UPSTREAM_TIMEOUT with mayHaveApplied, sent once', async () => {
    harness = await startHarness({
      client: { timeouts: { connectMs: 1_000, headersMs: 300, bodyMs: 1_000 } },
    });
    const { client, sandbox } = harness;
    await client.ensureSession();
    sandbox.faults.add(RECEIVE, { kind: 'no-headers' });

    const error = await failureOf(client.receive(receiveRequest(['1A40-HUNG-1'])));

    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error).toMatchObject({ phase: 'headers', mayHaveApplied: true });
    expect(sandbox.requests.count(RECEIVE)).toBe(1);
  });

  it('logs in again and replays once after a 401, which proves nothing was applied', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;
    await client.ensureSession();
    sandbox.expireSessions();

    const result = await client.receive(receiveRequest(['1A40-401-1']));

    expect(result.receiveHistoryId).toBeGreaterThan(0);
    expect(sandbox.requests.count(RECEIVE)).toBe(2);
    expect(sandbox.requests.count(LOGIN)).toBe(2);
    expect(sandbox.packagesAt(AZ).filter((pkg) => pkg.packageId === '1A40-401-1')).toHaveLength(1);
  });

  it('reads a FOREIGN KEY refusal as UpstreamSqlError(missing-reference) naming the table, without raw SQL', async () => {
    harness = await startHarness();
    const request = receiveRequest(['1A40-FK-1']);
    request.products[0].productId = FOREIGN_IDS.productId;

    const error = await failureOf(harness.client.receive(request));

    expect(error).toBeInstanceOf(UpstreamSqlError);
    expect(error.classification).toBe('missing-reference');
    expect(error.subject).toMatch(/Product/);
    expect(error.message).not.toMatch(/INSERT|FOREIGN KEY|FK_/);
    expect(error.excerpt).toMatch(/FOREIGN KEY/);
  });

  it('reads a refusal without SQL as UpstreamRejectedError showing the Message', async () => {
    harness = await startHarness();

    const error = await failureOf(
      harness.client.receive(receiveRequest(['1A40-NOVENDOR'], { vendorId: 0 })),
    );

    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(error.message).toContain('Vendor is required');
  });

  it('refuses a success without an integer id as BadResponseError', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;
    await client.ensureSession();
    sandbox.faults.add(RECEIVE, {
      kind: 'status',
      status: 200,
      body: JSON.stringify({ Result: true, Message: null, Data: null }),
    });

    const error = await failureOf(client.receive(receiveRequest(['1A40-NOID'])));

    expect(error).toBeInstanceOf(BadResponseError);
    expect(error.kind).toBe('schema');
  });

  it('saves a draft through save-receive without creating packages', async () => {
    harness = await startHarness();
    const { client, sandbox } = harness;

    const result = await client.saveReceive(receiveRequest(['1A40-DRAFT-1']));

    expect(result.receiveHistoryId).toBeGreaterThan(0);
    expect(sandbox.packagesAt(AZ).some((pkg) => pkg.packageId === '1A40-DRAFT-1')).toBe(false);
    expect(sandbox.requests.count('v2/inventory/save-receive')).toBe(1);
  });
});
