import type {
  RateLimitedError,
  UpstreamRejectedError,
  UpstreamSqlError,
  UpstreamUnavailableError,
} from '../receive';
import { builder } from './builder';
import { ReceiveStepEnum, SqlErrorClassificationEnum } from './receive-enums';
import { ErrorRef } from './receive-error';

/**
 * Upstream failures that prove nothing was written (a refusal, a rate limit, an upstream that
 * answered 503 or could not be reached), so the same key may be sent again.
 */

export const UpstreamSqlErrorRef = builder
  .objectRef<UpstreamSqlError>('UpstreamSqlError')
  .implement({
    description:
      'The upstream refused the receive with a SQL Server error: classified here, with the ' +
      'table it named; the SQL text itself stays in the server log.',
    interfaces: [ErrorRef],
    fields: (t) => ({
      classification: t.expose('classification', { type: SqlErrorClassificationEnum }),
      subject: t.exposeString('subject', {
        nullable: true,
        description: 'The table or column the upstream named, e.g. dbo.Unit.',
      }),
    }),
  });

export const UpstreamRejectedErrorRef = builder
  .objectRef<UpstreamRejectedError>('UpstreamRejectedError')
  .implement({
    description: 'The upstream refused the receive (Result: false) for a business reason.',
    interfaces: [ErrorRef],
    fields: () => ({}),
  });

export const UpstreamUnavailableErrorRef = builder
  .objectRef<UpstreamUnavailableError>('UpstreamUnavailableError')
  .implement({
    description: 'The upstream could not be reached or answered 503 before taking the receive.',
    interfaces: [ErrorRef],
    fields: (t) => ({
      step: t.expose('step', { type: ReceiveStepEnum }),
      upstreamCode: t.exposeString('upstreamCode', {
        description: "The client's error code, e.g. UPSTREAM_UNAVAILABLE or UPSTREAM_TIMEOUT.",
      }),
    }),
  });

export const RateLimitedErrorRef = builder
  .objectRef<RateLimitedError>('RateLimitedError')
  .implement({
    description: "The upstream's call budget (about 60 calls a minute) refused the call.",
    interfaces: [ErrorRef],
    fields: (t) => ({
      step: t.expose('step', { type: ReceiveStepEnum }),
      retryAfter: t.exposeInt('retryAfter', { description: 'Seconds to wait before retrying.' }),
    }),
  });
