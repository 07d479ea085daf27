import type { Catalog, Product } from '../dutchie/models';
import { brandPrefixTokens, productNameTokens, withoutPrefix } from './product-name-tokens';

export interface IndexedProduct {
  product: Product;
  /** The name's tokens without a leading brand ("Wyld - Marionberry ..." → marionberry ...). */
  tokens: readonly string[];
  tokenSet: ReadonlySet<string>;
  /** The brand's tokens, which a manifest name may lead with too. */
  brandTokens: readonly string[];
}

/** What name matching needs of a catalog, computed once per catalog object. */
export interface CatalogNameIndex {
  entries: readonly IndexedProduct[];
  /** Token → positions in `entries` of the products whose name holds it. */
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
    const tokens = withoutPrefix(productNameTokens(product.name), brandTokens);
    const tokenSet = new Set(tokens);
    const position = entries.push({ product, tokens, tokenSet, brandTokens }) - 1;

    for (const token of tokenSet) appendTo(postings, token, position);

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
