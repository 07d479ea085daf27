import type { DecimalValue } from '../util/decimal';
import type { Catalog, InventoryRow, Location, Product, Room, Vendor } from './models';

/**
 * The contract of the Backoffice client: one typed function per upstream endpoint. Everything
 * above `src/dutchie` (loaders, the receive path, health checks) depends on this interface,
 * never on HTTP details.
 */
export interface BackofficeApi {
  /** Always sends `{}`: an `LspId` filter silently shrinks the list upstream. */
  getLocations(call?: CallOptions): Promise<Location[]>;
  getVendors(locId: number, call?: CallOptions): Promise<Vendor[]>;
  getRooms(locId: number, call?: CallOptions): Promise<Room[]>;
  /** The whole LSP catalog (get-products-lite), parsed and indexed by ID and SKU. */
  getCatalog(lspId: number, call?: CallOptions): Promise<Catalog>;
  getProductDetails(lspId: number, productId: number, call?: CallOptions): Promise<Product | null>;
  /**
   * Packages at a location. The location's own LspId is sent: another LSP's id answers an
   * empty list upstream, which is the empty-read trap.
   */
  getInventory(
    location: InventoryScope,
    options?: InventoryReadOptions,
    call?: CallOptions,
  ): Promise<InventoryRow[]>;
  /** Never retried by the client: a repeated POST receives twice upstream. */
  receive(request: ReceiveRequest, call?: CallOptions): Promise<ReceiveResult>;
  /** Saves a draft receive (no packages, no stock). Never retried. */
  saveReceive(request: ReceiveRequest, call?: CallOptions): Promise<ReceiveResult>;

  /** The rolling-minute budget as the client sees it. */
  budget(): UpstreamBudget;
  /** The cached session, without touching the upstream. */
  sessionStatus(): SessionStatus;
  /** Logs in when there is no usable session; resolves once one exists. */
  ensureSession(): Promise<void>;
  close(): Promise<void>;
}

/** Who may spend the budget first: writes and their verification go ahead of everything. */
export type CallPriority = 'write' | 'verify' | 'read' | 'background';

export interface CallOptions {
  priority?: CallPriority;
  /** Told of every HTTP attempt this call makes; used to count a request's upstream cost. */
  observer?: (event: UpstreamCallEvent) => void;
  signal?: AbortSignal;
}

export interface UpstreamCallEvent {
  /** The path after `/api/`, e.g. `v2/inventory/get-inventory`. */
  endpoint: string;
  /** `ok` or an error code. */
  outcome: string;
  durationMs: number;
  attempt: number;
}

export type InventoryScope = Pick<Location, 'locId' | 'lspId' | 'timeZone'>;

export interface InventoryReadOptions {
  /** Upstream hides rows with quantity 0 unless asked. */
  includeZeroQuantity?: boolean;
}

export interface ReceiveLineRequest {
  productId: number;
  roomId: number;
  vendorId: number;
  quantity: DecimalValue;
  unitId: number | null;
  /** The package label. */
  packageId: string;
  /** Upstream `lot`: the batch name. */
  lot: string | null;
  cost: DecimalValue;
  totalPackageCost: DecimalValue;
  /** MM/DD/YYYY or null. */
  expirationDate: string | null;
  productGrams: DecimalValue | null;
}

/** The observed camelCase body of v2/inventory/receive, minus the session block. */
export interface ReceiveRequest {
  locId: number;
  /** The location's own LspId, from the unfiltered location list. */
  lspId: number;
  vendorId: number;
  vendorLicenseNumber: string | null;
  roomId: number;
  title: string | null;
  deliveredBy: string | null;
  /** "MM/DD/YYYY h:mm am" in the location's time zone. */
  receiveDate: string;
  receiveNote: string | null;
  transactionId: string | null;
  /** The idempotency key, so the receive can be found upstream. */
  externalId: string;
  products: ReceiveLineRequest[];
}

export interface ReceiveResult {
  /** ReceiveInventoryHistoryId: its presence is the upstream's proof that a receive landed. */
  receiveHistoryId: number;
}

export interface UpstreamBudget {
  limitPerMinute: number;
  usedLastMinute: number;
  queued: number;
}

export interface SessionStatus {
  active: boolean;
  loggedInAt: number | null;
  expiresAt: number | null;
  /** When the last login failed, and with which code. */
  lastFailure: { at: number; code: string } | null;
}
