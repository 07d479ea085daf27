import type { ReceiptRecord } from '../receive';
import { receiptsPage, recordedLines, recordedVendorId } from '../resolvers/receipt-page';
import { builder } from './builder';
import { ReceiptStatusEnum, ReceiveTypeEnum } from './receive-enums';
import { ReceiveInventoryResultRef, receiveResultTypeName } from './receive-result';
import { LocationRef } from './refs';

const ReceiptRef = builder.objectRef<ReceiptRecord>('Receipt').implement({
  description:
    'One idempotency key in the receipt ledger: who received what, where and when, and how it ' +
    'ended. Written before the POST and settled after it.',
  authScopes: (receipt) => ({ locId: receipt.locId }),
  fields: (t) => ({
    idempotencyKey: t.exposeString('idempotencyKey'),
    actor: t.exposeString('actor', {
      nullable: true,
      description: "The API key's name that sent it; null in open access.",
    }),
    receivedBy: t.exposeString('receivedBy', { nullable: true }),
    receiveType: t.field({
      type: ReceiveTypeEnum,
      resolve: (receipt) => receipt.receiveType as (typeof ReceiveTypeEnum)['$inferType'],
    }),
    locId: t.exposeInt('locId'),
    location: t.field({
      type: LocationRef,
      nullable: true,
      resolve: (receipt, _args, context) => context.loaders.location.load(receipt.locId),
    }),
    vendorId: t.int({ nullable: true, resolve: (receipt) => recordedVendorId(receipt) }),
    packageIds: t.stringList({
      description: 'The package labels of its lines, in line order.',
      resolve: (receipt) => recordedLines(receipt).map((line) => String(line.packageId)),
    }),
    status: t.expose('status', { type: ReceiptStatusEnum }),
    outcome: t.string({
      nullable: true,
      description:
        'The result member it ended in, e.g. ReceiveInventorySuccess; null while pending.',
      resolve: (receipt) =>
        receipt.outcome ? receiveResultTypeName({ __typename: receipt.outcome }) : null,
    }),
    receiveHistoryId: t.exposeInt('receiveHistoryId', { nullable: true }),
    attempts: t.exposeInt('attempts', {
      description:
        'Receives POSTed for this key; above 1 only after a refusal proved nothing was written.',
    }),
    input: t.field({
      type: 'JSON',
      description:
        'The input as the ledger binds the key to it (canonical: decimals as strings, UTC times).',
      resolve: (receipt) => receipt.input,
    }),
    result: t.field({
      type: ReceiveInventoryResultRef,
      nullable: true,
      description: 'The recorded result; null while pending.',
      resolve: (receipt) => receipt.result,
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (receipt) => receipt.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (receipt) => receipt.updatedAt }),
  }),
});

const ReceiptConnectionRef = builder.connectionObject(
  {
    type: ReceiptRef,
    name: 'ReceiptConnection',
    description: 'Receipts newest first; read from the local ledger, no upstream call.',
  },
  { name: 'ReceiptEdge' },
);

builder.queryField('receipts', (t) =>
  t.field({
    type: ReceiptConnectionRef,
    description:
      'The receipt ledger as an audit trail, newest first. Filter by status, e.g. [PENDING, ' +
      'UNKNOWN] for receives an operator should reverify.',
    args: {
      locId: t.arg.int(),
      status: t.arg({ type: [ReceiptStatusEnum] }),
      first: t.arg.int({ defaultValue: 20, description: 'From 1 to 100.' }),
      after: t.arg.string({ description: 'The endCursor of the previous page.' }),
    },
    // A key limited to some LocIds lists only their receipts, and may not ask for another's.
    authScopes: (_root, args) => (args.locId == null ? true : { locId: args.locId }),
    resolve: (_root, args, context) =>
      receiptsPage({ ...args, locIds: context.principal?.locIds ?? null }, context),
  }),
);
