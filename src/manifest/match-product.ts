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
  /** Best first: the product when RESOLVED, the choices when AMBIGUOUS, the nearest when not. */
  candidates: ProductCandidate[];
}

export interface MatchQuery {
  name: string | null;
  sku: string | null;
  /** The sender's and the proposed vendor's names: a product name may start with them. */
  senderNames?: readonly (string | null)[];
  /** The proposed vendor: its products win ties. */
  vendorId?: number | null;
}

/**
 * How scores turn into a status. A unique exact match (the same tokens) resolves; among
 * several exact matches, the one product of the sender (see `matchProduct`) resolves.
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
 * Q holds the normalized tokens of the manifest name, P those of the catalog name (see
 * `productNameTokens`), and w sums ln(1 + N / df) over tokens, N being the catalog size and df
 * the number of products whose name or brand holds the token: a strain weighs more than
 * "flower" or "1g", and a word the catalog has never seen weighs the most.
 *
 * Brand prefixes: P's brand tokens count only when Q has them, so "Wyld - Marionberry Gummies"
 * in the catalog is the same as "Marionberry Gummies" on a Wyld manifest, while a Wyld name
 * still scores lower against another brand's product. A product "of the sender" (its vendor is
 * the proposed vendor, or its brand is the sender's or vendor's name) may also lose a leading
 * sender name from Q, and wins ties against products of other brands.
 *
 * Sizes are tokens too, and a size that differs on both sides ("3.5g" against "7g") halves
 * the score, so the wrong size of the right strain never resolves on its own.
 */
export function matchProduct(catalog: Catalog, query: MatchQuery): ProductMatch {
  const index = catalogNameIndex(catalog);
  const sku = skuKey(query.sku);
  const skuHits = sku === null ? [] : (index.bySku.get(sku) ?? []);

  if (skuHits.length === 1) {
    const [{ productId, name, sku: productSku }] = skuHits;
    const product = { productId, name, sku: productSku, score: 1 };

    return { status: 'RESOLVED', matchedBy: 'sku', product, candidates: [product] };
  }

  const scorer = new NameScorer(index, query);

  if (skuHits.length > 1) {
    // SKUs repeat upstream: the name decides among the products that share it.
    const ids = new Set(skuHits.map((product) => product.productId));
    const sharing = scorer.rank(index.entries.filter((entry) => ids.has(entry.product.productId)));
    const decided = decide(sharing);
    if (decided.status === 'RESOLVED') return { ...decided, matchedBy: 'sku' };

    return {
      status: 'AMBIGUOUS',
      matchedBy: 'sku',
      product: null,
      candidates: candidatesOf(sharing),
    };
  }

  if (scorer.empty) return { status: 'UNRESOLVED', matchedBy: null, product: null, candidates: [] };

  return decide(scorer.rank(scorer.gather()));
}

interface Scored {
  entry: IndexedProduct;
  score: number;
  exact: boolean;
  ofSender: boolean;
}

