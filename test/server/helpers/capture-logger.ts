import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../../src/util/logger';

export interface CapturedLog {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines: Array<Record<string, unknown>>;
  /** All lines as one string, for "never contains" assertions. */
  text(): string;
}

/** The real logger (redaction included) writing JSON lines into memory. */
export function captureLogger(level = 'debug'): CapturedLog {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      raw.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level, destination });

  return {
    logger,
    get lines() {
      return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    text: () => raw.join('\n'),
  };
}
