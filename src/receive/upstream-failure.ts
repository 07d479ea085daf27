import {
  BadResponseError,
  BudgetExhaustedError,
  RateLimitedError as UpstreamRateLimited,
  UpstreamRejectedError as UpstreamRejected,
  UpstreamSqlError as UpstreamSql,
  isBackofficeError,
  type BackofficeError,
  type SqlErrorClass,
} from '../dutchie/errors';
import type { ReceiveError, ReceiveStep } from './results';

/**
 * Whether a failed POST proves that nothing was written, so the key may fail and be reused.
 * Only a refusal the upstream gave before taking the receive counts: a `Result: false` answer
 * (SQL, business refusal, the 200 rate-limit answer), a 429, a dead session, our own budget,
 * a connection that was never made, a 503. Everything else may have been applied after the
 * fact (a timeout, a destroyed socket, a 500 or 502/504, an unreadable 200) and goes to
 * read-back verification, never to "failed". A non-client error is not proof either.
 */
export function provesNotWritten(error: unknown): error is BackofficeError {
  if (!isBackofficeError(error) || error.mayHaveApplied) return false;

  const status = error.status;
  if (
    error instanceof BadResponseError &&
    (status === undefined || (status >= 200 && status < 300))
  ) {
    return false;
  }
  if (status !== undefined && status >= 500 && status !== 503) return false;

  return true;
}

const SQL_WORDING: Record<
  SqlErrorClass,
  { what: (subject: string | null) => string; hint: string }
> = {
  'type-conversion': {
    what: () => 'a value had a type the upstream database could not convert',
    hint: 'A field carried the wrong type, such as text where an id belongs; check the ids and numbers sent.',
  },
  'missing-reference': {
    what: (subject) =>
      `it refers to ${subject ? `a row of ${subject}` : 'a row'} that does not exist upstream`,
    hint: "Usually a product outside the location's LSP, or a room or vendor of another location: take ids from this location's catalog, rooms and vendors.",
  },
  constraint: {
    what: (subject) =>
      `it broke a constraint of the upstream database${subject ? ` (${subject})` : ''}`,
    hint: 'Usually a repeated package label or a missing required value; check the labels and required fields.',
  },
  other: {
    what: () => 'the upstream database reported an error',
    hint: 'Nothing was written. Check the input against the location, then retry; the server log has the detail.',
  },
};

/**
 * The upstream has no endpoint that lists units, so preflight cannot check a line's unitId:
 * the database's foreign key on the unit table is the first to notice an unknown one.
 */
const UNIT_HINT =
  "A line's unitId is not a unit the upstream knows (no endpoint lists units, so it cannot be checked before sending): omit unitId to send the product's own unit.";

function namesUnitTable(error: UpstreamSql): boolean {
  return error.classification === 'missing-reference' && /\bunits?\b/i.test(error.subject ?? '');
}

/**
 * Turns a client error from a preflight read or from a refused POST into a result member.
 * The SQL text stays in the client error's excerpt (logged, never returned): callers see the
 * classification, the table it named and a hint.
 */
export function upstreamFailure(error: BackofficeError, step: ReceiveStep): ReceiveError {
  const during = step === 'write' ? 'the receive' : `the ${step} read of ${error.endpoint}`;

  if (error instanceof UpstreamRateLimited || error instanceof BudgetExhaustedError) {
    return {
      __typename: 'RateLimitedError',
      code: 'RATE_LIMITED',
      message: `The upstream's call budget refused ${during} (${error.code}); retry after ${error.retryAfterSeconds} s`,
      hint: 'Wait retryAfter seconds and submit the same idempotency key again; nothing was written.',
      step,
      retryAfter: error.retryAfterSeconds,
    };
  }

  if (error instanceof UpstreamSql) {
    const wording = SQL_WORDING[error.classification];
    const subject = error.subject ?? null;
    const hint = namesUnitTable(error) ? UNIT_HINT : wording.hint;

    return {
      __typename: 'UpstreamSqlError',
      code: 'UPSTREAM_SQL_ERROR',
      message: `The upstream refused ${during} with a database error (${error.classification}): ${wording.what(subject)}`,
      hint: `${hint} Nothing was written, so the same key can be used with corrected input.`,
      classification: error.classification,
      subject,
    };
  }

  if (error instanceof UpstreamRejected) {
    return {
      __typename: 'UpstreamRejectedError',
      code: 'UPSTREAM_REJECTED',
      message: `The upstream refused ${during}: ${error.message}`,
      hint: 'Nothing was written; correct the input and submit again (the same key may be used).',
    };
  }

  return {
    __typename: 'UpstreamUnavailableError',
    code: 'UPSTREAM_UNAVAILABLE',
    message: `The upstream failed ${during} (${error.code}${error.status ? `, HTTP ${error.status}` : ''})`,
    hint:
      step === 'write'
        ? 'The upstream answered before taking the receive, so nothing was written; submit the same key again later.'
        : 'Nothing was written; submit the same key again later.',
    step,
    upstreamCode: error.code,
  };
}
