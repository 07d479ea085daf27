import { UNIT_ID_EACH, type Catalog, type Product } from '../dutchie/models';
import { formatDecimal } from '../util/decimal';
import type { ParsedReceiveInput } from './input-schema';
import { validationError } from './parse-input';
import type {
  ProductCandidate,
  ProductNotFoundError,
  ProductProblem,
  ValidationError,
  ValidationIssue,
} from './results';

const MAX_CANDIDATES = 5;

/**
 * Resolves every line's product in the location's LSP catalog, by id or by SKU, to exactly
 * one product. SKUs are not unique upstream, so an ambiguous SKU is refused with its
 * candidates rather than guessed; an unknown SKU comes back with near spellings.
 */
export function resolveProducts(
  catalog: Catalog,
  input: ParsedReceiveInput,
): Product[] | ProductNotFoundError {
  const problems: ProductProblem[] = [];
  const products = input.lines.map((line, index) => {
    const path = `lines.${index}`;

    if (line.productId !== undefined) {
      const product = catalog.byId.get(line.productId);
      if (!product) {
        problems.push({
          path: `${path}.productId`,
          productId: line.productId,
          sku: null,
          reason: 'unknown-product',
          candidates: [],
        });
      }

      return product;
    }

    const sku = line.sku!;
    const matches = catalog.bySku.get(sku) ?? [];
    if (matches.length === 1) return matches[0];

    problems.push({
      path: `${path}.sku`,
      productId: null,
      sku,
      reason: matches.length === 0 ? 'unknown-sku' : 'ambiguous-sku',
      candidates: matches.length === 0 ? nearSkus(catalog, sku) : matches.map(toCandidate),
    });

    return undefined;
  });

  if (problems.length === 0) return products as Product[];

  return {
    __typename: 'ProductNotFoundError',
    code: 'PRODUCT_NOT_FOUND',
    message: problems.map((problem) => describe(problem, catalog.lspId)).join('; '),
    hint: problems.some((problem) => problem.reason === 'ambiguous-sku')
      ? 'A SKU shared by several products cannot be resolved: send the productId of the intended candidate.'
      : `Use a productId or SKU from the catalog of LSP ${catalog.lspId}; a product of another LSP cannot be received here.`,
    lspId: catalog.lspId,
    problems,
  };
}

/** Products sold by the unit ("each", UnitId 1) take whole quantities; by weight may be fractional. */
export function checkWholeUnits(
  input: ParsedReceiveInput,
  products: readonly Product[],
): ValidationError | null {
  const issues: ValidationIssue[] = [];

  input.lines.forEach((line, index) => {
    const product = products[index];
    const unitId = line.unitId ?? product.unitId;
    if (unitId !== UNIT_ID_EACH || line.quantity.isInteger()) return;

    issues.push({
      path: `lines.${index}.quantity`,
      message: `quantity must be a whole number for product ${product.productId} "${product.name}", sold by the unit (UnitId 1) (got ${formatDecimal(line.quantity)})`,
    });
  });

  return issues.length > 0 ? validationError(issues) : null;
}

function nearSkus(catalog: Catalog, sku: string): ProductCandidate[] {
  const wanted = sku.toLowerCase();
  const same: ProductCandidate[] = [];
  const containing: ProductCandidate[] = [];

  // A case slip is the likeliest typo, then a SKU cut short or padded: try those in order.
  for (const product of catalog.products) {
    const candidate = product.sku?.toLowerCase();
    if (!candidate) continue;

    if (candidate === wanted) same.push(toCandidate(product));
    else if (candidate.includes(wanted) || wanted.includes(candidate)) {
      containing.push(toCandidate(product));
    }
    if (same.length >= MAX_CANDIDATES) break;
  }

  return [...same, ...containing].slice(0, MAX_CANDIDATES);
}

function toCandidate(product: Product): ProductCandidate {
  return { productId: product.productId, sku: product.sku, name: product.name };
}

function describe(problem: ProductProblem, lspId: number): string {
  const offered = problem.candidates.map((c) => `${c.productId} "${c.name}" (SKU ${c.sku})`);

  if (problem.reason === 'unknown-product') {
    return `${problem.path}: product ${problem.productId} is not in the catalog of LSP ${lspId}`;
  }
  if (problem.reason === 'ambiguous-sku') {
    return `${problem.path}: SKU "${problem.sku}" matches ${offered.length} products in LSP ${lspId}: ${offered.join(', ')}`;
  }

  const near = offered.length > 0 ? `; did you mean ${offered.join(', ')}` : '';

  return `${problem.path}: SKU "${problem.sku}" is not in the catalog of LSP ${lspId}${near}`;
}
