import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths redacted at the logger itself, so that a careless `log.info({ body })` anywhere cannot
 * leak a credential. Upstream login bodies echo the password back, which is why `Password` and
 * `password` are listed at several depths.
 */
export const REDACTED_PATHS = [
  'password',
  'Password',
  '*.password',
  '*.Password',
  '*.*.password',
  '*.*.Password',
  'SessionGId',
  '*.SessionGId',
  '*.*.SessionGId',
  'sessionId',
  '*.sessionId',
  'SessionId',
  '*.SessionId',
  'cookie',
  '*.cookie',
  '*.Cookie',
  '*.headers.cookie',
  '*.headers.authorization',
  'authorization',
  '*.authorization',
  'apiKey',
  '*.apiKey',
  'key',
  '*.key',
];

/**
 * Secrets that travel inside text, where path redaction cannot see them: an error message or
 * stack quoting the session cookie or a Bearer token, an upstream body excerpt with the
 * password a rejected login echoes back. Every string of every line is scrubbed of these.
 */
const TEXT_SECRETS: ReadonlyArray<[RegExp, string]> = [
  [/(LLSession=)[^;\s"',]+/gi, '$1[redacted]'],
  [/(Bearer\s+)[^\s"',]+/gi, '$1[redacted]'],
  [
    /("?(?:password|sessiongid|sessionid|cookie|apikey|authorization)"?\s*[:=]\s*)("[^"]*"|[^\s,}]+)/gi,
    '$1[redacted]',
  ],
];

/** A string with the secrets it quotes blanked. */
export function scrubText(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of TEXT_SECRETS)
    scrubbed = scrubbed.replace(pattern, replacement);

  return scrubbed;
}

const MAX_SCRUB_DEPTH = 8;

/** Every string in a log line's fields, scrubbed; objects are copied, never changed in place. */
function scrubFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value !== 'object' || value === null || depth >= MAX_SCRUB_DEPTH) return value;
  if (value instanceof Error) return scrubError(value, depth);
  if (Array.isArray(value)) return value.map((item) => scrubFields(item, depth + 1));

  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = scrubFields(item, depth + 1);

  return copy;
}

/**
 * Formatters run before serializers, so an Error is still one here: the copy keeps its class
 * (the serializer names the type from it) with message, stack and own fields scrubbed.
 */
function scrubError(error: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error)) as Error & Record<string, unknown>;
  for (const [key, item] of Object.entries(error)) copy[key] = scrubFields(item, depth + 1);

  copy.message = scrubText(error.message);
  if (error.stack !== undefined) copy.stack = scrubText(error.stack);
  if (error.cause !== undefined) copy.cause = scrubFields(error.cause, depth + 1);

  return copy;
}

export interface LoggerOptions {
  level?: string;
  /** Pretty, human output; defaults to whether stdout is a terminal. */
  pretty?: boolean;
  /** Where lines go; defaults to stdout. Tests pass a stream to capture output. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const config: pino.LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'backoffice-graph' },
    // An Error's message and stack are text too: they are serialized and scrubbed here.
    formatters: { log: (fields) => scrubFields(fields) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };

  if (options.destination) return pino(config, options.destination);

  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  if (pretty) {
    return pino({ ...config, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }

  return pino(config);
}

/** A logger that drops everything: the default for tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
