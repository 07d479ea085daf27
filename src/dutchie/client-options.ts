import { Registry } from 'prom-client';
import { z } from 'zod';
import { systemClock, type Clock } from '../util/clock';
import { silentLogger, type Logger } from '../util/logger';

/** A zone name Intl accepts, e.g. America/Phoenix. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });

    return true;
  } catch {
    return false;
  }
}

const positiveMs = z.number().int().positive();

/**
 * Everything about the client that is validated once, at construction. Defaults follow the
 * upstream model: calls run up to ~30 s, sessions die at ~60 minutes, the server keeps idle
 * sockets 5 s (so ours give up at 4 s), and a login allows about 60 calls per minute (we take 55).
 */
export const BackofficeClientOptionsSchema = z.object({
  /** DUTCHIE_BACKOFFICE_URL, e.g. https://tenant.backoffice.dutchie.com (calls go to /api/…). */
  baseUrl: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
  /** DUTCHIE_BACKOFFICE_USERNAME. */
  username: z.string().trim().min(1),
  /** DUTCHIE_BACKOFFICE_PASSWORD. */
  password: z.string().min(1),
  /** Upstream calls per rolling minute, logins included. @default 55 */
  callsPerMinute: z.number().positive().default(55),
  /** Longest a call waits for budget before BudgetExhaustedError. @default 120000 */
  maxQueueWaitMs: z.number().int().nonnegative().default(120_000),
  timeouts: z
    .object({
      connectMs: positiveMs.default(30_000),
      headersMs: positiveMs.default(30_000),
      bodyMs: positiveMs.default(30_000),
    })
    .default({ connectMs: 30_000, headersMs: 30_000, bodyMs: 30_000 }),
  /** Idle ms before the client drops a pooled socket; keep it below the server's. @default 4000 */
  keepAliveTimeoutMs: positiveMs.default(4_000),
  /** Replace a session this long after its login, before the upstream's hour. @default 3000000 */
  sessionRefreshAfterMs: positiveMs.default(50 * 60_000),
  /** After a rejected login, calls fail fast this long instead of logging in. @default 30000 */
  loginFailureBackoffMs: z.number().int().nonnegative().default(30_000),
  /** Retries of read endpoints only; maxAttempts counts the first attempt. */
  retry: z
    .object({
      maxAttempts: z.number().int().min(1).max(10).default(3),
      baseDelayMs: z.number().int().nonnegative().default(500),
      maxDelayMs: z.number().int().nonnegative().default(10_000),
    })
    .default({ maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 10_000 }),
  /** State code → IANA zone, over the built-in map (AZ America/Phoenix, ...). */
  timeZoneOverrides: z
    .record(
      z.string().min(1),
      z.string().refine(isTimeZone, { message: 'Not an IANA time zone Intl knows' }),
    )
    .default({}),
});

export type BackofficeClientOptions = z.output<typeof BackofficeClientOptionsSchema>;

/** What a caller passes: the validated options plus collaborators that are not validated. */
export type BackofficeClientInput = z.input<typeof BackofficeClientOptionsSchema> & {
  /** Default systemClock. */
  clock?: Clock;
  /** Default silent. */
  logger?: Logger;
  /** Where the upstream metrics are registered. Default: a new Registry. */
  registry?: Registry;
};

export interface ResolvedClientOptions extends BackofficeClientOptions {
  clock: Clock;
  logger: Logger;
  registry: Registry;
}

const ENV_NAMES: Record<string, string> = {
  baseUrl: 'DUTCHIE_BACKOFFICE_URL',
  username: 'DUTCHIE_BACKOFFICE_USERNAME',
  password: 'DUTCHIE_BACKOFFICE_PASSWORD',
  callsPerMinute: 'BACKOFFICE_CALLS_PER_MINUTE',
};

/** Every problem with the options at once, so a misconfigured start fails in one round. */
export class InvalidClientOptionsError extends Error {
  readonly code = 'INVALID_BACKOFFICE_OPTIONS';
  readonly problems: readonly string[];

  constructor(problems: string[]) {
    super(`Invalid Backoffice client options: ${problems.join('; ')}`);
    this.name = 'InvalidClientOptionsError';
    this.problems = problems;
  }
}

/** Validates the options once; the error lists every problem and never the password. */
export function resolveClientOptions(input: BackofficeClientInput): ResolvedClientOptions {
  const { clock, logger, registry, ...rest } = input ?? ({} as BackofficeClientInput);
  const parsed = BackofficeClientOptionsSchema.safeParse(rest);

  if (!parsed.success) {
    const secret = typeof rest.password === 'string' ? rest.password : '';
    const problems = parsed.error.issues.map((issue) => describeIssue(issue, secret));

    throw new InvalidClientOptionsError(problems);
  }

  return {
    ...parsed.data,
    clock: clock ?? systemClock,
    logger: logger ?? silentLogger(),
    registry: registry ?? new Registry(),
  };
}

function describeIssue(issue: z.core.$ZodIssue, secret: string): string {
  const path = issue.path.map(String).join('.') || '(options)';
  const env = ENV_NAMES[path] ? ` (${ENV_NAMES[path]})` : '';
  const text = `${path}${env}: ${issue.message}`;

  // zod messages do not echo inputs today; this keeps it so if a future message does.
  return secret.length > 0 ? text.split(secret).join('[redacted]') : text;
}
