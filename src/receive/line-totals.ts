import { Decimal, formatDecimal, type DecimalValue } from '../util/decimal';
import type { ParsedReceiveInput } from './input-schema';
import { validationError } from './parse-input';
import type { ValidationError, ValidationIssue } from './results';

/** Half a unit of the unit cost's fourth decimal: how far a rounded unit cost can be off. */
const HALF_UNIT_COST_STEP = new Decimal('0.00005');

export type LineTotalsResult =
  { ok: true; input: ParsedReceiveInput } | { ok: false; error: ValidationError };

/**
 * Gives each line the exact total an internal caller holds (a manifest's line_price), so the
 * body sends it as `totalPackageCost` instead of quantity × unitCost. A total must be one that
 * the line's unit cost rounds from (|quantity × unitCost − total| ≤ quantity × 0.00005), so it
 * can correct the rounding and never carry another price past the input's validation.
 */
export function withLineTotals(
  input: ParsedReceiveInput,
  totals: readonly DecimalValue[] | undefined,
): LineTotalsResult {
  if (totals === undefined) return { ok: true, input };

  if (totals.length !== input.lines.length) {
    const message = `lineTotals holds ${totals.length} totals for ${input.lines.length} lines`;

    return { ok: false, error: validationError([{ path: 'lines', message }]) };
  }

  const issues = input.lines.flatMap((line, index) => checkTotal(line, totals[index], index));
  if (issues.length > 0) return { ok: false, error: validationError(issues) };

  const lines = input.lines.map((line, index) => ({ ...line, totalPackageCost: totals[index] }));

  return { ok: true, input: { ...input, lines } };
}

function checkTotal(
  line: ParsedReceiveInput['lines'][number],
  total: DecimalValue,
  index: number,
): ValidationIssue[] {
  const path = `lines.${index}.totalPackageCost`;

  if (!Decimal.isDecimal(total) || !total.isFinite() || total.isNegative()) {
    return [
      { path, message: `the line total must be a decimal of at least 0 (got ${String(total)})` },
    ];
  }

  const product = line.quantity.times(line.unitCost);
  if (product.minus(total).abs().lte(line.quantity.times(HALF_UNIT_COST_STEP))) return [];

  return [
    {
      path,
      message: `the line total ${formatDecimal(total)} is not what unitCost ${formatDecimal(line.unitCost)} rounds from for quantity ${formatDecimal(line.quantity)} (${formatDecimal(product)})`,
    },
  ];
}
