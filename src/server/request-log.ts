import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../util/logger';
import { currentRequestScope } from './request-scope';

interface RequestFacts {
  operations: string[];
  costs: unknown[];
}

/** Probes polled every few seconds would drown the log at info. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * One structured line per HTTP request: operation name(s), status, duration, and what it cost
 * upstream as the cost plugin reports it in `extensions.cost` (upstream calls, cache hits).
 * The query string is left out: a GET operation carries its variables there.
 */
export function useRequestLog(logger: Logger, now: () => number = Date.now): Plugin {
  const facts = new WeakMap<Request, RequestFacts>();
  const factsOf = (request: Request) => {
    const known = facts.get(request) ?? { operations: [], costs: [] };
    facts.set(request, known);

    return known;
  };

  return {
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;

      const operation = getOperationAST(args.document, args.operationName);
      factsOf(request).operations.push(operation?.name?.value ?? 'anonymous');
    },
    onExecutionResult({ request, result }) {
      const results = Array.isArray(result) ? result : [result];
      for (const one of results) {
        const cost = (one as { extensions?: { cost?: unknown } } | undefined)?.extensions?.cost;
        if (cost !== undefined) factsOf(request).costs.push(cost);
      }
    },
    onResponse({ request, response }) {
      const url = new URL(request.url);
      const scope = currentRequestScope();
      const known = facts.get(request);
      const line = {
        requestId: scope?.correlationId,
        method: request.method,
        path: url.pathname,
        status: response.status,
        durationMs: scope ? now() - scope.startedAt : undefined,
        operation: known?.operations.join(',') || undefined,
        cost: costSummary(known?.costs ?? []),
      };

      // A probe answering 503 is reported by the probe itself, once per login attempt.
      if (QUIET_PATHS.has(url.pathname)) logger.debug(line, 'request');
      else if (response.status >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    },
  };
}

/** One cost object as it came, or the list for a batched request. */
function costSummary(costs: unknown[]): unknown {
  if (costs.length === 0) return undefined;

  return costs.length === 1 ? costs[0] : costs;
}
