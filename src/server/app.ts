import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { GraphQLSchema } from 'graphql';
import { createYoga, type Plugin, useReadinessCheck, type YogaInitialContext } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import type { Logger } from '../util/logger';
import { useCsrfPrevention } from './auth-csrf';
import { createErrorMask } from './error-masking';
import { useFormPostGuard } from './form-post-guard';
import { createGraphiqlRenderer, graphiqlOptions } from './graphiql';
import type { GraphiqlTab } from './graphiql-examples';
import { useIntrospectionSwitch } from './introspection-switch';
import { useMetricsEndpoint } from './metrics-endpoint';
import type { ReadinessProbe } from './readiness';
import { useRequestLog } from './request-log';
import { useRequestScope } from './request-scope';
import { useUnusedFragmentsAllowed } from './unused-fragments';
import { yogaLogger } from './yoga-logger';

/** 1 MiB, counted as the body is read, chunked or not. */
export const MAX_REQUEST_BODY_BYTES = 1_048_576;

export interface CreateAppOptions {
  schema: GraphQLSchema;
  /** The GraphQL context of one request (the read graph's `createRequestContext`). */
  context: (initial: YogaInitialContext) => object | Promise<object>;
  logger: Logger;
  /** The registry the client and caches also report to; /metrics serves all of it. */
  registry: Registry;
  readiness: ReadinessProbe;
  /** Envelop plugins of the read graph and access control: cost extension, limits, auth. */
  plugins?: Plugin[];
  /** SHA-256 of the Bearer token /metrics requires; null or absent leaves it open. */
  metricsKeySha256?: string | null;
  /** Introspection and GraphiQL. Default on. */
  introspection?: boolean;
  /** Operations per batched request; null or absent turns batching off. */
  batchLimit?: number | null;
  graphiqlTabs?: readonly GraphiqlTab[];
  maxRequestBodyBytes?: number;
}

export type App = ReturnType<typeof createApp>;

/**
 * The whole HTTP surface as one Yoga instance: `/graphql` (and GraphiQL on GET from a browser),
 * `/health`, `/ready` and `/metrics`. Yoga is the HTTP layer; Node's server only hosts it.
 */
export function createApp(options: CreateAppOptions) {
  const maskedByUs = new WeakSet<object>();
  const introspection = options.introspection ?? true;

  // Order matters: the scope wraps everything so that later hooks and the mask see its id.
  const plugins: Plugin[] = [
    useRequestScope(),
    useRequestLog(options.logger),
    useMetricsEndpoint({ registry: options.registry, keySha256: options.metricsKeySha256 ?? null }),
    // LIMITATION: operation names are caller-chosen and become label values, so a caller sending many distinct names grows the series count without bound; only API keys limit who may call.
    usePrometheus({
      registry: options.registry,
      endpoint: false,
      // The URL label would make one time series per distinct query string.
      labels: { url: false },
    }),
    useReadinessCheck({
      endpoint: '/ready',
      check: ({ fetchAPI }) => readinessResponse(options.readiness, fetchAPI.Response),
    }),
    useFormPostGuard(),
    // Any other request a browser sends cross-site without a preflight needs a header too.
    useCsrfPrevention(),
    useIntrospectionSwitch(introspection),
    useUnusedFragmentsAllowed(),
    ...(options.plugins ?? []),
  ];

  return createYoga({
    schema: options.schema,
    context: options.context,
    plugins,
    logging: yogaLogger(options.logger, maskedByUs),
    maskedErrors: { maskError: createErrorMask(options.logger, maskedByUs), isDev: false },
    graphiql: introspection ? graphiqlOptions(options.graphiqlTabs) : false,
    renderGraphiQL: createGraphiqlRenderer(),
    landingPage: false,
    healthCheckEndpoint: '/health',
    maxRequestBodySize: options.maxRequestBodyBytes ?? MAX_REQUEST_BODY_BYTES,
    batching: options.batchLimit ? { limit: options.batchLimit } : false,
    // Same-origin only: no CORS headers means browsers refuse cross-site reads and preflights.
    cors: false,
    multipart: false,
  });
}

async function readinessResponse(
  probe: ReadinessProbe,
  ResponseClass: typeof Response,
): Promise<Response> {
  const report = await probe.check();

  return new ResponseClass(JSON.stringify(report), {
    status: report.ready ? 200 : 503,
    headers: { 'Content-Type': 'application/json' },
  });
}
