import type { ReceiptRecord, ReceiptStatus } from '../receive';
import type { GraphContext } from './context';
import { GraphError } from './graph-error';

export interface ReceiptsArgs {
  locId?: number | null;
  /** The LocIds the caller's key is limited to; null or absent for every location. */
  locIds?: readonly number[] | null;
  status?: readonly ReceiptStatus[] | null;
  first?: number | null;
  after?: string | null;
}

export interface ReceiptConnection {
  edges: { cursor: string; node: ReceiptRecord }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export const MAX_RECEIPTS_PAGE = 100;

/**
 * One page of the receipt ledger, newest first, as a Relay connection. The ledger is local:
 * listing it costs no upstream call.
 */
export function receiptsPage(args: ReceiptsArgs, context: GraphContext): ReceiptConnection {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_RECEIPTS_PAGE) {
    throw new GraphError(
      'BAD_USER_INPUT',
      `first must be from 1 to ${MAX_RECEIPTS_PAGE} (got ${first})`,
    );
  }

  const page = listOrRefuse(args, first, context);
  const edges = page.records.map((node) => ({ cursor: node.cursor, node }));

  return {
    edges,
    pageInfo: {
      hasNextPage: page.pageInfo.hasNextPage,
      hasPreviousPage: args.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: page.pageInfo.endCursor,
    },
  };
}

function listOrRefuse(args: ReceiptsArgs, first: number, context: GraphContext) {
  try {
    return context.services.receive.listReceipts({
      locId: args.locId ?? undefined,
      locIds: args.locIds ?? undefined,
      status: args.status && args.status.length > 0 ? args.status : undefined,
      first,
      after: args.after ?? null,
    });
  } catch (error) {
    // The ledger refuses only a cursor that is not one of its own; say so as the caller's error.
    if (!(error instanceof RangeError)) throw error;

    throw new GraphError('BAD_CURSOR', error.message, {
      hint: 'Pass the endCursor of a previous receipts page, or leave after out.',
    });
  }
}

/** The input's lines, as the ledger kept them (canonical, secret-free). */
export function recordedLines(record: ReceiptRecord): { packageId?: unknown }[] {
  const lines = (record.input as { lines?: unknown } | null)?.lines;

  return Array.isArray(lines) ? (lines as { packageId?: unknown }[]) : [];
}

export function recordedVendorId(record: ReceiptRecord): number | null {
  const vendorId = (record.input as { vendorId?: unknown } | null)?.vendorId;

  return typeof vendorId === 'number' ? vendorId : null;
}
