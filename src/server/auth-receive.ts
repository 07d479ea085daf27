import type { ReceiveServiceOptions } from '../receive';
import { mayTouchLocation, RECEIVE_SCOPE } from '../schema/auth-scopes';
import type { KeyVerifier } from './auth-keys';

/**
 * The receive engine's own access check, behind the schema's: a receive goes ahead only for an
 * actor that names a configured key holding inventory:receive and the LocId. It catches a
 * caller of the receive service that skipped the GraphQL layer. Undefined (everyone may) when
 * no keys are enforced.
 */
export function receiveAuthorizer(
  verifier: KeyVerifier | null,
): ReceiveServiceOptions['authorize'] | undefined {
  if (!verifier) return undefined;

  return ({ actor, locId }) => {
    const principal = actor === null ? null : verifier.byName(actor);
    if (!principal) return false;

    return principal.scopes.includes(RECEIVE_SCOPE) && mayTouchLocation(principal, locId);
  };
}
