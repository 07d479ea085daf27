import type { Catalog, Vendor } from '../dutchie/models';
import { Decimal } from '../util/decimal';
import type { ManifestItem, ManifestWarning, ParsedManifest } from './manifest-types';
import { ManifestInputError } from './manifest-errors';
import { matchProduct, type MatchQuery, type ProductMatch } from './match-product';
import type {
  ManifestPreview,
  ManifestPreviewLine,
  ManifestPreviewTotals,
  PreviewLocation,
} from './preview-types';
import { previewWarnings } from './preview-warnings';
import { proposeVendor } from './propose-vendor';
import { unitCostOf } from './unit-cost';

export interface PreviewManifestInput {
  location: PreviewLocation;
  /** The location's vendors (get-vendors); others are ignored. */
  vendors: readonly Vendor[];
  /** The location's LSP catalog. */
  catalog: Catalog;
  manifest: ParsedManifest;
  /** The parser's warnings, carried into the preview's. */
  warnings?: readonly ManifestWarning[];
}

/**
 * Everything a receiver needs to decide on a delivery: each line matched to a catalog product
 * (or the choices), its unit cost and exact total, samples marked, the vendor proposed, and
 * the warnings. Reads nothing upstream: the caller fetches vendors and catalog.
 */
export function previewManifest(input: PreviewManifestInput): ManifestPreview {
  const { location, vendors, catalog, manifest } = input;

  if (catalog.lspId !== location.lspId) {
    throw new ManifestInputError(
      'CATALOG_NOT_FOR_LOCATION',
      `catalog of LSP ${catalog.lspId} cannot match lines for location ${location.locId} of LSP ${location.lspId}`,
    );
  }

  const vendor = proposeVendor(manifest.sender, vendors, location.locId);
  const senderNames = [manifest.sender.name, vendor.vendor?.name ?? null];
  const vendorId = vendor.vendor?.vendorId ?? null;
  const match = memoizedMatcher(catalog);
  const lines = manifest.items.map((item) =>
    previewLine(
      item,
      match({ name: item.productName, sku: item.productSku, senderNames, vendorId }),
    ),
  );

  const preview: Omit<ManifestPreview, 'catalog'> = {
    transferId: manifest.transferId,
    version: manifest.version,
    manifestType: manifest.manifestType,
    estArrivalAt: manifest.dates.estArrivalAt,
    sender: manifest.sender,
    receiver: { licenseNumber: manifest.receiver.licenseNumber, name: manifest.receiver.name },
    locId: location.locId,
    lines,
    totals: totalsOf(lines),
    vendor,
    warnings: [
      ...(input.warnings ?? []),
      ...previewWarnings({ manifest, location, lines, vendor, catalog }),
    ],
  };

  return Object.defineProperty(preview, 'catalog', {
    value: catalog,
    enumerable: false,
  }) as ManifestPreview;
}

function previewLine(item: ManifestItem, match: ProductMatch): ManifestPreviewLine {
  const { linePrice, quantity } = item;

  return {
    index: item.index,
    status: match.status,
    matchedBy: match.matchedBy,
    packageId: item.inventoryId,
    productName: item.productName,
    productSku: item.productSku,
    strain: item.strain,
    quantity,
    uom: item.uom,
    unitCost: linePrice === null ? null : unitCostOf(linePrice, quantity),
    lineTotal: linePrice,
    isSample: item.isSample || (linePrice !== null && linePrice.isZero()),
    sampleType: item.sampleType,
    product: match.product,
    candidates: match.candidates,
    labStatus: item.lab.status ?? 'missing',
    coaUrl: item.lab.coaUrl,
    labResultUrl: item.lab.resultUrl,
  };
}

function totalsOf(lines: readonly ManifestPreviewLine[]): ManifestPreviewTotals {
  const count = (predicate: (line: ManifestPreviewLine) => boolean) =>
    lines.filter(predicate).length;

  return {
    lineCount: lines.length,
    sampleCount: count((line) => line.isSample),
    resolvedCount: count((line) => line.status === 'RESOLVED'),
    ambiguousCount: count((line) => line.status === 'AMBIGUOUS'),
    unresolvedCount: count((line) => line.status === 'UNRESOLVED'),
    totalPrice: lines.reduce(
      (sum, line) => (line.lineTotal === null ? sum : sum.plus(line.lineTotal)),
      new Decimal(0),
    ),
  };
}

/** Manifests repeat a product on several lines (two lots of one SKU): each is matched once. */
function memoizedMatcher(catalog: Catalog) {
  const seen = new Map<string, ProductMatch>();

  return (query: MatchQuery): ProductMatch => {
    const key = JSON.stringify([query.sku, query.name]);
    const cached = seen.get(key) ?? matchProduct(catalog, query);
    seen.set(key, cached);

    return cached;
  };
}
