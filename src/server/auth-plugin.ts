import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Principal } from '../resolvers/principal';
import type { Logger } from '../util/logger';
import type { KeyVerifier } from './auth-keys';

export const UNAUTHENTICATED = 'UNAUTHENTICATED';

export interface ApiKeyAuth {
  /** Install with the other plugins; it refuses GraphQL requests without a configured key. */
  readonly plugin: Plugin;
  /**
   * The principal the plugin resolved for this request; null means open access (no keys). With
   * keys enforced, a request it never saw gets a principal holding no scope: it fails closed.
   */
  principalOf(request: Request): Principal | null;
}

export interface ApiKeyAuthOptions {
  /** Null: no keys are enforced and every request runs with open access. */
  verifier: KeyVerifier | null;
  logger: Logger;
}

const NOBODY: Principal = Object.freeze({ name: 'unauthenticated', scopes: [], locIds: [] });

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/**
 * Authentication at the edge: every GraphQL operation carries `Authorization: Bearer <key>`.
 * It runs when a request is about to be parsed as GraphQL, which is after /health, /ready,
 * /metrics and the GraphiQL page have answered: those need no key. A missing or unknown key is
 * HTTP 401 with a GraphQL error body before anything is parsed or executed.
 *
 * What a key may do (scopes, LocIds) is decided per field by the schema's scope-auth; this only
 * says who is asking.
 */
export function createApiKeyAuth(options: ApiKeyAuthOptions): ApiKeyAuth {
  const principals = new WeakMap<Request, Principal>();
  const { verifier, logger } = options;

  const plugin: Plugin = {
    onRequestParse({ request }) {
      if (!verifier) return;

      const presented = bearerToken(request);
      const principal = presented === null ? null : verifier.verify(presented);
      if (!principal) {
        const reason = presented === null ? 'missing' : 'unknown';
        // Never the presented value: a mistyped key is one character from a real one.
        logger.warn({ reason }, 'GraphQL request refused: no valid API key');

        throw unauthenticated(reason);
      }

      principals.set(request, principal);
    },
  };

  return {
    plugin,
    principalOf: (request) => (verifier ? (principals.get(request) ?? NOBODY) : null),
  };
}

/** The token of a well-formed Bearer header; null when there is none or it is malformed. */
function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header === null ? null : BEARER.exec(header);

  return match ? match[1] : null;
}

function unauthenticated(reason: 'missing' | 'unknown') {
  const message =
    reason === 'missing'
      ? 'An API key is required: send it as "Authorization: Bearer <key>"'
      : 'The API key is not one this server accepts';
  const challenge =
    reason === 'missing'
      ? 'Bearer realm="backoffice-graph"'
      : 'Bearer realm="backoffice-graph", error="invalid_token"';

  return createGraphQLError(message, {
    extensions: {
      code: UNAUTHENTICATED,
      http: { status: 401, headers: { 'WWW-Authenticate': challenge } },
    },
  });
}
