import type { Registry } from 'prom-client';
import type { Clock } from '../util/clock';
import type { DecimalValue } from '../util/decimal';
import type { Logger } from '../util/logger';
import type { ReceiveDataSource } from './data-source';

export interface ReceiveAuthorization {
  actor: string | null;
  locId: number;
  dryRun: boolean;
}

export interface ReceiveServiceOptions {
  source: ReceiveDataSource;
  /** Whose ledger rows these are: `upstreamIdentity(baseUrl, user)` or `embeddedSandboxIdentity()`. */
  upstream: string;
  /** Directory for the durable ledger (created if missing). @default in memory */
  dataDir?: string;
  /** Locations that may be written. @default the locations named "Sandbox" */
  writableLocIds?: readonly number[];
  /** How long verification reads back. @default RECEIVE_VERIFY_SECONDS or 15 */
  verifySeconds?: number;
  /**
   * A receive the upstream answered with a history id whose packages are still nowhere this
   * long after the write is called orphaned rather than lagging. @default 120
   */
  orphanAfterSeconds?: number;
  clock?: Clock;
  logger?: Logger;
  /** Where `backoffice_receipts_total{outcome}` is registered. @default not registered */
  registry?: Registry;
  /** The access-control hook; a false answer is a NotAuthorizedError before anything else is read. */
  authorize?: (request: ReceiveAuthorization) => boolean | Promise<boolean>;
}

export interface ReceiveCallContext {
  /** The API key's or principal's name, recorded in the ledger as who received. */
  actor?: string | null;
  /**
   * Internal callers only, never a GraphQL input: each line's exact total, sent upstream as
   * `totalPackageCost` instead of quantity × unitCost (a manifest's line_price, whose unit cost
   * was rounded to four decimals). Checked against the line's unit cost and part of the input
   * the ledger binds the key to.
   */
  lineTotals?: readonly DecimalValue[];
  /**
   * What this call reads and writes through instead of the service's `source`: a GraphQL
   * request passes its own, so the receive's upstream calls count in that request's cost.
   */
  source?: ReceiveDataSource;
}

export const DEFAULT_VERIFY_SECONDS = 15;
export const DEFAULT_ORPHAN_AFTER_SECONDS = 120;

/** Options are checked once at construction; a bad number fails the start, not a receive. */
export function resolveVerifySeconds(option: number | undefined, env = process.env): number {
  const fromEnv = env.RECEIVE_VERIFY_SECONDS;
  const value =
    option ?? (fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : DEFAULT_VERIFY_SECONDS);

  if (!Number.isFinite(value) || value < 0 || value > 600) {
    throw new RangeError(
      `verifySeconds (RECEIVE_VERIFY_SECONDS) must be between 0 and 600 (got ${option ?? fromEnv})`,
    );
  }

  return value;
}
