import { startSandbox, type Sandbox } from '../sandbox';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { AppConfig } from './config';

/** Where the client connects, and the embedded sandbox when it is the one answering. */
export interface UpstreamTarget {
  baseUrl: string;
  username: string;
  password: string;
  sandbox: Sandbox | null;
}

/**
 * Sandbox mode starts the simulator and hands its own login to the client, so `npm start`
 * needs no credentials at all; live mode only names the tenant.
 */
export async function startUpstream(
  config: AppConfig,
  logger: Logger,
  clock?: Clock,
): Promise<UpstreamTarget> {
  const upstream = config.upstream;
  if (upstream.mode === 'live') {
    return {
      baseUrl: upstream.url,
      username: upstream.username,
      password: upstream.password,
      sandbox: null,
    };
  }

  const settings = upstream.sandbox;
  const sandbox = await startSandbox({
    port: settings.port,
    readLagMs: settings.readLagMs,
    callsPerMinute: settings.callsPerMinute,
    username: settings.username,
    password: settings.password,
    clock,
    logger: logger.child({ component: 'sandbox' }),
  });

  return {
    baseUrl: sandbox.url,
    username: settings.username,
    password: settings.password,
    sandbox,
  };
}
