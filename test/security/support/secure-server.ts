import { loadConfig, type Env } from '../../../src/server/config';
import { serve, type RunningServer } from '../../../src/server/main';
import type { Logger } from '../../../src/util/logger';
import { captureLogger, type CapturedLog } from '../../server/helpers/capture-logger';

/** The keys these tests configure, by what each may do. */
export const KEYS = {
  /** Reads everything. */
  reader: { name: 'dashboard', key: 'dash-key-7d1f0c2b9a4e', scopes: ['inventory:read'] },
  /** Reads and receives, at the AZ sandbox only. */
  azIntake: {
    name: 'az-intake',
    key: 'az-intake-key-51e8c3d0f6',
    scopes: ['inventory:read', 'inventory:receive'],
    locIds: [1989],
  },
  /** Reads at the AZ sandbox only. */
  azReader: {
    name: 'az-reader',
    key: 'az-reader-key-0b93e4a7',
    scopes: ['inventory:read'],
    locIds: [1989],
  },
  /** Receives anywhere, reads nothing. */
  receiver: { name: 'intake-bot', key: 'intake-bot-key-c4a2f19e', scopes: ['inventory:receive'] },
  /** Reads and receives everywhere. */
  operator: {
    name: 'operator',
    key: 'operator-key-93bd07e1c5',
    scopes: ['inventory:read', 'inventory:receive'],
  },
} as const;

export type KeyName = keyof typeof KEYS;

export interface SecureServer {
  server: RunningServer;
  log: CapturedLog;
  /** POSTs one operation as JSON with the named key (none when omitted). */
  gql(
    query: string,
    options?: {
      key?: KeyName | string;
      variables?: unknown;
      operationName?: string;
      headers?: Record<string, string>;
    },
  ): Promise<{ response: Response; json: any }>;
  /** The sandbox request log's length now. */
  mark(): number;
  /** Upstream requests by endpoint since `mark`. */
  callsSince(mark: number): Record<string, number>;
  close(): Promise<void>;
}

/**
 * The whole server as `npm start` builds it, over the embedded sandbox on loopback, with the
 * keys above in GRAPH_API_KEYS (unless `env` says otherwise), no read lag, no rate limit, and a
 * logger at debug level captured in memory.
 */
export async function startSecureServer(env: Env = {}, logger?: Logger): Promise<SecureServer> {
  const log = captureLogger('debug');
  const config = loadConfig({
    PORT: '0',
    SANDBOX_PORT: '0',
    BACKGROUND_REFRESH: 'off',
    SANDBOX_READ_LAG_MS: '0',
    SANDBOX_CALLS_PER_MINUTE: '0',
    BACKOFFICE_CALLS_PER_MINUTE: '100000',
    RECEIVE_VERIFY_SECONDS: '2',
    GRAPH_API_KEYS: JSON.stringify(Object.values(KEYS)),
    ...env,
  });
  const server = await serve(config, { logger: logger ?? log.logger, announce: () => {} });
  const requests = () => server.sandbox!.requests.all();

  return {
    server,
    log,
    gql: async (query, options = {}) => {
      const key =
        options.key && options.key in KEYS ? KEYS[options.key as KeyName].key : options.key;
      const response = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({
          query,
          variables: options.variables,
          operationName: options.operationName,
        }),
      });

      return { response, json: await response.json() };
    },
    mark: () => requests().length,
    callsSince: (mark) => {
      const counts: Record<string, number> = {};
      for (const request of requests().slice(mark)) {
        counts[request.endpoint] = (counts[request.endpoint] ?? 0) + 1;
      }

      return counts;
    },
    close: () => server.close(1000),
  };
}
