import type { BackofficeApi, SessionStatus } from '../dutchie/backoffice-api';
import { isBackofficeError } from '../dutchie/errors';
import { type Clock, systemClock } from '../util/clock';
import type { Logger } from '../util/logger';

export type SessionSource = Pick<BackofficeApi, 'sessionStatus' | 'ensureSession'>;

export interface ReadinessOptions {
  client: SessionSource;
  clock?: Clock;
  /** Fewest milliseconds between two logins started by readiness checks. Default 30 s. */
  minLoginIntervalMs?: number;
  logger?: Logger;
}

export interface ReadinessReport {
  ready: boolean;
  session: { active: boolean; loggedInAt: string | null; expiresAt: string | null };
  lastFailure: { at: string; code: string } | null;
  /** When a probe may next try to log in, if the session is not usable now. */
  nextLoginAttemptAt: string | null;
}

export interface ReadinessProbe {
  check(): Promise<ReadinessReport>;
}

/**
 * Whether the upstream session is usable. A cached live session answers without a call; with
 * none, the probe logs in, but at most once per interval, because logins spend the same
 * 60-a-minute budget as reads and an orchestrator may poll every second. Concurrent probes
 * share one login.
 */
export function createReadinessProbe(options: ReadinessOptions): ReadinessProbe {
  const clock = options.clock ?? systemClock;
  const interval = options.minLoginIntervalMs ?? 30_000;
  let lastAttemptAt: number | null = null;
  let loginInFlight: Promise<void> | null = null;
  let lastError: { at: number; code: string } | null = null;

  const isUsable = (status: SessionStatus) =>
    status.active && (status.expiresAt === null || status.expiresAt > clock.now());

  const login = async () => {
    lastAttemptAt = clock.now();
    try {
      await options.client.ensureSession();
      lastError = null;
    } catch (error) {
      const code = isBackofficeError(error) ? error.code : 'UNEXPECTED';
      lastError = { at: clock.now(), code };
      options.logger?.warn({ code }, 'readiness: upstream login failed');
    }
  };

  const mayLogIn = () => lastAttemptAt === null || clock.now() - lastAttemptAt >= interval;

  return {
    async check() {
      if (isUsable(options.client.sessionStatus())) return report(true);

      if (!loginInFlight && mayLogIn()) {
        loginInFlight = login().finally(() => (loginInFlight = null));
      }
      if (loginInFlight) await loginInFlight;

      return report(isUsable(options.client.sessionStatus()));
    },
  };

  function report(ready: boolean): ReadinessReport {
    const status = options.client.sessionStatus();
    const failure = status.lastFailure ?? lastError;
    const nextAttempt = ready || lastAttemptAt === null ? null : lastAttemptAt + interval;

    return {
      ready,
      session: {
        active: status.active,
        loggedInAt: iso(status.loggedInAt),
        expiresAt: iso(status.expiresAt),
      },
      lastFailure: failure ? { at: iso(failure.at)!, code: failure.code } : null,
      nextLoginAttemptAt: iso(nextAttempt),
    };
  }
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
