import { Decimal, type DecimalValue } from '../util/decimal';

/**
 * The GraphQL input as the receive engine's schema reads it. Two differences are bridged: a
 * GraphQL null means "not given" (the engine's optional fields take absent, not null), and the
 * Decimal scalar has already parsed quantities and costs, which the engine takes as text so
 * that it alone decides bounds and decimal places. The text is decimal.js's shortest form
 * ("1e-50", not 52 characters of zeros), so the engine judges the value, not its length.
 */
export function engineReceiveInput(input: Record<string, unknown>): Record<string, unknown> {
  const { lines, ...header } = input;

  return {
    ...withoutNulls(header),
    lines: Array.isArray(lines) ? lines.map((line) => withoutNulls(line)) : lines,
  };
}

function withoutNulls(value: unknown): Record<string, unknown> {
  const entries = Object.entries((value ?? {}) as Record<string, unknown>)
    .filter(([, field]) => field !== null && field !== undefined)
    .map(([key, field]) => [
      key,
      Decimal.isDecimal(field) ? (field as DecimalValue).toString() : field,
    ]);

  return Object.fromEntries(entries);
}
