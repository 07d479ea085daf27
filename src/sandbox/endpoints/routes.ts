import type { Route } from './context';
import { inventoryRoute } from './inventory';
import { locationsRoute } from './locations';
import { loginRoute } from './login';
import { roomsRoute, vendorsRoute } from './prerequisites';
import { productDetailsRoute, productsLiteRoute } from './products';
import { receiveRoute, saveReceiveRoute } from './receive';

/**
 * Every endpoint the sandbox serves, by the path after /api/. Anything else is a 404, which
 * is also the observed answer to `v2/vendor/get-vendors` (vendors have no v2 prefix).
 */
// LIMITATION: v2/inventory/preview-receive-url is not modelled (it would fetch a manifest from a
// URL and the sandbox makes no outbound calls), so it answers 404.
export const ROUTES: ReadonlyMap<string, Route> = new Map(
  [
    loginRoute,
    locationsRoute,
    vendorsRoute,
    roomsRoute,
    productsLiteRoute,
    productDetailsRoute,
    inventoryRoute,
    receiveRoute,
    saveReceiveRoute,
  ].map((route) => [route.endpoint, route]),
);
