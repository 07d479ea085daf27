import type { Catalog, Product } from '../../../src/dutchie/models';
import type { SandboxProductInput } from '../../../src/sandbox/types';
import { Decimal } from '../../../src/util/decimal';

export type ProductRow = Partial<Product> & { productId: number; name: string };

/** A Catalog as the client builds one from get-products-lite, indexed by id and by SKU. */
export function catalogOf(rows: readonly ProductRow[], lspId = 575): Catalog {
  const products: Product[] = rows.map((row) => ({
    lspId,
    sku: null,
    category: null,
    masterCategory: null,
    brand: null,
    vendorId: null,
    unitId: 1,
    unitAbbreviation: 'ea',
    netWeight: null,
    ...row,
  }));
  const bySku = new Map<string, Product[]>();

  for (const product of products) {
    if (product.sku !== null) bySku.set(product.sku, [...(bySku.get(product.sku) ?? []), product]);
  }

  return { lspId, products, byId: new Map(products.map((p) => [p.productId, p])), bySku };
}

/** The rows an import of these inputs would add, numbered from `firstId`. */
export function rowsFromInputs(
  inputs: readonly SandboxProductInput[],
  firstId: number,
): ProductRow[] {
  return inputs.map((input, position) => ({
    productId: firstId + position,
    name: input.name,
    sku: input.sku ?? null,
    category: input.category ?? null,
    masterCategory: input.masterCategory ?? null,
    brand: input.brand ?? null,
    vendorId: input.vendorId ?? null,
    unitId: input.unitId ?? 1,
    netWeight: input.netWeight == null ? null : new Decimal(input.netWeight),
  }));
}
