import { describe, expect, it } from 'vitest';
import { manifestIdempotencyKey, type IdempotencyLine } from '../../src/manifest';
import { Decimal } from '../../src/util/decimal';

const lines: IdempotencyLine[] = [
  {
    packageId: '15410167200667924',
    productId: 310008,
    quantity: new Decimal(15),
    totalPackageCost: new Decimal('199.95'),
  },
  {
    packageId: '15410167200667925',
    productId: 310007,
    quantity: new Decimal('10'),
    totalPackageCost: new Decimal('133.3'),
  },
  {
    packageId: '15410167200667926',
    productId: 310007,
    quantity: new Decimal('0.5'),
    totalPackageCost: new Decimal(0),
  },
];
const key = (
  selectedLines = lines,
  senderLicense: string | null = '413632',
  transferId = '15410217973875889',
) => manifestIdempotencyKey({ senderLicense, transferId, selectedLines });

describe('the idempotency key of a manifest receive', () => {
  it('is the same for the same selection, in any order and spelling of its numbers', () => {
    const respelled = [
      { ...lines[2], quantity: '0.50', totalPackageCost: '0.00' },
      { ...lines[0], quantity: 15, totalPackageCost: 199.95 },
      { ...lines[1], quantity: '10.0', totalPackageCost: '133.30' },
    ];

    expect(key()).toBe(key());
    expect(key([...lines].reverse())).toBe(key());
    expect(key(respelled)).toBe(key());
    expect(key(lines, ' 413-632 ')).toBe(key());
  });

  it('changes with any line, product, quantity or cost, and with the sender or the transfer', () => {
    const variants = [
      key(lines.slice(0, 2)),
      key([...lines, { ...lines[0], packageId: 'OTHER' }]),
      key([{ ...lines[0], productId: 310001 }, lines[1], lines[2]]),
      key([{ ...lines[0], quantity: new Decimal(14) }, lines[1], lines[2]]),
      key([{ ...lines[0], totalPackageCost: new Decimal('199.96') }, lines[1], lines[2]]),
      key(lines, '413633'),
      key(lines, '413632', '15410217973875890'),
      key([...lines, lines[0]]),
    ];

    expect(new Set([key(), ...variants]).size).toBe(variants.length + 1);
  });

  it('reads as the sender, the transfer and a digest, safe to send upstream', () => {
    expect(key()).toMatch(/^wcia:413632:15410217973875889:[0-9a-f]{24}$/);
    expect(
      manifestIdempotencyKey({
        senderLicense: null,
        transferId: 'WY413287.TR 88/213',
        selectedLines: lines,
      }),
    ).toMatch(/^wcia:unknown:WY413287\.TR_88_213:[0-9a-f]{24}$/);
  });
});
