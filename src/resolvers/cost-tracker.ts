import type { CallOptions, CallPriority, UpstreamCallEvent } from '../dutchie/backoffice-api';

export interface RequestCost {
  /** HTTP attempts this request made upstream (retries and a re-login included). */
  upstreamCalls: number;
  /** Reads answered by the shared cache or by another request's call already in flight. */
  cacheHits: number;
}

/**
 * Counts one request's upstream spending. Calls are counted through the client's observer, so
 * the figure matches what the upstream (or the sandbox's request log) saw, retries and a
 * re-login included. A stale entry's refresh runs after the response, in the background, and
 * counts for no request.
 */
export class CostTracker {
  private calls = 0;
  private hits = 0;

  readonly observer = (_event: UpstreamCallEvent): void => {
    this.calls += 1;
  };

  recordHit(): void {
    this.hits += 1;
  }

  /** Options for a client call made on behalf of this request. */
  callOptions(priority: CallPriority = 'read'): CallOptions {
    return { priority, observer: this.observer };
  }

  snapshot(): RequestCost {
    return { upstreamCalls: this.calls, cacheHits: this.hits };
  }
}
