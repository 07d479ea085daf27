import type { ReceiptNotFound } from '../resolvers/receive-mutation';
import { receiveInventory, reverifyReceipt } from '../resolvers/receive-mutation';
import { notAuthorizedMember, receiptNotAuthorized, receiptScopes } from './auth-receive';
import { builder } from './builder';
import { ErrorRef } from './receive-error';
import { ReceiveInventoryInputRef } from './receive-input';
import {
  RECEIVE_RESULT_MEMBERS,
  ReceiveInventoryResultRef,
  receiveResultTypeName,
} from './receive-result';

// The one declaration of the Mutation type; other domains add fields with mutationField.
builder.mutationType({
  // Every mutation needs a key with inventory:receive; each also checks the LocId it writes at.
  authScopes: { receive: true },
  description:
    'Writes to Dutchie Backoffice. Each answers a result union: failures a caller can act on ' +
    'are members, never top-level errors.',
});

builder.mutationField('receiveInventory', (t) =>
  t.field({
    type: ReceiveInventoryResultRef,
    description:
      'Receives a delivery into a location, at most once per idempotency key: validates the ' +
      'input, reads the location, rooms, vendor, catalog and package labels, POSTs ' +
      'v2/inventory/receive once and reads the packages back until every line is there. ' +
      'dryRun answers the plan and sends nothing.',
    args: { input: t.arg({ type: ReceiveInventoryInputRef, required: true }) },
    authScopes: (_root, args) => ({ locId: args.input.locId }),
    unauthorizedResolver: (_root, args, context, _info, error) =>
      notAuthorizedMember(context, args.input.locId, error),
    resolve: (_root, args, context) =>
      receiveInventory(args.input as unknown as Record<string, unknown>, context),
  }),
);

const ReceiptNotFoundErrorRef = builder
  .objectRef<ReceiptNotFound>('ReceiptNotFoundError')
  .implement({
    description: 'The receipt ledger has no entry for this key (for this upstream).',
    interfaces: [ErrorRef],
    fields: (t) => ({ idempotencyKey: t.exposeString('idempotencyKey') }),
  });

const ReverifyReceiptResultRef = builder.unionType('ReverifyReceiptResult', {
  description: 'What a read-back of a recorded receive found, or that no receive has this key.',
  types: [...RECEIVE_RESULT_MEMBERS, ReceiptNotFoundErrorRef],
  resolveType: (outcome) => receiveResultTypeName(outcome),
});

builder.mutationField('reverifyReceipt', (t) =>
  t.field({
    type: ReverifyReceiptResultRef,
    description:
      'For operators: reads the packages of a recorded receive back again (the full ' +
      'verification window) and settles an unknown or pending receipt once they all appear. It ' +
      'never sends the receive again. A failed receipt answers its recorded refusal.',
    args: { idempotencyKey: t.arg.string({ required: true }) },
    authScopes: (_root, args, context) => receiptScopes(context, args.idempotencyKey),
    unauthorizedResolver: (_root, _args, context, _info, error) =>
      receiptNotAuthorized(context, error),
    resolve: (_root, args, context) => reverifyReceipt(args.idempotencyKey, context),
  }),
);
