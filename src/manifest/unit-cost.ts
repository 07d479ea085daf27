import { Decimal, type DecimalValue } from '../util/decimal';

/** Upstream unit costs carry four decimals; the exact line total travels as totalPackageCost. */
export const UNIT_COST_DECIMALS = 4;

/**
 * The manifest has no unit price, only the line total: unit cost is `line_price / qty`,
 * rounded half-even to four decimals (199.95 / 15 = 13.33; 100 / 3 = 33.3333).
 */
export function unitCostOf(lineTotal: DecimalValue, quantity: DecimalValue): DecimalValue {
  return lineTotal.div(quantity).toDecimalPlaces(UNIT_COST_DECIMALS, Decimal.ROUND_HALF_EVEN);
}
