import { z } from 'zod';
import type { Product } from '../models';
import { zInt, zOptionalDecimal, zOptionalInt, zOptionalText, zText } from './fields';
import { parseWith } from './schema-mismatch';

const ProductDetailsSchema = z.object({
  ProductId: zInt,
  LspId: zOptionalInt,
  Sku: zOptionalText,
  Name: zText,
  Category: zOptionalText,
  MasterCategory: zOptionalText,
  Brand: zOptionalText,
  VendorId: zOptionalInt,
  UnitId: zOptionalInt,
  UnitAbbreviation: zOptionalText,
  NetWeight: zOptionalDecimal,
});

/**
 * get-product-details-v2 → Product, or null when there is none. A product that names another
 * LSP than the one asked for is not in that catalog, so it reads as null too.
 */
export function parseProductDetails(data: unknown, lspId: number): Product | null {
  if (data === null || data === undefined) return null;

  const row = parseWith(ProductDetailsSchema, Array.isArray(data) ? (data[0] ?? null) : data);
  if (row === null) return null;
  if (row.LspId !== null && row.LspId !== lspId) return null;

  return {
    productId: row.ProductId,
    lspId,
    sku: row.Sku,
    name: row.Name,
    category: row.Category,
    masterCategory: row.MasterCategory,
    brand: row.Brand,
    vendorId: row.VendorId,
    unitId: row.UnitId,
    unitAbbreviation: row.UnitAbbreviation,
    netWeight: row.NetWeight,
  };
}