function decide(scored: Scored[]): ProductMatch {
  const { resolve, margin, candidate, nearest } = MATCH_THRESHOLDS;
  const exact = scored.filter((entry) => entry.exact);
  const exactOfSender = exact.filter((entry) => entry.ofSender);
  if (exact.length === 1) return resolved(exact[0]);
  if (exact.length > 1 && exactOfSender.length === 1) return resolved(exactOfSender[0]);

  if (exact.length > 1) {
    return {
      status: 'AMBIGUOUS',
      matchedBy: 'name',
      product: null,
      candidates: candidatesOf(exact),
    };
  }

  const [best, second] = scored;
  if (best && best.score >= resolve && (!second || best.score - second.score >= margin)) {
    return resolved(best);
  }

  if (best && best.score >= candidate) {
    const choices = scored.filter((entry) => entry.score >= candidate);

    return {
      status: 'AMBIGUOUS',
      matchedBy: 'name',
      product: null,
      candidates: candidatesOf(choices),
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

function resolved(best: Scored): ProductMatch {
  const product = toCandidate(best);

  return { status: 'RESOLVED', matchedBy: 'name', product, candidates: [product] };
}

/** Scores catalog products against one manifest name. */
class NameScorer {
  private readonly tokens: string[];
  private readonly senderPrefixes: string[][];
  private readonly senderKeys: Set<string>;

  constructor(
    private readonly index: CatalogNameIndex,
    private readonly query: MatchQuery,
  ) {
    const names = query.senderNames ?? [];

    this.tokens = productNameTokens(query.name ?? '');
    this.senderPrefixes = names.map(brandPrefixTokens).filter((prefix) => prefix.length > 0);
    this.senderKeys = new Set(this.senderPrefixes.map((prefix) => prefix.join(' ')));
  }

  get empty(): boolean {
    return this.tokens.length === 0;
  }

  /**
   * The products worth scoring: those sharing a rare token with the name. Scoring all 17,000
   * for each of 40 lines would be wasted on names sharing only "1g". When the name holds no
   * rare token, every product sharing any token is scored.
   *
   * LIMITATION: a product sharing only common words with a name that has a rare one is never
   * scored, so the nearest candidates of an UNRESOLVED line can leave it out.
   */
  gather(): IndexedProduct[] {
    const rareLimit = Math.max(50, this.index.entries.length * 0.02);
    const lists = this.tokens
      .map((token) => this.index.postings.get(token) ?? [])
      .filter((list) => list.length > 0);
    const rare = lists.filter((list) => list.length <= rareLimit);
    const positions = new Set((rare.length > 0 ? rare : lists).flat());

    return [...positions].map((position) => this.index.entries[position]);
  }

  rank(entries: readonly IndexedProduct[]): Scored[] {
    return entries
      .map((entry) => this.score(entry))
      .sort(
        (a, b) =>
          b.score - a.score ||
          Number(b.ofSender) - Number(a.ofSender) ||
          a.entry.product.name.localeCompare(b.entry.product.name) ||
          a.entry.product.productId - b.entry.product.productId,
      );
  }

  private score(entry: IndexedProduct): Scored {
    const ofSender = this.isOfSender(entry);
    const product = new Set(entry.core);
    for (const token of entry.brand) if (this.tokens.includes(token)) product.add(token);

    // The sender's own products need not repeat its name: a leading sender name they lack is
    // dropped from the query (one they carry, as brand or in the name, is a shared token).
    const query = new Set(ofSender ? this.withoutSenderPrefix(product) : this.tokens);

    let shared = 0;
    let total = 0;

    for (const token of query) {
      const w = this.weight(token);
      total += w;
      if (product.has(token)) shared += w;
    }

    for (const token of product) total += this.weight(token);

    const exact = query.size === product.size && [...query].every((token) => product.has(token));
    const dice = total === 0 ? 0 : (2 * shared) / total;

    return { entry, score: exact ? 1 : dice * sizePenalty(query, product), exact, ofSender };
  }

  private isOfSender(entry: IndexedProduct): boolean {
    const vendorId = this.query.vendorId ?? null;
    if (vendorId !== null && entry.product.vendorId === vendorId) return true;

    return entry.brandKey !== '' && this.senderKeys.has(entry.brandKey);
  }

  private withoutSenderPrefix(product: ReadonlySet<string>): string[] {
    return this.senderPrefixes
      .filter((prefix) => !prefix.every((token) => product.has(token)))
      .reduce((tokens, prefix) => withoutPrefix(tokens, prefix), this.tokens);
  }

  private weight(token: string): number {
    const df = this.index.postings.get(token)?.length ?? 0;

    return Math.log(1 + this.index.entries.length / Math.max(1, df));
  }
}

function sizePenalty(query: ReadonlySet<string>, product: ReadonlySet<string>): number {
  const productSizes = measuresByUnit(product);
  let penalty = 1;

  for (const [unit, amounts] of measuresByUnit(query)) {
    const other = productSizes.get(unit);
    const disjoint = other !== undefined && ![...amounts].some((amount) => other.has(amount));
    if (disjoint) penalty *= MATCH_THRESHOLDS.sizeConflict;
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

function candidatesOf(scored: readonly Scored[]): ProductCandidate[] {
  return scored.slice(0, MATCH_THRESHOLDS.maxCandidates).map(toCandidate);
}

function toCandidate({ entry, score }: Scored): ProductCandidate {
  const { productId, name, sku } = entry.product;

  return { productId, name, sku, score: Math.round(score * 1000) / 1000 };
}
