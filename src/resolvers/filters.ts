import type { Catalog, InventoryRow, Product } from '../dutchie/models';

export interface InventoryFilter {
  /** Case-insensitive, within the product name, SKU or brand. */
  search?: string | null;
  roomId?: number | null;
  vendorId?: number | null;
  productId?: number | null;
  /** Exact SKU. */
  sku?: string | null;
  /** Packages with quantity 0 are left out unless true. */
  includeZeroQuantity?: boolean | null;
}

export type ProductFilter = Pick<InventoryFilter, 'search' | 'vendorId' | 'productId' | 'sku'>;

/**
 * Rows of an inventory snapshot that match. `catalog` is needed only for `search`, because an
 * inventory row carries no brand.
 */
export function inventoryMatcher(
  filter: InventoryFilter,
  catalog: Catalog | null,
): (row: InventoryRow) => boolean {
  const needle = normalizedSearch(filter.search);

  return (row) => {
    if (!filter.includeZeroQuantity && row.quantity.isZero()) return false;
    if (!matchesId(filter.roomId, row.roomId)) return false;
    if (!matchesId(filter.vendorId, row.vendorId)) return false;
    if (!matchesId(filter.productId, row.productId)) return false;
    if (filter.sku != null && row.sku !== filter.sku) return false;
    if (needle === null) return true;

    const brand = catalog?.byId.get(row.productId)?.brand ?? null;

    return contains(needle, row.productName, row.sku, brand);
  };
}

export function productMatcher(filter: ProductFilter): (product: Product) => boolean {
  const needle = normalizedSearch(filter.search);

  return (product) => {
    if (!matchesId(filter.vendorId, product.vendorId)) return false;
    if (!matchesId(filter.productId, product.productId)) return false;
    if (filter.sku != null && product.sku !== filter.sku) return false;

    return needle === null || contains(needle, product.name, product.sku, product.brand);
  };
}

function matchesId(wanted: number | null | undefined, actual: number | null): boolean {
  return wanted == null || wanted === actual;
}

function normalizedSearch(search: string | null | undefined): string | null {
  const text = search?.trim().toLowerCase();

  return text ? text : null;
}

function contains(needle: string, ...fields: (string | null)[]): boolean {
  return fields.some((field) => field !== null && field.toLowerCase().includes(needle));
}
