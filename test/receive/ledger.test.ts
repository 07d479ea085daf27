import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReceiptLedger, type ReceiptClaim } from '../../src/receive/ledger';
import { FakeClock } from '../../src/util/clock';

const claim = (key: string, hash = 'h1'): ReceiptClaim => ({
  idempotencyKey: key,
  inputHash: hash,
  canonicalInput: '{"locId":1989}',
  requestJson: '{"scope":{},"body":{}}',
  actor: 'intake-key',
  receiveType: 'PURCHASE',
  receivedBy: 'Dana',
  locId: 1989,
});

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'receive-ledger-'));
  dirs.push(dir);

  return join(dir, 'nested', 'data');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('receipt ledger', () => {
  it('keeps entries across a reopen when durable, creating the data directory', () => {
    const dataDir = tempDir();
    const clock = new FakeClock();
    const first = new ReceiptLedger({ dataDir, upstream: 'u1', clock });
    first.claim(claim('k1'));
    first.settle('k1', {
      status: 'succeeded',
      outcome: 'ReceiveSuccess',
      resultJson: '{}',
      receiveHistoryId: 77,
    });
    first.close();

    const reopened = new ReceiptLedger({ dataDir, upstream: 'u1', clock });
    const entry = reopened.find('k1');
    reopened.close();

    expect(entry).toMatchObject({
      status: 'succeeded',
      receiveHistoryId: 77,
      actor: 'intake-key',
      receivedBy: 'Dana',
      attempts: 1,
    });
  });

  it('never shows one upstream the entries of another', () => {
    const dataDir = tempDir();
    const clock = new FakeClock();
    const a = new ReceiptLedger({ dataDir, upstream: 'https://a#user', clock });
    const b = new ReceiptLedger({ dataDir, upstream: 'https://b#user', clock });
    a.claim(claim('shared-key'));

    expect(b.find('shared-key')).toBeNull();
    expect(b.claim(claim('shared-key'))).toEqual({ claimed: true });
    a.close();
    b.close();
  });

  it('lets only one of two ledgers on one file claim a key; the other gets the row', () => {
    const dataDir = tempDir();
    const clock = new FakeClock();
    const one = new ReceiptLedger({ dataDir, upstream: 'u', clock });
    const two = new ReceiptLedger({ dataDir, upstream: 'u', clock });

    const first = one.claim(claim('k'));
    const second = two.claim(claim('k'));
    one.close();
    two.close();

    expect(first).toEqual({ claimed: true });
    expect(second).toMatchObject({
      claimed: false,
      existing: { status: 'pending', idempotencyKey: 'k' },
    });
  });

  it('reuses a failed key for a corrected input and counts the receives sent', () => {
    const ledger = new ReceiptLedger({ upstream: 'u', clock: new FakeClock() });
    ledger.claim(claim('k', 'h1'));
    ledger.settle('k', { status: 'failed', outcome: 'UpstreamSqlError', resultJson: '{}' });

    expect(ledger.claim(claim('k', 'h2'))).toEqual({ claimed: true });
    expect(ledger.find('k')).toMatchObject({
      status: 'pending',
      inputHash: 'h2',
      attempts: 2,
      outcome: null,
    });
    ledger.close();
  });

  it('records a preflight failure without overwriting a row someone else holds', () => {
    const ledger = new ReceiptLedger({ upstream: 'u', clock: new FakeClock() });

    expect(ledger.recordFailure(claim('fresh'), 'OrphanRiskError', '{"x":1}')).toBe(true);
    expect(ledger.find('fresh')).toMatchObject({
      status: 'failed',
      attempts: 0,
      outcome: 'OrphanRiskError',
    });

    ledger.claim(claim('held'));
    expect(ledger.recordFailure(claim('held', 'other'), 'DuplicatePackageError', '{}')).toBe(false);
    expect(ledger.find('held')).toMatchObject({ status: 'pending', inputHash: 'h1' });
    ledger.close();
  });

  it('pages the audit trail newest first and filters by status and location', () => {
    const clock = new FakeClock();
    const ledger = new ReceiptLedger({ upstream: 'u', clock });
    for (const key of ['a', 'b', 'c', 'd']) ledger.claim(claim(key));
    ledger.settle('b', {
      status: 'unknown',
      outcome: 'ReceiveOutcomeUnknownError',
      resultJson: '{}',
    });
    ledger.settle('c', { status: 'succeeded', outcome: 'ReceiveSuccess', resultJson: '{}' });

    const page1 = ledger.list({ first: 2 });
    const page2 = ledger.list({ first: 2, afterSeq: page1.entries[1].seq });
    const open = ledger.list({ first: 10, statuses: ['pending', 'unknown'] });

    expect(page1.entries.map((entry) => entry.idempotencyKey)).toEqual(['d', 'c']);
    expect(page1.hasNextPage).toBe(true);
    expect(page2.entries.map((entry) => entry.idempotencyKey)).toEqual(['b', 'a']);
    expect(page2.hasNextPage).toBe(false);
    expect(open.entries.map((entry) => entry.idempotencyKey)).toEqual(['d', 'b', 'a']);
    expect(ledger.list({ first: 10, locId: 2862 }).entries).toEqual([]);
    ledger.close();
  });
});
