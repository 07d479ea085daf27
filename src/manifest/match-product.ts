import type { Catalog } from '../dutchie/models';
import {
  catalogNameIndex,
  skuKey,
  type CatalogNameIndex,
  type IndexedProduct,
} from './catalog-name-index';
import {
  brandPrefixTokens,
  measureOf,
  productNameTokens,
  withoutPrefix,
} from './product-name-tokens';

export type MatchStatus = 'RESOLVED' | 'AMBIGUOUS' | 'UNRESOLVED';

export interface ProductCandidate {
  productId: number;
  name: string;
  sku: string | null;
  /** 0 to 1, three decimals; 1 means the same name once normalized (or the same SKU). */
  score: number;
}

export interface ProductMatch {
  status: MatchStatus;
  matchedBy: 'sku' | 'name' | null;
  /** Set when RESOLVED. */
  product: ProductCandidate | null;
  /** Ranked best first: the one product when RESOLVED, the choices when AMBIGUOUS, the nearest when UNRESOLVED. */
  candidates: ProductCandidate[];
}

export interface MatchQuery {
  name: string | null;
  sku: string | null;
  /** Names a manifest's product name may start with (the sender, the proposed vendor). */
  brandPrefixes?: readonly (string | null)[];
}

/**
 * How name scores turn into a status. A unique exact match (the same token set) resolves.
 * Otherwise the best score resolves only when it is at least `resolve` and ahead of the
 * second by `margin`; scores of at least `candidate` make the line AMBIGUOUS, with up to
 * `maxCandidates` choices; below that the line is UNRESOLVED with its `nearest` few.
 */
export const MATCH_THRESHOLDS = {
  resolve: 0.85,
  margin: 0.15,
  candidate: 0.5,
  maxCandidates: 5,
  nearest: 3,
  /** Each unit (g, mg, pk, ...) whose amounts differ on both sides multiplies the score by this. */
  sizeConflict: 0.5,
} as const;

/**
 * Resolves a manifest line to a catalog product: by SKU when the line carries one the catalog
 * knows, otherwise by name.
 *
 * Name scoring is a weighted Dice coefficient over token sets:
 *   score = 2·w(Q ∩ P) / (w(Q) + w(P))
 * where Q and P are the normalized tokens of the manifest name and of the catalog name (see
 * `productNameTokens`), each without a leading brand (the catalog product's brand, the sender's
 * or the vendor's name), and w sums ln(1 + N / df) over tokens, N being the catalog size and
 * df the number of products whose name holds the token. Rare words (a strain) weigh more than
 * common ones ("flower", "1g"); a word the catalog has never seen weighs the most. Sizes are
 * tokens too, and a size that differs on both sides ("3.5g" against "7g") halves the score, so
 * the wrong size of the right strain never resolves on its own.
 */
export function matchProduct(catalog: Catalog, query: MatchQuery): ProductMatch {
  const index = catalogNameIndex(catalog);
  const sku = skuKey(query.sku);
  const skuHits = sku === null ? [] : (index.bySku.get(sku) ?? []);

  if (skuHits.length === 1) {
    const [product] = skuHits;
    const candidate = {
      productId: product.productId,
      name: product.name,
      sku: product.sku,
      score: 1,
    };

    return { status: 'RESOLVED', matchedBy: 'sku', product: candidate, candidates: [candidate] };
  }

  const queryTokens = stripPrefixes(productNameTokens(query.name ?? ''), query.brandPrefixes ?? []);

  if (skuHits.length > 1) {
    // SKUs repeat upstream: the name decides among the products that share it.
    const ids = new Set(skuHits.map((product) => product.productId));
    const entries = index.entries.filter((entry) => ids.has(entry.product.productId));
    const scored = rank(index, queryTokens, entries);
    const exact = scored.filter((entry) => entry.exact);
    if (exact.length === 1) return resolved(exact[0], 'sku');

    return {
      status: 'AMBIGUOUS',
      matchedBy: 'sku',
      product: null,
      candidates: scored.slice(0, MATCH_THRESHOLDS.maxCandidates).map(toCandidate),
    };
  }

  if (queryTokens.length === 0) {
    return { status: 'UNRESOLVED', matchedBy: null, product: null, candidates: [] };
  }

  return decide(rank(index, queryTokens, gather(index, queryTokens)));
}

interface Scored {
  entry: IndexedProduct;
  score: number;
  exact: boolean;
}

