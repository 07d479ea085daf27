import type { InvalidLineChoice, ManifestProblem, UnresolvedLine } from '../manifest';
import { receiveManifest } from '../resolvers/manifest-receive';
import type {
  ManifestInvalidResult,
  ManifestSelectionError,
  ReceiveManifestOutcome,
} from '../resolvers/manifest-receive-results';
import { notAuthorizedMember } from './auth-receive';
import { builder } from './builder';
import { ManifestMatchStatusRef, ManifestProductCandidateRef } from './manifest-types';
import { ErrorRef } from './receive-error';
import { RECEIVE_RESULT_MEMBERS, receiveResultTypeName } from './receive-result';

const ManifestLineChoiceInputRef = builder.inputType('ManifestLineChoiceInput', {
  description: 'What to do with one manifest line: receive it as a product, or leave it out.',
  fields: (t) => ({
    index: t.int({
      required: true,
      description: "The line's index (previewManifest lines.index).",
    }),
    productId: t.int({
      description: "Receive the line as this product of the location's catalog (a sample too).",
    }),
    exclude: t.boolean({ description: 'Leave the line out of the receive.' }),
  }),
});

const ReceiveManifestInputRef = builder.inputType('ReceiveManifestInput', {
  description:
    'A WCIA transfer manifest to receive at one location. There is no idempotency key to choose: ' +
    "it is derived from the sender's license, the transfer id and the selected lines, so the " +
    'same selection sent again answers the first result and sends nothing.',
  fields: (t) => ({
    locId: t.int({ required: true, description: 'A writable location (by default a sandbox).' }),
    roomId: t.int({ required: true, description: 'An inventory room of that location.' }),
    manifest: t.field({
      type: 'JSON',
      required: true,
      description: 'The manifest document, or its JSON text.',
    }),
    vendorId: t.int({
      description:
        "A vendor of that location. Default: the preview's proposal (the vendor whose VendorCode is from_license_number, else the one of the sender's name); none or several is a VendorNotFoundError.",
    }),
    lineChoices: t.field({
      type: [ManifestLineChoiceInputRef],
      description: 'Products for AMBIGUOUS or UNRESOLVED lines, other products, and exclusions.',
    }),
    includeSamples: t.boolean({
      defaultValue: false,
      description: 'Receive the sample lines too (a line chosen by productId always is).',
    }),
    dryRun: t.boolean({
      defaultValue: false,
      description: 'Check everything and answer the plan; send and record nothing.',
    }),
    note: t.string({ description: 'Sent as receiveNote.' }),
    receivedBy: t.string({ description: 'Who took it in; kept in the receipt ledger.' }),
  }),
});

const ManifestProblemRef = builder.objectRef<ManifestProblem>('ManifestProblem').implement({
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Stable, e.g. NO_TRANSFER_ID or QUANTITY_NOT_NUMERIC.',
    }),
    path: t.exposeString('path', {
      description: 'JSONPath into the manifest, e.g. $.inventory_transfer_items[3].qty.',
    }),
    message: t.exposeString('message'),
  }),
});

const ManifestInvalidErrorRef = builder
  .objectRef<ManifestInvalidResult>('ManifestInvalidError')
  .implement({
    description:
      'The manifest cannot be received at all (previewManifest raises the same problems as ' +
      'MANIFEST_INVALID). Nothing was read or sent upstream.',
    interfaces: [ErrorRef],
    fields: (t) => ({
      problems: t.field({ type: [ManifestProblemRef], resolve: (error) => error.problems }),
    }),
  });

type UnresolvedSource = UnresolvedLine & { lspId: number };

const ManifestUnresolvedLineRef = builder
  .objectRef<UnresolvedSource>('ManifestUnresolvedLine')
  .implement({
    fields: (t) => ({
      index: t.exposeInt('index'),
      status: t.field({ type: ManifestMatchStatusRef, resolve: (line) => line.status }),
      productName: t.exposeString('productName', { nullable: true }),
      candidates: t.field({
        type: [ManifestProductCandidateRef],
        resolve: (line) =>
          line.candidates.map((candidate) => ({ ...candidate, lspId: line.lspId })),
      }),
    }),
  });

const ManifestChoiceProblemEnum = builder.enumType('ManifestChoiceProblem', {
  values: {
    UNKNOWN_INDEX: { value: 'UNKNOWN_INDEX', description: 'No manifest line has this index.' },
    PRODUCT_NOT_IN_CATALOG: {
      value: 'PRODUCT_NOT_IN_CATALOG',
      description: "The product is not in the location's LSP catalog.",
    },
    DUPLICATE_CHOICE: { value: 'DUPLICATE_CHOICE', description: 'The line is chosen twice.' },
    CONFLICTING_CHOICE: {
      value: 'CONFLICTING_CHOICE',
      description: 'The line is both excluded and given a product.',
    },
  } as const,
});

const ManifestInvalidChoiceRef = builder
  .objectRef<InvalidLineChoice>('ManifestInvalidChoice')
  .implement({
    fields: (t) => ({
      index: t.exposeInt('index'),
      productId: t.exposeInt('productId', { nullable: true }),
      reason: t.field({ type: ManifestChoiceProblemEnum, resolve: (choice) => choice.reason }),
      message: t.exposeString('message'),
    }),
  });

const ManifestSelectionErrorRef = builder
  .objectRef<ManifestSelectionError>('ManifestSelectionError')
  .implement({
    description:
      'The lines cannot be received as chosen: lines still without a product (choose one or ' +
      'exclude them), lines without a price, choices that name no line or a foreign product, ' +
      'or nothing selected at all. Every offender is listed; nothing was sent upstream.',
    interfaces: [ErrorRef],
    fields: (t) => ({
      unresolvedLines: t.field({
        type: [ManifestUnresolvedLineRef],
        resolve: (error) => error.unresolvedLines.map((line) => ({ ...line, lspId: error.lspId })),
      }),
      unpricedLines: t.exposeIntList('unpricedLines'),
      invalidChoices: t.field({
        type: [ManifestInvalidChoiceRef],
        resolve: (error) => error.invalidChoices,
      }),
      nothingSelected: t.exposeBoolean('nothingSelected'),
    }),
  });

const ReceiveManifestResultRef = builder.unionType('ReceiveManifestResult', {
  description:
    "receiveInventory's outcomes, plus the two refusals only a manifest has. In its errors, " +
    '`lines.N` names manifest line N (the index previewManifest shows).',
  types: [...RECEIVE_RESULT_MEMBERS, ManifestInvalidErrorRef, ManifestSelectionErrorRef],
  resolveType: (outcome: ReceiveManifestOutcome) => receiveResultTypeName(outcome),
});

builder.mutationField('receiveManifest', (t) =>
  t.field({
    type: ReceiveManifestResultRef,
    description:
      'Receives a WCIA transfer manifest as receiveInventory receives a delivery: the manifest ' +
      'is matched against the location (as previewManifest shows it), the lines selected ' +
      '(samples only with includeSamples), then validated, preflighted, sent once with each ' +
      "line_price as the package's total cost, and read back. Lines still AMBIGUOUS or " +
      'UNRESOLVED refuse the whole receive unless given a product or excluded.',
    args: { input: t.arg({ type: ReceiveManifestInputRef, required: true }) },
    // Checked before the manifest is matched: the match reads the location's vendors and catalog.
    authScopes: (_root, args) => ({ locId: args.input.locId }),
    unauthorizedResolver: (_root, args, context, _info, error) =>
      notAuthorizedMember(context, args.input.locId, error),
    resolve: (_root, args, context) => receiveManifest(args.input, context),
  }),
);
