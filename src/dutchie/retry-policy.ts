import {
  RateLimitedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  type BackofficeError,
} from './errors';

export interface RetrySettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Whether a read may be tried again after this failure: transport failures, timeouts, 5xx and
 * both rate-limit answers. A bad response, a refusal or a SQL error would only repeat itself.
 */
export function isRetryableFailure(error: BackofficeError): boolean {
  return (
    error instanceof UpstreamUnavailableError ||
    error instanceof UpstreamTimeoutError ||
    error instanceof RateLimitedError
  );
}

/**
 * Exponential backoff with full jitter (a uniform draw below the exponential cap), so that
 * many callers hit by the same 503 do not come back in step. A rate-limit answer's Retry-After
 * is a floor: coming back sooner only earns another refusal.
 */
export function retryDelayMs(
  settings: RetrySettings,
  retryNumber: number,
  error: BackofficeError,
  random: () => number = Math.random,
): number {
  const cap = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (retryNumber - 1));
  const jittered = Math.floor(random() * cap);

  if (error instanceof RateLimitedError) {
    return Math.max(jittered, error.retryAfterSeconds * 1000);
  }

  return jittered;
}
