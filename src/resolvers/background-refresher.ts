import type { BackofficeApi } from '../dutchie/backoffice-api';
import { RateLimitedError } from '../dutchie/errors';
import type { Location } from '../dutchie/models';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { CacheKind, CacheLoader, CachePolicy, UpstreamCache } from './upstream-cache';
import type { UpstreamFetchers } from './upstream-fetchers';

/**
 * Background work runs only while the client's rolling minute is at most this full. So it
 * spends at most half the budget, never reaches the 20% reserved for receives, and never
 * queues: the client's own limiter caps 'background' calls at the same share.
 */
export const BACKGROUND_SHARE = 0.5;
/** An entry is refreshed once it has lived this fraction of its TTL, before it goes stale. */
const REFRESH_AT_FRACTION = 0.8;
const MINUTE_MS = 60_000;

export type RefreshOutcome =
  | { refreshed: string }
  | { skipped: 'nothing-due' | 'budget' | 'paused' }
  | { failed: string; code: string };

export interface BackgroundRefresherOptions {
  client: BackofficeApi;
  cache: UpstreamCache;
  fetchers: UpstreamFetchers;
  policies: Record<CacheKind, CachePolicy>;
  clock: Clock;
  logger: Logger;
}

interface Task {
  kind: CacheKind;
  scope: number | 'all';
  refresh: () => Promise<unknown>;
}

/**
 * Keeps locations, rooms, vendors and every location's inventory warm, one entry per tick in a
 * round-robin, so dashboards mostly read the cache. Before each refresh it checks the client's
 * budget (see BACKGROUND_SHARE) and skips the tick if anything is queued or the minute is half
 * full: it never delays a user's call. Entries are refreshed shortly before their TTL ends.
 */
export class BackgroundRefresher {
  private next = 0;
  private pausedUntil = 0;
  private running = false;
  private inFlight: Promise<RefreshOutcome> | null = null;

  constructor(private readonly options: BackgroundRefresherOptions) {}

  /** Starts ticking at the pace that spends at most the background share of the budget. */
  start(): void {
    if (this.running) return;

    this.running = true;
    void this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.inFlight?.catch(() => undefined);
  }

  /** One round-robin step: refreshes the next due entry if the budget allows. */
  async tick(): Promise<RefreshOutcome> {
    const { clock } = this.options;
    if (clock.now() < this.pausedUntil) return { skipped: 'paused' };

    // Budget first: a refused tick must not move the round-robin past the task it would run.
    if (!this.budgetAllows()) return { skipped: 'budget' };

    const task = this.nextDueTask();
    if (!task) return { skipped: 'nothing-due' };

    this.inFlight = this.run(task);

    return this.inFlight;
  }

  /** Milliseconds between ticks: one call per tick, within the background share. */
  intervalMs(): number {
    const limit = this.options.client.budget().limitPerMinute;

    return Math.ceil(MINUTE_MS / Math.max(1, Math.floor(limit * BACKGROUND_SHARE)));
  }

  private async loop(): Promise<void> {
    while (this.running) {
      await this.options.clock.sleep(this.intervalMs());
      if (!this.running) return;

      await this.tick();
    }
  }

  private budgetAllows(): boolean {
    const budget = this.options.client.budget();
    if (budget.queued > 0) return false;

    return budget.usedLastMinute + 1 <= Math.floor(budget.limitPerMinute * BACKGROUND_SHARE);
  }

  private async run(task: Task): Promise<RefreshOutcome> {
    const name = `${task.kind}:${task.scope}`;

    try {
      await task.refresh();

      return { refreshed: name };
    } catch (error) {
      if (error instanceof RateLimitedError) {
        this.pausedUntil = this.options.clock.now() + error.retryAfterSeconds * 1000;
      }
      const code = (error as { code?: string }).code ?? 'UNKNOWN';
      this.options.logger.warn({ err: error, task: name, code }, 'background refresh failed');

      return { failed: name, code };
    } finally {
      this.inFlight = null;
    }
  }

  /** The next task, in round-robin order from where the last tick stopped, that is due. */
  private nextDueTask(): Task | null {
    const tasks = this.tasks();

    for (let step = 0; step < tasks.length; step += 1) {
      const index = (this.next + step) % tasks.length;
      if (this.isDue(tasks[index])) {
        this.next = index + 1;

        return tasks[index];
      }
    }

    return null;
  }

  private isDue(task: Task): boolean {
    const age = this.options.cache.ageMs(task.kind, task.scope);

    return age === null || age >= this.options.policies[task.kind].ttlMs * REFRESH_AT_FRACTION;
  }

  // LIMITATION: LSP catalogs are not kept warm (one is ~17,000 rows), so the first product read
  // after a catalog's TTL and stale window have both passed waits for the upstream call.
  private tasks(): Task[] {
    const { cache, fetchers } = this.options;
    const locations = cache.peek<Location[]>('locations', 'all') ?? [];
    const tasks = [this.task('locations', 'all', fetchers.locations)];

    for (const location of locations) {
      const { locId } = location;
      tasks.push(
        this.task('rooms', locId, fetchers.rooms(locId)),
        this.task('vendors', locId, fetchers.vendors(locId)),
        this.task('inventory', locId, fetchers.inventory(location)),
      );
    }

    return tasks;
  }

  private task(kind: CacheKind, scope: number | 'all', load: CacheLoader<unknown>): Task {
    const call = { priority: 'background' as const };

    return { kind, scope, refresh: () => this.options.cache.refresh(kind, scope, load, call) };
  }
}
