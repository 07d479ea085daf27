import DataLoader from 'dataloader';
import type { Location, Product, Room, Vendor } from '../dutchie/models';
import type { PackageSource } from './sources';
import type { UpstreamData } from './upstream-data';
import type { CatalogSnapshot, InventorySnapshot } from './upstream-fetchers';

/** An ID inside a scope: a room, vendor or package of a LocId, a product of an LspId. */
export interface ScopedId<T = number> {
  scope: number;
  id: T;
}

export type LoaderName = keyof GraphLoaders;

/** Told of every batch a loader dispatches; tests use it to assert batching itself. */
export type BatchObserver = (batch: { loader: LoaderName; keys: readonly unknown[] }) => void;

/**
 * The loaders of one request. Never shared between requests: a loader caches its results and
 * its errors for its whole life, which is right within one response and wrong across two. The
 * shared, TTL-bound cache sits below them, in UpstreamData.
 */
export interface GraphLoaders {
  location: DataLoader<number, Location | null>;
  rooms: DataLoader<number, Room[]>;
  vendors: DataLoader<number, Vendor[]>;
  catalog: DataLoader<number, CatalogSnapshot>;
  inventory: DataLoader<number, InventorySnapshot>;
  room: DataLoader<ScopedId, Room | null, string>;
  vendor: DataLoader<ScopedId, Vendor | null, string>;
  /** Scope: LspId. */
  product: DataLoader<ScopedId, Product | null, string>;
  /** Scope: LspId. SKUs are not unique upstream, so each key gets every product carrying it. */
  productsBySku: DataLoader<ScopedId<string>, readonly Product[] | null, string>;
  /** Scope: LocId; id: the package label. */
  package: DataLoader<ScopedId<string>, PackageSource | null, string>;
}

export function createLoaders(data: UpstreamData, onBatch?: BatchObserver): GraphLoaders {
  const record = (loader: LoaderName, keys: readonly unknown[]) => onBatch?.({ loader, keys });

  const rooms = perScope('rooms', (locId) => data.rooms(locId), record);
  const vendors = perScope('vendors', (locId) => data.vendors(locId), record);
  const catalog = perScope('catalog', (lspId) => data.catalog(lspId), record);
  const inventory = perScope('inventory', (locId) => data.inventory(locId), record);

  return {
    location: new DataLoader(async (locIds) => {
      record('location', locIds);
      const byId = new Map((await data.locations()).map((row) => [row.locId, row]));

      return locIds.map((locId) => byId.get(locId) ?? null);
    }),
    rooms,
    vendors,
    catalog,
    inventory,
    room: inScope('room', rooms, (list, id) => list.find((row) => row.roomId === id), record),
    vendor: inScope(
      'vendor',
      vendors,
      (list, id) => list.find((row) => row.vendorId === id),
      record,
    ),
    // LIMITATION: a product added upstream after its catalog was cached reads as missing until the
    // reference TTL passes or invalidateCatalog runs, because refetching ~17,000 rows on every
    // miss would let one mistyped ProductId spend the budget.
    product: inScope('product', catalog, (list, id) => list.byId.get(id), record),
    productsBySku: inScope('productsBySku', catalog, (list, sku) => list.bySku.get(sku), record),
    package: inScope('package', inventory, packageIn, record),
  };
}

type RecordBatch = (loader: LoaderName, keys: readonly unknown[]) => void;

/** One upstream list per scope; a failed scope fails only the keys of that scope. */
function perScope<V>(name: LoaderName, fetch: (scope: number) => Promise<V>, record: RecordBatch) {
  return new DataLoader<number, V>(async (scopes) => {
    record(name, scopes);

    return Promise.all(scopes.map((scope) => fetch(scope).catch(asError)));
  });
}

/**
 * Rows looked up by ID inside their scope's list. Results are matched to keys by ID, never by
 * position, and a missing ID is null for that key alone.
 */
function inScope<L, T, V>(
  name: LoaderName,
  lists: DataLoader<number, L>,
  find: (list: L, id: T) => V | undefined,
  record: RecordBatch,
) {
  return new DataLoader<ScopedId<T>, V | null, string>(
    async (keys) => {
      record(name, keys);
      const scopes = [...new Set(keys.map((key) => key.scope))];
      const loaded = await lists.loadMany(scopes);
      const byScope = new Map(scopes.map((scope, index) => [scope, loaded[index]]));

      return keys.map((key) => {
        const list = byScope.get(key.scope) as L | Error;

        return list instanceof Error ? list : (find(list, key.id) ?? null);
      });
    },
    { cacheKeyFn: (key) => `${key.scope}:${String(key.id)}` },
  );
}

function packageIn(snapshot: InventorySnapshot, label: string): PackageSource | undefined {
  const row = snapshot.byPackageId.get(label);

  return row && { row, lspId: snapshot.lspId };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
