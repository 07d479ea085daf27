import type { ReceiveOutcome } from '../receive';
import type { GraphContext } from './context';
import { receiveDataSource } from './receive-data-source';
import { engineReceiveInput } from './receive-input';

/** Who receives: the principal's name once access control provides one; null in open access. */
export function actorOf(context: GraphContext): string | null {
  return context.principal?.name ?? null;
}

/**
 * receiveInventory: the engine validates, preflights, sends once and verifies; every outcome
 * comes back as a union member. The request's own data source makes the receive's upstream
 * calls count in this response's `extensions.cost`.
 */
export function receiveInventory(
  input: Record<string, unknown>,
  context: GraphContext,
): Promise<ReceiveOutcome> {
  return context.services.receive.receive(engineReceiveInput(input), {
    actor: actorOf(context),
    source: receiveDataSource(context.services, context.cost),
  });
}

export interface ReceiptNotFound {
  __typename: 'ReceiptNotFoundError';
  code: 'RECEIPT_NOT_FOUND';
  message: string;
  hint: string;
  idempotencyKey: string;
}

/** reverifyReceipt: reads a key's packages back again; a key the ledger lacks is its own member. */
export async function reverifyReceipt(
  idempotencyKey: string,
  context: GraphContext,
): Promise<ReceiveOutcome | ReceiptNotFound> {
  const source = receiveDataSource(context.services, context.cost);
  const outcome = await context.services.receive.reverify(idempotencyKey, { source });
  if (outcome) return outcome;

  return {
    __typename: 'ReceiptNotFoundError',
    code: 'RECEIPT_NOT_FOUND',
    message: `The receipt ledger holds no receive with idempotency key "${idempotencyKey}" for this upstream`,
    hint: 'List the ledger with { receipts { edges { node { idempotencyKey status } } } }; a dry run, or an input refused by validation, is never recorded.',
    idempotencyKey,
  };
}
