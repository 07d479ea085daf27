import { formatDecimal, parseDecimal } from '../util/decimal';
import { SqlFailure, sqlMessages } from './sql-messages';

/**
 * Reads ids and decimals the way the upstream does: numbers or numeric strings both work, and
 * an empty string counts as absent (ASP.NET model binding turns "" into null). Anything else
 * fails as SQL Server would when the value reaches its column.
 */
export function readInt(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\s*[-+]?\d{1,10}\s*$/.test(value)) return Number(value);

  throw new SqlFailure(
    sqlMessages.toInt(typeof value === 'string' ? value : JSON.stringify(value)),
  );
}

/** A decimal as canonical text ("3.5" stays "3.5"), or null when absent. */
export function readDecimal(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;

  const decimal = parseDecimal(value);
  if (!decimal) throw new SqlFailure(sqlMessages.toNumeric());

  return formatDecimal(decimal);
}

/** An id where a read endpoint needs one; absent and malformed both give null. */
export function lenientInt(value: unknown): number | null {
  try {
    return readInt(value);
  } catch {
    return null;
  }
}

export function readText(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;

  return typeof value === 'string' ? value : String(value);
}
