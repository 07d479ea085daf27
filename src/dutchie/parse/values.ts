import { parseDecimal, type DecimalValue } from '../../util/decimal';
import { toZonedIso } from '../time-zones';

/** Returned by a reader for a value it refuses; never a silently invented default. */
export const INVALID: unique symbol = Symbol('invalid');
export type Read<T> = T | typeof INVALID;

const INTEGER_TEXT = /^\s*-?\d+\s*$/;

function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** IDs arrive as numbers or numeric strings. */
export function readInt(value: unknown): Read<number> {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : INVALID;
  if (typeof value === 'string' && INTEGER_TEXT.test(value)) {
    const parsed = Number(value);

    return Number.isSafeInteger(parsed) ? parsed : INVALID;
  }

  return INVALID;
}

/** "" and null mean "no value", never 0. */
export function readOptionalInt(value: unknown): Read<number | null> {
  return isAbsent(value) ? null : readInt(value);
}

const FLAG_WORDS: Record<string, boolean> = {
  yes: true,
  no: false,
  y: true,
  n: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
};

/** Upstream flags are the strings "yes"/"no" (rooms), sometimes real booleans. */
export function readFlag(value: unknown): Read<boolean> {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return INVALID;

  return FLAG_WORDS[value.trim().toLowerCase()] ?? INVALID;
}

export function readText(value: unknown): Read<string> {
  return typeof value === 'string' ? value : INVALID;
}

/** Optional text: null, missing and "" are all "none". */
export function readOptionalText(value: unknown): Read<string | null> {
  if (isAbsent(value)) return null;

  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : INVALID;
}

/**
 * Exact decimals from a JSON number (already a double: decimal.js takes its shortest
 * round-trip text, so 3.5 stays 3.5 and 0.1 stays 0.1) or a numeric string.
 */
export function readDecimal(value: unknown): Read<DecimalValue> {
  return parseDecimal(value) ?? INVALID;
}

export function readOptionalDecimal(value: unknown): Read<DecimalValue | null> {
  return isAbsent(value) ? null : readDecimal(value);
}

/** A date read in the location's zone; null stays null (never 1970). */
export function readOptionalDate(value: unknown, zone: string): Read<string | null> {
  if (isAbsent(value)) return null;
  if (typeof value !== 'string') return INVALID;

  return toZonedIso(value, zone) ?? INVALID;
}

/** How a refused value is shown in a message: short, typed, never a whole payload. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${clip(value, 40)}'`;
  if (value === null || typeof value !== 'object') return String(value);

  return Array.isArray(value) ? 'an array' : 'an object';
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
