import { createLogger, type Logger } from '../util/logger';
import { startSandbox } from './index';
import { parseStandaloneEnv } from './standalone-config';
import type { Sandbox } from './types';

/**
 * The sandbox as its own process (`npm run sandbox`): configured from the environment, with
 * the observed read lag on by default, listening until the caller closes it.
 */
export async function runStandaloneSandbox(
  env: NodeJS.ProcessEnv = process.env,
  logger: Logger = createLogger(),
): Promise<Sandbox> {
  const config = parseStandaloneEnv(env);
  const sandbox = await startSandbox({
    port: config.port,
    username: config.username,
    password: config.password,
    callsPerMinute: config.callsPerMinute,
    readLagMs: config.readLagMs,
    logger,
  });

  logger.info(
    {
      url: sandbox.url,
      username: config.username,
      callsPerMinute: config.callsPerMinute,
      readLagMs: config.readLagMs,
    },
    `Backoffice sandbox listening on ${sandbox.url}/api/`,
  );

  return sandbox;
}
