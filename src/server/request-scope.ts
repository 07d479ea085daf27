import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

/**
 * What every part of one HTTP request can ask for without threading it through: the error mask
 * runs with nothing but the error in hand, yet must name the request's correlation id.
 */
export interface RequestScope {
  readonly correlationId: string;
  readonly startedAt: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The response header that names the request's correlation id. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** Headers a caller may offer its own id in. */
const OFFERED_ID_HEADERS = ['x-request-id', CORRELATION_HEADER];

/** A caller's own id is kept only when it is short and plain, so it cannot forge log lines. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** The current request's id, or a fresh one outside any request. */
export function correlationId(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}

function correlationIdFor(request: Request): string {
  for (const header of OFFERED_ID_HEADERS) {
    const offered = request.headers.get(header);
    if (offered && ACCEPTABLE_ID.test(offered)) return offered;
  }

  return randomUUID();
}

/**
 * Wraps the whole handling of each request (plugins, parsing, execution, response hooks) in its
 * scope, and answers with the id so that a caller can quote it when reporting a problem.
 */
export function useRequestScope(now: () => number = Date.now): Plugin {
  const scopes = new WeakMap<Request, RequestScope>();

  return {
    instrumentation: {
      request({ request }, wrapped) {
        const scope = { correlationId: correlationIdFor(request), startedAt: now() };
        scopes.set(request, scope);

        return storage.run(scope, wrapped);
      },
    },
    onResponse({ request, response }) {
      const scope = scopes.get(request);
      if (scope) response.headers.set(CORRELATION_HEADER, scope.correlationId);
    },
  };
}
