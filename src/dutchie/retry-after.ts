/** What the 200-form rate-limit answer implies: the limit is per minute and carries no hint. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * Reads a Retry-After header: delta seconds ("2") or an HTTP date, relative to `now` on the
 * client's clock. Anything unreadable falls back to the per-minute default.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return DEFAULT_RETRY_AFTER_SECONDS;

  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text));

  const at = Date.parse(text);
  if (Number.isNaN(at)) return DEFAULT_RETRY_AFTER_SECONDS;

  return Math.max(0, Math.ceil((at - now) / 1000));
}
