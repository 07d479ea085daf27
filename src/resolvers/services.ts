import { Registry } from 'prom-client';
import type { BackofficeApi } from '../dutchie/backoffice-api';
import type { ReceiveService } from '../receive';
import type { Sandbox } from '../sandbox/types';
import { systemClock, type Clock } from '../util/clock';
import { silentLogger, type Logger } from '../util/logger';
import { BackgroundRefresher } from './background-refresher';
import { createCacheMetrics } from './cache-metrics';
import { resolveGraphConfig, type GraphConfig } from './config';
import { createGraphReceiveService, type GraphReceiveOptions } from './receive-wiring';
import { SnapshotStore } from './snapshot';
import { UpstreamCache, type CacheKind, type CachePolicy } from './upstream-cache';
import { createUpstreamFetchers, type UpstreamFetchers } from './upstream-fetchers';

export interface GraphServicesOptions {
  client: BackofficeApi;
  /** Defaults: see GraphConfig. */
  config?: Partial<GraphConfig>;
  /** Default silent. */
  logger?: Logger;
  /** Where the cache metrics go. Default: a new Registry. */
  registry?: Registry;
  /** Default systemClock. */
  clock?: Clock;
  /** The embedded sandbox, when it is the upstream; it enables the sandbox-only mutations. */
  sandbox?: Sandbox | null;
  /** The receive service's ledger and policy. Default: an in-memory ledger, sandboxes writable. */
  receive?: GraphReceiveOptions;
}

/**
 * What lives as long as the server: the client, the cache shared by every request, the
 * snapshots cursors point at, and the background refresher. Requests get their own context
 * from these (see `createRequestContext`).
 */
export interface GraphServices {
  readonly client: BackofficeApi;
  readonly config: GraphConfig;
  readonly logger: Logger;
  readonly registry: Registry;
  readonly clock: Clock;
  readonly cache: UpstreamCache;
  readonly snapshots: SnapshotStore;
  readonly fetchers: UpstreamFetchers;
  /** Null when `backgroundRefresh` is off. */
  readonly refresher: BackgroundRefresher | null;
  /** The embedded sandbox; null against a live tenant (and then no sandbox tool runs). */
  readonly sandbox: Sandbox | null;
  /** The intake write path behind receiveInventory, over the shared cache and its ledger. */
  readonly receive: ReceiveService;
  /** Stops the refresher and closes the ledger; the client belongs to the caller and stays open. */
  close(): Promise<void>;
}

export function createGraphServices(options: GraphServicesOptions): GraphServices {
  const config = resolveGraphConfig(options.config);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger();
  const registry = options.registry ?? new Registry();
  const policies = cachePolicies(config);
  const metrics = createCacheMetrics(registry);
  const cache = new UpstreamCache({ clock, policies, metrics, logger });
  const fetchers = createUpstreamFetchers(options.client, clock);
  const snapshots = new SnapshotStore(clock, config.snapshotRetentionSeconds * 1000);

  const refresher = config.backgroundRefresh
    ? new BackgroundRefresher({ client: options.client, cache, fetchers, policies, clock, logger })
    : null;
  refresher?.start();

  const deps = { client: options.client, cache, fetchers, clock, logger, registry };
  const receive = createGraphReceiveService(deps, options.receive);

  return {
    client: options.client,
    config,
    logger,
    registry,
    clock,
    cache,
    snapshots,
    fetchers,
    refresher,
    sandbox: options.sandbox ?? null,
    receive,
    close: async () => {
      await refresher?.stop();
      receive.close();
    },
  };
}

export function cachePolicies(config: GraphConfig): Record<CacheKind, CachePolicy> {
  const reference = {
    ttlMs: config.referenceTtlSeconds * 1000,
    staleMs: config.referenceStaleSeconds * 1000,
  };
  const inventory = {
    ttlMs: config.inventoryTtlSeconds * 1000,
    staleMs: config.inventoryStaleSeconds * 1000,
  };

  return {
    locations: reference,
    rooms: reference,
    vendors: reference,
    catalog: reference,
    inventory,
  };
}
