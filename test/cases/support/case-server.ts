import { loadConfig } from '../../../src/server/config';
import { serve, type RunningServer } from '../../../src/server/main';
import { captureLogger, type CapturedLog } from '../../server/helpers/capture-logger';

export interface GraphAnswer {
  status: number;
  /** The parsed JSON body. */
  json: Record<string, any>;
  /** The raw body, for "never contains" and size assertions. */
  text: string;
}

export interface CaseServer {
  readonly server: RunningServer;
  readonly log: CapturedLog;
  graphql(query: string, variables?: Record<string, unknown>): Promise<GraphAnswer>;
  /** Upstream requests the sandbox logged for one endpoint. */
  upstreamCalls(endpoint: string): number;
  close(): Promise<void>;
}

/**
 * The whole server as `npm start` builds it (embedded sandbox, client, graph, ledger), on free
 * loopback ports, asked over real HTTP the way a user's client asks it. Reads do not lag and
 * the sandbox's rate limit is off unless `env` says otherwise.
 */
export async function startCaseServer(env: Record<string, string> = {}): Promise<CaseServer> {
  const log = captureLogger('debug');
  const config = loadConfig({
    PORT: '0',
    SANDBOX_PORT: '0',
    BACKGROUND_REFRESH: 'off',
    SANDBOX_READ_LAG_MS: '0',
    SANDBOX_CALLS_PER_MINUTE: '0',
    ...env,
  });
  const server = await serve(config, { logger: log.logger, announce: () => undefined });

  const graphql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();

    return { status: response.status, json: JSON.parse(text) as Record<string, any>, text };
  };

  return {
    server,
    log,
    graphql,
    upstreamCalls: (endpoint) => server.sandbox!.requests.count(endpoint),
    close: () => server.close(1000),
  };
}

/** receiveInventory with what a caller branches on, for every member of the result. */
export const RECEIVE = /* GraphQL */ `
  mutation Receive($input: ReceiveInventoryInput!) {
    receiveInventory(input: $input) {
      __typename
      ... on ReceiveInventorySuccess {
        receiveHistoryId
        replayed
        packages {
          packageId
          quantity
        }
      }
      ... on ReceiveInventoryPlan {
        lines {
          packageId
          quantity
        }
      }
      ... on DuplicatePackageError {
        duplicates {
          packageId
          where
          paths
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on Error {
        code
        message
        hint
      }
    }
  }
`;

/** One line of Swallowtail Blue Dream (sold by the gram) into the 1989 vault. */
export function vaultReceive(key: string, lines: Array<Record<string, unknown>>) {
  return { idempotencyKey: key, locId: 1989, vendorId: 4101, roomId: 24771, lines };
}

export function blueDream(packageId: string, quantity: unknown = '3.5') {
  return { productId: 310001, quantity, unitCost: '4.25', packageId };
}
