import type { Catalog, Location } from '../dutchie/models';
import type { DecimalValue } from '../util/decimal';
import type { ManifestParty, ManifestWarning } from './manifest-types';
import type { MatchStatus, ProductCandidate } from './match-product';
import type { VendorProposal } from './propose-vendor';

/** What a receiver sees before receiving a manifest; the GraphQL preview field exposes it. */
export interface ManifestPreview {
  transferId: string;
  version: string | null;
  manifestType: string | null;
  estArrivalAt: string | null;
  sender: ManifestParty;
  receiver: ManifestParty;
  locId: number;
  lines: ManifestPreviewLine[];
  totals: ManifestPreviewTotals;
  vendor: VendorProposal;
  warnings: ManifestWarning[];
  /**
   * The catalog the lines were matched against, so a line selection can check chosen products.
   * Not enumerable: a preview logged or serialised does not drag 17,000 products along.
   */
  readonly catalog: Catalog;
}

export type ManifestLabStatus = 'pass' | 'fail' | 'missing';

export interface ManifestPreviewLine {
  /** The item's position in the manifest, from 0. */
  index: number;
  status: MatchStatus;
  matchedBy: 'sku' | 'name' | null;
  /** The sender's inventory_id: the package label on receive. */
  packageId: string;
  /** As the manifest names it. */
  productName: string | null;
  productSku: string | null;
  strain: string | null;
  quantity: DecimalValue;
  uom: string | null;
  /** line_price / qty, half-even to four decimals; null when the line has no price. */
  unitCost: DecimalValue | null;
  /** Exactly the manifest's line_price. */
  lineTotal: DecimalValue | null;
  /** is_sample set, or a zero price. */
  isSample: boolean;
  sampleType: string | null;
  product: ProductCandidate | null;
  candidates: ProductCandidate[];
  labStatus: ManifestLabStatus;
  coaUrl: string | null;
  labResultUrl: string | null;
}

export interface ManifestPreviewTotals {
  /** Every item, samples included. */
  lineCount: number;
  sampleCount: number;
  resolvedCount: number;
  ambiguousCount: number;
  unresolvedCount: number;
  /** The exact sum of line_price over the lines that have one. */
  totalPrice: DecimalValue;
}

export type PreviewLocation = Pick<Location, 'locId' | 'lspId' | 'licenseNumber'>;
