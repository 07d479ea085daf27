import type { ReceiveRequest } from '../dutchie/backoffice-api';
import type { SqlErrorClass } from '../dutchie/errors';
import type { InventoryRow } from '../dutchie/models';

/**
 * What `receiveInventory` answers: one member per GraphQL union member, discriminated by
 * `__typename` so the mutation wiring maps them one to one. Every error member has a stable
 * `code`, a `message` that names things and shows what arrived, and a `hint` saying what to do.
 * Decimals inside error members are canonical strings so they serialise as they read.
 */

export interface ReceiveSuccess {
  __typename: 'ReceiveSuccess';
  idempotencyKey: string;
  /** The location's LspId: the catalog the packages' products belong to. */
  lspId: number;
  /** Null only when the answer was lost and the read-back rows carried no history id. */
  receiveHistoryId: number | null;
  /** The verified inventory rows, one per line, in line order. */
  packages: InventoryRow[];
  /** True when this answer came from the ledger and no receive was sent for this call. */
  replayed: boolean;
}

export interface ResolvedLine {
  /** The line's index in the input. */
  line: number;
  productId: number;
  sku: string | null;
  productName: string;
  unitId: number | null;
  roomId: number;
  roomName: string;
  packageId: string;
  quantity: string;
  unitCost: string;
  totalPackageCost: string;
}

/** A dry run: the exact body that would be sent (without the session block), nothing written. */
export interface ReceivePlan {
  __typename: 'ReceivePlan';
  idempotencyKey: string;
  body: ReceiveRequest;
  lines: ResolvedLine[];
}

interface ErrorBase {
  message: string;
  hint: string;
}

export interface ValidationIssue {
  /** Dotted field path, e.g. `lines.2.quantity`; "" for the input as a whole. */
  path: string;
  message: string;
}

export interface ValidationError extends ErrorBase {
  __typename: 'ValidationError';
  code: 'VALIDATION_FAILED';
  issues: ValidationIssue[];
}

export interface LocationNotWritableError extends ErrorBase {
  __typename: 'LocationNotWritableError';
  code: 'LOCATION_NOT_WRITABLE';
  locId: number;
  /** Null when the login cannot see the location at all. */
  locationName: string | null;
  reason: 'unknown-location' | 'not-writable';
  writableLocIds: number[];
}

export interface RoomProblem {
  /** Null for "the location has no rooms". */
  roomId: number | null;
  roomName: string | null;
  /** The input fields that name this room (`roomId`, `lines.1.roomId`). */
  paths: string[];
  reason: 'no-rooms' | 'unknown-room' | 'not-inventory-room';
}

export interface OrphanRiskError extends ErrorBase {
  __typename: 'OrphanRiskError';
  code: 'ORPHAN_RISK';
  locId: number;
  problems: RoomProblem[];
}

export interface VendorNotFoundError extends ErrorBase {
  __typename: 'VendorNotFoundError';
  code: 'VENDOR_NOT_FOUND';
  locId: number;
  /** Null when none was named: a manifest receive whose sender matches no vendor (or several). */
  vendorId: number | null;
  vendorsAtLocation: number;
}

export interface ProductCandidate {
  productId: number;
  sku: string | null;
  name: string;
}

export interface ProductProblem {
  path: string;
  productId: number | null;
  sku: string | null;
  reason: 'unknown-product' | 'unknown-sku' | 'ambiguous-sku';
  candidates: ProductCandidate[];
}

export interface ProductNotFoundError extends ErrorBase {
  __typename: 'ProductNotFoundError';
  code: 'PRODUCT_NOT_FOUND';
  lspId: number;
  problems: ProductProblem[];
}

export interface DuplicatePackage {
  packageId: string;
  /** `request`: repeated among the lines; `location`: already a package at the location. */
  where: 'request' | 'location';
  paths: string[];
  existing: {
    inventoryId: number;
    productId: number;
    roomId: number | null;
    quantity: string;
  } | null;
}

