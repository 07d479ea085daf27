import type { Catalog, Product } from '../dutchie/models';
import { brandPrefixTokens, productNameTokens } from './product-name-tokens';

export interface IndexedProduct {
  product: Product;
  /** The name's tokens that are not the brand's. */
  core: ReadonlySet<string>;
  /** The brand's tokens: they count when a manifest name has them, and are not missed when not. */
  brand: ReadonlySet<string>;
  /** The brand's tokens joined, to compare with a sender's or vendor's name. */
  brandKey: string;
}

/** What name matching needs of a catalog, computed once per catalog object. */
export interface CatalogNameIndex {
  entries: readonly IndexedProduct[];
  /** Token → positions in `entries` of the products whose name or brand holds it. */
  postings: ReadonlyMap<string, readonly number[]>;
  /** SKUs compared without case or surrounding space. */
  bySku: ReadonlyMap<string, readonly Product[]>;
}

/**
 * A catalog holds about 17,000 products and is fetched once and reused, so its index lives as
 * long as the catalog object does (a WeakMap: a new fetch is a new object and a new index, and
 * a dropped catalog takes its index with it). A 40-line preview then costs 40 look-ups.
 */
const indexes = new WeakMap<Catalog, CatalogNameIndex>();

export function catalogNameIndex(catalog: Catalog): CatalogNameIndex {
  const cached = indexes.get(catalog);
  if (cached) return cached;

  const index = buildIndex(catalog);
  indexes.set(catalog, index);

  return index;
}

function buildIndex(catalog: Catalog): CatalogNameIndex {
  const entries: IndexedProduct[] = [];
  const postings = new Map<string, number[]>();
  const bySku = new Map<string, Product[]>();

  for (const product of catalog.products) {
    const brandTokens = brandPrefixTokens(product.brand);
    const brand = new Set(brandTokens);
    const core = new Set(productNameTokens(product.name).filter((token) => !brand.has(token)));
    const position = entries.push({ product, core, brand, brandKey: brandTokens.join(' ') }) - 1;

    for (const token of new Set([...core, ...brand])) appendTo(postings, token, position);

    const sku = skuKey(product.sku);
    if (sku !== null) appendTo(bySku, sku, product);
  }

  return { entries, postings, bySku };
}

export function skuKey(sku: string | null): string | null {
  const key = sku?.trim().toLowerCase() ?? '';

  return key === '' ? null : key;
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);

  if (list) list.push(value);
  else map.set(key, [value]);
}
