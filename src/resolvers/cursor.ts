import { GraphError } from './graph-error';
import type { SnapshotKind } from './snapshot';

/** Where a page ended: a row of one snapshot. Opaque to clients (base64url). */
export interface SnapshotCursor {
  kind: SnapshotKind;
  scope: number;
  snapshotId: string;
  /** Position of the row in the snapshot (not in the filtered list), so filters cannot shift it. */
  index: number;
}

const VERSION = 'v1';
const KINDS: readonly string[] = ['inventory', 'catalog'];

export function encodeCursor(cursor: SnapshotCursor): string {
  const text = [VERSION, cursor.kind, cursor.scope, cursor.snapshotId, cursor.index].join(':');

  return Buffer.from(text, 'utf8').toString('base64url');
}

export function decodeCursor(value: string): SnapshotCursor {
  const parts = Buffer.from(value, 'base64url').toString('utf8').split(':');
  const [version, kind, scope, snapshotId, index] = parts;

  const valid =
    parts.length === 5 &&
    version === VERSION &&
    KINDS.includes(kind) &&
    /^\d+$/.test(scope) &&
    /^[0-9a-f]+$/.test(snapshotId) &&
    /^\d+$/.test(index);
  if (!valid) throw badCursor(`cursor "${shorten(value)}" is not one this API issued`);

  return { kind: kind as SnapshotKind, scope: Number(scope), snapshotId, index: Number(index) };
}

export function badCursor(message: string): GraphError {
  return new GraphError('BAD_CURSOR', message, {
    hint: 'Pass a startCursor, endCursor or edge cursor of the same connection, unchanged.',
  });
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}...` : value;
}
