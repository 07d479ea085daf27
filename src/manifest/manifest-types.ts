import type { DecimalValue } from '../util/decimal';

/**
 * A WCIA Transfer Data Schema manifest after tolerant parsing: trimmed text, exact decimals,
 * booleans for the 0/1 flags, lab statuses as 'pass' | 'fail', links with a doubled origin
 * collapsed. Nothing past the parser sees the vendor's raw JSON.
 */
export interface ParsedManifest {
  /** `document_schema_version` as sent ("1.0.0.0", "2.1.0", ...); null when absent. */
  version: string | null;
  documentName: string | null;
  /** The URL the document is served from (1.3.0+). */
  documentOrigin: string | null;
  transferId: string;
  /** Root `integrator_data` (2.0.0+) or, as Cultivera still sends it, root `external_id`. */
  externalId: string | null;
  /** 'delivery' | 'pick-up' | 'transporter' when the sender follows the spec. */
  manifestType: string | null;
  sender: ManifestParty;
  receiver: ManifestParty & { type: string | null };
  transporter: { name: string | null; licenseNumber: string | null };
  dates: ManifestDates;
  items: ManifestItem[];
}

export interface ManifestParty {
  licenseNumber: string | null;
  name: string | null;
}

/** ISO 8601 strings as sent; null when absent or not ISO 8601 (a warning says which). */
export interface ManifestDates {
  createdAt: string | null;
  updatedAt: string | null;
  transferredAt: string | null;
  estDepartedAt: string | null;
  estArrivalAt: string | null;
}

export interface ManifestItem {
  /** Position in `inventory_transfer_items`, from 0; line choices refer to it. */
  index: number;
  /** The sender's lot or package id, used as the package label on receive. */
  inventoryId: string;
  externalId: string | null;
  integratorData: string | null;
  productName: string | null;
  productSku: string | null;
  strain: string | null;
  inventoryCategory: string | null;
  inventoryType: string | null;
  /** Always above 0: the parser refuses anything else. */
  quantity: DecimalValue;
  /** Lower-cased; usually 'ea'. Values outside the spec's list are kept (with a warning). */
  uom: string | null;
  unitWeight: DecimalValue | null;
  unitWeightUom: string | null;
  /** The line total (`line_price`, or 1.0's `product_price`); null when the sender left it out. */
  linePrice: DecimalValue | null;
  /** The sender's `is_sample` flag; the preview also treats a zero price as a sample. */
  isSample: boolean;
  sampleType: string | null;
  sampleSourceId: string | null;
  isMedical: boolean | null;
  isForExtraction: boolean | null;
  lab: ManifestLab;
}

export type LabStatus = 'pass' | 'fail';

export interface ManifestLab {
  /** Combined from the item flag, the lab block and every listed result: any fail wins. */
  status: LabStatus | null;
  resultId: string | null;
  /** The COA PDF. */
  coaUrl: string | null;
  /** The WCIA Lab Result JSON. */
  resultUrl: string | null;
  results: LabResultEntry[];
  potency: PotencyReading[];
}

/** One element of 2.1.0's `lab_result_list`. */
export interface LabResultEntry {
  resultId: string | null;
  status: LabStatus | null;
  coaUrl: string | null;
  resultUrl: string | null;
  /** Date-only strings (YYYY-MM-DD) as sent. */
  releaseDate: string | null;
  amendedDate: string | null;
  expireDate: string | null;
}

export interface PotencyReading {
  type: string | null;
  value: DecimalValue | null;
  /** Not checked against the spec's list: real senders write 'pct' and 'ppm'. */
  unit: string | null;
}

export type ManifestWarningCode =
  | 'DOCUMENT_NAME_UNKNOWN'
  | 'VERSION_MISSING'
  | 'VERSION_UNKNOWN'
  | 'SENDER_LICENSE_MISSING'
  | 'RECEIVER_LICENSE_MISSING'
  | 'MANIFEST_TYPE_UNKNOWN'
  | 'DATE_NOT_ISO'
  | 'TEXT_UNREADABLE'
  | 'ID_PRECISION_LOST'
  | 'FLAG_UNREADABLE'
  | 'NUMBER_UNREADABLE'
  | 'UOM_UNKNOWN'
  | 'PRICE_MISSING'
  | 'PRODUCT_PRICE_AS_LINE_TOTAL'
  | 'PRODUCT_NAME_MISSING'
  | 'LAB_BLOCK_UNREADABLE'
  | 'LAB_STATUS_UNREADABLE'
  | 'LAB_STATUS_CONFLICT'
  | 'LIST_UNREADABLE'
  | 'RECEIVER_LICENSE_MISMATCH'
  | 'RECEIVER_LICENSE_UNCHECKED'
  | 'DUPLICATE_INVENTORY_ID'
  | 'LAB_FAILED'
  | 'LAB_MISSING'
  | 'UNIT_MISMATCH'
  | 'VENDOR_NOT_FOUND'
  | 'VENDOR_AMBIGUOUS';

/** Something a receiver should look at; the manifest can still be received. */
export interface ManifestWarning {
  code: ManifestWarningCode;
  message: string;
  /** JSONPath-like location in the sent document, e.g. `$.inventory_transfer_items[3].qty`. */
  path?: string;
  /** The item indexes concerned, when the warning is about lines. */
  lines?: number[];
}

export type ManifestProblemCode =
  | 'NOT_JSON'
  | 'NOT_AN_OBJECT'
  | 'NO_TRANSFER_ID'
  | 'NO_ITEMS'
  | 'ITEM_NOT_AN_OBJECT'
  | 'NO_INVENTORY_ID'
  | 'QUANTITY_NOT_NUMERIC'
  | 'QUANTITY_NOT_POSITIVE'
  | 'PRICE_NOT_NUMERIC'
  | 'PRICE_NEGATIVE'
  | 'INVALID';

/** Something that makes the manifest impossible to receive. */
export interface ManifestProblem {
  code: ManifestProblemCode;
  /** JSONPath-like: `$` is the document, `$.inventory_transfer_items[3].qty` a field. */
  path: string;
  message: string;
}

export type ParseManifestResult =
  | { ok: true; manifest: ParsedManifest; warnings: ManifestWarning[] }
  | { ok: false; problems: ManifestProblem[] };
