import { performance } from 'node:perf_hooks';
import type { Logger } from '../util/logger';
import { readAnswer, type HttpAnswer } from './answer-reader';
import type { CallOptions, CallPriority, UpstreamCallEvent } from './backoffice-api';
import { BudgetLimiter } from './budget-limiter';
import type { ResolvedClientOptions } from './client-options';
import { ENDPOINTS, isReadEndpoint, type Endpoint } from './endpoints';
import {
  BadResponseError,
  RateLimitedError,
  isBackofficeError,
  type BackofficeError,
} from './errors';
import type { UpstreamMetrics } from './metrics';
import { parseLoginData, sessionFromSetCookie } from './parse/login';
import { SchemaMismatch } from './parse/schema-mismatch';
import { Redactor } from './redact';
import { isRetryableFailure, retryDelayMs } from './retry-policy';
import { SessionManager, type Session } from './session-manager';
import { Transport } from './transport';

/** One endpoint call as the typed functions describe it. */
export interface CallSpec<T> {
  endpoint: Endpoint;
  /** The JSON body, built per attempt from the session in force (for the session block). */
  body: (session: Session) => string;
  parse: (data: unknown) => T;
  /** What "No matching … found" means here; without it that answer is a refusal. */
  noMatch?: () => T;
  priority: CallPriority;
}

interface AttemptInput<T> {
  endpoint: Endpoint;
  body: string;
  session: Session | null;
  priority: CallPriority;
  attempt: number;
  call: CallOptions;
  parse: (data: unknown, answer: HttpAnswer) => T;
  noMatchIsEmpty: boolean;
}

type SessionAttemptResult<T> =
  | { kind: 'value'; value: T }
  | { kind: 'no-match' }
  | { kind: 'dead-session'; error: BackofficeError; session: Session }
  | { kind: 'failure'; error: BackofficeError; beforeAnswer: boolean; loginFailed: boolean };

type AttemptResult<T> =
  | { kind: 'value'; value: T }
  | { kind: 'no-match' }
  | { kind: 'dead-session'; error: BackofficeError }
  | { kind: 'failure'; error: BackofficeError; beforeAnswer: boolean };

export interface UpstreamCallerDeps {
  options: ResolvedClientOptions;
  metrics: UpstreamMetrics;
}

/**
 * Runs calls against the upstream: budget, session, one HTTP attempt, reading the answer, and
 * the decisions after it (re-login once on a dead session, replay a read once on a stale
 * socket, retry reads with backoff). Every HTTP attempt is counted, timed, logged at debug and
 * reported to the call's observer.
 */
export class UpstreamCaller {
  readonly sessions: SessionManager;
  readonly limiter: BudgetLimiter;
  private readonly transport: Transport;
  private readonly redactor: Redactor;
  private readonly options: ResolvedClientOptions;
  private readonly metrics: UpstreamMetrics;
  private readonly log: Logger;

  constructor({ options, metrics }: UpstreamCallerDeps) {
    this.options = options;
    this.metrics = metrics;
    this.log = options.logger;
    this.redactor = new Redactor([
      options.password,
      options.baseUrl,
      new URL(options.baseUrl).host,
    ]);
    this.transport = new Transport({
      baseUrl: options.baseUrl,
      keepAliveTimeoutMs: options.keepAliveTimeoutMs,
      ...options.timeouts,
    });
    this.limiter = new BudgetLimiter({
      limitPerMinute: options.callsPerMinute,
      maxQueueWaitMs: options.maxQueueWaitMs,
      clock: options.clock,
    });
    this.sessions = new SessionManager({
      clock: options.clock,
      refreshAfterMs: options.sessionRefreshAfterMs,
      failureBackoffMs: options.loginFailureBackoffMs,
      login: (trigger) => this.login(trigger),
    });
  }