export interface DuplicatePackageError extends ErrorBase {
  __typename: 'DuplicatePackageError';
  code: 'DUPLICATE_PACKAGE';
  locId: number;
  duplicates: DuplicatePackage[];
}

export interface OrphanedReceiveError extends ErrorBase {
  __typename: 'OrphanedReceiveError';
  code: 'ORPHANED_RECEIVE';
  locId: number;
  receiveHistoryId: number;
  labelsChecked: string[];
  likelyCause: string;
}

export interface LineMismatch {
  path: string;
  packageId: string;
  field: 'quantity' | 'room' | 'product';
  expected: string;
  actual: string;
}

export interface PartialReceiveError extends ErrorBase {
  __typename: 'PartialReceiveError';
  code: 'PARTIAL_RECEIVE';
  locId: number;
  receiveHistoryId: number | null;
  /** Labels found as sent. */
  verified: string[];
  missing: { path: string; packageId: string }[];
  mismatched: LineMismatch[];
}

export interface UpstreamSqlError extends ErrorBase {
  __typename: 'UpstreamSqlError';
  code: 'UPSTREAM_SQL_ERROR';
  classification: SqlErrorClass;
  /** The table or column the upstream named, when it named one; never the SQL text. */
  subject: string | null;
}

/** A `Result: false` refusal of the receive that is not SQL, a rate limit or a session. */
export interface UpstreamRejectedError extends ErrorBase {
  __typename: 'UpstreamRejectedError';
  code: 'UPSTREAM_REJECTED';
}

export type ReceiveStep = 'preflight' | 'write' | 'verify';

export interface UpstreamUnavailableError extends ErrorBase {
  __typename: 'UpstreamUnavailableError';
  code: 'UPSTREAM_UNAVAILABLE';
  step: ReceiveStep;
  /** The client's error code, e.g. UPSTREAM_TIMEOUT. */
  upstreamCode: string;
}

export interface RateLimitedError extends ErrorBase {
  __typename: 'RateLimitedError';
  code: 'RATE_LIMITED';
  step: ReceiveStep;
  /** Seconds to wait before trying again. */
  retryAfter: number;
}

export interface ReceiveOutcomeUnknownError extends ErrorBase {
  __typename: 'ReceiveOutcomeUnknownError';
  code: 'RECEIVE_OUTCOME_UNKNOWN';
  locId: number;
  /** Known when the upstream answered the receive; null when its answer never came. */
  receiveHistoryId: number | null;
  labelsChecked: string[];
  reads: number;
  checkedForSeconds: number;
}

export interface IdempotencyConflictError extends ErrorBase {
  __typename: 'IdempotencyConflictError';
  code: 'IDEMPOTENCY_CONFLICT';
  idempotencyKey: string;
  firstUsedAt: string;
  status: string;
}

export interface NotAuthorizedError extends ErrorBase {
  __typename: 'NotAuthorizedError';
  code: 'NOT_AUTHORIZED';
  actor: string | null;
  locId: number | null;
}

export type ReceiveError =
  | ValidationError
  | LocationNotWritableError
  | OrphanRiskError
  | VendorNotFoundError
  | ProductNotFoundError
  | DuplicatePackageError
  | OrphanedReceiveError
  | PartialReceiveError
  | UpstreamSqlError
  | UpstreamRejectedError
  | UpstreamUnavailableError
  | RateLimitedError
  | ReceiveOutcomeUnknownError
  | IdempotencyConflictError
  | NotAuthorizedError;

export type ReceiveOutcome = ReceiveSuccess | ReceivePlan | ReceiveError;
export type ReceiveOutcomeName = ReceiveOutcome['__typename'];

export function isReceiveError(outcome: ReceiveOutcome): outcome is ReceiveError {
  return outcome.__typename !== 'ReceiveSuccess' && outcome.__typename !== 'ReceivePlan';
}
