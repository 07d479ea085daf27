import { isIPv4 } from 'node:net';
import { SandboxError } from './errors';

export interface BindAddress {
  /** What `listen` gets. */
  bindHost: string;
  /** How the base URL writes it. */
  urlHost: string;
}

/**
 * The sandbox answers any login and echoes passwords, so it must never be reachable from
 * another machine: only loopback names and addresses are accepted. `localhost` binds to
 * 127.0.0.1 so the URL does not depend on how the machine resolves the name.
 */
export function loopbackBindAddress(host: string): BindAddress {
  const trimmed = host.trim().replace(/^\[(.*)\]$/, '$1');

  if (trimmed === 'localhost') return { bindHost: '127.0.0.1', urlHost: '127.0.0.1' };
  if (trimmed === '::1') return { bindHost: '::1', urlHost: '[::1]' };
  if (isIPv4(trimmed) && trimmed.startsWith('127.')) return { bindHost: trimmed, urlHost: trimmed };

  throw new SandboxError(
    'SANDBOX_NON_LOOPBACK_HOST',
    `sandbox host '${host}' is not a loopback address; use 127.0.0.1, ::1 or localhost`,
  );
}
