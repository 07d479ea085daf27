import { systemClock, type Clock } from '../util/clock';
import { silentLogger, type Logger } from '../util/logger';
import { SandboxError } from './errors';
import { loopbackBindAddress, type BindAddress } from './loopback-host';
import { SANDBOX_DEFAULT_PASSWORD, SANDBOX_DEFAULT_USERNAME, type SandboxOptions } from './types';

export interface ResolvedOptions {
  port: number;
  address: BindAddress;
  clock: Clock;
  readLagMs: number;
  callsPerMinute: number;
  credentials: { username: string; password: string };
  sessionTtlMs: number;
  keepAliveTimeoutMs: number;
  logger: Logger;
}

/** Applies the documented defaults and refuses bad values, naming every one at once. */
export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const resolved = {
    port: options.port ?? 0,
    address: loopbackBindAddress(options.host ?? '127.0.0.1'),
    clock: options.clock ?? systemClock,
    readLagMs: options.readLagMs ?? 0,
    callsPerMinute: options.callsPerMinute ?? 60,
    credentials: {
      username: options.username ?? SANDBOX_DEFAULT_USERNAME,
      password: options.password ?? SANDBOX_DEFAULT_PASSWORD,
    },
    sessionTtlMs: options.sessionTtlMs ?? 60 * 60_000,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? 5000,
    logger: options.logger ?? silentLogger(),
  };

  const problems = [
    check(
      'port',
      resolved.port,
      Number.isInteger(resolved.port) && resolved.port >= 0 && resolved.port <= 65535,
    ),
    check('readLagMs', resolved.readLagMs, resolved.readLagMs >= 0),
    check(
      'callsPerMinute',
      resolved.callsPerMinute,
      Number.isInteger(resolved.callsPerMinute) && resolved.callsPerMinute >= 0,
    ),
    check('sessionTtlMs', resolved.sessionTtlMs, resolved.sessionTtlMs > 0),
    check('keepAliveTimeoutMs', resolved.keepAliveTimeoutMs, resolved.keepAliveTimeoutMs > 0),
    resolved.credentials.username === '' ? 'username must not be empty' : null,
    resolved.credentials.password === '' ? 'password must not be empty' : null,
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) {
    throw new SandboxError('SANDBOX_BAD_CONFIG', `invalid sandbox options: ${problems.join('; ')}`);
  }

  return resolved;
}

function check(name: string, value: number, ok: boolean): string | null {
  return ok ? null : `${name} is ${value}`;
}
