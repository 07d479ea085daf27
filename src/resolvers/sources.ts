import type { InventoryRow, Product, Room, Vendor } from '../dutchie/models';
import { notFound } from './graph-error';
import type { ScopedId } from './loaders';

/**
 * What a Product, Room or Vendor object is built from: its key, the fields already known from
 * wherever it was reached (an inventory row carries the SKU, product name, vendor and room
 * names), and the full record once loaded. A field the known part answers costs nothing; any
 * other field loads the full record through the request's loader, once for all its fields.
 */
export interface LazySource<T> {
  key: ScopedId;
  known: Partial<T>;
  full?: T;
}

/** A product; `locId` is the location it was reached through, for its location-scoped vendor. */
export type ProductSource = LazySource<Product> & { locId?: number };
export type RoomSource = LazySource<Room>;
export type VendorSource = LazySource<Vendor>;

/** A package is its inventory row plus the LspId its products belong to. */
export interface PackageSource {
  row: InventoryRow;
  lspId: number;
}

export function loadedSource<T>(key: ScopedId, full: T): LazySource<T> {
  return { key, known: {}, full };
}

/** Loads the full record behind `key`; null when the upstream list has no such ID. */
export async function loadSource<T>(
  loader: { load(key: ScopedId): Promise<T | null> },
  key: ScopedId,
): Promise<LazySource<T> | null> {
  const full = await loader.load(key);

  return full ? loadedSource(key, full) : null;
}

export function productOfRow({ row, lspId }: PackageSource): ProductSource {
  // The row's Sku is joined from the product upstream: null there means the product has none,
  // so it is known either way. A null ProductName is a gap (every product has a name).
  const known: Partial<Product> = { sku: row.sku };
  if (row.productName !== null) known.name = row.productName;

  return { key: { scope: lspId, id: row.productId }, known, locId: row.locId };
}

export function roomOfRow(row: InventoryRow): RoomSource | null {
  if (row.roomId === null) return null;
  const known = row.roomName === null ? {} : { name: row.roomName };

  return { key: { scope: row.locId, id: row.roomId }, known };
}

export function vendorOfRow(row: InventoryRow): VendorSource | null {
  if (row.vendorId === null) return null;
  const known = row.vendorName === null ? {} : { name: row.vendorName };

  return { key: { scope: row.locId, id: row.vendorId }, known };
}

/**
 * One field of a lazy source: from the full record, else from the known part, else by loading
 * the record. A record the upstream does not have fails this field alone with NOT_FOUND.
 */
export async function lazyField<T, F extends keyof T>(
  source: LazySource<T>,
  field: F,
  load: (key: ScopedId) => Promise<T | null>,
  describe: (key: ScopedId) => string,
): Promise<T[F]> {
  if (source.full) return source.full[field];
  if (source.known[field] !== undefined) return source.known[field] as T[F];

  const full = await load(source.key);
  if (!full) throw notFound(describe(source.key));

  return full[field];
}