  async run<T>(spec: CallSpec<T>, call: CallOptions = {}): Promise<T> {
    const { clock, retry, maxQueueWaitMs } = this.options;
    const priority = call.priority ?? spec.priority;
    const isRead = isReadEndpoint(spec.endpoint);
    // Retry sleeps never run past the longest wait a caller accepts for budget.
    const deadline = clock.now() + maxQueueWaitMs;
    let attempt = 0;
    let retries = 0;
    let reloggedIn = false;
    let replayedStale = false;

    for (;;) {
      call.signal?.throwIfAborted();

      const result = await this.sessionThenAttempt(spec, call, priority, attempt + 1);
      if (result.kind !== 'failure' || !result.loginFailed) attempt += 1;

      if (result.kind === 'value') return result.value;
      if (result.kind === 'no-match') return spec.noMatch!();

      // A dead-session answer (401, the proxy's 403 page, a redirect to the login page, or a
      // 200 whose Message names the session) comes from the auth layer before any endpoint
      // logic runs: it proves the call was not applied. That is why even a receive may log in
      // again and replay once; a second dead answer is final.
      if (result.kind === 'dead-session') {
        if (reloggedIn) throw result.error;

        reloggedIn = true;
        this.sessions.invalidate(result.session);
        continue;
      }

      const { error } = result;
      if (!isRead) throw error;

      // The signature of a keep-alive socket the server closed as we wrote: nothing came back,
      // so the read is replayed at once, one time, outside the retry budget. undici does not
      // say whether the socket was a reused one, so any read that lost its socket before the
      // answer qualifies; reads are safe to repeat, which is what makes that acceptable.
      if (result.beforeAnswer && !replayedStale) {
        replayedStale = true;
        this.log.debug(
          { endpoint: spec.endpoint, attempt },
          'replaying read after a closed socket',
        );
        continue;
      }

      if (!isRetryableFailure(error) || retries + 1 >= retry.maxAttempts) throw error;

      const delay = retryDelayMs(retry, retries + 1, error);
      if (clock.now() + delay > deadline) throw error;

      retries += 1;
      if (delay > 0) await clock.sleep(delay);
    }
  }

  close(): Promise<void> {
    this.limiter.close();
    this.sessions.clear();

    return this.transport.close();
  }

  private async sessionThenAttempt<T>(
    spec: CallSpec<T>,
    call: CallOptions,
    priority: CallPriority,
    attempt: number,
  ): Promise<SessionAttemptResult<T>> {
    let session: Session;

    try {
      session = await this.sessions.current(call);
    } catch (error) {
      if (!isBackofficeError(error)) throw error;

      // A login that failed for a transient reason leaves the read free to retry the whole
      // call; a rejected login (AuthenticationError) is not retryable and ends it.
      return { kind: 'failure' as const, error, beforeAnswer: false, loginFailed: true };
    }

    const result = await this.attempt({
      endpoint: spec.endpoint,
      body: spec.body(session),
      session,
      priority,
      attempt,
      call,
      parse: (data) => spec.parse(data),
      noMatchIsEmpty: spec.noMatch !== undefined,
    });

    if (result.kind === 'dead-session') return { ...result, session };
    if (result.kind === 'failure') return { ...result, loginFailed: false };

    return result;
  }

  private async login(trigger?: CallOptions): Promise<Omit<Session, 'loggedInAt' | 'generation'>> {
    const started = performance.now();
    this.metrics.logins.inc();

    const result = await this.attempt({
      endpoint: ENDPOINTS.login,
      body: JSON.stringify({ UserName: this.options.username, Password: this.options.password }),
      session: null,
      // The login unblocks every caller, so it waits behind nothing.
      priority: 'write',
      attempt: 1,
      call: { observer: trigger?.observer },
      parse: (data, answer) => ({
        data: parseLoginData(data),
        cookie: sessionFromSetCookie(answer.headers['set-cookie']),
      }),
      noMatchIsEmpty: false,
    });

    if (result.kind !== 'value') {
      const error = result.kind === 'no-match' ? this.unexpected(ENDPOINTS.login) : result.error;
      this.log.warn(
        { endpoint: ENDPOINTS.login, code: error.code, status: error.status },
        'Backoffice login failed',
      );
      throw error;
    }

    const { data, cookie } = result.value;
    const gid = data.sessionGId ?? cookie;
    if (!gid) throw this.unexpected(ENDPOINTS.login, 'a login answer without a SessionGId');

    this.redactor.addSecret(gid);
    this.redactor.addSecret(cookie);
    this.log.info(
      {
        endpoint: ENDPOINTS.login,
        userId: data.userId,
        locId: data.locId,
        ms: Math.round(performance.now() - started),
      },
      'logged in to Backoffice',
    );

    return {
      gid,
      cookie: cookie ?? gid,
      userId: data.userId,
      locId: data.locId,
      lspId: data.lspId,
    };
  }

