import {
  RECEIPT_STATUSES,
  type ReceiptEntry,
  type ReceiptLedger,
  type ReceiptStatus,
} from './ledger';
import { outcomeFromJson } from './outcome-json';
import type { ReceiveOutcome } from './results';

export interface ReceiptPageQuery {
  locId?: number;
  /** Only these LocIds (an API key's own); an empty list matches nothing. */
  locIds?: readonly number[];
  /** One status or several; e.g. ['pending', 'unknown'] for what needs an operator. */
  status?: ReceiptStatus | readonly ReceiptStatus[];
  /** Page size, 1 to 100. @default 20 */
  first?: number;
  /** The `endCursor` of the previous page. */
  after?: string | null;
}

/** One ledger entry as the audit trail shows it: who, when, what, and how it ended. */
export interface ReceiptRecord {
  cursor: string;
  idempotencyKey: string;
  actor: string | null;
  receiveType: string;
  receivedBy: string | null;
  locId: number;
  status: ReceiptStatus;
  /** The `__typename` of the stored result; null while pending. */
  outcome: string | null;
  receiveHistoryId: number | null;
  /** The canonical input as it was submitted. */
  input: unknown;
  result: ReceiveOutcome | null;
  /** Receives POSTed for this key. */
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReceiptPage {
  records: ReceiptRecord[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const MAX_PAGE = 100;

export function listReceiptPage(ledger: ReceiptLedger, query: ReceiptPageQuery): ReceiptPage {
  const first = query.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new RangeError(`first must be an integer from 1 to ${MAX_PAGE} (got ${first})`);
  }

  const statuses = query.status === undefined ? undefined : [query.status].flat();
  const unknownStatus = statuses?.find((status) => !RECEIPT_STATUSES.includes(status));
  if (unknownStatus) {
    throw new RangeError(
      `status must be one of ${RECEIPT_STATUSES.join(', ')} (got "${unknownStatus}")`,
    );
  }

  const page = ledger.list({
    locId: query.locId,
    locIds: query.locIds,
    statuses,
    first,
    afterSeq: query.after ? decodeCursor(query.after) : undefined,
  });
  const records = page.entries.map(toRecord);

  return {
    records,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: records.at(-1)?.cursor ?? null },
  };
}

export function toRecord(entry: ReceiptEntry): ReceiptRecord {
  return {
    cursor: encodeCursor(entry.seq),
    idempotencyKey: entry.idempotencyKey,
    actor: entry.actor,
    receiveType: entry.receiveType,
    receivedBy: entry.receivedBy,
    locId: entry.locId,
    status: entry.status,
    outcome: entry.outcome,
    receiveHistoryId: entry.receiveHistoryId,
    input: JSON.parse(entry.canonicalInput),
    result: entry.resultJson ? outcomeFromJson(entry.resultJson) : null,
    attempts: entry.attempts,
    createdAt: new Date(entry.createdAt).toISOString(),
    updatedAt: new Date(entry.updatedAt).toISOString(),
  };
}

function encodeCursor(seq: number): string {
  return Buffer.from(`receipt:${seq}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^receipt:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new RangeError(`after is not a receipts cursor (got "${cursor.slice(0, 40)}")`);

  return Number(match[1]);
}
