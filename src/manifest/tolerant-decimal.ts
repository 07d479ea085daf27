import { parseDecimal, type DecimalValue } from '../util/decimal';
import { read, show, type Read } from './read-result';

/** "$1,234.50": currency formatting is allowed for ≤2.0 prices, so it is accepted everywhere. */
const CURRENCY = /^\$?\s*([-+]?)\s*\$?\s*(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

/**
 * A JSON number or a numeric string, also currency-formatted ("$1,234.50", "10.00"). Returns
 * null for anything else, including "" and null; callers decide whether that is fatal.
 */
export function parseLooseDecimal(value: unknown): DecimalValue | null {
  const parsed = parseDecimal(value) ?? parseCurrency(value);

  // "1e99999999999999999" is numeric text that decimal.js can only hold as Infinity.
  return parsed !== null && parsed.isFinite() ? parsed : null;
}

function parseCurrency(value: unknown): DecimalValue | null {
  if (typeof value !== 'string') return null;

  const match = CURRENCY.exec(value.trim());
  if (!match || (match[2] === undefined && match[4] === undefined)) return null;

  return parseDecimal(`${match[1]}${(match[2] ?? '0').replaceAll(',', '')}${match[4] ?? ''}`);
}

/** An optional number (unit weight, potency value): unreadable becomes null with a note. */
export function readOptionalDecimal(value: unknown): Read<DecimalValue | null> {
  if (value === undefined || value === null || value === '') return read(null);

  const parsed = parseLooseDecimal(value);
  if (parsed !== null) return read(parsed);

  return read(null, { code: 'NUMBER_UNREADABLE', fragment: `${show(value)} is not a number` });
}
