import type { Command } from 'commander';
import { createLogger } from '../../util/logger';
import { formatConfigTable, loadConfig } from '../config';
import { loadDotEnv } from '../dot-env';
import { exitOnSignal } from '../shutdown';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the GraphQL server (over the embedded sandbox unless DUTCHIE_BACKOFFICE_URL is set)',
    )
    .addHelpText(
      'after',
      `\nConfiguration comes from the environment (and ./.env when present):\n\n${formatConfigTable()}\n`,
    )
    .action(async () => {
      loadDotEnv();
      const config = loadConfig();
      const logger = createLogger({ level: config.logLevel });

      // Loaded here, not at the top: the schema and services are work `--help` does not need.
      const { serve } = await import('../main');
      const running = await serve(config, { logger });

      exitOnSignal(() => running.close(), { logger });
    });
}
