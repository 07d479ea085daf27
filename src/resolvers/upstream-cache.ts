import type { CallOptions } from '../dutchie/backoffice-api';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { CacheMetrics } from './cache-metrics';

export type CacheKind = 'locations' | 'rooms' | 'vendors' | 'catalog' | 'inventory';

export interface CachePolicy {
  /** An entry younger than this is fresh. */
  ttlMs: number;
  /** Past its TTL, an entry is still answered for this long while one refresh runs behind it. */
  staleMs: number;
}

export interface CacheReadOptions {
  /** Skip any cached or in-flight value and fetch anew (after a write). */
  fresh?: boolean;
  /** Passed to the loader when this read is the one that calls upstream. */
  call?: CallOptions;
}

export interface CacheRead<T> {
  value: T;
  /** False when this read caused the upstream call; true for cached and shared in-flight values. */
  hit: boolean;
  fetchedAt: number;
}

/** Fetches one value; receives the call options of whoever triggered the fetch. */
export type CacheLoader<T> = (call: CallOptions) => Promise<T>;

interface Entry {
  value: unknown;
  fetchedAt: number;
}

interface Flight {
  promise: Promise<Entry>;
  generation: number;
}

export interface UpstreamCacheOptions {
  clock: Clock;
  policies: Record<CacheKind, CachePolicy>;
  metrics: CacheMetrics;
  logger: Logger;
}

/**
 * Upstream data shared by every request: one entry per kind and scope (a LocId or an LspId),
 * fresh for the kind's TTL, then served stale while a single refresh runs. Concurrent misses
 * share one upstream call. Failures are never stored: the next read calls upstream again.
 */
// LIMITATION: the cache is per process, so two server replicas each spend budget on the same data,
// because no shared cache (such as Redis) is configured.
export class UpstreamCache {
  private readonly entries = new Map<string, Entry>();
  private readonly flights = new Map<string, Flight>();
  /** Bumped by invalidate, so a fetch that started before a write cannot store pre-write data. */
  private readonly generations = new Map<string, number>();

  constructor(private readonly options: UpstreamCacheOptions) {}

  async read<T>(
    kind: CacheKind,
    scope: string | number,
    load: CacheLoader<T>,
    options: CacheReadOptions = {},
  ): Promise<CacheRead<T>> {
    const key = cacheKey(kind, scope);
    const call = options.call ?? {};

    // A fresh read must not join a fetch that may have started before the caller's write.
    if (options.fresh) {
      this.invalidate(kind, scope);

      return this.fetch<T>(kind, key, load, call);
    }

    const entry = this.entries.get(key);
    const age = entry ? this.options.clock.now() - entry.fetchedAt : Infinity;
    const policy = this.options.policies[kind];

    if (entry && age < policy.ttlMs + policy.staleMs) {
      if (age >= policy.ttlMs) this.revalidate(kind, key, load);
      this.options.metrics.hit(kind);

      return { value: entry.value as T, hit: true, fetchedAt: entry.fetchedAt };
    }

    return this.fetch<T>(kind, key, load, call);
  }

  /** Age of the stored entry in ms, or null when there is none; for the background refresher. */
  ageMs(kind: CacheKind, scope: string | number): number | null {
    const entry = this.entries.get(cacheKey(kind, scope));

    return entry ? this.options.clock.now() - entry.fetchedAt : null;
  }

  /** The stored value without touching upstream or the metrics. */
  peek<T>(kind: CacheKind, scope: string | number): T | undefined {
    return this.entries.get(cacheKey(kind, scope))?.value as T | undefined;
  }

  /** Fetches now and stores the result, sharing a fetch already running for the same entry. */
  async refresh<T>(
    kind: CacheKind,
    scope: string | number,
    load: CacheLoader<T>,
    call: CallOptions,
  ) {
    const key = cacheKey(kind, scope);

    return (await this.join<T>(key, load, call)).value;
  }

  /** Forgets an entry and any fetch in flight for it; the next read goes upstream. */
  invalidate(kind: CacheKind, scope: string | number): void {
    const key = cacheKey(kind, scope);

    this.entries.delete(key);
    this.flights.delete(key);
    this.generations.set(key, this.generation(key) + 1);
  }

  clear(): void {
    for (const key of [...this.entries.keys(), ...this.flights.keys()]) {
      this.generations.set(key, this.generation(key) + 1);
    }
    this.entries.clear();
    this.flights.clear();
  }

  private async fetch<T>(
    kind: CacheKind,
    key: string,
    load: CacheLoader<T>,
    call: CallOptions,
  ): Promise<CacheRead<T>> {
    const { value, fetchedAt, shared } = await this.join<T>(key, load, call);
    this.options.metrics[shared ? 'hit' : 'miss'](kind);

    return { value, hit: shared, fetchedAt };
  }

  private async join<T>(key: string, load: CacheLoader<T>, call: CallOptions) {
    const running = this.flights.get(key);
    if (running) {
      const entry = await running.promise;

      return { value: entry.value as T, fetchedAt: entry.fetchedAt, shared: true };
    }

    const generation = this.generation(key);
    const promise = this.start(key, load, call, generation);
    this.flights.set(key, { promise, generation });
    const entry = await promise;

    return { value: entry.value as T, fetchedAt: entry.fetchedAt, shared: false };
  }

  private async start<T>(key: string, load: CacheLoader<T>, call: CallOptions, generation: number) {
    try {
      const value = await load(call);
      const entry: Entry = { value, fetchedAt: this.options.clock.now() };
      if (this.generation(key) === generation) this.entries.set(key, entry);

      return entry;
    } finally {
      if (this.flights.get(key)?.generation === generation) this.flights.delete(key);
    }
  }

  /** One background refresh per stale entry; a failure keeps the stale value and is logged. */
  private revalidate<T>(kind: CacheKind, key: string, load: CacheLoader<T>): void {
    if (this.flights.has(key)) return;

    this.join(key, load, { priority: 'background' }).then(
      () => this.options.metrics.miss(kind),
      (error: unknown) =>
        this.options.logger.warn({ err: error, kind, key }, 'revalidation failed'),
    );
  }

  private generation(key: string): number {
    return this.generations.get(key) ?? 0;
  }
}

function cacheKey(kind: CacheKind, scope: string | number): string {
  return `${kind}:${scope}`;
}
