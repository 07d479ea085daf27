import type { YogaLogger } from 'graphql-yoga';
import type { Logger } from '../util/logger';

/**
 * Yoga's own messages, sent to pino. Yoga logs every error it masked; the mask has already
 * logged those with their correlation id, so they are dropped here rather than logged twice.
 */
export function yogaLogger(logger: Logger, maskedByUs: WeakSet<object>): YogaLogger {
  const forward =
    (level: 'debug' | 'info' | 'warn') =>
    (...args: unknown[]) =>
      logger[level]({ yoga: args.map(describe) }, 'yoga');

  return {
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: (...args: unknown[]) => {
      const known = args.every((arg) => typeof arg === 'object' && arg && maskedByUs.has(arg));
      if (known) return;

      logger.error({ yoga: args.map(describe) }, 'yoga');
    },
  };
}

function describe(value: unknown): unknown {
  return value instanceof Error ? { type: value.name, message: value.message } : value;
}
