import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from '../../util/clock';
import type { Answer } from '../answers';
import type { SandboxState } from '../state';
import type { Session, SessionStore } from '../sessions';
import type { SandboxFault } from '../types';

export type Body = Record<string, unknown>;

export interface EndpointContext {
  body: Body;
  headers: IncomingHttpHeaders;
  state: SandboxState;
  sessions: SessionStore;
  clock: Clock;
  readLagMs: number;
  credentials: { username: string; password: string };
  /** The caller's session; null only on the login endpoint. */
  session: Session | null;
  /** A fault that changes what the endpoint does (orphan, partial). */
  fault?: SandboxFault;
}

export interface Route {
  /** The path after /api/. */
  endpoint: string;
  /** Login is the only call without a session. */
  needsSession: boolean;
  /**
   * The key the endpoint cannot work without. Absent, with some unknown key present (a
   * misspelt `LocID`), model binding fails with 422, as observed.
   */
  requiredKey?: string;
  /** Keys the endpoint knows besides the session block. */
  knownKeys?: readonly string[];
  handle(context: EndpointContext): Answer;
}

/** Merged into many bodies; known to every endpoint. */
export const SESSION_BLOCK_KEYS = ['SessionId', 'LspId', 'LocId', 'UserId', 'OrgId'] as const;
