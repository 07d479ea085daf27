import type { Logger } from '../util/logger';
import type {
  BackofficeApi,
  CallOptions,
  InventoryReadOptions,
  InventoryScope,
  ReceiveRequest,
  ReceiveResult,
  SessionStatus,
  UpstreamBudget,
} from './backoffice-api';
import { resolveClientOptions, type BackofficeClientInput } from './client-options';
import { ENDPOINTS } from './endpoints';
import { createUpstreamMetrics } from './metrics';
import type { Catalog, InventoryRow, Location, Product, Room, Vendor } from './models';
import { parseCatalog } from './parse/catalog';
import { parseInventory } from './parse/inventory';
import { parseLocations } from './parse/locations';
import { parseProductDetails } from './parse/product-details';
import { parseReceiveResult } from './parse/receive-result';
import { parseRooms } from './parse/rooms';
import { parseVendors } from './parse/vendors';
import { receiveBody } from './receive-body';
import type { Session, SessionBlock } from './session-manager';
import { UpstreamCaller } from './upstream-caller';

/** The session block as many endpoints take it: SessionId is the SessionGId, not `SessionId`. */
function sessionBlock(session: Session): SessionBlock {
  const block: SessionBlock = { SessionId: session.gid, UserId: session.userId };
  if (session.locId !== null) block.LocId = session.locId;
  if (session.lspId !== null) block.LspId = session.lspId;

  return block;
}

const json = (body: unknown) => JSON.stringify(body);
const empty = () => [];

/**
 * The session-cached Backoffice client: one typed function per endpoint over a shared session,
 * budget and keep-alive pool. Build it with `createBackofficeClient`.
 */
export class BackofficeClient implements BackofficeApi {
  private readonly caller: UpstreamCaller;
  private readonly timeZoneOverrides: Readonly<Record<string, string>>;
  private readonly warnedStates = new Set<string>();
  private readonly log: Logger;

  constructor(input: BackofficeClientInput) {
    const options = resolveClientOptions(input);

    this.timeZoneOverrides = options.timeZoneOverrides;
    this.caller = new UpstreamCaller({ options, metrics: createUpstreamMetrics(options.registry) });
    this.log = options.logger;
  }

  getLocations(call?: CallOptions): Promise<Location[]> {
    return this.caller.run(
      {
        endpoint: ENDPOINTS.locations,
        // Always {}: an LspId filter silently shrinks the list (575 once showed only IL rows).
        body: () => '{}',
        parse: (data) =>
          parseLocations(data, {
            timeZoneOverrides: this.timeZoneOverrides,
            onUnknownState: (state, locId) => this.warnUnknownState(state, locId),
          }),
        noMatch: empty,
        priority: 'read',
      },
      call,
    );
  }

  getVendors(locId: number, call?: CallOptions): Promise<Vendor[]> {
    return this.caller.run(
      {
        endpoint: ENDPOINTS.vendors,
        body: () => json({ LocId: locId }),
        parse: (data) => parseVendors(data, locId),
        noMatch: empty,
        priority: 'read',
      },
      call,
    );
  }

  getRooms(locId: number, call?: CallOptions): Promise<Room[]> {
    return this.caller.run(
      {
        endpoint: ENDPOINTS.rooms,
        body: () => json({ LocId: locId }),
        parse: (data) => parseRooms(data, locId),
        noMatch: empty,
        priority: 'read',
      },
      call,
    );
  }

  getCatalog(lspId: number, call?: CallOptions): Promise<Catalog> {
    return this.caller.run(
      {
        endpoint: ENDPOINTS.products,
        body: () => json({ LspId: lspId }),
        parse: (data) => parseCatalog(data, lspId),
        noMatch: () => parseCatalog([], lspId),
        priority: 'read',
      },
      call,
    );
  }

  getProductDetails(lspId: number, productId: number, call?: CallOptions): Promise<Product | null> {
    return this.caller.run(
      {
        endpoint: ENDPOINTS.productDetails,
        body: () => json({ ProductId: productId }),
        parse: (data) => parseProductDetails(data, lspId),
        noMatch: () => null,
        priority: 'read',
      },
      call,
    );
  }

  getInventory(
    location: InventoryScope,
    options: InventoryReadOptions = {},
    call?: CallOptions,
  ): Promise<InventoryRow[]> {
    return this.caller.run(
      {
        endpoint: ENDPOINTS.inventory,
        body: (session) =>
          json({
            ...sessionBlock(session),
            LocId: location.locId,
            // The location's own LspId: another LSP's id answers an empty list (the empty-read
            // trap).
            LspId: location.lspId,
            ...(options.includeZeroQuantity ? { IncludeZeroQuantity: true } : {}),
          }),
        parse: (data) => parseInventory(data, location),
        noMatch: empty,
        priority: 'read',
      },
      call,
    );
  }

  receive(request: ReceiveRequest, call?: CallOptions): Promise<ReceiveResult> {
    return this.write(ENDPOINTS.receive, request, call);
  }

  saveReceive(request: ReceiveRequest, call?: CallOptions): Promise<ReceiveResult> {
    return this.write(ENDPOINTS.saveReceive, request, call);
  }

  budget(): UpstreamBudget {
    return this.caller.limiter.snapshot();
  }

  sessionStatus(): SessionStatus {
    return this.caller.sessions.status();
  }

  async ensureSession(): Promise<void> {
    await this.caller.sessions.current();
  }

  close(): Promise<void> {
    return this.caller.close();
  }

  /** Receives are not in READ_ENDPOINTS: the caller never retries them or replays them. */
  private write(
    endpoint: typeof ENDPOINTS.receive | typeof ENDPOINTS.saveReceive,
    request: ReceiveRequest,
    call?: CallOptions,
  ): Promise<ReceiveResult> {
    return this.caller.run(
      {
        endpoint,
        body: (session) => receiveBody(request, sessionBlock(session)),
        parse: parseReceiveResult,
        priority: 'write',
      },
      call,
    );
  }

  private warnUnknownState(state: string, locId: number): void {
    if (this.warnedStates.has(state)) return;

    this.warnedStates.add(state);
    this.log.warn({ state, locId }, 'no time zone known for this state; reading its dates in UTC');
  }
}

/** Validates the options once and builds a client; throws InvalidClientOptionsError. */
export function createBackofficeClient(input: BackofficeClientInput): BackofficeClient {
  return new BackofficeClient(input);
}
