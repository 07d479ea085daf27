import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * The client's Prometheus metrics. The names and labels are a contract with dashboards:
 * `endpoint` is the path after /api/, `outcome` is `ok` or a BackofficeError code, and every
 * HTTP attempt counts (logins, retries and replays included).
 */
export interface UpstreamMetrics {
  requests: Counter<'endpoint' | 'outcome'>;
  logins: Counter;
  duration: Histogram<'endpoint'>;
  queueWait: Histogram;
}

/** Reuses metrics already on the registry, so two clients may share one registry. */
function registered<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export function createUpstreamMetrics(registry: Registry): UpstreamMetrics {
  const registers = [registry];

  return {
    requests: registered(
      registry,
      'backoffice_upstream_requests_total',
      () =>
        new Counter({
          name: 'backoffice_upstream_requests_total',
          help: 'HTTP attempts against the Backoffice API, by endpoint and outcome',
          labelNames: ['endpoint', 'outcome'],
          registers,
        }),
    ),
    logins: registered(
      registry,
      'backoffice_upstream_logins_total',
      () =>
        new Counter({
          name: 'backoffice_upstream_logins_total',
          help: 'EmployeeLogin attempts made by the Backoffice client',
          registers,
        }),
    ),
    duration: registered(
      registry,
      'backoffice_upstream_duration_seconds',
      () =>
        new Histogram({
          name: 'backoffice_upstream_duration_seconds',
          help: 'Duration of each HTTP attempt against the Backoffice API',
          labelNames: ['endpoint'],
          buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
          registers,
        }),
    ),
    queueWait: registered(
      registry,
      'backoffice_upstream_queue_wait_seconds',
      () =>
        new Histogram({
          name: 'backoffice_upstream_queue_wait_seconds',
          help: 'Time a call waited for the upstream budget before its attempt',
          buckets: [0, 0.1, 0.5, 1, 5, 15, 30, 60, 120],
          registers,
        }),
    ),
  };
}
