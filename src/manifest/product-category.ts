import type { ManifestItem } from './manifest-types';
import { productNameTokens } from './product-name-tokens';

export interface ProductCategory {
  category: string;
  masterCategory: string;
}

/** Name words that say what the product is, checked before the state's inventory type. */
const BY_NAME_WORD: readonly [string, ProductCategory][] = [
  ['joint', { category: 'Pre-Rolls', masterCategory: 'Pre-Rolls' }],
  ['preroll', { category: 'Pre-Rolls', masterCategory: 'Pre-Rolls' }],
  ['legs', { category: 'Pre-Rolls', masterCategory: 'Pre-Rolls' }],
  ['blunt', { category: 'Pre-Rolls', masterCategory: 'Pre-Rolls' }],
  ['pod', { category: 'Pods', masterCategory: 'Vapes' }],
  ['cartridge', { category: 'Cartridges', masterCategory: 'Vapes' }],
  ['disposable', { category: 'Disposables', masterCategory: 'Vapes' }],
  ['vape', { category: 'Vapes', masterCategory: 'Vapes' }],
  ['gummies', { category: 'Gummies', masterCategory: 'Edibles' }],
  ['chocolate', { category: 'Chocolates', masterCategory: 'Edibles' }],
];

/** WA's CCRS inventory types, as `inventory_type` carries them. */
const BY_INVENTORY_TYPE: readonly [RegExp, ProductCategory][] = [
  [/pre-?roll/i, { category: 'Pre-Rolls', masterCategory: 'Pre-Rolls' }],
  [/usable (marijuana|cannabis)|flower/i, { category: 'Flower', masterCategory: 'Flower' }],
  [/concentrate/i, { category: 'Concentrates', masterCategory: 'Concentrates' }],
  [/edible/i, { category: 'Edibles', masterCategory: 'Edibles' }],
  [/topical/i, { category: 'Topicals', masterCategory: 'Topicals' }],
  [/tincture/i, { category: 'Tinctures', masterCategory: 'Tinctures' }],
];

/**
 * The catalog category of a manifest line, in the seed's vocabulary (Flower, Gummies under
 * Edibles, Pods under Vapes): the name first ("... Disposable - 1g" is a vape whatever its
 * state type), then the state type, then 'Other'.
 */
export function categoryOf(
  item: Pick<ManifestItem, 'productName' | 'inventoryType'>,
): ProductCategory {
  const words = new Set(productNameTokens(item.productName ?? ''));
  const byName = BY_NAME_WORD.find(([word]) => words.has(word));
  if (byName) return byName[1];

  const byType = BY_INVENTORY_TYPE.find(([pattern]) => pattern.test(item.inventoryType ?? ''));

  return byType ? byType[1] : { category: 'Other', masterCategory: 'Other' };
}
