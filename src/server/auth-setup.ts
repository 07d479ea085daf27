import type { Logger } from '../util/logger';
import { createKeyVerifier, type KeyVerifier } from './auth-keys';
import { createApiKeyAuth, type ApiKeyAuth } from './auth-plugin';
import type { AppConfig } from './config';

export interface AccessControl {
  /** Null when no keys are enforced (open access). */
  verifier: KeyVerifier | null;
  auth: ApiKeyAuth;
}

/**
 * Access control as configured, decided once at start-up. Configuration already refuses live
 * mode without keys unless GRAPH_AUTH=off says so; whatever runs open says so in the log.
 */
// LIMITATION: keys are read once at start-up; adding, revoking or rotating one needs a restart, because no reload signal or key store is watched.
export function accessControlFor(config: AppConfig, logger: Logger): AccessControl {
  const verifier = config.auth.enabled ? createKeyVerifier(config.auth.keys) : null;
  const log = logger.child({ component: 'auth' });

  if (verifier) {
    const names = config.auth.keys.map((key) => key.name);
    log.info({ keys: names }, 'API keys enforced on every GraphQL request');
  } else {
    warnOpen(config, log);
  }

  return { verifier, auth: createApiKeyAuth({ verifier, logger: log }) };
}

function warnOpen(config: AppConfig, log: Logger): void {
  const ignored = config.auth.keys.length;
  const detail = { mode: config.upstream.mode, ignoredKeys: ignored };

  if (config.upstream.mode === 'live') {
    log.warn(
      detail,
      'GRAPH_AUTH=off: anyone who reaches this server may read and receive at the live tenant',
    );
  } else {
    log.warn(
      detail,
      'open access: no API keys are enforced, so anyone who reaches this server may read and receive (embedded sandbox)',
    );
  }
}
