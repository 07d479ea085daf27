import type { GraphContext } from '../resolvers/context';
import type { Principal } from '../resolvers/principal';

/** The scopes a key's configuration can grant (GRAPH_API_KEYS `scopes`). */
export const READ_SCOPE = 'inventory:read';
export const RECEIVE_SCOPE = 'inventory:receive';
export const KEY_SCOPES: readonly string[] = [READ_SCOPE, RECEIVE_SCOPE];

/**
 * The scopes fields and types ask for (`authScopes`), and the parameter each takes:
 * `read` every query, `receive` every mutation, `locId` anything that shows or changes one
 * location's data, `lspId` an LSP's catalog (open to a key that may see any of its locations).
 */
export interface GraphAuthScopes {
  read: boolean;
  receive: boolean;
  locId: number;
  lspId: number;
}

type ScopeLoaders = {
  [K in keyof GraphAuthScopes]:
    boolean | ((parameter: GraphAuthScopes[K]) => boolean | Promise<boolean>);
};

/**
 * The scope initializer: what this request's principal holds. A null principal is open access
 * (no keys configured), which holds every scope. The plugin caches each answer per request and
 * parameter, on the request's own context, so one caller's answers never serve another's.
 */
export function scopeLoaders(context: GraphContext): ScopeLoaders {
  const { principal } = context;
  if (!principal) return { read: true, receive: true, locId: true, lspId: true };

  return {
    read: principal.scopes.includes(READ_SCOPE),
    receive: principal.scopes.includes(RECEIVE_SCOPE),
    locId: (locId) => mayTouchLocation(principal, locId),
    lspId: principal.locIds === null ? true : (lspId) => mayReadLsp(principal, lspId, context),
  };
}

export function mayTouchLocation(principal: Principal | null, locId: number): boolean {
  return !principal?.locIds || principal.locIds.includes(locId);
}

/** A catalog belongs to an LSP; a key sees it when one of its locations is of that LSP. */
async function mayReadLsp(principal: Principal, lspId: number, context: GraphContext) {
  // The shared, cached location list: at most one upstream call per TTL for every caller.
  const locations = await context.data.locations();

  return locations.some(
    (location) => location.lspId === lspId && mayTouchLocation(principal, location.locId),
  );
}

/**
 * The scopes of something at one location, as a type's or field's `authScopes` asks for them:
 * `true` for a key that is not limited to LocIds (or open access), whose `locId` scope holds
 * every location anyway, so scope-auth has no map to evaluate for each of the hundreds of
 * packages a dashboard shows.
 */
export function locIdScopes(context: GraphContext, locId: number): true | { locId: number } {
  return context.principal?.locIds ? { locId } : true;
}

/** `locIdScopes` for an LSP's catalog: a key not limited to LocIds may read every LSP's. */
export function lspIdScopes(context: GraphContext, lspId: number): true | { lspId: number } {
  return context.principal?.locIds ? { lspId } : true;
}
