import type {
  BackofficeApi,
  CallPriority,
  InventoryScope,
  ReceiveRequest,
  ReceiveResult,
} from '../dutchie/backoffice-api';
import type { Catalog, InventoryRow, Location, Room, Vendor } from '../dutchie/models';

/** Every read of the write path goes ahead of dashboards; the POST goes first of all. */
export interface ReceiveCall {
  priority: Extract<CallPriority, 'write' | 'verify'>;
}

export interface ReceiveInventoryRead {
  /** Bypass any cache: preflight and verification must see the upstream as it is now. */
  fresh: true;
  includeZeroQuantity: boolean;
}

/**
 * The narrow seam the receive service reads and writes through. `backofficeDataSource` adapts
 * a raw client; the read graph's cached facade is adapted to it later, which is why the
 * inventory read says `fresh` and why there is an invalidation hook.
 */
export interface ReceiveDataSource {
  /** The unfiltered location list (an LspId filter silently shrinks it upstream). */
  locations(call: ReceiveCall): Promise<Location[]>;
  rooms(locId: number, call: ReceiveCall): Promise<Room[]>;
  vendors(locId: number, call: ReceiveCall): Promise<Vendor[]>;
  catalog(lspId: number, call: ReceiveCall): Promise<Catalog>;
  inventory(
    location: InventoryScope,
    read: ReceiveInventoryRead,
    call: ReceiveCall,
  ): Promise<InventoryRow[]>;
  /** Sent once per claimed key; never retried here or below. */
  receive(request: ReceiveRequest, call: ReceiveCall): Promise<ReceiveResult>;
  /** Drops any cached inventory of the location after a write attempt. */
  invalidateInventory(locId: number): void | Promise<void>;
}

/** The seam over a raw client: no cache, so every read is fresh and invalidation is a no-op. */
export function backofficeDataSource(api: BackofficeApi): ReceiveDataSource {
  return {
    locations: (call) => api.getLocations(call),
    rooms: (locId, call) => api.getRooms(locId, call),
    vendors: (locId, call) => api.getVendors(locId, call),
    catalog: (lspId, call) => api.getCatalog(lspId, call),
    inventory: (location, read, call) =>
      api.getInventory(location, { includeZeroQuantity: read.includeZeroQuantity }, call),
    receive: (request, call) => api.receive(request, call),
    invalidateInventory: () => undefined,
  };
}
