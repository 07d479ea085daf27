/**
 * The Backoffice client's public surface: build one with `createBackofficeClient`, program
 * against `BackofficeApi`, and catch `BackofficeError` subclasses by their `code`.
 */
export { BackofficeClient, createBackofficeClient } from './backoffice-client';
export {
  BackofficeClientOptionsSchema,
  InvalidClientOptionsError,
  resolveClientOptions,
  type BackofficeClientInput,
  type BackofficeClientOptions,
} from './client-options';
export type * from './backoffice-api';
export * from './errors';
export * from './models';
export { ENDPOINTS, READ_ENDPOINTS, isReadEndpoint, type Endpoint } from './endpoints';
export { createUpstreamMetrics, type UpstreamMetrics } from './metrics';
export { STATE_TIME_ZONES, timeZoneForState } from './time-zones';
