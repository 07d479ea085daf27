import { badCursor, decodeCursor, encodeCursor, type SnapshotCursor } from './cursor';
import { GraphError } from './graph-error';
import type { Snapshot, SnapshotKind, SnapshotStore } from './snapshot';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageLimits {
  defaultSize: number;
  maxSize: number;
}

export interface SnapshotPage<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  /** Rows of the snapshot that match the filters, on every page. */
  totalCount: number;
  fetchedAt: Date;
}

export interface PageRequest<T> {
  kind: SnapshotKind;
  scope: number;
  args: PageArgs;
  limits: PageLimits;
  store: SnapshotStore;
  /** Loads the current snapshot; only called for a first page (no cursor). */
  current: () => Promise<Snapshot<T>>;
  matches: (row: T) => boolean;
}

/**
 * One page of a connection over a snapshot. A cursor pins the snapshot it came from, so every
 * later page reads the same rows; positions are snapshot indexes, so the pages of one filter
 * never overlap or skip a row.
 */
export async function pageSnapshot<T>(request: PageRequest<T>): Promise<SnapshotPage<T>> {
  const { args, store } = request;
  const after = args.after ? checkCursor(decodeCursor(args.after), request) : null;
  const before = args.before ? checkCursor(decodeCursor(args.before), request) : null;
  if (after && before && after.snapshotId !== before.snapshotId) {
    throw badCursor('after and before come from different snapshots of this connection');
  }

  const pinned = after ?? before;
  const snapshot = pinned ? retainedSnapshot<T>(store, pinned) : await request.current();
  store.retain(snapshot);

  const positions = matchingPositions(snapshot.rows, request.matches);
  const [lo, hi] = window(positions, after, before, request.args, request.limits);
  const edges = positions.slice(lo, hi).map((index) => ({
    cursor: encodeCursor({
      kind: request.kind,
      scope: request.scope,
      snapshotId: snapshot.id,
      index,
    }),
    node: snapshot.rows[index],
  }));

  return {
    edges,
    pageInfo: {
      hasPreviousPage: lo > 0,
      hasNextPage: hi < positions.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: positions.length,
    fetchedAt: new Date(snapshot.fetchedAt),
  };
}

function checkCursor(
  cursor: SnapshotCursor,
  request: { kind: SnapshotKind; scope: number },
): SnapshotCursor {
  if (cursor.kind !== request.kind || cursor.scope !== request.scope) {
    throw badCursor(
      `cursor belongs to the ${cursor.kind} of ${scopeName(cursor.kind)} ${cursor.scope}, ` +
        `not the ${request.kind} of ${scopeName(request.kind)} ${request.scope}`,
    );
  }

  return cursor;
}

function retainedSnapshot<T>(store: SnapshotStore, cursor: SnapshotCursor): Snapshot<T> {
  const snapshot = store.find<T>(cursor.snapshotId);
  if (!snapshot) {
    const seconds = Math.round(store.retentionMs / 1000);

    throw new GraphError(
      'SNAPSHOT_EXPIRED',
      `the ${cursor.kind} snapshot this cursor was cut from (${scopeName(cursor.kind)} ` +
        `${cursor.scope}) is no longer kept: snapshots stay pageable ${seconds} s after their last page`,
      {
        hint: 'Start again from the first page (without after/before); it reads a new snapshot.',
        details: { retentionSeconds: seconds },
      },
    );
  }
  if (cursor.index >= snapshot.rows.length) {
    throw badCursor(`cursor points past the end of its snapshot (${snapshot.rows.length} rows)`);
  }

  return snapshot;
}

function matchingPositions<T>(rows: readonly T[], matches: (row: T) => boolean): number[] {
  const positions: number[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    if (matches(rows[index])) positions.push(index);
  }

  return positions;
}

/** The [lo, hi) slice of `positions` that the page arguments select. */
function window(
  positions: number[],
  after: SnapshotCursor | null,
  before: SnapshotCursor | null,
  args: PageArgs,
  limits: PageLimits,
): [number, number] {
  const first = pageSize('first', args.first, limits);
  const last = pageSize('last', args.last, limits);
  let lo = after ? firstPositionAbove(positions, after.index) : 0;
  let hi = before ? firstPositionAbove(positions, before.index - 1) : positions.length;

  if (last !== null && first === null) lo = Math.max(lo, hi - last);
  else hi = Math.min(hi, lo + (first ?? limits.defaultSize));

  return [lo, Math.max(lo, hi)];
}

function pageSize(name: string, value: number | null | undefined, limits: PageLimits) {
  if (value === null || value === undefined) return null;
  if (value < 0 || value > limits.maxSize) {
    throw new GraphError(
      'BAD_USER_INPUT',
      `${name} must be between 0 and ${limits.maxSize} (got ${value})`,
      { hint: `Page with ${name} up to ${limits.maxSize} and the page's cursors.` },
    );
  }

  return value;
}

/** Binary search: the first position whose snapshot index is greater than `index`. */
function firstPositionAbove(positions: number[], index: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid] > index) hi = mid;
    else lo = mid + 1;
  }

  return lo;
}

function scopeName(kind: SnapshotKind): string {
  return kind === 'inventory' ? 'LocId' : 'LspId';
}