  private unexpected(endpoint: Endpoint, what = 'an answer it cannot use'): BadResponseError {
    return new BadResponseError(`${endpoint} answered ${what}`, { endpoint, kind: 'schema' });
  }

  /** One HTTP attempt: budget first, then the request, then what the answer means. */
  private async attempt<T>(input: AttemptInput<T>): Promise<AttemptResult<T>> {
    const { clock } = this.options;
    const waitedMs = await this.limiter.acquire(input.priority, {
      endpoint: input.endpoint,
      signal: input.call.signal,
    });
    this.metrics.queueWait.observe(waitedMs / 1000);

    const started = performance.now();
    const outcome = await this.transport.post(input.endpoint, input.body, {
      session: input.session?.cookie,
      signal: input.call.signal,
    });

    let result: AttemptResult<T>;
    let status: number | undefined;

    if (!outcome.ok) {
      result = { kind: 'failure', error: outcome.error, beforeAnswer: outcome.beforeAnswer };
    } else {
      status = outcome.answer.status;
      result = this.interpret(input, outcome.answer, clock.now());
    }

    this.record(input, result, status, performance.now() - started);

    return result;
  }

  private interpret<T>(input: AttemptInput<T>, answer: HttpAnswer, now: number): AttemptResult<T> {
    const reading = readAnswer(answer, {
      endpoint: input.endpoint,
      isLogin: input.endpoint === ENDPOINTS.login,
      noMatchIsEmpty: input.noMatchIsEmpty,
      redactor: this.redactor,
      now,
    });

    if (reading.kind === 'failure')
      return { kind: 'failure', error: reading.error, beforeAnswer: false };
    if (reading.kind !== 'data') return reading;

    try {
      return { kind: 'value', value: input.parse(reading.envelope.Data, answer) };
    } catch (cause) {
      if (!(cause instanceof SchemaMismatch)) throw cause;

      const problem = this.redactor.clean(cause.problem);
      const error = new BadResponseError(
        `${input.endpoint} answered data of an unexpected shape: ${problem}`,
        {
          endpoint: input.endpoint,
          status: answer.status,
          excerpt: this.redactor.excerpt(answer.text),
          kind: 'schema',
        },
      );

      return { kind: 'failure', error, beforeAnswer: false };
    }
  }

  /** An observer's own failure must not fail the call it watches. */
  private notify(call: CallOptions, event: UpstreamCallEvent): void {
    try {
      call.observer?.(event);
    } catch (error) {
      this.log.warn({ err: error, endpoint: event.endpoint }, 'upstream call observer threw');
    }
  }

  private record<T>(
    input: AttemptInput<T>,
    result: AttemptResult<T>,
    status: number | undefined,
    elapsedMs: number,
  ) {
    const outcome =
      result.kind === 'value' || result.kind === 'no-match' ? 'ok' : result.error.code;
    const durationMs = Math.round(elapsedMs * 10) / 10;

    this.metrics.requests.inc({ endpoint: input.endpoint, outcome });
    this.metrics.duration.observe({ endpoint: input.endpoint }, elapsedMs / 1000);
    this.log.debug(
      { endpoint: input.endpoint, status, ms: durationMs, attempt: input.attempt, outcome },
      'upstream call',
    );
    this.notify(input.call, {
      endpoint: input.endpoint,
      outcome,
      durationMs,
      attempt: input.attempt,
    });

    if (result.kind === 'failure' && result.error instanceof RateLimitedError) {
      const { retryAfterSeconds, traceId } = result.error;
      // The limit is per login: everyone waits it out, not just this caller.
      this.limiter.pauseUntil(this.options.clock.now() + retryAfterSeconds * 1000);
      this.log.warn(
        { endpoint: input.endpoint, status, retryAfterSeconds, traceId },
        'upstream rate limit',
      );
    }
  }
}
