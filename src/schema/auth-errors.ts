import { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Principal } from '../resolvers/principal';
import { READ_SCOPE, RECEIVE_SCOPE } from './auth-scopes';

/** The key holds no scope (or no LocId) that the field asks for. */
export const FORBIDDEN = 'FORBIDDEN';

const SCOPE_NAMES: Readonly<Record<string, string>> = {
  read: READ_SCOPE,
  receive: RECEIVE_SCOPE,
};

/**
 * A refusal by scope-auth, as the caller sees it: `extensions.code` FORBIDDEN, what was asked
 * for (a field such as `Query.location`, or a lookup such as `node(Room)`), and what the key
 * lacks. It names only what the caller asked for and its own key's limits, never whether the
 * location it may not see exists or what it holds.
 */
export function forbiddenError(
  principal: Principal | null,
  target: string,
  failure: AuthFailure,
): GraphQLError {
  const who = principal ? `API key "${principal.name}"` : 'This caller';

  return new GraphQLError(`${who} may not use ${target}: ${lacking(principal, failure)}`, {
    extensions: { code: FORBIDDEN },
  });
}

/** Names the first scope that failed; the others of an `$all` failed the same way or not at all. */
function lacking(principal: Principal | null, failure: AuthFailure): string {
  const first = firstScopeFailure(failure);
  if (!first) return 'not authorized';

  if (first.scope === 'locId') {
    return `it is limited to LocIds ${limits(principal)} (asked for LocId ${String(first.parameter)})`;
  }
  if (first.scope === 'lspId') {
    return `it is limited to LocIds ${limits(principal)}, none of LspId ${String(first.parameter)}`;
  }

  return `it lacks the ${SCOPE_NAMES[first.scope] ?? first.scope} scope`;
}

function limits(principal: Principal | null): string {
  return principal?.locIds?.join(', ') ?? '(none)';
}

function firstScopeFailure(failure: AuthFailure): { scope: string; parameter: unknown } | null {
  if (failure.kind === AuthScopeFailureType.AuthScope) return failure;
  if (
    failure.kind === AuthScopeFailureType.AnyAuthScopes ||
    failure.kind === AuthScopeFailureType.AllAuthScopes
  ) {
    for (const child of failure.failures) {
      const found = firstScopeFailure(child);
      if (found) return found;
    }
  }

  return null;
}
