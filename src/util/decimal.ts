import Decimal from 'decimal.js';

/**
 * Quantities and costs are exact decimals end to end: 0.1 g + 0.2 g must compare equal to
 * 0.3 g, and 3.5 g must never become 3. decimal.js is configured once here and re-exported so
 * every module shares the same precision and rounding.
 */
const ExactDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

export { ExactDecimal as Decimal };
export type DecimalValue = InstanceType<typeof ExactDecimal>;

/** Parses a JSON number or numeric string; returns null for anything else ("" is not 0). */
export function parseDecimal(value: unknown): DecimalValue | null {
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
