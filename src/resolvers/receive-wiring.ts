import type { Registry } from 'prom-client';
import {
  createReceiveService,
  embeddedSandboxIdentity,
  type ReceiveService,
  type ReceiveServiceOptions,
} from '../receive';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { CostTracker } from './cost-tracker';
import { receiveDataSource, type ReceiveSourceDeps } from './receive-data-source';

/** How the graph's receive service is set up; the server maps its configuration onto this. */
export interface GraphReceiveOptions {
  /**
   * Whose receipts the ledger holds: `upstreamIdentity(baseUrl, user)` for a live tenant.
   * @default a per-process identity (`embeddedSandboxIdentity()`), allowed only in memory
   */
  upstream?: string;
  /** Directory of the durable ledger (DATA_DIR). @default in memory */
  dataDir?: string;
  /** WRITABLE_LOC_IDS. @default the locations named "Sandbox" */
  writableLocIds?: readonly number[];
  /** RECEIVE_VERIFY_SECONDS. @default 15 */
  verifySeconds?: number;
  /** @default 120 */
  orphanAfterSeconds?: number;
  /** The access-control hook (see ReceiveServiceOptions.authorize). @default everyone may */
  authorize?: ReceiveServiceOptions['authorize'];
}

export interface GraphReceiveDeps extends ReceiveSourceDeps {
  clock: Clock;
  logger: Logger;
  registry: Registry;
}

/**
 * The receive service the graph serves. Its own data source counts nowhere (no request owns
 * it); every GraphQL call passes the request's source instead (see `receiveDataSource`).
 */
export function createGraphReceiveService(
  deps: GraphReceiveDeps,
  options: GraphReceiveOptions = {},
): ReceiveService {
  // A durable ledger under a random identity would never find its own rows after a restart.
  if (options.dataDir !== undefined && options.upstream === undefined) {
    throw new TypeError(
      `receive.upstream is required with receive.dataDir (${options.dataDir}): a durable ledger must name the upstream its receipts belong to`,
    );
  }

  return createReceiveService({
    source: receiveDataSource(deps, new CostTracker()),
    upstream: options.upstream ?? embeddedSandboxIdentity(),
    dataDir: options.dataDir,
    writableLocIds: options.writableLocIds,
    verifySeconds: options.verifySeconds,
    orphanAfterSeconds: options.orphanAfterSeconds,
    authorize: options.authorize,
    clock: deps.clock,
    logger: deps.logger,
    registry: deps.registry,
  });
}
