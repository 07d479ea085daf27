import { createHash } from 'node:crypto';
import { Decimal, formatDecimal } from '../util/decimal';
import type { ParsedReceiveInput } from './input-schema';

/**
 * The input as the ledger remembers it: what decides whether a repeated key is the same
 * request. Decimals in canonical form ("3.50" and 3.5 are one quantity), the delivery time in
 * UTC (an offset is only notation), absent and null alike, keys sorted; the idempotency key
 * and dryRun are left out because they do not change what would be received. It holds no
 * secret: the input carries none.
 */
export function canonicalInput(input: ParsedReceiveInput): Record<string, unknown> {
  const { idempotencyKey: _key, dryRun: _dryRun, deliveredOn, lines, ...header } = input;

  return sortKeys({
    ...header,
    deliveredOn: deliveredOn === undefined ? undefined : new Date(deliveredOn).toISOString(),
    lines: lines.map((line) => ({ ...line })),
  }) as Record<string, unknown>;
}

/** The canonical input as one JSON text, stable across processes and restarts. */
export function canonicalJson(input: ParsedReceiveInput): string {
  return JSON.stringify(canonicalInput(input));
}

export function inputHash(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return formatDecimal(value as InstanceType<typeof Decimal>);
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;

  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  return Object.fromEntries(entries.map(([key, entry]) => [key, sortKeys(entry)]));
}
