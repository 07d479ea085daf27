import { randomUUID } from 'node:crypto';
import type { Logger } from '../util/logger';
import { CostTracker } from './cost-tracker';
import { createLoaders, type BatchObserver, type GraphLoaders } from './loaders';
import type { Principal } from './principal';
import type { GraphServices } from './services';
import { createUpstreamData, type UpstreamData } from './upstream-data';

/** Everything a resolver sees for one GraphQL request. */
export interface GraphContext {
  /** The correlation id: in every error of the response and on every log line of the request. */
  readonly requestId: string;
  /** Null means open access. */
  readonly principal: Principal | null;
  readonly services: GraphServices;
  readonly data: UpstreamData;
  readonly loaders: GraphLoaders;
  readonly cost: CostTracker;
  readonly logger: Logger;
}

export interface RequestContextOptions {
  /** The HTTP request; its `x-request-id` (when sane) becomes the correlation id. */
  request?: Request;
  /** A correlation id the server already assigned; wins over the request's headers. */
  requestId?: string;
  principal?: Principal | null;
  /** Records loader batches (tests). */
  onBatch?: BatchObserver;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'x-correlation-id'];
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** A new context per request: its own loaders and cost, over the shared services. */
export function createRequestContext(
  services: GraphServices,
  options: RequestContextOptions = {},
): GraphContext {
  const requestId = options.requestId ?? requestIdOf(options.request);
  const cost = new CostTracker();
  const data = createUpstreamData(services, cost);

  return {
    requestId,
    principal: options.principal ?? null,
    services,
    data,
    loaders: createLoaders(data, options.onBatch),
    cost,
    logger: services.logger.child({ requestId }),
  };
}

/** A caller's id is kept only when it looks like an id, so it cannot inject into logs. */
function requestIdOf(request: Request | undefined): string {
  for (const header of REQUEST_ID_HEADERS) {
    const value = request?.headers.get(header);
    if (value && SANE_REQUEST_ID.test(value)) return value;
  }

  return randomUUID();
}
