import { afterEach, describe, expect, it } from 'vitest';
import type { FakeClock } from '../../src/util/clock';
import { azReceive } from './fixtures';
import { drive, receiveCount, startHarness, type Harness } from './harness';

const INVENTORY = 'v2/inventory/get-inventory';
let h: Harness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Inventory reads made after the receive was sent. */
function readsAfterReceive(harness: Harness): number {
  const log = harness.sandbox.requests.all();
  const sentAt = log.findIndex((entry) => entry.endpoint === 'v2/inventory/receive');

  return log.slice(sentAt + 1).filter((entry) => entry.endpoint === INVENTORY).length;
}

describe('receiveInventory through the read lag', () => {
  it('the write lands, the first reads are empty, a later poll sees it: success', async () => {
    h = await startHarness({ readLagMs: 2_500 });
    const request = azReceive();

    const outcome = await drive(h.clock, h.service.receive(request));

    expect(outcome).toMatchObject({
      __typename: 'ReceiveSuccess',
      packages: [{ packageId: request.lines[0].packageId }],
    });
    // Polls at 0 s and 1 s see nothing; the one at 3 s (backing off 1 s, then 2 s) sees the package.
    expect(readsAfterReceive(h)).toBe(3);
    expect(receiveCount(h.sandbox)).toBe(1);
  });

  it('every poll empty within the bound is an unknown outcome, never a second POST', async () => {
    h = await startHarness({ readLagMs: 60_000 });
    const request = azReceive();

    const outcome = await drive(h.clock, h.service.receive(request));

    if (outcome.__typename !== 'ReceiveOutcomeUnknownError') throw new Error(outcome.__typename);
    expect(outcome.receiveHistoryId).toBe(h.sandbox.receives()[0].receiveHistoryId);
    expect(outcome.labelsChecked).toEqual([request.lines[0].packageId]);
    expect(outcome.checkedForSeconds).toBe(15);
    expect(outcome.reads).toBe(readsAfterReceive(h));
    expect(outcome.message).toContain(request.lines[0].packageId);

    const repeated = await drive(h.clock, h.service.receive(request));
    expect(repeated.__typename).toBe('ReceiveOutcomeUnknownError');
    expect(receiveCount(h.sandbox)).toBe(1);

    await (h.clock as FakeClock).advance(60_000);
    const later = await drive(h.clock, h.service.receive(request));
    expect(later).toMatchObject({
      __typename: 'ReceiveSuccess',
      replayed: true,
      receiveHistoryId: outcome.receiveHistoryId,
    });
    expect(receiveCount(h.sandbox)).toBe(1);
    expect(
      h.service.listReceipts({ status: 'succeeded', first: 5 }).records[0].idempotencyKey,
    ).toBe(request.idempotencyKey);
  });

  it('verifySeconds bounds the polling: 0 reads exactly once', async () => {
    h = await startHarness({ readLagMs: 60_000, service: { verifySeconds: 0 } });

    const outcome = await drive(h.clock, h.service.receive(azReceive()));

    expect(outcome).toMatchObject({
      __typename: 'ReceiveOutcomeUnknownError',
      reads: 1,
      checkedForSeconds: 0,
    });
  });
});
