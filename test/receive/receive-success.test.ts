import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AZ_SANDBOX_ROOMS,
  AZ_VENDORS,
  KNOWN_PRODUCTS,
  SANDBOX_LOC_IDS,
} from '../../src/sandbox/index';
import type { ReceiveInventoryInput } from '../../src/receive/input-schema';
import { Decimal } from '../../src/util/decimal';
import { drive, newLabel, receiveCount, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.sandbox.requests.clear();
});

function input(overrides: Partial<ReceiveInventoryInput> = {}): ReceiveInventoryInput {
  return {
    idempotencyKey: `key-${newLabel('K')}`,
    locId: SANDBOX_LOC_IDS.az,
    vendorId: AZ_VENDORS.swallowtail.vendorId,
    roomId: AZ_SANDBOX_ROOMS.vault,
    invoiceNumber: 'INV-20636',
    title: 'Swallowtail weekly',
    deliveredBy: 'Sam Courier',
    deliveredOn: '2026-12-03T09:15:00-07:00',
    receivedBy: 'Dana Intake',
    note: 'two cases',
    lines: [
      {
        productId: KNOWN_PRODUCTS.swallowtailBlueDream.productId,
        quantity: '3.5',
        unitCost: '4.25',
        packageId: newLabel(),
        batchName: 'SWC-BD-261203',
        expirationDate: '2027-06-30',
      },
    ],
    ...overrides,
  };
}

