import type { DecimalValue } from '../util/decimal';

/**
 * The upstream's data after parsing at the client boundary: booleans instead of "yes"/"no",
 * numbers instead of numeric strings, exact decimals, dates as ISO 8601 with an offset. Nothing
 * past `src/dutchie` sees an upstream payload.
 */

export type StateCode = 'AZ' | 'MI' | 'IL' | 'NV' | 'MO' | 'OH' | (string & {});

export interface Location {
  locId: number;
  name: string;
  lspId: number;
  lspName: string | null;
  state: StateCode;
  companyType: string | null;
  licenseNumber: string | null;
  isActive: boolean;
  /** IANA zone derived from the state (rows carry none); used to read offset-less dates. */
  timeZone: string;
  /** Named "Sandbox" upstream: a location where writes are safe by default. */
  isSandbox: boolean;
}

export interface Room {
  roomId: number;
  locId: number;
  name: string;
  isInventoryRoom: boolean;
  isPosRoom: boolean;
}

export interface Vendor {
  vendorId: number;
  locId: number;
  name: string;
  /** The vendor's state license number (upstream `VendorCode`). */
  code: string | null;
}

export interface Product {
  productId: number;
  lspId: number;
  sku: string | null;
  name: string;
  category: string | null;
  masterCategory: string | null;
  brand: string | null;
  vendorId: number | null;
  /** 1 means sold by the unit ("each"); anything else is sold by weight. */
  unitId: number | null;
  unitAbbreviation: string | null;
  netWeight: DecimalValue | null;
}

export interface InventoryRow {
  inventoryId: number;
  locId: number;
  /** The package label. */
  packageId: string;
  productId: number;
  sku: string | null;
  productName: string | null;
  quantity: DecimalValue;
  unitId: number | null;
  unitAbbreviation: string | null;
  roomId: number | null;
  roomName: string | null;
  vendorId: number | null;
  vendorName: string | null;
  batchName: string | null;
  unitCost: DecimalValue | null;
  /** ISO 8601 with the location's offset, e.g. 2026-12-03T09:15:00-07:00. */
  receivedAt: string | null;
  receiveHistoryId: number | null;
}

/** An indexed LSP catalog: built once per fetch, looked up by ID and by SKU. */
export interface Catalog {
  lspId: number;
  products: readonly Product[];
  byId: ReadonlyMap<number, Product>;
  /** SKUs are not unique upstream: a SKU can map to several products. */
  bySku: ReadonlyMap<string, readonly Product[]>;
}

export const UNIT_ID_EACH = 1;
