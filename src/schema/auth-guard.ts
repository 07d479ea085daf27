import type { GraphContext } from '../resolvers/context';
import { forbiddenError } from './auth-errors';
import type { GraphAuthScopes } from './auth-scopes';
import { builder } from './builder';

/**
 * The scope check of a lookup that no field's `authScopes` sees before it loads: `node(id)`,
 * `nodes(ids)` and `_entities` call a type's loader with an id taken apart from a string, and
 * that load may reach the upstream. Run first, through scope-auth's own per-request cache,
 * it refuses before anything is read; the type's own scopes still check what comes back.
 */
export async function authorizeLookup(
  context: GraphContext,
  target: string,
  scopes: Partial<GraphAuthScopes>,
): Promise<void> {
  await builder.runAuthScopes(context, scopes, (result) =>
    forbiddenError(context.principal, target, result.failure),
  );
}

/** `authorizeLookup`, then the load. */
export async function authorizedLoad<T>(
  context: GraphContext,
  target: string,
  scopes: Partial<GraphAuthScopes>,
  load: () => Promise<T>,
): Promise<T> {
  await authorizeLookup(context, target, scopes);

  return load();
}
