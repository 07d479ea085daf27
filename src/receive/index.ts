/**
 * The intake write path: `createReceiveService` and what its callers need to hold it.
 */
export { createReceiveService, ReceiveService } from './receive-service';
export type {
  ReceiveCallContext,
  ReceiveServiceOptions,
  ReceiveAuthorization,
} from './receive-options';
export { backofficeDataSource } from './data-source';
export type { ReceiveCall, ReceiveDataSource, ReceiveInventoryRead } from './data-source';
export { receiveInventoryInputSchema, RECEIVE_INPUT_LIMITS, RECEIVE_TYPES } from './input-schema';
export type { ParsedReceiveInput, ReceiveInventoryInput, ReceiveType } from './input-schema';
export { parseReceiveInput } from './parse-input';
export { upstreamIdentity, embeddedSandboxIdentity } from './upstream-identity';
export { LEDGER_FILE_NAME, RECEIPT_STATUSES, type ReceiptStatus } from './ledger';
export type { ReceiptPage, ReceiptPageQuery, ReceiptRecord } from './receipts-page';
export { RECEIPTS_METRIC } from './receipt-metrics';
export * from './results';
