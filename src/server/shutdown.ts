import type { Logger } from '../util/logger';

export interface ShutdownOptions {
  logger: Logger;
  signals?: NodeJS.Signals[];
  /** Default process.exit; tests pass their own. */
  exit?: (code: number) => void;
}

/**
 * Runs `stop` once on the first SIGTERM or SIGINT, then exits 0 (1 if stopping failed). A
 * second signal while stopping exits at once: the person pressing Ctrl+C twice means it.
 */
export function exitOnSignal(stop: () => Promise<void>, options: ShutdownOptions): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.logger.warn({ signal }, 'second signal: exiting without waiting');
      exit(1);

      return;
    }

    stopping = true;
    options.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    stop().then(
      () => {
        options.logger.info('stopped');
        exit(0);
      },
      (error: unknown) => {
        options.logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };

  for (const signal of signals) process.on(signal, onSignal);

  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
