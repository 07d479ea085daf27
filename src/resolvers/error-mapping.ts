import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import {
  BudgetExhaustedError,
  isBackofficeError,
  RateLimitedError,
  type BackofficeError,
} from '../dutchie/errors';
import { GraphError } from './graph-error';

export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error.';

/** What an upstream failure becomes at the GraphQL edge, without the raw upstream answer. */
export interface MappedError {
  error: GraphQLError;
  /** True when the original was neither ours nor the upstream's: log it in full. */
  unexpected: boolean;
}

/**
 * Rewrites one execution error for the response: upstream failures get their stable code, the
 * endpoint and retryAfter; our own errors pass; anything else is masked. Every error carries
 * the request's correlation id. The client's `message` is safe to show; its `excerpt` (the
 * upstream's text, possibly SQL) never leaves the server.
 */
export function mapExecutionError(error: GraphQLError, correlationId: string): MappedError {
  const original = rootCause(error);
  const at = {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
  };

  if (isBackofficeError(original)) {
    const extensions = { ...upstreamExtensions(original), correlationId };

    return { error: new GraphQLError(original.message, { ...at, extensions }), unexpected: false };
  }

  if (original instanceof GraphQLError || original === undefined) {
    const extensions: Record<string, unknown> = { ...error.extensions, correlationId };
    if (extensions.code === undefined) extensions.code = defaultCode(error);

    return { error: new GraphQLError(error.message, { ...at, extensions }), unexpected: false };
  }

  const extensions = { code: 'INTERNAL_SERVER_ERROR', correlationId };

  return {
    error: new GraphQLError(UNEXPECTED_ERROR_MESSAGE, { ...at, extensions }),
    unexpected: true,
  };
}

function upstreamExtensions(error: BackofficeError): Record<string, unknown> {
  const extensions: Record<string, unknown> = { code: error.code, endpoint: error.endpoint };
  if (error.status !== undefined) extensions.upstreamStatus = error.status;

  if (error instanceof RateLimitedError || error instanceof BudgetExhaustedError) {
    extensions.retryAfter = error.retryAfterSeconds;
  }

  return extensions;
}

/** Errors thrown by resolvers reach us wrapped by graphql-js (and maybe by a loader). */
function rootCause(error: GraphQLError): unknown {
  let current: unknown = error.originalError;

  while (current instanceof GraphQLError && current.originalError !== undefined) {
    if (current instanceof GraphError) return current;
    current = current.originalError;
  }

  return current;
}

/**
 * Errors graphql-js raises itself (variable coercion, unknown arguments) are the caller's, and
 * so are Pothos's validation errors during execution (node(id:) with the id of a type that
 * cannot be looked up, such as a Receipt's).
 */
function defaultCode(error: GraphQLError): string {
  if (rootCause(error) instanceof PothosValidationError) return 'BAD_USER_INPUT';

  return error.path === undefined ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
}
