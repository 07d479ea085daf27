import type { Clock } from '../util/clock';
import type { CallOptions, SessionStatus } from './backoffice-api';
import { AuthenticationError, type BackofficeError } from './errors';

/** What a login yields; `gid` is the SessionGId, the secret that is the session. */
export interface Session {
  gid: string;
  /** The LLSession cookie value; the SessionGId unless Set-Cookie said otherwise. */
  cookie: string;
  userId: number;
  locId: number | null;
  lspId: number | null;
  loggedInAt: number;
  /** Counts logins, so a stale dead-session report cannot throw away a newer session. */
  generation: number;
}

/** The session fields many endpoints take in their body. */
export interface SessionBlock {
  SessionId: string;
  UserId: number;
  LocId?: number;
  LspId?: number;
}

export interface SessionManagerOptions {
  clock: Clock;
  refreshAfterMs: number;
  failureBackoffMs: number;
  /** Performs one login on behalf of the call that needed it; rejects with a BackofficeError. */
  login: (trigger?: CallOptions) => Promise<Omit<Session, 'loggedInAt' | 'generation'>>;
}

interface LoginFailure {
  at: number;
  error: BackofficeError;
}

/**
 * The one cached session of a client. Logins are single-flight: any number of concurrent
 * callers wait on the same login. A rejected login (bad credentials) is remembered for
 * `failureBackoffMs`, during which every caller gets that same AuthenticationError without a
 * new login, so a wrong password cannot turn into a login storm.
 */
export class SessionManager {
  private session: Session | null = null;
  private pending: Promise<Session> | null = null;
  private failure: LoginFailure | null = null;
  private generation = 0;

  constructor(private readonly options: SessionManagerOptions) {}

  /** A usable session, logging in when there is none or the cached one is due for refresh. */
  current(trigger?: CallOptions): Promise<Session> {
    const now = this.options.clock.now();

    if (this.session && now < this.refreshAt(this.session)) return Promise.resolve(this.session);
    if (this.pending) return this.pending;

    const failure = this.failure;
    if (failure && failure.error instanceof AuthenticationError) {
      if (now < failure.at + this.options.failureBackoffMs) return Promise.reject(failure.error);
    }

    this.pending = this.login(trigger).finally(() => {
      this.pending = null;
    });

    return this.pending;
  }

  /**
   * Drops the session a caller saw answered as dead. Only that generation is dropped: when
   * twenty callers report the same dead session, the first triggers the one re-login and the
   * others find the new session (or the login in flight) instead of starting their own.
   */
  invalidate(session: Session): void {
    if (this.session?.generation === session.generation) this.session = null;
  }

  status(): SessionStatus {
    const now = this.options.clock.now();
    const session = this.session;
    const failure = this.failure;

    return {
      active: session !== null && now < this.refreshAt(session),
      loggedInAt: session?.loggedInAt ?? null,
      expiresAt: session ? this.refreshAt(session) : null,
      lastFailure: failure ? { at: failure.at, code: failure.error.code } : null,
    };
  }

  /** Forgets the session (on close); nothing is sent upstream. */
  clear(): void {
    this.session = null;
  }

  private refreshAt(session: Session): number {
    return session.loggedInAt + this.options.refreshAfterMs;
  }

  private async login(trigger?: CallOptions): Promise<Session> {
    this.session = null;

    // The upstream's hour starts when it creates the session, so the clock is read on the way out.
    const startedAt = this.options.clock.now();

    try {
      const fresh = await this.options.login(trigger);
      this.generation += 1;
      this.session = { ...fresh, loggedInAt: startedAt, generation: this.generation };
      this.failure = null;

      return this.session;
    } catch (error) {
      this.failure = { at: this.options.clock.now(), error: error as BackofficeError };
      throw error;
    }
  }
}
