import type { DecimalValue } from '../../util/decimal';
import type { Catalog, Product } from '../models';
import { SchemaMismatch } from './schema-mismatch';
import {
  INVALID,
  describeValue,
  readInt,
  readOptionalDecimal,
  readOptionalInt,
  readOptionalText,
  readText,
} from './values';

/** Problems reported before giving up on a catalog; one is enough to refuse it. */
const MAX_PROBLEMS = 3;

/**
 * get-products-lite → an indexed Catalog. This is the one answer big enough to matter (about
 * 17,000 rows for AZ), so instead of a zod schema it is one hand-written loop over the parsed
 * JSON applying the same readers the schemas use: one object per product with a fixed shape,
 * decimals shared between rows with the same weight (decimal.js values are immutable), and
 * both indexes filled in the same pass.
 */
export function parseCatalog(data: unknown, lspId: number): Catalog {
  const rows = data === null || data === undefined ? [] : data;
  if (!Array.isArray(rows))
    throw new SchemaMismatch(`Data: expected a list of products, got ${describeValue(rows)}`);

  const reader = new ProductRowReader(lspId);
  const products: Product[] = new Array(rows.length);
  const byId = new Map<number, Product>();
  const bySku = new Map<string, Product[]>();

  for (let index = 0; index < rows.length; index += 1) {
    const product = reader.read(rows[index], index);
    if (product === null) continue;

    products[index] = product;
    byId.set(product.productId, product);

    if (product.sku !== null) {
      const sameSku = bySku.get(product.sku);
      if (sameSku) sameSku.push(product);
      else bySku.set(product.sku, [product]);
    }
  }

  reader.throwIfProblems();

  return { lspId, products, byId, bySku };
}

class ProductRowReader {
  private readonly problems: string[] = [];
  private readonly weights = new Map<unknown, DecimalValue | null>();

  constructor(private readonly lspId: number) {}

  read(row: unknown, index: number): Product | null {
    if (typeof row !== 'object' || row === null) {
      this.problem(index, '', `expected a product, got ${describeValue(row)}`);

      return null;
    }

    const r = row as Record<string, unknown>;
    const productId = readInt(r.ProductId);
    const name = readText(r.Name);
    const sku = readOptionalText(r.Sku);
    const category = readOptionalText(r.Category);
    const masterCategory = readOptionalText(r.MasterCategory);
    const brand = readOptionalText(r.Brand);
    const vendorId = readOptionalInt(r.VendorId);
    const unitId = readOptionalInt(r.UnitId);
    const unitAbbreviation = readOptionalText(r.UnitAbbreviation);
    const netWeight = this.weight(r.NetWeight);

    if (
      productId === INVALID ||
      name === INVALID ||
      sku === INVALID ||
      category === INVALID ||
      masterCategory === INVALID ||
      brand === INVALID ||
      vendorId === INVALID ||
      unitId === INVALID ||
      unitAbbreviation === INVALID ||
      netWeight === INVALID
    ) {
      this.explain(r, index);

      return null;
    }

    return {
      productId,
      lspId: this.lspId,
      sku,
      name,
      category,
      masterCategory,
      brand,
      vendorId,
      unitId,
      unitAbbreviation,
      netWeight,
    };
  }

  throwIfProblems(): void {
    if (this.problems.length > 0) throw new SchemaMismatch(this.problems.join('; '));
  }

  private weight(value: unknown): DecimalValue | null | typeof INVALID {
    const cached = this.weights.get(value);
    if (cached !== undefined) return cached;

    const parsed = readOptionalDecimal(value);
    if (parsed !== INVALID) this.weights.set(value, parsed);

    return parsed;
  }

  /** The slow path, only for a refused row: say which field and what arrived. */
  private explain(r: Record<string, unknown>, index: number): void {
    const checks: [string, (value: unknown) => unknown, string][] = [
      ['ProductId', readInt, 'an integer'],
      ['Name', readText, 'text'],
      ['Sku', readOptionalText, 'text or nothing'],
      ['Category', readOptionalText, 'text or nothing'],
      ['MasterCategory', readOptionalText, 'text or nothing'],
      ['Brand', readOptionalText, 'text or nothing'],
      ['VendorId', readOptionalInt, 'an integer or nothing'],
      ['UnitId', readOptionalInt, 'an integer or nothing'],
      ['UnitAbbreviation', readOptionalText, 'text or nothing'],
      ['NetWeight', readOptionalDecimal, 'a decimal or nothing'],
    ];

    for (const [key, read, expected] of checks) {
      if (read(r[key]) === INVALID)
        this.problem(index, `.${key}`, `expected ${expected}, got ${describeValue(r[key])}`);
    }
  }

  private problem(index: number, path: string, text: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`[${index}]${path}: ${text}`);
  }
}
