import type { ReceiveOutcome } from '../receive';
import { builder } from './builder';
import {
  IdempotencyConflictErrorRef,
  NotAuthorizedErrorRef,
  OrphanedReceiveErrorRef,
  PartialReceiveErrorRef,
  ReceiveOutcomeUnknownErrorRef,
} from './receive-outcome-errors';
import {
  DuplicatePackageErrorRef,
  LocationNotWritableErrorRef,
  OrphanRiskErrorRef,
  ProductNotFoundErrorRef,
  ValidationErrorRef,
  VendorNotFoundErrorRef,
} from './receive-preflight-errors';
import { ReceiveInventoryPlanRef, ReceiveInventorySuccessRef } from './receive-success';
import {
  RateLimitedErrorRef,
  UpstreamRejectedErrorRef,
  UpstreamSqlErrorRef,
  UpstreamUnavailableErrorRef,
} from './receive-upstream-errors';

/**
 * The members of `ReceiveInventoryResult`, in the order the schema lists them. Other unions
 * over the receive engine (a manifest receive, reverifyReceipt) spread this list and add their
 * own members, resolving these with `receiveResultTypeName`.
 */
export const RECEIVE_RESULT_MEMBERS = [
  ReceiveInventorySuccessRef,
  ReceiveInventoryPlanRef,
  ValidationErrorRef,
  LocationNotWritableErrorRef,
  OrphanRiskErrorRef,
  VendorNotFoundErrorRef,
  ProductNotFoundErrorRef,
  DuplicatePackageErrorRef,
  OrphanedReceiveErrorRef,
  PartialReceiveErrorRef,
  UpstreamSqlErrorRef,
  UpstreamRejectedErrorRef,
  UpstreamUnavailableErrorRef,
  RateLimitedErrorRef,
  ReceiveOutcomeUnknownErrorRef,
  IdempotencyConflictErrorRef,
  NotAuthorizedErrorRef,
] as const;

/** The engine names its two non-error outcomes without "Inventory"; every error keeps its name. */
const RENAMED: Readonly<Record<string, string>> = {
  ReceiveSuccess: 'ReceiveInventorySuccess',
  ReceivePlan: 'ReceiveInventoryPlan',
};

/** The GraphQL object type of an engine outcome. */
export function receiveResultTypeName(outcome: { __typename: string }): string {
  return RENAMED[outcome.__typename] ?? outcome.__typename;
}

export const ReceiveInventoryResultRef = builder.unionType('ReceiveInventoryResult', {
  description:
    'Every way a receive can end, as data: the verified success, a dry-run plan, or an error ' +
    'member (each implements Error: message, a stable code, a hint). Upstream and validation ' +
    'failures are members here, never top-level GraphQL errors.',
  types: [...RECEIVE_RESULT_MEMBERS],
  resolveType: (outcome: ReceiveOutcome) => receiveResultTypeName(outcome),
});
