import { GraphQLError } from 'graphql';

/** Codes the read graph itself raises; upstream failures keep their UPSTREAM_* codes. */
export type GraphErrorCode =
  | 'NOT_FOUND'
  | 'BAD_CURSOR'
  | 'SNAPSHOT_EXPIRED'
  | 'BAD_USER_INPUT'
  | 'AMBIGUOUS_SKU'
  | 'LOCATION_REQUIRED'
  | 'INTERNAL_SERVER_ERROR';

export interface GraphErrorOptions {
  /** What the caller can do about it. */
  hint?: string;
  /** Further safe, structured context for `extensions`. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * An error the graph raises on purpose: its message is safe to show, and `code` and `hint`
 * land in `extensions`. Being a GraphQLError, Yoga's masking passes it through unchanged.
 */
export class GraphError extends GraphQLError {
  readonly code: GraphErrorCode;

  constructor(code: GraphErrorCode, message: string, options: GraphErrorOptions = {}) {
    const extensions: Record<string, unknown> = { code, ...options.details };
    if (options.hint) extensions.hint = options.hint;

    super(message, { extensions });
    this.name = 'GraphError';
    this.code = code;
    if (options.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause });
  }
}

export function notFound(what: string, hint?: string): GraphError {
  return new GraphError('NOT_FOUND', `${what} was not found`, { hint });
}
