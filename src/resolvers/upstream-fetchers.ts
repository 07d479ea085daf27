import type { BackofficeApi } from '../dutchie/backoffice-api';
import type { Catalog, InventoryRow, Location, Product, Room, Vendor } from '../dutchie/models';
import type { Clock } from '../util/clock';
import { createSnapshot, type Snapshot } from './snapshot';
import type { CacheLoader } from './upstream-cache';

/** An LSP catalog as fetched once: the client's indexed catalog, pageable as a snapshot. */
export type CatalogSnapshot = Catalog & Snapshot<Product>;

/** A location's packages as fetched once, sorted by InventoryId, with a label index. */
export type InventorySnapshot = Snapshot<InventoryRow> & {
  readonly locId: number;
  readonly lspId: number;
  /** Package labels are unique per location; the first row wins if the upstream repeats one. */
  readonly byPackageId: ReadonlyMap<string, InventoryRow>;
};

/** One cache loader per kind: what a miss, a revalidation and the background refresh call. */
export interface UpstreamFetchers {
  locations: CacheLoader<Location[]>;
  rooms(locId: number): CacheLoader<Room[]>;
  vendors(locId: number): CacheLoader<Vendor[]>;
  catalog(lspId: number): CacheLoader<CatalogSnapshot>;
  inventory(location: Location): CacheLoader<InventorySnapshot>;
}

export function createUpstreamFetchers(client: BackofficeApi, clock: Clock): UpstreamFetchers {
  return {
    locations: (call) => client.getLocations(call),
    rooms: (locId) => (call) => client.getRooms(locId, call),
    vendors: (locId) => (call) => client.getVendors(locId, call),
    catalog: (lspId) => async (call) => {
      const catalog = await client.getCatalog(lspId, call);

      return { ...catalog, ...createSnapshot('catalog', lspId, catalog.products, clock.now()) };
    },
    inventory: (location) => async (call) => {
      // Zero-quantity rows are always fetched and filtered here, so one cached read serves
      // both `includeZeroQuantity` settings instead of spending two upstream calls.
      const rows = await client.getInventory(location, { includeZeroQuantity: true }, call);

      return inventorySnapshot(location, rows, clock.now());
    },
  };
}

function inventorySnapshot(location: Location, rows: InventoryRow[], fetchedAt: number) {
  const sorted = [...rows].sort((a, b) => a.inventoryId - b.inventoryId);
  const byPackageId = new Map<string, InventoryRow>();
  for (const row of sorted) {
    if (!byPackageId.has(row.packageId)) byPackageId.set(row.packageId, row);
  }
  const snapshot = createSnapshot('inventory', location.locId, sorted, fetchedAt);

  return { ...snapshot, locId: location.locId, lspId: location.lspId, byPackageId };
}
