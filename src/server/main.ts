import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createBackofficeClient } from '../dutchie';
import type { BackofficeApi } from '../dutchie/backoffice-api';
import { embeddedSandboxIdentity, type ReceiveService, upstreamIdentity } from '../receive';
import { createRequestContext } from '../resolvers/context';
import { graphPlugins } from '../resolvers/graph-plugins';
import type { GraphReceiveOptions } from '../resolvers/receive-wiring';
import { createGraphServices, type GraphServices } from '../resolvers/services';
import type { Sandbox } from '../sandbox';
import { sandboxSchema, schema } from '../schema';
import type { Clock } from '../util/clock';
import { createLogger, type Logger } from '../util/logger';
import { createApp } from './app';
import { receiveAuthorizer } from './auth-receive';
import { accessControlFor, type AccessControl } from './auth-setup';
import type { AppConfig } from './config';
import { startHttpServer } from './http-server';
import { queryLimitPlugins } from './query-limits';
import { createReadinessProbe } from './readiness';
import { correlationId } from './request-scope';
import { ResourceStack } from './resource-stack';
import { startUpstream, type UpstreamTarget } from './upstream';

/** In-flight requests get this long after SIGTERM; orchestrators commonly kill at 30 s. */
export const SHUTDOWN_GRACE_MS = 25_000;

export interface ServeOptions {
  /** Default: a logger at the configured level, pretty on a terminal. */
  logger?: Logger;
  /** Default: the system clock (tests pass a FakeClock to the sandbox and client). */
  clock?: Clock;
  /** Receives the one line a person looks for; default stdout. */
  announce?: (line: string) => void;
}

export interface RunningServer {
  /** e.g. http://localhost:4000/graphql */
  readonly graphqlUrl: string;
  readonly port: number;
  readonly sandbox: Sandbox | null;
  readonly client: BackofficeApi;
  readonly services: GraphServices;
  readonly receive: ReceiveService;
  /** Drains requests for up to `graceMs`, then closes services, client and sandbox. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts everything `npm start` runs: the embedded sandbox (unless DUTCHIE_BACKOFFICE_URL names
 * a live tenant), the client, the read graph's services, the receive ledger and the HTTP server.
 */
export async function serve(config: AppConfig, options: ServeOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const resources = new ResourceStack(logger);

  try {
    return await start(config, options, logger, resources);
  } catch (error) {
    await resources.closeAll();
    throw error;
  }
}

async function start(
  config: AppConfig,
  options: ServeOptions,
  logger: Logger,
  resources: ResourceStack,
): Promise<RunningServer> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const shared = { clock: options.clock, logger, registry };

  const upstream = await startUpstream(config, logger, options.clock);
  if (upstream.sandbox) resources.push('sandbox', () => upstream.sandbox!.close());

  const client = clientFor(config, upstream, shared);
  resources.push('client', () => client.close());

  const access = accessControlFor(config, logger);

  // The receive service lives in the graph services (their close() closes its ledger).
  const services = createGraphServices({
    client,
    config: graphConfigOf(config),
    sandbox: upstream.sandbox,
    receive: {
      ...receiveOptionsOf(config, upstream),
      authorize: receiveAuthorizer(access.verifier),
    },
    ...shared,
  });
  resources.push('graph services', () => services.close());

  const app = appFor(config, services, shared, access);
  resources.push('yoga', () => app.dispose());

  const http = await startHttpServer(app, config.server);
  resources.push('http server', () => http.close(0));

  const graphqlUrl = `${http.origin}/graphql`;
  announceStart(config, graphqlUrl, upstream, logger, options.announce);

  return {
    graphqlUrl,
    port: http.port,
    sandbox: upstream.sandbox,
    client,
    services,
    receive: services.receive,
    close: async (graceMs = SHUTDOWN_GRACE_MS) => {
      const { drained } = await http.close(graceMs);
      if (!drained) logger.warn({ graceMs }, 'requests still running at the deadline were cut');

      await resources.closeAll();
    },
  };
}

interface Shared {
  clock?: Clock;
  logger: Logger;
  registry: Registry;
}

function clientFor(config: AppConfig, upstream: UpstreamTarget, shared: Shared): BackofficeApi {
  return createBackofficeClient({
    baseUrl: upstream.baseUrl,
    username: upstream.username,
    password: upstream.password,
    callsPerMinute: config.client.callsPerMinute,
    maxQueueWaitMs: config.client.maxQueueWaitSeconds * 1000,
    timeouts: timeoutsOf(config.client.timeoutSeconds),
    timeZoneOverrides: { ...config.client.timeZoneOverrides },
    clock: shared.clock,
    logger: shared.logger.child({ component: 'client' }),
    registry: shared.registry,
  });
}

function graphConfigOf(config: AppConfig) {
  return {
    referenceTtlSeconds: config.cache.referenceTtlSeconds,
    inventoryTtlSeconds: config.cache.inventoryTtlSeconds,
    backgroundRefresh: config.cache.backgroundRefresh,
  };
}

function receiveOptionsOf(config: AppConfig, upstream: UpstreamTarget): GraphReceiveOptions {
  const writable = config.receive.writableLocIds;

  return {
    // The sandbox forgets its receives on restart, so its ledger rows must not be replayed.
    upstream: upstream.sandbox
      ? embeddedSandboxIdentity()
      : upstreamIdentity(upstream.baseUrl, upstream.username),
    dataDir: config.receive.dataDir ?? undefined,
    writableLocIds: writable === 'sandbox-locations' ? undefined : writable,
    verifySeconds: config.receive.verifySeconds,
  };
}

function appFor(config: AppConfig, services: GraphServices, shared: Shared, access: AccessControl) {
  return createApp({
    // The sandbox's own tools (sandboxImportProducts) exist only over the embedded sandbox.
    schema: services.sandbox ? sandboxSchema : schema,
    // The request scope assigned the correlation id; the context, its errors and logs use it.
    // The key the auth plugin resolved becomes the principal every scope check reads.
    context: ({ request }) =>
      createRequestContext(services, {
        request,
        requestId: correlationId(),
        principal: access.auth.principalOf(request),
      }),
    // Order matters: who is asking first, then what the operation may cost, then the graph's own.
    plugins: [
      access.auth.plugin,
      ...queryLimitPlugins(config.graphql, { introspection: config.graphql.introspection }),
      ...(graphPlugins() as Plugin[]),
    ],
    logger: shared.logger,
    registry: shared.registry,
    readiness: createReadinessProbe({
      client: services.client,
      clock: shared.clock,
      logger: shared.logger,
    }),
    metricsKeySha256: config.auth.metricsKeySha256,
    introspection: config.graphql.introspection,
    batchLimit: config.graphql.batchLimit,
  });
}

function announceStart(
  config: AppConfig,
  graphqlUrl: string,
  upstream: UpstreamTarget,
  logger: Logger,
  announce: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): void {
  logger.info(
    { mode: config.upstream.mode, url: graphqlUrl, sandbox: upstream.sandbox?.url },
    'backoffice-graph listening',
  );

  // Printed, not logged: it is the line a person looks for, whatever LOG_LEVEL says.
  announce(config.graphql.introspection ? `GraphiQL: ${graphqlUrl}` : `GraphQL: ${graphqlUrl}`);
}

/** One budget for each phase: the upstream model knows calls of up to ~30 s in total. */
function timeoutsOf(seconds: number) {
  const ms = Math.max(1, Math.round(seconds * 1000));

  return { connectMs: ms, headersMs: ms, bodyMs: ms };
}
