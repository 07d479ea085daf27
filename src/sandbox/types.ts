import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';

/**
 * The public surface of the embedded Backoffice simulator. Tests, `npm start` and the
 * benchmarks start it in-process with `startSandbox` (see `./index`).
 */
export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only; anything else is refused. Default 127.0.0.1. */
  host?: string;
  clock?: Clock;
  /** How long a received package stays invisible to get-inventory. Default 0. */
  readLagMs?: number;
  /** Calls per rolling minute per session before the rate-limit answer; 0 turns it off. Default 60. */
  callsPerMinute?: number;
  username?: string;
  password?: string;
  /** Default 60 minutes. */
  sessionTtlMs?: number;
  /** The server's keep-alive timeout. Default 5000 ms. */
  keepAliveTimeoutMs?: number;
  logger?: Logger;
}

export interface Sandbox {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:4010; endpoints are under /api/. */
  readonly url: string;
  readonly port: number;
  readonly clock: Clock;
  readonly faults: SandboxFaults;
  readonly requests: SandboxRequestLog;
  /** Back to the seed: state, sessions, faults and the request log. */
  reset(): void;
  /** Kills every session now, as if an hour had passed. */
  expireSessions(): void;
  /** Every SessionGId issued since start or reset; for secret-leak tests. */
  issuedSessionIds(): string[];
  /** Packages at a location as stored (ignores read lag and zero-quantity hiding). */
  packagesAt(locId: number): SandboxPackage[];
  /** Adds products to an LSP's catalog, as someone would in Dutchie's product master. */
  importProducts(lspId: number, products: SandboxProductInput[]): SandboxProduct[];
  /** Every receive and draft the sandbox recorded since start or reset, oldest first. */
  receives(): readonly SandboxReceive[];
  close(): Promise<void>;
}

/**
 * Faults a test can arm (see `SandboxFaults.add`). Edge faults answer before the request is
 * processed, so nothing is applied: status, rate-limit-429 (with `Retry-After` and a JSON
 * body carrying a TraceId), rate-limit-200 (the observed 200 envelope), html (an nginx page,
 * 502 by default), redirect-login (302 to /login), session-expired-200 / session-expired-401
 * (the 200 envelope, or an nginx HTML 401; both also kill the caller's session), sql-500
 * (HTTP 500 with SQL text and a stack trace) and no-headers (the request is accepted and never
 * answered until `close()`). `latency` waits in REAL time (setTimeout, not the injected clock,
 * so client HTTP timeouts really fire) and then lets the request continue; it combines with one
 * other fault. The rest shape the endpoint's own answer after it ran, so a write IS applied:
 * truncated-json (the real answer cut in half, complete HTTP response, JSON content type),
 * destroy-after-write (socket destroyed, no answer), orphan (a receive answers true with an id
 * and creates nothing) and partial (a receive drops its last `dropLines` lines silently).
 */
export type SandboxFault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  | { kind: 'rate-limit-429'; retryAfterSeconds: number; traceId?: string }
  | { kind: 'rate-limit-200' }
  | { kind: 'html'; status?: number }
  | { kind: 'truncated-json' }
  | { kind: 'redirect-login' }
  | { kind: 'session-expired-200' }
  | { kind: 'session-expired-401' }
  | { kind: 'destroy-after-write' }
  | { kind: 'no-headers' }
  | { kind: 'sql-500' }
  | { kind: 'orphan' }
  | { kind: 'partial'; dropLines: number };

export interface FaultOptions {
  /** How many matching requests the fault applies to. Default 1; Infinity for all. */
  times?: number;
}

export interface SandboxFaults {
  /** `endpoint` is the path after `/api/` (e.g. `v2/inventory/receive`) or `*` for any. */
  add(endpoint: string, fault: SandboxFault, options?: FaultOptions): void;
  clear(): void;
}

export interface SandboxRequest {
  endpoint: string;
  at: number;
  status: number;
  /** The parsed JSON body with credentials and session ids removed. */
  body: unknown;
  /** The Result field of the answer, when one was sent. */
  result?: boolean;
  fault?: SandboxFault['kind'];
}

export interface SandboxRequestLog {
  all(): readonly SandboxRequest[];
  count(endpoint?: string): number;
  countsByEndpoint(): Record<string, number>;
  clear(): void;
}

export interface SandboxPackage {
  inventoryId: number;
  locId: number;
  packageId: string;
  productId: number;
  quantity: string;
  roomId: number;
  vendorId: number;
  receiveHistoryId: number | null;
  /** Clock time at which the package becomes visible to reads. */
  visibleAt: number;
}

/** A receive (or draft) as the sandbox recorded it; failed receives are not recorded. */
export interface SandboxReceive {
  receiveHistoryId: number;
  kind: 'receive' | 'draft';
  locId: number;
  vendorId: number | null;
  externalId: string | null;
  /** Clock time of the request. */
  at: number;
  /**
   * `applied`: every line made a package; `partial`: some lines were skipped (a room that is
   * not an inventory room, or a `partial` fault); `orphaned`: an id and no packages (a location
   * without rooms, or an `orphan` fault); `draft`: save-receive.
   */
  outcome: 'applied' | 'partial' | 'orphaned' | 'draft';
  lines: SandboxReceiveLine[];
}

export interface SandboxReceiveLine {
  productId: number | null;
  roomId: number | null;
  vendorId: number | null;
  /** Canonical decimal text, exactly as sent ("3.5"). */
  quantity: string | null;
  unitId: number | null;
  packageId: string | null;
  lot: string | null;
  cost: string | null;
  /** The package this line created, or null when it was skipped. */
  inventoryId: number | null;
}

export interface SandboxProductInput {
  sku?: string | null;
  name: string;
  category?: string;
  masterCategory?: string;
  brand?: string | null;
  vendorId?: number | null;
  /** 1 = each; otherwise grams. */
  unitId?: number;
  netWeight?: string | null;
}

export interface SandboxProduct {
  productId: number;
  lspId: number;
  sku: string | null;
  name: string;
}

/** LocIds of the three locations named "Sandbox" that the employee account sees. */
export const SANDBOX_LOC_IDS = { az: 1989, il: 2862, oh: 2869 } as const;
export const SANDBOX_DEFAULT_USERNAME = 'sandbox.employee@example.com';
export const SANDBOX_DEFAULT_PASSWORD = 'sandbox-password';
export const SANDBOX_USER_ID = 60672;
