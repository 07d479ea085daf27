import type { Location, Room, Vendor } from '../dutchie/models';
import type { CostTracker } from './cost-tracker';
import { GraphError } from './graph-error';
import type { CacheKind, CacheLoader, UpstreamCache } from './upstream-cache';
import type { CatalogSnapshot, InventorySnapshot, UpstreamFetchers } from './upstream-fetchers';

/**
 * Upstream data for one request, through the shared cache. Resolvers, the receive preflight
 * and the manifest preview all read Backoffice through this facade, so that every read:
 *
 * - is answered from the shared cache while fresh (reference data: `referenceTtlSeconds`,
 *   inventory: `inventoryTtlSeconds`), then served stale for a while as one refresh runs;
 * - shares a call already in flight for the same data with any other request;
 * - counts against this request's cost (`upstreamCalls` through the client's observer,
 *   `cacheHits` here), which the response reports in `extensions.cost`;
 * - never caches a failure: the error reaches the caller and the next read calls again.
 *
 * Failures are the client's BackofficeError subclasses; the GraphQL edge maps them to codes.
 * Authorization is not checked here: callers check a principal's scopes and LocIds first.
 */
export interface UpstreamData {
  /** Every location the login sees, always from the unfiltered list. */
  locations(): Promise<Location[]>;
  /** One location of that list, or null when the login does not see it. */
  location(locId: number): Promise<Location | null>;
  rooms(locId: number): Promise<Room[]>;
  vendors(locId: number): Promise<Vendor[]>;
  /** The whole LSP catalog, indexed by ProductId and SKU; one upstream call per LSP and TTL. */
  catalog(lspId: number): Promise<CatalogSnapshot>;
  /**
   * The location's packages, zero-quantity rows included (filter on `quantity`). `fresh`
   * skips the cache, for reading back right after a write. Throws NOT_FOUND for a LocId the
   * login does not see, because the read needs that location's own LspId.
   */
  inventory(locId: number, options?: { fresh?: boolean }): Promise<InventorySnapshot>;
  /** Drops the cached inventory of a location (after a receive); the next read goes upstream. */
  invalidateInventory(locId: number): void;
  /** Drops the cached catalog of an LSP (after products were added to it upstream). */
  invalidateCatalog(lspId: number): void;
}

export interface UpstreamDataDeps {
  cache: UpstreamCache;
  fetchers: UpstreamFetchers;
}

const ALL = 'all';

export function createUpstreamData(deps: UpstreamDataDeps, cost: CostTracker): UpstreamData {
  const { cache, fetchers } = deps;

  async function read<T>(
    kind: CacheKind,
    scope: string | number,
    load: CacheLoader<T>,
    fresh?: boolean,
  ) {
    const result = await cache.read(kind, scope, load, { fresh, call: cost.callOptions('read') });
    if (result.hit) cost.recordHit();

    return result.value;
  }

  async function location(locId: number): Promise<Location | null> {
    const all = await read('locations', ALL, fetchers.locations);

    return all.find((candidate) => candidate.locId === locId) ?? null;
  }

  return {
    locations: () => read('locations', ALL, fetchers.locations),
    location,
    rooms: (locId) => read('rooms', locId, fetchers.rooms(locId)),
    vendors: (locId) => read('vendors', locId, fetchers.vendors(locId)),
    catalog: (lspId) => read('catalog', lspId, fetchers.catalog(lspId)),
    inventory: async (locId, options = {}) => {
      const found = await location(locId);
      if (!found) throw unknownLocation(locId);

      return read('inventory', locId, fetchers.inventory(found), options.fresh);
    },
    invalidateInventory: (locId) => cache.invalidate('inventory', locId),
    invalidateCatalog: (lspId) => cache.invalidate('catalog', lspId),
  };
}

export function unknownLocation(locId: number): GraphError {
  return new GraphError('NOT_FOUND', `LocId ${locId} is not among the locations this login sees`, {
    hint: 'List them with { locations { locId name } }.',
  });
}
