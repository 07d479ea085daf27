import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import {
  envelope,
  invalidJson,
  json,
  methodNotAllowed,
  notFound,
  sessionExpired401,
  validationProblem,
  type Answer,
} from './answers';
import {
  SESSION_BLOCK_KEYS,
  type Body,
  type EndpointContext,
  type Route,
} from './endpoints/context';
import { ROUTES } from './endpoints/routes';
import { faultAnswer } from './fault-answers';
import type { FaultRegistry } from './faults';
import { cookieValue, parseJson, readBody, send } from './http-io';
import type { RateLimiter } from './rate-limiter';
import type { RequestLog } from './request-log';
import type { Session, SessionStore } from './sessions';
import { SqlFailure } from './sql-messages';
import type { SandboxState } from './state';
import type { SandboxFault, SandboxRequest } from './types';

export interface HandlerDeps {
  state: SandboxState;
  sessions: SessionStore;
  limiter: RateLimiter;
  faults: FaultRegistry;
  log: RequestLog;
  clock: Clock;
  readLagMs: number;
  credentials: { username: string; password: string };
  logger: Logger;
  /** A real-time wait that `close()` can cut short; resolves false when the server closed. */
  delay(ms: number): Promise<boolean>;
}

/** What became of a request: an answer, a destroyed socket, or nothing until close. */
type Outcome = { answer: Answer } | { destroy: true } | { hang: true };

/**
 * One request through the sandbox, in the order the real stack meets it: routing, the edge
 * faults (which answer before Backoffice sees anything), body parsing, the session, the rate
 * limit, the 422 model check, then the endpoint and the faults that shape its answer.
 */
export function createRequestHandler(deps: HandlerDeps) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const startedAt = performance.now();
    const raw = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
    const endpoint = path.startsWith('/api/') ? path.slice('/api/'.length) : path;
    const parsed = parseJson(raw);
    const entry = deps.log.start(endpoint, deps.clock.now(), parsed.ok ? parsed.value : raw);

    const outcome = await process(deps, request, path, endpoint, parsed, entry);
    finish(response, entry, outcome);
    deps.logger.debug(
      { endpoint, status: entry.status, fault: entry.fault, ms: performance.now() - startedAt },
      'sandbox request',
    );
  };
}

async function process(
  deps: HandlerDeps,
  request: IncomingMessage,
  path: string,
  endpoint: string,
  parsed: ReturnType<typeof parseJson>,
  entry: SandboxRequest,
): Promise<Outcome> {
  if (request.method !== 'POST') return { answer: methodNotAllowed(request.method ?? '') };

  const route = path.startsWith('/api/') ? ROUTES.get(endpoint) : undefined;
  if (!route) return { answer: notFound(path) };

  const { latency, fault } = deps.faults.draw(endpoint);
  entry.fault = fault?.kind ?? latency?.kind;
  // Real time, not the injected clock: a client's HTTP timeout must really fire.
  if (latency && !(await deps.delay(latency.ms))) return { hang: true };
  if (fault?.kind === 'no-headers') return { hang: true };

  const body: Body = parsed.ok && isObject(parsed.value) ? parsed.value : {};
  const edgeAnswer = fault && faultAnswer(fault, deps.limiter.message());
  if (edgeAnswer) {
    if (fault.kind.startsWith('session-expired')) killCallerSession(deps, request, body);

    return { answer: edgeAnswer };
  }
  if (!parsed.ok) return { answer: invalidJson() };

  return answerEndpoint(deps, request, route, body, fault);
}

function answerEndpoint(
  deps: HandlerDeps,
  request: IncomingMessage,
  route: Route,
  body: Body,
  fault: SandboxFault | undefined,
): Outcome {
  let session: Session | null = null;
  if (route.needsSession) {
    session = callerSession(deps, request, body) ?? null;
    if (!session) return { answer: sessionExpired401() };
    // Observed wording; the configured limit is in the text, as upstream puts its own.
    if (!deps.limiter.admit(session.gid))
      return { answer: envelope(false, deps.limiter.message()) };
  }

  const missing = missingKey(route, body);
  if (missing) return { answer: validationProblem(missing, randomUUID()) };

  const context: EndpointContext = { ...deps, body, headers: request.headers, session, fault };
  const answer = runEndpoint(deps, route, context);

  if (fault?.kind === 'destroy-after-write') return { destroy: true };
  if (fault?.kind === 'truncated-json') return { answer: truncated(answer) };

  return { answer };
}

function runEndpoint(deps: HandlerDeps, route: Route, context: EndpointContext): Answer {
  try {
    return route.handle(context);
  } catch (error) {
    // Modelled: SQL Server's refusal travels back as a Result: false Message.
    if (error instanceof SqlFailure) return envelope(false, error.message);

    deps.logger.error({ err: error, endpoint: route.endpoint }, 'sandbox endpoint failed');

    return json(500, { Message: 'An error has occurred.' });
  }
}

function finish(response: ServerResponse, entry: SandboxRequest, outcome: Outcome): void {
  if ('hang' in outcome) return;
  if ('destroy' in outcome) {
    // The write is applied; the caller never learns it.
    response.socket?.destroy();

    return;
  }

  entry.status = outcome.answer.status;
  entry.result = outcome.answer.result;
  send(response, outcome.answer);
}

/** The cookie first, then the GUID in the body's session block. */
function callerSession(deps: HandlerDeps, request: IncomingMessage, body: Body) {
  const fromBody = typeof body.SessionId === 'string' ? body.SessionId : undefined;

  return deps.sessions.find(cookieValue(request, 'LLSession')) ?? deps.sessions.find(fromBody);
}

/** A session-expired answer means that session is gone: replaying it without a login fails. */
function killCallerSession(deps: HandlerDeps, request: IncomingMessage, body: Body): void {
  const session = callerSession(deps, request, body);
  if (session) deps.sessions.kill(session.gid);
}

/** Observed 422: the required key is absent and some key the endpoint does not know is there. */
function missingKey(route: Route, body: Body): string | undefined {
  if (!route.requiredKey || route.requiredKey in body) return undefined;

  const known = new Set<string>([...SESSION_BLOCK_KEYS, ...(route.knownKeys ?? [])]);

  return Object.keys(body).some((key) => !known.has(key)) ? route.requiredKey : undefined;
}

/** A valid start cut mid-body, with the right content type and a matching length. */
function truncated(answer: Answer): Answer {
  const cut = Math.max(1, Math.floor(answer.body.length / 2));

  return { ...answer, body: answer.body.slice(0, cut), result: undefined };
}

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
