import { Counter, type Registry } from 'prom-client';

export interface CacheMetrics {
  hit(kind: string): void;
  miss(kind: string): void;
}

const HITS = 'backoffice_graph_cache_hits_total';
const MISSES = 'backoffice_graph_cache_misses_total';

/**
 * Cache hit and miss counters by kind on the given registry. A registry shared by two graph
 * services (tests, a restart in-process) reuses the counters instead of failing to register.
 */
export function createCacheMetrics(registry: Registry): CacheMetrics {
  const hits = counter(registry, HITS, 'Upstream reads answered from the shared cache, by kind');
  const misses = counter(registry, MISSES, 'Upstream reads that had to call Backoffice, by kind');

  return {
    hit: (kind) => hits.inc({ kind }),
    miss: (kind) => misses.inc({ kind }),
  };
}

function counter(registry: Registry, name: string, help: string): Counter<'kind'> {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter<'kind'>;

  return new Counter({ name, help, labelNames: ['kind'], registers: [registry] });
}
