import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../src/server/config';
import { serve, type RunningServer } from '../../../src/server/main';
import { silentLogger } from '../../../src/util/logger';

const DOCUMENTS = path.resolve(import.meta.dirname, '../../documents');

/** One of test/documents/manifest-*.graphql as text (codegen validates them against the schema). */
export function manifestDocument(name: string): string {
  return readFileSync(path.join(DOCUMENTS, `${name}.graphql`), 'utf8');
}

export interface GraphAnswer {
  status: number;
  body: {
    data?: Record<string, any> | null;
    errors?: { message: string; path?: string[]; extensions: Record<string, any> }[];
    extensions?: { cost?: { upstreamCalls: number; cacheHits: number } };
  };
}

export interface ManifestServer {
  server: RunningServer;
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
  ): Promise<GraphAnswer>;
  close(): Promise<void>;
}

/**
 * The whole server as `npm start` builds it (embedded sandbox, client, read graph, receive
 * ledger, HTTP) in this process on free ports, answering over real HTTP. Rate limits are off
 * and reads do not lag, so a test spends its time on behaviour; the clock is the real one, and
 * no assertion depends on it.
 */
export async function startManifestServer(
  env: Record<string, string> = {},
): Promise<ManifestServer> {
  const config = loadConfig({
    PORT: '0',
    SANDBOX_PORT: '0',
    BACKGROUND_REFRESH: 'off',
    SANDBOX_READ_LAG_MS: '0',
    SANDBOX_CALLS_PER_MINUTE: '0',
    BACKOFFICE_CALLS_PER_MINUTE: '100000',
    RECEIVE_VERIFY_SECONDS: '2',
    ...env,
  });
  const server = await serve(config, { logger: silentLogger(), announce: () => undefined });

  return {
    server,
    graphql: async (query, variables, operationName) => {
      const response = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables, operationName }),
      });

      return { status: response.status, body: (await response.json()) as GraphAnswer['body'] };
    },
    close: () => server.close(1000),
  };
}
