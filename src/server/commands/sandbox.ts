import type { Command } from 'commander';
import { createLogger } from '../../util/logger';
import { loadDotEnv } from '../dot-env';
import { exitOnSignal } from '../shutdown';

export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description('Run only the Backoffice sandbox on loopback (SANDBOX_* variables configure it)')
    .action(async () => {
      loadDotEnv();
      const logger = createLogger({ level: process.env.LOG_LEVEL || 'info' });
      const { runStandaloneSandbox } = await import('../../sandbox/run');
      const sandbox = await runStandaloneSandbox(process.env, logger);

      exitOnSignal(() => sandbox.close(), { logger });
    });
}
