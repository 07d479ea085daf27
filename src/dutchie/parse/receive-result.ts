import type { ReceiveResult } from '../backoffice-api';
import { SchemaMismatch } from './schema-mismatch';
import { describeValue } from './values';

/**
 * `Data` is the ReceiveInventoryHistoryId, the only proof that a receive landed: a success
 * without a positive integer there is a bad response, never a guessed success.
 */
export function parseReceiveResult(data: unknown): ReceiveResult {
  const id = typeof data === 'string' && /^\s*\d+\s*$/.test(data) ? Number(data) : data;

  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    throw new SchemaMismatch(
      `Data: expected the ReceiveInventoryHistoryId (an integer), got ${describeValue(data)}`,
    );
  }

  return { receiveHistoryId: id };
}
