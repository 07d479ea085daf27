import { KNOWN_PRODUCTS, SEED_CATALOG_SIZES } from '../seed-facts';
import { SEED_BRANDS, PRODUCT_ID_BASE, type SeedBrand } from './brands';
import { BASE_SEED, createPrng, seedFor } from './prng';
import { FLAVORS, PRODUCT_LINES, STRAINS, STRAIN_CODES, type ProductLine } from './product-lines';

export interface SeedProduct {
  productId: number;
  lspId: number;
  /** A few products carry no SKU, as in real product masters. */
  sku: string | null;
  name: string;
  category: string;
  masterCategory: string;
  brand: string | null;
  vendorId: number | null;
  unitId: number;
  unitAbbreviation: string;
  netWeight: string | null;
  /** The strain or flavor the name was built from; shown by get-product-details-v2. */
  variety: string | null;
}

export interface SeedCatalog {
  lspId: number;
  products: readonly SeedProduct[];
  byId: ReadonlyMap<number, SeedProduct>;
}

/** One in this many generated products has no SKU. */
const NULL_SKU_CHANCE = 0.003;

interface BrandSource {
  brand: SeedBrand;
  line: ProductLine;
  varieties: readonly (readonly [name: string, code: string])[];
  offset: number;
  size: number;
  /** Known products of this brand, by name and SKU, so generation does not repeat them. */
  known: ReadonlySet<string> | null;
}

/**
 * Builds an LSP's catalog: the known products first with their fixed ids, then one product
 * from each brand in turn until the catalog reaches its size. Brand, variety and variant codes
 * are unique, so generated SKUs are unique by construction; only candidates that repeat a
 * known product are skipped, which leaves the deliberate shared SKU as the only one.
 */
export function buildCatalog(lspId: number): SeedCatalog | undefined {
  const brands = SEED_BRANDS[lspId];
  const target = SEED_CATALOG_SIZES[lspId];
  if (!brands || target === undefined) return undefined;

  const known: SeedProduct[] = Object.values(KNOWN_PRODUCTS)
    .filter((product) => product.lspId === lspId)
    .map((product) => ({ ...product, variety: null }));
  const products = [...known];
  const sources = brands.map((brand, index) => sourceOf(brand, index, known));
  const prng = createPrng(seedFor(BASE_SEED, lspId));
  let nextId = Math.max(PRODUCT_ID_BASE[lspId], ...known.map((p) => p.productId)) + 1;

  for (let round = 0; products.length < target; round += 1) {
    let progressed = false;

    for (const source of sources) {
      if (products.length >= target) break;
      if (round >= source.size) continue;
      progressed = true;

      const product = productOf(source, round, lspId, nextId);
      if (source.known?.has(product.name) || source.known?.has(product.sku!)) continue;

      if (prng.chance(NULL_SKU_CHANCE)) product.sku = null;
      products.push(product);
      nextId += 1;
    }

    if (!progressed) throw new Error(`seed brands of LSP ${lspId} cannot fill ${target} products`);
  }

  return {
    lspId,
    products,
    byId: new Map(products.map((product) => [product.productId, product])),
  };
}

function sourceOf(brand: SeedBrand, brandIndex: number, known: SeedProduct[]): BrandSource {
  const line = PRODUCT_LINES[brand.line];
  const varieties = line.varieties === 'flavors' ? FLAVORS : STRAIN_PAIRS;
  const own = known.filter((product) => product.brand === brand.name);

  return {
    brand,
    line,
    varieties,
    // Each brand starts at a different variety, so early ids are not all Blue Dream.
    offset: (brandIndex * 23) % varieties.length,
    size: varieties.length * line.variants.length,
    known: own.length > 0 ? new Set(own.flatMap((product) => [product.name, product.sku!])) : null,
  };
}

/** The brand's product number `index`: variety by variety, each in every variant. */
function productOf(source: BrandSource, index: number, lspId: number, productId: number) {
  const { brand, line, varieties } = source;
  const variant = line.variants[index % line.variants.length];
  const [variety, code] =
    varieties[(Math.floor(index / line.variants.length) + source.offset) % varieties.length];
  const product: SeedProduct = {
    productId,
    lspId,
    sku: `${brand.code}-${line.skuCode}-${code}-${variant.code}`,
    name: `${brand.name} - ${variety} ${variant.label}`,
    category: variant.category,
    masterCategory: line.masterCategory,
    brand: brand.name,
    vendorId: brand.vendorId,
    unitId: line.unitId,
    unitAbbreviation: line.unitId === 1 ? 'ea' : 'g',
    netWeight: variant.netWeight,
    variety,
  };

  return product;
}

const STRAIN_PAIRS = STRAINS.map((strain) => [strain, STRAIN_CODES.get(strain)!] as const);
