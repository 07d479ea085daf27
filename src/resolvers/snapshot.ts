import { randomBytes } from 'node:crypto';
import type { Clock } from '../util/clock';

export type SnapshotKind = 'inventory' | 'catalog';

/**
 * One upstream answer, frozen: the rows a connection pages over. A cursor names the snapshot it
 * was cut from, so a client paging through 5,000 packages keeps reading the same rows in the
 * same order while the cache behind it refreshes: no gaps, no duplicates.
 */
export interface Snapshot<T> {
  readonly id: string;
  readonly kind: SnapshotKind;
  /** The LocId (inventory) or LspId (catalog). */
  readonly scope: number;
  readonly fetchedAt: number;
  readonly rows: readonly T[];
}

export function createSnapshot<T>(
  kind: SnapshotKind,
  scope: number,
  rows: readonly T[],
  fetchedAt: number,
): Snapshot<T> {
  return { id: randomBytes(6).toString('hex'), kind, scope, fetchedAt, rows };
}

interface Retained {
  snapshot: Snapshot<unknown>;
  lastUsedAt: number;
}

/**
 * Snapshots a connection has handed out cursors for, kept for `retentionMs` after their last
 * page. Only paged snapshots are kept, so a refresh that nobody pages through costs no memory.
 */
// LIMITATION: snapshots live in this process's memory, so a restart or another replica answers an
// older cursor with SNAPSHOT_EXPIRED, because no shared store is configured.
// LIMITATION: nothing but the retention time bounds how many paged snapshots are kept, because
// a per-location cap could expire the cursor of a mirror job that is still paging.
export class SnapshotStore {
  private readonly retained = new Map<string, Retained>();

  constructor(
    private readonly clock: Clock,
    readonly retentionMs: number,
  ) {}

  /** Called whenever a page is cut from `snapshot`: its cursors stay valid from now on. */
  retain(snapshot: Snapshot<unknown>): void {
    this.prune();
    this.retained.set(snapshot.id, { snapshot, lastUsedAt: this.clock.now() });
  }

  find<T>(id: string): Snapshot<T> | undefined {
    this.prune();

    return this.retained.get(id)?.snapshot as Snapshot<T> | undefined;
  }

  get size(): number {
    return this.retained.size;
  }

  private prune(): void {
    const oldest = this.clock.now() - this.retentionMs;

    for (const [id, entry] of this.retained) {
      if (entry.lastUsedAt < oldest) this.retained.delete(id);
    }
  }
}