function decide(scored: Scored[]): ProductMatch {
  const { resolve, margin, candidate, maxCandidates, nearest } = MATCH_THRESHOLDS;
  const exact = scored.filter((entry) => entry.exact);
  if (exact.length === 1) return resolved(exact[0], 'name');

  if (exact.length > 1) {
    return {
      status: 'AMBIGUOUS',
      matchedBy: 'name',
      product: null,
      candidates: exact.slice(0, maxCandidates).map(toCandidate),
    };
  }

  const [best, second] = scored;
  if (best && best.score >= resolve && (!second || best.score - second.score >= margin)) {
    return resolved(best, 'name');
  }

  if (best && best.score >= candidate) {
    const choices = scored.filter((entry) => entry.score >= candidate).slice(0, maxCandidates);

    return {
      status: 'AMBIGUOUS',
      matchedBy: 'name',
      product: null,
      candidates: choices.map(toCandidate),
    };
  }

  const near = scored.filter((entry) => entry.score > 0).slice(0, nearest);

  return {
    status: 'UNRESOLVED',
    matchedBy: null,
    product: null,
    candidates: near.map(toCandidate),
  };
}

function resolved(best: Scored, matchedBy: 'sku' | 'name'): ProductMatch {
  const product = toCandidate(best);

  return { status: 'RESOLVED', matchedBy, product, candidates: [product] };
}

/**
 * The products worth scoring: those sharing a rare token with the query. Scoring every one of
 * 17,000 products for each of 40 lines would be wasted on names sharing only "1g". When the
 * query holds no rare token, every product sharing any token is scored.
 */
function gather(index: CatalogNameIndex, queryTokens: readonly string[]): IndexedProduct[] {
  const rareLimit = Math.max(50, index.entries.length * 0.02);
  const lists = queryTokens
    .map((token) => index.postings.get(token) ?? [])
    .filter((list) => list.length > 0);
  const rare = lists.filter((list) => list.length <= rareLimit);
  const positions = new Set((rare.length > 0 ? rare : lists).flat());

  return [...positions].map((position) => index.entries[position]);
}

function rank(
  index: CatalogNameIndex,
  queryTokens: readonly string[],
  entries: readonly IndexedProduct[],
): Scored[] {
  const weight = (token: string) =>
    Math.log(1 + index.entries.length / Math.max(1, index.postings.get(token)?.length ?? 0));

  return entries
    .map((entry) => score(entry, new Set(withoutPrefix(queryTokens, entry.brandTokens)), weight))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.entry.product.name.localeCompare(b.entry.product.name) ||
        a.entry.product.productId - b.entry.product.productId,
    );
}

function score(
  entry: IndexedProduct,
  query: ReadonlySet<string>,
  weight: (token: string) => number,
): Scored {
  const product = entry.tokenSet;
  let shared = 0;
  let total = 0;

  for (const token of query) {
    const w = weight(token);
    total += w;
    if (product.has(token)) shared += w;
  }

  for (const token of product) total += weight(token);

  const exact =
    shared > 0 && query.size === product.size && [...query].every((token) => product.has(token));
  const dice = total === 0 ? 0 : (2 * shared) / total;

  return { entry, score: exact ? 1 : dice * sizePenalty(query, product), exact };
}

function sizePenalty(query: ReadonlySet<string>, product: ReadonlySet<string>): number {
  const querySizes = measuresByUnit(query);
  const productSizes = measuresByUnit(product);
  let penalty = 1;

  for (const [unit, amounts] of querySizes) {
    const other = productSizes.get(unit);
    if (other && ![...amounts].some((amount) => other.has(amount)))
      penalty *= MATCH_THRESHOLDS.sizeConflict;
  }

  return penalty;
}

function measuresByUnit(tokens: ReadonlySet<string>): Map<string, Set<string>> {
  const byUnit = new Map<string, Set<string>>();

  for (const token of tokens) {
    const measure = measureOf(token);
    if (!measure) continue;

    const amounts = byUnit.get(measure.unit) ?? new Set<string>();
    amounts.add(measure.amount);
    byUnit.set(measure.unit, amounts);
  }

  return byUnit;
}

function stripPrefixes(tokens: string[], names: readonly (string | null)[]): string[] {
  return names.reduce((current, name) => withoutPrefix(current, brandPrefixTokens(name)), tokens);
}

function toCandidate({ entry, score }: Scored): ProductCandidate {
  const { productId, name, sku } = entry.product;

  return { productId, name, sku, score: Math.round(score * 1000) / 1000 };
}
