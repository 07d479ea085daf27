import { describe, expect, it } from 'vitest';
import { canonicalJson, inputHash } from '../../src/receive/canonical-input';
import { parseReceiveInput } from '../../src/receive/parse-input';

const valid = {
  idempotencyKey: 'intake-2026-12-03-001',
  locId: 1989,
  vendorId: 4101,
  roomId: 24771,
  lines: [
    { productId: 310001, quantity: '3.5', unitCost: '4.25', packageId: '1A40001989000000NEW00001' },
  ],
};

function issuesOf(raw: unknown) {
  const parsed = parseReceiveInput(raw);
  if (parsed.ok) throw new Error('expected a validation error');

  return parsed.error;
}

describe('receive input validation', () => {
  it('lists every problem at once with its dotted field path', () => {
    const error = issuesOf({
      ...valid,
      vendorId: 0,
      receiveType: 'GIFT',
      lines: [
        valid.lines[0],
        { productId: 310002, sku: 'SWC-FL-GE-035', quantity: '2', unitCost: '1', packageId: 'B' },
        { sku: 'SWC-FL-GE-035', quantity: '-1', unitCost: 'abc', packageId: 'C' },
        { quantity: '1', unitCost: '1', packageId: 'has space' },
      ],
    });

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'vendorId',
      'receiveType',
      'lines.1.sku',
      'lines.2.quantity',
      'lines.2.unitCost',
      'lines.3.packageId',
      'lines.3.productId',
    ]);
    expect(error.issues[0].message).toBe('vendorId must be a positive integer id (got 0)');
    expect(error.issues[3].message).toBe('quantity must be greater than 0 (got "-1")');
    expect(error.message).toContain(
      'lines.2.unitCost: unitCost must be an exact decimal (got "abc")',
    );
    expect(error.hint).toMatch(/nothing was sent upstream/);
  });

  it('refuses hostile sizes cleanly: labels, line count, quantity ceiling, precision, unknown keys', () => {
    const line = valid.lines[0];
    const error = issuesOf({
      ...valid,
      note: 'x'.repeat(2001),
      sneaky: true,
      lines: [
        { ...line, packageId: 'L'.repeat(65) },
        { ...line, packageId: 'B', quantity: '1e9' },
        { ...line, packageId: 'C', quantity: '0.0000001' },
        { ...line, packageId: 'D', unitCost: '12.123456' },
      ],
    });

    expect(error.issues).toEqual([
      { path: 'note', message: 'note must be at most 2000 characters' },
      {
        path: 'lines.0.packageId',
        message: 'packageId (the package label) must be at most 64 characters',
      },
      { path: 'lines.1.quantity', message: 'quantity must be at most 100000 (got "1e9")' },
      {
        path: 'lines.2.quantity',
        message: 'quantity has 7 decimal places; at most 6 (got 0.0000001)',
      },
      {
        path: 'lines.3.unitCost',
        message: 'unitCost has 6 decimal places; at most 4 (got 12.123456)',
      },
      { path: '', message: 'unknown field(s) "sneaky"' },
    ]);

    const tooMany = issuesOf({ ...valid, lines: Array.from({ length: 201 }, () => line) });
    expect(tooMany.issues).toEqual([
      { path: 'lines', message: 'lines must hold at most 200 lines' },
    ]);
  });

  it('keeps the message short for a flood of problems while issues holds them all', () => {
    const bad = { productId: 1, quantity: 'x', unitCost: 'y', packageId: 'P' };
    const error = issuesOf({ ...valid, lines: Array.from({ length: 30 }, () => bad) });

    expect(error.issues).toHaveLength(60);
    expect(error.message).toMatch(/has 60 problems: .*; and 40 more$/);
  });

  it('reads quantities and costs as exact decimals from strings and JSON numbers', () => {
    const parsed = parseReceiveInput({
      ...valid,
      locId: '1989',
      lines: [{ productId: '310001', quantity: 0.1, unitCost: 0.2, packageId: 'A' }],
    });
    if (!parsed.ok) throw new Error(parsed.error.message);

    const line = parsed.input.lines[0];
    expect(parsed.input.locId).toBe(1989);
    expect(line.productId).toBe(310001);
    expect(line.quantity.toFixed()).toBe('0.1');
    expect(line.quantity.plus(line.unitCost).toFixed()).toBe('0.3');
    expect(parsed.input.receiveType).toBe('PURCHASE');
    expect(parsed.input.dryRun).toBe(false);
  });

  it('requires an offset on deliveredOn so the location-time conversion is unambiguous', () => {
    const error = issuesOf({ ...valid, deliveredOn: '2026-12-03T09:15:00' });

    expect(error.issues[0].path).toBe('deliveredOn');
    expect(error.issues[0].message).toMatch(/ISO date-time with an offset/);
  });
});

describe('canonical input', () => {
  it('hashes equal receives equally: decimal notation, offsets, null and dryRun do not matter', () => {
    const a = parseReceiveInput({ ...valid, deliveredOn: '2026-12-03T09:15:00-07:00', note: null });
    const b = parseReceiveInput({
      ...valid,
      dryRun: true,
      deliveredOn: '2026-12-03T16:15:00Z',
      lines: [{ ...valid.lines[0], quantity: 3.5, unitCost: '4.2500' }],
    });
    if (!a.ok || !b.ok) throw new Error('inputs should parse');

    expect(canonicalJson(a.input)).toBe(canonicalJson(b.input));
    expect(inputHash(canonicalJson(a.input))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes a different quantity differently', () => {
    const a = parseReceiveInput(valid);
    const b = parseReceiveInput({ ...valid, lines: [{ ...valid.lines[0], quantity: '3.4' }] });
    if (!a.ok || !b.ok) throw new Error('inputs should parse');

    expect(inputHash(canonicalJson(a.input))).not.toBe(inputHash(canonicalJson(b.input)));
  });
});
