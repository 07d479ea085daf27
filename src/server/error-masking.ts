import { GraphQLError } from 'graphql';
import type { MaskError } from 'graphql-yoga';
import { type BackofficeError, isBackofficeError } from '../dutchie/errors';
import type { Logger } from '../util/logger';
import { correlationId } from './request-scope';
import { scrubSecrets } from './scrub-secrets';

/**
 * The GraphQL edge of error handling. Errors the schema raised on purpose pass unchanged; a
 * Backoffice error keeps its stable code and message; anything else becomes a generic message
 * naming the correlation id, with the original logged in full. No stack, SQL text, upstream URL,
 * cookie or session id reaches a response, whatever NODE_ENV says.
 */
export function createErrorMask(logger: Logger, alreadyLogged: WeakSet<object>): MaskError {
  return (error) => {
    if (isDeliberate(error)) return error as GraphQLError;

    const id = correlationId();
    const original = error instanceof GraphQLError ? error.originalError : error;
    const location = error instanceof GraphQLError ? positionOf(error) : {};
    if (typeof error === 'object' && error) alreadyLogged.add(error);

    if (isBackofficeError(original)) {
      logger.warn({ requestId: id, upstream: describeUpstream(original) }, 'upstream error');

      return upstreamError(original, id, location);
    }

    logger.error({ requestId: id, err: describeUnexpected(original) }, 'unexpected error');

    return new GraphQLError(`Unexpected error. Correlation id: ${id}`, {
      ...location,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: id },
    });
  };
}

/** A GraphQLError raised as such (validation, a typed schema error), not wrapping a throw. */
function isDeliberate(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  if (error.originalError == null) return true;

  return isDeliberate(error.originalError);
}

function positionOf(error: GraphQLError) {
  return { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
}

function upstreamError(error: BackofficeError, id: string, location: object): GraphQLError {
  const retryAfterSeconds = (error as { retryAfterSeconds?: number }).retryAfterSeconds;

  return new GraphQLError(scrubSecrets(error.message, { urls: true }), {
    ...location,
    extensions: {
      code: error.code,
      correlationId: id,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    },
  });
}

function describeUpstream(error: BackofficeError) {
  return {
    code: error.code,
    message: scrubSecrets(error.message),
    endpoint: error.endpoint,
    status: error.status,
    traceId: error.traceId,
    excerpt: error.excerpt === undefined ? undefined : scrubSecrets(error.excerpt),
  };
}

function describeUnexpected(error: unknown) {
  if (!(error instanceof Error)) return { value: scrubSecrets(String(error)) };

  return {
    type: error.name,
    message: scrubSecrets(error.message),
    stack: error.stack === undefined ? undefined : scrubSecrets(error.stack),
    code: (error as { code?: unknown }).code,
  };
}
