/**
 * WCIA Transfer Data Schema manifests: parse, match against a catalog, preview, select the
 * lines to receive. Plain functions over plain data: no GraphQL, no HTTP, no upstream calls.
 */
export { parseManifest, parseManifestJson } from './parse-manifest';
export type * from './manifest-types';
export { KNOWN_VERSIONS } from './manifest-schema';
export { collapseDoubledOrigin } from './tolerant-text';
export { productNameTokens } from './product-name-tokens';
export { catalogNameIndex } from './catalog-name-index';
export { matchProduct, MATCH_THRESHOLDS } from './match-product';
export type { MatchQuery, MatchStatus, ProductCandidate, ProductMatch } from './match-product';
export { proposeVendor } from './propose-vendor';
export type { VendorProposal, VendorRef } from './propose-vendor';
export { previewManifest } from './preview-manifest';
export type { PreviewManifestInput } from './preview-manifest';
export type * from './preview-types';
export { selectManifestLines } from './select-manifest-lines';
export type * from './select-manifest-lines';
export { manifestIdempotencyKey } from './idempotency-key';
export type { IdempotencyLine, ManifestIdempotencyKeyInput } from './idempotency-key';
export { manifestToSandboxProducts, GRAMS_UNIT_ID } from './sandbox-products';
export type { ManifestToSandboxProductsOptions } from './sandbox-products';
export { unitCostOf, UNIT_COST_DECIMALS } from './unit-cost';
export { ManifestInputError, type ManifestInputErrorCode } from './manifest-errors';
