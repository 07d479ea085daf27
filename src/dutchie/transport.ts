import { Pool } from 'undici';
import type { HttpAnswer } from './answer-reader';
import {
  BadResponseError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  type BackofficeError,
} from './errors';

export interface TransportOptions {
  baseUrl: string;
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  keepAliveTimeoutMs: number;
}

export interface PostOptions {
  /** The SessionGId; sent as `Cookie: LLSession=…`. */
  session?: string;
  signal?: AbortSignal;
}

export type PostOutcome =
  | { ok: true; answer: HttpAnswer }
  | {
      ok: false;
      error: BackofficeError;
      /**
       * The socket failed before a single byte of the answer came back: the signature of a
       * keep-alive socket the server closed as we wrote to it. Only reads may act on it.
       */
      beforeAnswer: boolean;
    };

/** Connections per upstream; the call budget, not the pool, is what bounds concurrency. */
const CONNECTIONS = 16;

/**
 * Subtracted from the server's `Keep-Alive: timeout=N` hint. With the sandbox's 5 s this gives
 * 4 s, the same as our own default; a 1 s hint leaves nothing, so such sockets are not reused.
 */
const KEEP_ALIVE_MARGIN_MS = 1_000;

const REFUSED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT',
]);
const CLOSED_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

/**
 * POSTs JSON to `<baseUrl>/api/<endpoint>` over one keep-alive pool and hands back the raw
 * answer, or the transport failure as a typed error. Redirects are never followed (undici's
 * `request` does not follow them), so a 302 to a login page stays visible to the caller.
 */
// LIMITATION: connect, headers and body timeouts run on undici's real-time timers, not on the
// injected Clock, so a FakeClock cannot make them fire.
export class Transport {
  private readonly pool: Pool;
  private readonly pathPrefix: string;

  constructor(private readonly options: TransportOptions) {
    const url = new URL(options.baseUrl);
    this.pathPrefix = url.pathname.replace(/\/+$/, '');
    this.pool = new Pool(url.origin, {
      connections: CONNECTIONS,
      pipelining: 1,
      keepAliveTimeout: options.keepAliveTimeoutMs,
      // A server hint may shorten our idle time, never lengthen it past our own.
      keepAliveMaxTimeout: options.keepAliveTimeoutMs,
      keepAliveTimeoutThreshold: KEEP_ALIVE_MARGIN_MS,
      connect: { timeout: options.connectMs },
      headersTimeout: options.headersMs,
      bodyTimeout: options.bodyMs,
    });
  }

  async post(endpoint: string, body: string, options: PostOptions = {}): Promise<PostOutcome> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      appname: 'Backoffice',
    };
    if (options.session) headers.cookie = `LLSession=${options.session}`;

    let response: Awaited<ReturnType<Pool['request']>>;
    try {
      response = await this.pool.request({
        path: `${this.pathPrefix}/api/${endpoint}`,
        method: 'POST',
        headers,
        body,
        headersTimeout: this.options.headersMs,
        bodyTimeout: this.options.bodyMs,
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;

      return {
        ok: false,
        beforeAnswer: isClosedSocket(error),
        error: this.failure(error, endpoint, 'request'),
      };
    }

    try {
      const text = await response.body.text();

      return { ok: true, answer: { status: response.statusCode, headers: response.headers, text } };
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;

      return { ok: false, beforeAnswer: false, error: this.failure(error, endpoint, 'body') };
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Names the phase that failed; anything past connect may have reached the upstream. */
  private failure(error: unknown, endpoint: string, phase: 'request' | 'body'): BackofficeError {
    const code = errorCode(error);
    const { connectMs, headersMs, bodyMs } = this.options;

    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      return new UpstreamTimeoutError(`${endpoint}: no connection within ${connectMs} ms`, {
        endpoint,
        phase: 'connect',
        cause: error,
      });
    }

    if (code === 'UND_ERR_HEADERS_TIMEOUT') {
      return new UpstreamTimeoutError(`${endpoint}: no answer headers within ${headersMs} ms`, {
        endpoint,
        phase: 'headers',
        mayHaveApplied: true,
        cause: error,
      });
    }

    if (code === 'UND_ERR_BODY_TIMEOUT') {
      return new UpstreamTimeoutError(`${endpoint}: the answer stalled for ${bodyMs} ms`, {
        endpoint,
        phase: 'body',
        mayHaveApplied: true,
        cause: error,
      });
    }

    if (code && REFUSED_CODES.has(code)) {
      return new UpstreamUnavailableError(`${endpoint}: the upstream is unreachable (${code})`, {
        endpoint,
        cause: error,
      });
    }

    if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
      return new BadResponseError(`${endpoint}: the answer ended before its Content-Length`, {
        endpoint,
        kind: 'truncated-json',
        mayHaveApplied: true,
        cause: error,
      });
    }

    const when = phase === 'body' ? 'while the answer was arriving' : 'before any answer';

    return new UpstreamUnavailableError(
      `${endpoint}: the connection closed ${when} (${code ?? 'unknown'})`,
      {
        endpoint,
        mayHaveApplied: true,
        cause: error,
      },
    );
  }
}

function errorCode(error: unknown): string | undefined {
  const candidate = error as {
    code?: unknown;
    cause?: { code?: unknown };
    errors?: { code?: unknown }[];
  };
  const code = candidate?.code ?? candidate?.cause?.code ?? candidate?.errors?.[0]?.code;

  return typeof code === 'string' ? code : undefined;
}

function isClosedSocket(error: unknown): boolean {
  const code = errorCode(error);

  return code !== undefined && CLOSED_CODES.has(code);
}
