import {
  AuthenticationError,
  BadResponseError,
  RateLimitedError,
  SessionExpiredError,
  UpstreamNotFoundError,
  UpstreamRejectedError,
  UpstreamSqlError,
  UpstreamUnavailableError,
  type BackofficeError,
} from './errors';
import type { Redactor } from './redact';
import { DEFAULT_RETRY_AFTER_SECONDS, parseRetryAfter } from './retry-after';
import { readSqlMessage } from './sql-message';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface Envelope {
  Result: true;
  Message: string | null;
  Data: unknown;
}

/** What an answer means before any endpoint-specific parsing. */
export type AnswerReading =
  | { kind: 'data'; envelope: Envelope }
  /** `Result: false` "No matching … found": an empty list or a null lookup, not a failure. */
  | { kind: 'no-match' }
  /** The session is dead: re-login once and replay. */
  | { kind: 'dead-session'; error: BackofficeError }
  | { kind: 'failure'; error: BackofficeError };

export interface ReadContext {
  endpoint: string;
  /** The login's own answers mean bad credentials where others mean a dead session. */
  isLogin: boolean;
  /** Reads treat "No matching … found" as empty; for a write it is a refusal. */
  noMatchIsEmpty: boolean;
  redactor: Redactor;
  now: number;
}

const RATE_LIMIT_MESSAGE = /too many requests/i;
const NO_MATCH_MESSAGE = /^\s*no matching\b.*\bfound\b/i;
const SESSION_MESSAGE = /session/i;

/**
 * Turns one HTTP answer into data or a typed failure. Order matters: the status decides first
 * (the edge proxy and the auth layer answer before the API does), then the body's shape, then
 * the envelope's Message, where the rate limit and SQL errors are checked before the word
 * "session" so that a SQL message naming a Session table is not mistaken for a dead session.
 */
export function readAnswer(answer: HttpAnswer, context: ReadContext): AnswerReading {
  const { status } = answer;

  if (status >= 300 && status < 400) return readRedirect(answer, context);
  if (status === 401 || status === 403) return readAuthRefusal(answer, context);
  if (status === 429) return { kind: 'failure', error: rateLimited(answer, context) };
  if (status === 404) return { kind: 'failure', error: notFound(answer, context) };
  if (status >= 500) return { kind: 'failure', error: serverError(answer, context) };
  if (status < 200 || status >= 300) return { kind: 'failure', error: badStatus(answer, context) };

  return readBody(answer, context);
}

function details(answer: HttpAnswer, context: ReadContext) {
  return {
    endpoint: context.endpoint,
    status: answer.status,
    excerpt: context.redactor.excerpt(answer.text),
  };
}

function header(answer: HttpAnswer, name: string): string | undefined {
  const value = answer.headers[name];

  return Array.isArray(value) ? value[0] : value;
}

function isHtml(answer: HttpAnswer): boolean {
  const type = header(answer, 'content-type') ?? '';

  return type.includes('text/html') || /^\s*</.test(answer.text);
}

function readRedirect(answer: HttpAnswer, context: ReadContext): AnswerReading {
  const location = header(answer, 'location') ?? '';
  const target = location.replace(/^https?:\/\/[^/]+/i, '') || '(none)';

  // A redirect to the login page is how some deployments say the session is gone.
  if (/log-?in|sign-?in|auth/i.test(location)) {
    const error = sessionDead(
      answer,
      context,
      `${context.endpoint} redirected to a login page (HTTP ${answer.status} to ${target})`,
    );

    return context.isLogin ? { kind: 'failure', error } : { kind: 'dead-session', error };
  }

  const error = new BadResponseError(
    `${context.endpoint} answered an unexpected redirect (HTTP ${answer.status} to ${target})`,
    { ...details(answer, context), kind: 'redirect' },
  );

  return { kind: 'failure', error };
}

function readAuthRefusal(answer: HttpAnswer, context: ReadContext): AnswerReading {
  const form = isHtml(answer) ? 'an HTML page from the edge proxy' : 'no page';

  if (context.isLogin) {
    const error = new AuthenticationError(
      `the Backoffice login was refused with HTTP ${answer.status} (${form})`,
      details(answer, context),
    );

    return { kind: 'failure', error };
  }

  const error = sessionDead(
    answer,
    context,
    `${context.endpoint} refused the session with HTTP ${answer.status} (${form})`,
  );

  return { kind: 'dead-session', error };
}

function sessionDead(answer: HttpAnswer, context: ReadContext, message: string) {
  if (context.isLogin) {
    return new BadResponseError(message, { ...details(answer, context), kind: 'redirect' });
  }

  return new SessionExpiredError(message, details(answer, context));
}

function rateLimited(answer: HttpAnswer, context: ReadContext): RateLimitedError {
  const retryAfterSeconds = parseRetryAfter(answer.headers['retry-after'], context.now);
  const traceId = traceIdOf(answer.text);

  return new RateLimitedError(
    `${context.endpoint} was rate limited upstream (HTTP 429, retry after ${retryAfterSeconds} s)`,
    { ...details(answer, context), retryAfterSeconds, traceId },
  );
}

function traceIdOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const value = body?.TraceId ?? body?.traceId ?? body?.traceID ?? body?.trace_id;

    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  } catch {
    return undefined;
  }
}

function notFound(answer: HttpAnswer, context: ReadContext): UpstreamNotFoundError {
  return new UpstreamNotFoundError(
    `${context.endpoint} does not exist upstream (HTTP 404)`,
    details(answer, context),
  );
}

function serverError(answer: HttpAnswer, context: ReadContext): UpstreamUnavailableError {
  const sql = readSqlMessage(answer.text);
  const nullReference = /Object reference not set/i.test(answer.text);
  const why = sql
    ? `: ${sql.summary}`
    : nullReference
      ? ': a nested object the endpoint expects was missing'
      : '';

  return new UpstreamUnavailableError(
    `${context.endpoint} failed upstream with HTTP ${answer.status}${why}`,
    details(answer, context),
  );
}

function badStatus(answer: HttpAnswer, context: ReadContext): BadResponseError {
  const hint = answer.status === 422 ? ' (the upstream rejects a body key it does not know)' : '';

  return new BadResponseError(`${context.endpoint} answered HTTP ${answer.status}${hint}`, {
    ...details(answer, context),
    kind: 'status',
  });
}

function readBody(answer: HttpAnswer, context: ReadContext): AnswerReading {
  if (isHtml(answer)) return readHtml(answer, context);

  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch (cause) {
    return { kind: 'failure', error: unparseable(answer, context, cause) };
  }

  if (!isEnvelope(body)) {
    const error = new BadResponseError(
      `${context.endpoint} answered JSON without the {Result, Message, Data} envelope`,
      { ...details(answer, context), kind: 'schema' },
    );

    return { kind: 'failure', error };
  }

  if (body.Result === true) return { kind: 'data', envelope: body as Envelope };

  return readRefusal(answer, context, typeof body.Message === 'string' ? body.Message : '');
}

function readHtml(answer: HttpAnswer, context: ReadContext): AnswerReading {
  // A 200 login page is a dead session wearing a success status.
  if (!context.isLogin && /log-?in|sign-?in/i.test(answer.text)) {
    const error = sessionDead(answer, context, `${context.endpoint} answered a login page (HTML)`);

    return { kind: 'dead-session', error };
  }

  const error = new BadResponseError(
    `${context.endpoint} answered an HTML page instead of JSON (HTTP ${answer.status})`,
    { ...details(answer, context), kind: 'html' },
  );

  return { kind: 'failure', error };
}

function unparseable(answer: HttpAnswer, context: ReadContext, cause: unknown): BadResponseError {
  const text = answer.text.trim();
  const truncated = /^[[{]/.test(text) && !/[\]}]$/.test(text);
  const kind = truncated ? 'truncated-json' : 'not-json';
  const what = truncated
    ? `JSON cut off after ${answer.text.length} characters`
    : text.length === 0
      ? 'an empty body'
      : 'a body that is not JSON';

  return new BadResponseError(`${context.endpoint} answered ${what}`, {
    ...details(answer, context),
    kind,
    cause,
  });
}

function isEnvelope(body: unknown): body is { Result: boolean; Message?: unknown; Data?: unknown } {
  return typeof body === 'object' && body !== null && typeof (body as any).Result === 'boolean';
}

function readRefusal(answer: HttpAnswer, context: ReadContext, message: string): AnswerReading {
  const shown = context.redactor.clean(message).slice(0, 200) || '(no message)';

  if (RATE_LIMIT_MESSAGE.test(message)) {
    const error = new RateLimitedError(
      `${context.endpoint} was rate limited upstream ("${shown}")`,
      { ...details(answer, context), retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS },
    );

    return { kind: 'failure', error };
  }

  const sql = readSqlMessage(message);
  if (sql) {
    const error = new UpstreamSqlError(`${context.endpoint} was refused: ${sql.summary}`, {
      ...details(answer, context),
      classification: sql.classification,
      subject: sql.subject,
    });

    return { kind: 'failure', error };
  }

  if (context.isLogin) {
    const error = new AuthenticationError(`the Backoffice login was rejected ("${shown}")`, {
      ...details(answer, context),
    });

    return { kind: 'failure', error };
  }

  if (SESSION_MESSAGE.test(message)) {
    const error = new SessionExpiredError(
      `${context.endpoint} reported the session as no longer valid ("${shown}")`,
      details(answer, context),
    );

    return { kind: 'dead-session', error };
  }

  if (context.noMatchIsEmpty && NO_MATCH_MESSAGE.test(message)) return { kind: 'no-match' };

  const error = new UpstreamRejectedError(`${context.endpoint} was refused: "${shown}"`, {
    ...details(answer, context),
  });

  return { kind: 'failure', error };
}
