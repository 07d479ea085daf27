import type { BackofficeApi } from '../dutchie/backoffice-api';
import type { ReceiveCall, ReceiveDataSource } from '../receive';
import type { CostTracker } from './cost-tracker';
import type { CacheKind, CacheLoader, UpstreamCache } from './upstream-cache';
import type { UpstreamFetchers } from './upstream-fetchers';

export interface ReceiveSourceDeps {
  client: BackofficeApi;
  cache: UpstreamCache;
  fetchers: UpstreamFetchers;
}

/** The cache scope of the one location list (the same entry the read graph's facade uses). */
const ALL_LOCATIONS = 'all';

/**
 * The receive engine's data source for one GraphQL request, over the read graph's shared cache.
 *
 * - Reference data (locations, rooms, vendors, catalogs) is read through the cache: a warm
 *   entry costs nothing, and a miss is fetched at the engine's priority ('verify'), so a
 *   receive does not queue behind dashboards for its catalog.
 * - Inventory is always read fresh from the client: the duplicate-label check and the
 *   read-back must see the upstream as it is now, never a cached snapshot.
 * - The POST goes at 'write', ahead of everything.
 * - After a receive the location's cached inventory is dropped, so the next request's read
 *   (any request's) goes upstream and sees the new packages.
 *
 * Every call counts in the request's `extensions.cost`, like a read's.
 */
export function receiveDataSource(deps: ReceiveSourceDeps, cost: CostTracker): ReceiveDataSource {
  const { client, cache, fetchers } = deps;

  async function cached<T>(
    kind: CacheKind,
    scope: string | number,
    load: CacheLoader<T>,
    call: ReceiveCall,
  ): Promise<T> {
    const result = await cache.read(kind, scope, load, { call: cost.callOptions(call.priority) });
    if (result.hit) cost.recordHit();

    return result.value;
  }

  // LIMITATION: rooms and vendors come from the shared cache (up to referenceTtlSeconds old), so a room turned into a non-inventory room upstream within that time still passes preflight; read-back then reports the receive as partial or unknown rather than it being refused first.
  return {
    locations: (call) => cached('locations', ALL_LOCATIONS, fetchers.locations, call),
    rooms: (locId, call) => cached('rooms', locId, fetchers.rooms(locId), call),
    vendors: (locId, call) => cached('vendors', locId, fetchers.vendors(locId), call),
    catalog: (lspId, call) => cached('catalog', lspId, fetchers.catalog(lspId), call),
    inventory: (scope, read, call) =>
      client.getInventory(
        scope,
        { includeZeroQuantity: read.includeZeroQuantity },
        cost.callOptions(call.priority),
      ),
    receive: (request, call) => client.receive(request, cost.callOptions(call.priority)),
    invalidateInventory: (locId) => cache.invalidate('inventory', locId),
  };
}
