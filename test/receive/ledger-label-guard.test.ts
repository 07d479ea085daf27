import { describe, expect, it } from 'vitest';
import { ReceiptLedger, type ReceiptClaim } from '../../src/receive/ledger';
import { FakeClock } from '../../src/util/clock';

function claim(key: string, labels: string[], locId = 1989): ReceiptClaim {
  const products = labels.map((packageId) => ({ packageId }));

  return {
    idempotencyKey: key,
    inputHash: `hash-${key}`,
    canonicalInput: '{}',
    requestJson: JSON.stringify({ scope: { locId }, body: { products } }),
    actor: null,
    receiveType: 'PURCHASE',
    receivedBy: null,
    locId,
  };
}

function settle(ledger: ReceiptLedger, key: string, status: 'succeeded' | 'failed' | 'unknown') {
  ledger.settle(key, { status, outcome: 'X', resultJson: '{}' });
}

describe('the ledger guards package labels at the claim', () => {
  it('refuses a label another key has in flight, naming that key, and takes nothing', () => {
    const clock = new FakeClock();
    const ledger = new ReceiptLedger({ upstream: 'u', clock });
    ledger.claim(claim('first', ['L1', 'L2']));

    const second = ledger.claim(claim('second', ['L9', 'L2']), {
      labels: ['L9', 'L2'],
      inventoryReadAt: clock.now(),
    });

    expect(second).toEqual({
      claimed: false,
      heldLabels: [{ packageId: 'L2', idempotencyKey: 'first', status: 'pending' }],
    });
    expect(ledger.find('second')).toBeNull();
  });

  it('counts a receive settled after the inventory read, not one settled before it', async () => {
    const clock = new FakeClock();
    const ledger = new ReceiptLedger({ upstream: 'u', clock });
    ledger.claim(claim('early', ['E1']));
    settle(ledger, 'early', 'succeeded');
    await clock.advance(1_000);
    const readAt = clock.now();
    ledger.claim(claim('late', ['L1']));
    await clock.advance(1_000);
    settle(ledger, 'late', 'unknown');

    const guard = { labels: ['E1', 'L1'], inventoryReadAt: readAt };
    const result = ledger.claim(claim('next', ['E1', 'L1']), guard);

    expect(result).toEqual({
      claimed: false,
      heldLabels: [{ packageId: 'L1', idempotencyKey: 'late', status: 'unknown' }],
    });
  });

  it('ignores failed receives, other locations, other upstreams and the key itself', () => {
    const clock = new FakeClock();
    const ledger = new ReceiptLedger({ upstream: 'u', clock });
    const elsewhere = new ReceiptLedger({ upstream: 'other', clock });
    ledger.claim(claim('refused', ['L1']));
    settle(ledger, 'refused', 'failed');
    ledger.claim(claim('ohio', ['L1'], 2869));
    elsewhere.claim(claim('foreign', ['L1']));
    ledger.claim(claim('again', ['L1']));
    settle(ledger, 'again', 'failed');

    const guard = { labels: ['L1'], inventoryReadAt: clock.now() };

    expect(ledger.claim(claim('again', ['L1']), guard)).toEqual({ claimed: true });
  });
});
