import { randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../util/clock';

export interface Session {
  /** The SessionGId: the GUID that is the session. */
  gid: string;
  /** The numeric SessionId that login also returns; it is not the session. */
  numericId: string;
  userName: string;
  issuedAt: number;
  expiresAt: number;
}

/** Sessions die `ttlMs` after login on the injected clock; expired ones are simply unknown. */
export class SessionStore {
  private sessions = new Map<string, Session>();
  private issuedIds: string[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  issue(userName: string): Session {
    const now = this.clock.now();
    // Dead sessions are dropped here, so a sandbox left running for days does not accumulate.
    for (const [gid, old] of this.sessions) if (now >= old.expiresAt) this.sessions.delete(gid);

    const session = {
      gid: randomUUID(),
      numericId: String(randomInt(1_000_000, 9_999_999)),
      userName,
      issuedAt: now,
      expiresAt: now + this.ttlMs,
    };
    this.sessions.set(session.gid, session);
    this.issuedIds.push(session.gid);

    return session;
  }

  /** The live session with this id, if any. */
  find(gid: string | undefined): Session | undefined {
    const session = gid === undefined ? undefined : this.sessions.get(gid);
    if (!session || this.clock.now() >= session.expiresAt) return undefined;

    return session;
  }

  kill(gid: string): void {
    this.sessions.delete(gid);
  }

  expireAll(): void {
    this.sessions.clear();
  }

  issued(): string[] {
    return [...this.issuedIds];
  }

  reset(): void {
    this.sessions.clear();
    this.issuedIds = [];
  }
}
