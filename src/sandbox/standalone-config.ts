import { z } from 'zod';
import { SandboxError } from './errors';
import { SANDBOX_DEFAULT_PASSWORD, SANDBOX_DEFAULT_USERNAME } from './types';

export interface StandaloneConfig {
  port: number;
  username: string;
  password: string;
  callsPerMinute: number;
  readLagMs: number;
}

const wholeNumber = (max: number, what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: `must be ${what}` })
    .transform(Number)
    .refine((value) => value <= max, { message: `must be ${what}` });

const schema = z.object({
  SANDBOX_PORT: wholeNumber(65535, 'a port from 0 to 65535').default(4010),
  SANDBOX_USERNAME: z
    .string()
    .min(1, { message: 'must not be empty' })
    .default(SANDBOX_DEFAULT_USERNAME),
  SANDBOX_PASSWORD: z
    .string()
    .min(1, { message: 'must not be empty' })
    .default(SANDBOX_DEFAULT_PASSWORD),
  SANDBOX_CALLS_PER_MINUTE: wholeNumber(
    100_000,
    'a whole number of calls (0 turns the limit off)',
  ).default(60),
  // Observed upstream: reads lag writes by seconds; standalone runs show it by default.
  SANDBOX_READ_LAG_MS: wholeNumber(600_000, 'a whole number of milliseconds up to 600000').default(
    2000,
  ),
});

/** Keys whose values are never repeated in an error message. */
const SECRET_KEYS = new Set(['SANDBOX_PASSWORD']);

/**
 * Reads the standalone sandbox's environment once, and fails naming every bad value, so one
 * start-up shows all the problems. A password is never echoed.
 */
export function parseStandaloneEnv(env: NodeJS.ProcessEnv): StandaloneConfig {
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      const shown = SECRET_KEYS.has(key) ? '' : ` (got '${env[key]}')`;

      return `${key} ${issue.message}${shown}`;
    });
    throw new SandboxError(
      'SANDBOX_BAD_CONFIG',
      `invalid sandbox environment: ${problems.join('; ')}`,
    );
  }

  const values = parsed.data;

  return {
    port: values.SANDBOX_PORT,
    username: values.SANDBOX_USERNAME,
    password: values.SANDBOX_PASSWORD,
    callsPerMinute: values.SANDBOX_CALLS_PER_MINUTE,
    readLagMs: values.SANDBOX_READ_LAG_MS,
  };
}
