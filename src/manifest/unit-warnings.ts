import { UNIT_ID_EACH, type Catalog } from '../dutchie/models';
import type { ManifestWarning } from './manifest-types';
import type { ManifestPreviewLine } from './preview-types';

const WEIGHT_UNITS = new Set(['g', 'mg', 'kg', 'oz', 'lb']);

/**
 * A line counted in one unit and received into a product sold in another would receive the
 * wrong amount: 10 jars ('ea') of a by-the-gram product are 10 g, not 35 g.
 *
 * LIMITATION: quantities are never converted (not 'oz' to grams, not jars to grams): the
 * manifest's qty is what a receive sends, so such lines are only flagged.
 */
export function unitWarnings(
  lines: readonly ManifestPreviewLine[],
  catalog: Catalog,
): ManifestWarning[] {
  const mismatched = lines.filter((line) => {
    const product = line.product && catalog.byId.get(line.product.productId);
    if (!product || line.uom === null) return false;

    const byTheUnit = product.unitId === UNIT_ID_EACH;

    return byTheUnit ? WEIGHT_UNITS.has(line.uom) : line.uom !== 'g';
  });

  return mismatched.map((line) => {
    const product = catalog.byId.get(line.product!.productId)!;
    const soldBy = product.unitId === UNIT_ID_EACH ? 'the unit' : 'the gram';

    return {
      code: 'UNIT_MISMATCH' as const,
      message: `line ${line.index} counts qty ${line.quantity.toFixed()} in '${line.uom}', but product ${product.productId} (${product.name}) is sold by ${soldBy}; the quantity is not converted`,
      path: `$.inventory_transfer_items[${line.index}].uom`,
      lines: [line.index],
    };
  });
}
