import { envelope, envelopeRaw } from '../answers';
import { findLsp, findVendor, type SeedProduct } from '../seed';
import { BASE_SEED, createPrng, seedFor } from '../seed/prng';
import { lenientInt, readInt } from '../body-values';
import type { SandboxState } from '../state';
import type { Route } from './context';

export const productsLiteRoute: Route = {
  endpoint: 'product-master/get-products-lite',
  needsSession: true,
  requiredKey: 'LspId',
  handle({ body, state }) {
    const lspId = readInt(body.LspId);
    if (lspId === null || !findLsp(lspId)) return envelope(false, 'No matching products found');

    return envelopeRaw(null, catalogJson(state, lspId));
  },
};

export const productDetailsRoute: Route = {
  endpoint: 'product-master/get-product-details-v2',
  needsSession: true,
  requiredKey: 'ProductId',
  handle({ body, state }) {
    const productId = readInt(body.ProductId);
    const product = productId === null ? undefined : state.product(productId);
    const scope = lenientInt(body.LspId);
    if (!product || (scope !== null && scope !== product.lspId)) {
      return envelope(false, 'No matching product found');
    }

    return envelope(true, null, detailsRow(product));
  },
};

/**
 * The AZ catalog is 17,000 rows: serializing it costs more than answering, so each LSP's
 * seed rows are serialized once per seed and only imported products are added per call.
 */
const seedJson = new WeakMap<object, Map<number, string>>();

function catalogJson(state: SandboxState, lspId: number): string {
  let perSeed = seedJson.get(state.seed);
  if (!perSeed) seedJson.set(state.seed, (perSeed = new Map()));

  let seeded = perSeed.get(lspId);
  if (seeded === undefined) {
    const products = state.seed.catalog(lspId)?.products ?? [];
    seeded = products.map((product) => JSON.stringify(liteRow(product))).join(',');
    perSeed.set(lspId, seeded);
  }

  const imported = state.importedProducts(lspId).map((p) => JSON.stringify(liteRow(p)));
  const rows = imported.length === 0 ? seeded : [seeded, ...imported].filter(Boolean).join(',');

  return `[${rows}]`;
}

function liteRow(product: SeedProduct) {
  return {
    ProductId: product.productId,
    Sku: product.sku,
    Name: product.name,
    Category: product.category,
    MasterCategory: product.masterCategory,
    Brand: product.brand,
    VendorId: product.vendorId,
    UnitId: product.unitId,
    UnitAbbreviation: product.unitAbbreviation,
    NetWeight: product.netWeight === null ? null : Number(product.netWeight),
  };
}

const STRAIN_TYPES = ['Indica', 'Sativa', 'Hybrid', 'Hybrid'] as const;

/** The detail row adds fields derived from the product id, so they are stable per product. */
function detailsRow(product: SeedProduct) {
  const prng = createPrng(seedFor(BASE_SEED, product.productId, 3));
  const plant = product.masterCategory !== 'Edibles';
  const cents = prng.int(1500, 9500);

  return {
    ...liteRow(product),
    LspId: product.lspId,
    Description: `${product.name}. Lab tested; see the package's COA.`,
    VendorName: product.vendorId === null ? null : (findVendor(product.vendorId)?.name ?? null),
    Strain: plant ? product.variety : null,
    StrainType: plant ? prng.pick(STRAIN_TYPES) : null,
    NetWeightUnit: product.netWeight === null ? null : 'g',
    ThcPercent: plant ? prng.int(1200, 3400) / 100 : null,
    ThcMilligrams: plant ? null : Number(product.name.match(/(\d+)mg/)?.[1] ?? 100),
    Price: cents / 100,
    IsCannabis: true,
    IsActive: true,
    CreatedDate: '2025-08-14T11:20:00',
  };
}
