/**
 * Every failure the Backoffice client reports. Each class has a stable `code` that the GraphQL
 * layer forwards as `extensions.code`, the endpoint (path after `/api/`), the HTTP status when
 * one arrived, a trimmed secret-free excerpt of the answer, and the `cause`.
 */
export type BackofficeErrorCode =
  | 'UPSTREAM_AUTH'
  | 'UPSTREAM_SESSION_EXPIRED'
  | 'UPSTREAM_RATE_LIMITED'
  | 'UPSTREAM_BUDGET_EXHAUSTED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'UPSTREAM_SQL_ERROR'
  | 'UPSTREAM_REJECTED'
  | 'UPSTREAM_NOT_FOUND';

export interface BackofficeErrorDetails {
  endpoint: string;
  status?: number;
  /** At most a few hundred characters of the answer, with secrets removed. */
  excerpt?: string;
  /** True when the request may have reached the upstream and been applied (a write's worry). */
  mayHaveApplied?: boolean;
  /** The upstream's trace id, when its answer carried one. */
  traceId?: string;
  cause?: unknown;
}

export abstract class BackofficeError extends Error {
  abstract readonly code: BackofficeErrorCode;
  readonly endpoint: string;
  readonly status?: number;
  readonly excerpt?: string;
  readonly mayHaveApplied: boolean;
  readonly traceId?: string;

  constructor(message: string, details: BackofficeErrorDetails) {
    super(message, { cause: details.cause });
    this.name = new.target.name;
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.excerpt = details.excerpt;
    this.mayHaveApplied = details.mayHaveApplied ?? false;
    this.traceId = details.traceId;
  }
}

export class AuthenticationError extends BackofficeError {
  readonly code = 'UPSTREAM_AUTH';
}

export class SessionExpiredError extends BackofficeError {
  readonly code = 'UPSTREAM_SESSION_EXPIRED';
}

export class RateLimitedError extends BackofficeError {
  readonly code = 'UPSTREAM_RATE_LIMITED';
  readonly retryAfterSeconds: number;

  constructor(message: string, details: BackofficeErrorDetails & { retryAfterSeconds: number }) {
    super(message, details);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** The client's own budget could not admit the call within the longest allowed wait. */
export class BudgetExhaustedError extends BackofficeError {
  readonly code = 'UPSTREAM_BUDGET_EXHAUSTED';
  readonly retryAfterSeconds: number;

  constructor(message: string, details: BackofficeErrorDetails & { retryAfterSeconds: number }) {
    super(message, details);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export class UpstreamUnavailableError extends BackofficeError {
  readonly code = 'UPSTREAM_UNAVAILABLE';
}

export class UpstreamTimeoutError extends BackofficeError {
  readonly code = 'UPSTREAM_TIMEOUT';
  readonly phase: 'connect' | 'headers' | 'body';

  constructor(
    message: string,
    details: BackofficeErrorDetails & { phase: UpstreamTimeoutError['phase'] },
  ) {
    super(message, details);
    this.phase = details.phase;
  }
}

export type BadResponseKind =
  'html' | 'truncated-json' | 'not-json' | 'schema' | 'redirect' | 'status';

export class BadResponseError extends BackofficeError {
  readonly code = 'UPSTREAM_BAD_RESPONSE';
  readonly kind: BadResponseKind;

  constructor(message: string, details: BackofficeErrorDetails & { kind: BadResponseKind }) {
    super(message, details);
    this.kind = details.kind;
  }
}

export type SqlErrorClass = 'type-conversion' | 'missing-reference' | 'constraint' | 'other';

/** A SQL Server message echoed in a `Result: false` answer; the raw text stays in `excerpt`. */
export class UpstreamSqlError extends BackofficeError {
  readonly code = 'UPSTREAM_SQL_ERROR';
  readonly classification: SqlErrorClass;
  /** The table or column the message names, when it names one. */
  readonly subject?: string;

  constructor(
    message: string,
    details: BackofficeErrorDetails & { classification: SqlErrorClass; subject?: string },
  ) {
    super(message, details);
    this.classification = details.classification;
    this.subject = details.subject;
  }
}

/** A business refusal (`Result: false`) that is neither SQL, rate limit nor session. */
export class UpstreamRejectedError extends BackofficeError {
  readonly code = 'UPSTREAM_REJECTED';
}

export class UpstreamNotFoundError extends BackofficeError {
  readonly code = 'UPSTREAM_NOT_FOUND';
}

export function isBackofficeError(error: unknown): error is BackofficeError {
  return error instanceof BackofficeError;
}
