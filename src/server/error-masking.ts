import { GraphQLError } from 'graphql';
import type { MaskError } from 'graphql-yoga';
import { isBackofficeError } from '../dutchie/errors';
import { mapExecutionError } from '../resolvers/error-mapping';
import type { Logger } from '../util/logger';
import { correlationId } from './request-scope';
import { scrubSecrets } from './scrub-secrets';

/**
 * The last line of error handling at the HTTP edge. Execution errors were already mapped by the
 * read graph's plugin (`useGraphErrors`) and arrive here as deliberate GraphQL errors, which
 * pass. Whatever else escaped (a context that failed to build, a plugin that threw) gets the
 * same mapping: a Backoffice error keeps its code, anything else becomes the generic message
 * with the correlation id, logged in full here. No stack, SQL text, upstream URL, cookie or
 * session id reaches a response, whatever NODE_ENV says.
 */
export function createErrorMask(logger: Logger, alreadyLogged: WeakSet<object>): MaskError {
  return (error, message) => {
    if (isDeliberate(error)) return error as GraphQLError;

    const id = correlationId();
    const wrapped =
      error instanceof GraphQLError
        ? error
        : new GraphQLError(message, { originalError: error instanceof Error ? error : undefined });
    const original = wrapped.originalError ?? error;
    if (typeof error === 'object' && error) alreadyLogged.add(error);

    const mapped = mapExecutionError(wrapped, id);
    const detail = { requestId: id, err: describe(original) };
    if (mapped.unexpected) logger.error(detail, 'unexpected error, masked');
    else logger.warn(detail, 'upstream error');

    return mapped.error;
  };
}

/** A GraphQLError raised as such (validation, a typed schema error), not wrapping a throw. */
function isDeliberate(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  if (error.originalError == null) return true;

  return isDeliberate(error.originalError);
}

/** The log's view of the original: messages and stacks scrubbed of cookies and credentials. */
function describe(error: unknown) {
  if (!(error instanceof Error)) return { value: scrubSecrets(String(error)) };

  const upstream = isBackofficeError(error)
    ? {
        code: error.code,
        endpoint: error.endpoint,
        status: error.status,
        traceId: error.traceId,
        excerpt: error.excerpt === undefined ? undefined : scrubSecrets(error.excerpt),
      }
    : { code: (error as { code?: unknown }).code };

  return {
    type: error.name,
    message: scrubSecrets(error.message),
    stack: error.stack === undefined ? undefined : scrubSecrets(error.stack),
    ...upstream,
  };
}
