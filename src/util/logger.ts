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