describe('receiveInventory: the write lands and is verified', () => {
  it('sends one receive with the mapped body and answers the verified packages', async () => {
    const request = input();
    const outcome = await drive(h.clock, h.service.receive(request, { actor: 'intake-key' }));

    if (outcome.__typename !== 'ReceiveSuccess') throw new Error(outcome.__typename);
    expect(outcome.replayed).toBe(false);
    expect(outcome.receiveHistoryId).toBeGreaterThan(0);
    expect(outcome.packages).toHaveLength(1);
    expect(outcome.packages[0]).toMatchObject({
      packageId: request.lines[0].packageId,
      productId: KNOWN_PRODUCTS.swallowtailBlueDream.productId,
      roomId: AZ_SANDBOX_ROOMS.vault,
      receiveHistoryId: outcome.receiveHistoryId,
    });
    expect(outcome.packages[0].quantity.toFixed()).toBe('3.5');
    expect(receiveCount(h.sandbox)).toBe(1);

    const sent = h.sandbox.requests
      .all()
      .find((entry) => entry.endpoint === 'v2/inventory/receive');
    expect(sent?.body).toMatchObject({
      LocId: 1989,
      LspId: 575,
      vendorId: AZ_VENDORS.swallowtail.vendorId,
      vendorLicenseNumber: AZ_VENDORS.swallowtail.code,
      roomId: AZ_SANDBOX_ROOMS.vault,
      title: 'Swallowtail weekly',
      deliveredBy: 'Sam Courier',
      receiveDate: '12/03/2026 9:15 am',
      receiveNote: 'two cases',
      transactionId: 'INV-20636',
      externalId: request.idempotencyKey,
      products: [
        {
          productId: KNOWN_PRODUCTS.swallowtailBlueDream.productId,
          roomId: AZ_SANDBOX_ROOMS.vault,
          quantity: 3.5,
          cost: 4.25,
          totalPackageCost: 14.875,
          packageId: request.lines[0].packageId,
          lot: 'SWC-BD-261203',
          expirationDate: '06/30/2027',
        },
      ],
    });
  });

  it('receives 0.1 g, 0.2 g and 3.5 g exactly and verifies them as decimals', async () => {
    const labels = [newLabel(), newLabel(), newLabel()];
    const request = input({
      lines: ['0.1', 0.2, '3.5'].map((quantity, i) => ({
        productId: KNOWN_PRODUCTS.swallowtailGelato.productId,
        quantity,
        unitCost: '1.1',
        packageId: labels[i],
      })),
    });

    const outcome = await drive(h.clock, h.service.receive(request));

    expect(outcome.__typename).toBe('ReceiveSuccess');
    const stored = h.sandbox.receives().at(-1)!;
    expect(stored.lines.map((line) => line.quantity)).toEqual(['0.1', '0.2', '3.5']);
    const packages = outcome.__typename === 'ReceiveSuccess' ? outcome.packages : [];
    const total = packages.reduce((sum, row) => sum.plus(row.quantity), new Decimal(0));
    expect(packages.map((row) => row.quantity.toFixed())).toEqual(['0.1', '0.2', '3.5']);
    expect(total.toFixed()).toBe('3.8');
  });

  it('a dry run answers the exact body and sends nothing', async () => {
    const request = input({
      dryRun: true,
      lines: [{ sku: 'STZ-VP-OK-050', quantity: 12, unitCost: 18, packageId: newLabel() }],
    });
    const outcome = await drive(h.clock, h.service.receive(request));

    if (outcome.__typename !== 'ReceivePlan') throw new Error(outcome.__typename);
    expect(outcome.body.products[0].productId).toBe(KNOWN_PRODUCTS.stiiizyOgKush.productId);
    expect(outcome.body.products[0].totalPackageCost.toFixed()).toBe('216');
    expect(outcome.body.externalId).toBe(request.idempotencyKey);
    expect(outcome.lines[0]).toMatchObject({
      sku: 'STZ-VP-OK-050',
      roomName: 'Vault',
      quantity: '12',
    });
    expect(receiveCount(h.sandbox)).toBe(0);
    expect(
      h.service.listReceipts({ first: 100 }).records.map((r) => r.idempotencyKey),
    ).not.toContain(request.idempotencyKey);
  });

  it('the same key and input again is the stored result, with no upstream call at all', async () => {
    const request = input();
    const first = await drive(h.clock, h.service.receive(request));
    h.sandbox.requests.clear();

    const again = await drive(h.clock, h.service.receive({ ...request, note: '  two cases ' }));

    expect(first.__typename).toBe('ReceiveSuccess');
    expect(again).toEqual({ ...first, replayed: true });
    expect(h.sandbox.requests.count()).toBe(0);
  });

  it('the same key with another input is an idempotency conflict and sends nothing', async () => {
    const request = input();
    await drive(h.clock, h.service.receive(request));
    h.sandbox.requests.clear();

    const changed = { ...request, lines: [{ ...request.lines[0], quantity: '3.4' }] };
    const outcome = await drive(h.clock, h.service.receive(changed));

    expect(outcome).toMatchObject({
      __typename: 'IdempotencyConflictError',
      code: 'IDEMPOTENCY_CONFLICT',
      status: 'succeeded',
    });
    expect(outcome.__typename === 'IdempotencyConflictError' && outcome.message).toContain(
      request.idempotencyKey,
    );
    expect(h.sandbox.requests.count()).toBe(0);
  });

  it('ten concurrent submissions of one key make exactly one upstream receive', async () => {
    const request = input();
    const outcomes = await drive(
      h.clock,
      Promise.all(Array.from({ length: 10 }, () => h.service.receive(request))),
    );

    expect(receiveCount(h.sandbox)).toBe(1);
    expect(
      h.sandbox.receives().filter((r) => r.externalId === request.idempotencyKey),
    ).toHaveLength(1);
    expect(outcomes.map((o) => o.__typename)).toEqual(Array(10).fill('ReceiveSuccess'));
    expect(outcomes.filter((o) => o.__typename === 'ReceiveSuccess' && !o.replayed)).toHaveLength(
      1,
    );
  });

  it('keeps an audit trail: who, what, the receive type and the outcome, and counts outcomes', async () => {
    const request = input({ receiveType: 'TRANSFER' });
    const outcome = await drive(h.clock, h.service.receive(request, { actor: 'odoo-mirror' }));
    const receiveHistoryId =
      outcome.__typename === 'ReceiveSuccess' ? outcome.receiveHistoryId : null;

    const record = h.service.listReceipts({ locId: 1989, status: 'succeeded', first: 1 })
      .records[0];

    expect(record).toMatchObject({
      idempotencyKey: request.idempotencyKey,
      actor: 'odoo-mirror',
      receiveType: 'TRANSFER',
      receivedBy: 'Dana Intake',
      status: 'succeeded',
      outcome: 'ReceiveSuccess',
      receiveHistoryId,
      attempts: 1,
      input: {
        locId: 1989,
        invoiceNumber: 'INV-20636',
        lines: [{ quantity: '3.5', unitCost: '4.25' }],
      },
    });
    const metric = await h.registry.getSingleMetricAsString('backoffice_receipts_total');
    expect(metric).toMatch(/backoffice_receipts_total\{outcome="success"\} [1-9]/);
    expect(metric).toMatch(/backoffice_receipts_total\{outcome="replayed"\} [1-9]/);
  });
});
