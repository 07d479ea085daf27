import type { NotAuthorizedError } from '../receive';
import type { GraphContext } from '../resolvers/context';
import { mayTouchLocation, RECEIVE_SCOPE } from './auth-scopes';

/**
 * What a receive mutation answers when its scope check fails: the NotAuthorizedError member of
 * its result union, never a top-level error, and nothing read or sent upstream. `error` is the
 * refusal scope-auth built (it names the field and what the key lacks).
 */
export function notAuthorizedMember(
  context: GraphContext,
  locId: number | null,
  error: Error,
): NotAuthorizedError {
  const denied = locId !== null && !mayTouchLocation(context.principal, locId) ? locId : null;

  return {
    __typename: 'NotAuthorizedError',
    code: 'NOT_AUTHORIZED',
    message: error.message,
    hint: `Use an API key with the ${RECEIVE_SCOPE} scope whose locIds include this location.`,
    actor: context.principal?.name ?? null,
    locId: denied,
  };
}

/**
 * reverifyReceipt's scope: the LocId its ledger entry was received at. A key the ledger does
 * not hold needs only the receive scope; the resolver answers ReceiptNotFoundError.
 */
export function receiptScopes(context: GraphContext, idempotencyKey: string) {
  const receipt = context.services.receive.findReceipt(idempotencyKey);

  return receipt ? { locId: receipt.locId } : true;
}

/**
 * reverifyReceipt refused: the key's own LocIds are named, not the receipt's, so that a key
 * learns nothing about a receive at a location it may not see.
 */
export function receiptNotAuthorized(context: GraphContext, error: Error): NotAuthorizedError {
  const { principal } = context;
  const lacksScope = principal !== null && !principal.scopes.includes(RECEIVE_SCOPE);
  const message = lacksScope
    ? error.message
    : `API key "${principal?.name}" may not reverify this receipt: it was received at a location outside its LocIds (${principal?.locIds?.join(', ')})`;

  return { ...notAuthorizedMember(context, null, error), message };
}
