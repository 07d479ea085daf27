import Decimal from 'decimal.js';

/**
 * Quantities and costs are exact decimals end to end: 0.1 g + 0.2 g must compare equal to
 * 0.3 g, and 3.5 g must never become 3. decimal.js is configured once here and re-exported so
 * every module shares the same precision and rounding.
 */
const ExactDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

export { ExactDecimal as Decimal };
export type DecimalValue = InstanceType<typeof ExactDecimal>;

/**
 * Most digits a decimal may have before, and after, its point. Exponent notation makes a few
 * bytes of text stand for a number whose exact form is megabytes long ("1e100000000"); no
 * quantity, cost or upstream value comes near this, and anything beyond it is refused as it is
 * read, before any code writes it out.
 */
export const MAX_DECIMAL_DIGITS = 100;

export type DecimalReading =
  { ok: true; value: DecimalValue } | { ok: false; reason: 'not-a-number' | 'out-of-range' };

/** Reads a JSON number or numeric string, saying why when it is not a decimal this code takes. */
export function readDecimal(value: unknown): DecimalReading {
  const parsed = parseNumeric(value);
  if (parsed === null) return { ok: false, reason: 'not-a-number' };

  // The exponent and the count of decimals are read from decimal.js's digits, never written out.
  const tooLong =
    !parsed.isFinite() ||
    parsed.e >= MAX_DECIMAL_DIGITS ||
    parsed.decimalPlaces() > MAX_DECIMAL_DIGITS;
  if (tooLong) return { ok: false, reason: 'out-of-range' };

  return { ok: true, value: parsed };
}

/**
 * Parses a JSON number or numeric string; returns null for anything else ("" is not 0), and
 * for a decimal of more than MAX_DECIMAL_DIGITS digits before or after its point.
 */
export function parseDecimal(value: unknown): DecimalValue | null {
  const reading = readDecimal(value);

  return reading.ok ? reading.value : null;
}

function parseNumeric(value: unknown): DecimalValue | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new ExactDecimal(value) : null;
  if (typeof value !== 'string') return null;

  const text = value.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;

  return new ExactDecimal(text);
}

/** The canonical string form of a decimal: no exponent, no trailing zeros. */
export function formatDecimal(value: DecimalValue): string {
  return value.toFixed();
}
