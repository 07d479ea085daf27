import { UNIT_ID_EACH } from '../dutchie/models';
import type { SandboxProductInput } from '../sandbox/types';
import { Decimal, formatDecimal, type DecimalValue } from '../util/decimal';
import { skuKey } from './catalog-name-index';
import type { ManifestItem, ParsedManifest } from './manifest-types';
import { categoryOf } from './product-category';
import { brandPrefixTokens, productNameTokens } from './product-name-tokens';

/** The sandbox's grams unit (its seed uses UnitId 3; upstream, anything but 1 is by weight). */
export const GRAMS_UNIT_ID = 3;

const WEIGHT_UNITS = new Set(['g', 'mg', 'kg', 'oz', 'lb']);

/** Grams per unit, for net weights sent in another unit. */
const GRAMS_PER: Readonly<Record<string, string>> = {
  g: '1',
  mg: '0.001',
  kg: '1000',
  oz: '28.349523125',
  lb: '453.59237',
};

export interface ManifestToSandboxProductsOptions {
  /** The vendor the products come from (the proposed vendor at the receiving location). */
  vendorId?: number | null;
}

/**
 * The products a sandbox catalog needs so that a real delivery can be received end to end:
 * one per distinct product on the manifest (lines repeating a name or SKU share one), named
 * exactly as the manifest names it, so that name matching resolves every line to exactly one
 * of them. The sender's name is the brand.
 *
 * LIMITATION: a line with no product_name and no product_sku gets no product, since nothing
 * could match it back; such a line has to be given a product by hand.
 */
export function manifestToSandboxProducts(
  parsed: ParsedManifest,
  options: ManifestToSandboxProductsOptions = {},
): SandboxProductInput[] {
  const brandTokens = brandPrefixTokens(parsed.sender.name);
  const byKey = new Map<string, SandboxProductInput>();

  for (const item of parsed.items) {
    const key = productKey(item, brandTokens);
    if (key === null || byKey.has(key)) continue;

    byKey.set(key, productInput(item, parsed.sender.name, options.vendorId ?? null));
  }

  return [...byKey.values()];
}

/**
 * Lines are one product when they share a SKU, or, without one, when their names normalize
 * to the same tokens: the matcher could not tell two such products apart anyway.
 */
function productKey(item: ManifestItem, brandTokens: readonly string[]): string | null {
  const sku = skuKey(item.productSku);
  if (sku !== null) return `sku:${sku}`;

  // The matcher reads the brand's words as optional, so they are left out of the key too.
  const brand = new Set(brandTokens);
  const tokens = new Set(
    productNameTokens(item.productName ?? '').filter((token) => !brand.has(token)),
  );
  if (tokens.size === 0) return null;

  return `name:${[...tokens].sort().join(' ')}`;
}

function productInput(
  item: ManifestItem,
  brand: string | null,
  vendorId: number | null,
): SandboxProductInput {
  const { category, masterCategory } = categoryOf(item);
  const byWeight = item.uom !== null && WEIGHT_UNITS.has(item.uom);
  const netWeight = gramsOf(item.unitWeight, item.unitWeightUom);

  return {
    sku: item.productSku,
    name: item.productName ?? `${item.productSku}`,
    category,
    masterCategory,
    brand,
    vendorId,
    unitId: byWeight ? GRAMS_UNIT_ID : UNIT_ID_EACH,
    netWeight: netWeight === null ? null : formatDecimal(netWeight),
  };
}

function gramsOf(weight: DecimalValue | null, unit: string | null): DecimalValue | null {
  const factor = GRAMS_PER[unit ?? ''];
  if (weight === null || factor === undefined) return null;

  return weight.times(new Decimal(factor));
}
