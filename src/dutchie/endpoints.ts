/**
 * Every upstream path the client calls (the part after `/api/`), and the one list that decides
 * which of them may be retried. Retrying is safe only for reads: a repeated receive POST
 * receives twice upstream, because no server-side duplicate check is known.
 */
export const ENDPOINTS = {
  login: 'posv3/user/EmployeeLogin',
  locations: 'posv3/maintenance/GetLspLocationsBackend',
  // No v2/ prefix here: v2/vendor/get-vendors answers 404 upstream.
  vendors: 'vendor/get-vendors',
  rooms: 'v2/room/get-rooms',
  products: 'product-master/get-products-lite',
  productDetails: 'product-master/get-product-details-v2',
  inventory: 'v2/inventory/get-inventory',
  receive: 'v2/inventory/receive',
  saveReceive: 'v2/inventory/save-receive',
} as const;

export type Endpoint = (typeof ENDPOINTS)[keyof typeof ENDPOINTS];

/** The only endpoints that retries, backoff and stale-socket replays may touch. */
export const READ_ENDPOINTS: ReadonlySet<Endpoint> = new Set<Endpoint>([
  ENDPOINTS.locations,
  ENDPOINTS.vendors,
  ENDPOINTS.rooms,
  ENDPOINTS.products,
  ENDPOINTS.productDetails,
  ENDPOINTS.inventory,
]);

export function isReadEndpoint(endpoint: string): boolean {
  return READ_ENDPOINTS.has(endpoint as Endpoint);
}
