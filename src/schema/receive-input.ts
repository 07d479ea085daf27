import { RECEIVE_INPUT_LIMITS as L } from '../receive';
import { builder } from './builder';
import { ReceiveTypeEnum } from './receive-enums';

/**
 * The input of receiveInventory. GraphQL checks only shapes and types here; the rules (bounds,
 * decimal places, one of productId or sku, dates, lengths) are the receive engine's zod schema,
 * whose every problem comes back at once as the ValidationError member, each with its path.
 */

export const ReceiveLineInputRef = builder.inputType('ReceiveLineInput', {
  description: 'One package to receive. Name the product by productId or by sku, not both.',
  fields: (t) => ({
    productId: t.int({ description: "A ProductId of the location's LSP catalog." }),
    sku: t.string({
      description: 'A SKU of that catalog; refused when several products share it.',
    }),
    quantity: t.field({
      type: 'Decimal',
      required: true,
      description: `Greater than 0, at most ${L.maxQuantity}; whole for products sold by the unit.`,
    }),
    unitCost: t.field({ type: 'Decimal', required: true, description: 'Cost of one unit.' }),
    packageId: t.string({
      required: true,
      description: `The new package label (e.g. a 24-character Metrc tag), at most ${L.maxLabelLength} characters.`,
    }),
    unitId: t.int({
      description:
        "Omit to use the product's own unit (1 each, 3 grams). The upstream lists no units, " +
        'so an unknown one is only refused upstream (UpstreamSqlError).',
    }),
    batchName: t.string({ description: 'The batch or lot; sent as `lot`.' }),
    expirationDate: t.string({ description: 'YYYY-MM-DD.' }),
    roomId: t.int({ description: "This line's room, instead of the receive's roomId." }),
  }),
});

export const ReceiveInventoryInputRef = builder.inputType('ReceiveInventoryInput', {
  description:
    'A delivery to receive at one location. The idempotency key makes it happen at most once: ' +
    'the same key with the same input answers the first result, with other input a conflict.',
  fields: (t) => ({
    idempotencyKey: t.string({
      required: true,
      description:
        'Chosen by the caller, unique per delivery, e.g. "1989-swallowtail-INV-20261203-0417"; ' +
        `at most ${L.maxKeyLength} visible ASCII characters.`,
    }),
    locId: t.int({ required: true, description: 'A writable location (by default a sandbox).' }),
    vendorId: t.int({ required: true, description: 'A vendor of that location.' }),
    roomId: t.int({ required: true, description: 'An inventory room of that location.' }),
    lines: t.field({ type: [ReceiveLineInputRef], required: true }),
    receiveType: t.field({ type: ReceiveTypeEnum, defaultValue: 'PURCHASE' }),
    invoiceNumber: t.string({ description: "The vendor's invoice; sent as transactionId." }),
    title: t.string(),
    deliveredBy: t.string({ description: 'The driver or courier.' }),
    deliveredOn: t.field({
      type: 'DateTime',
      description: "When it arrived; default now. Sent in the location's time zone.",
    }),
    receivedBy: t.string({ description: 'Who took it in; kept in the receipt ledger.' }),
    note: t.string({ description: 'Sent as receiveNote.' }),
    dryRun: t.boolean({
      defaultValue: false,
      description: 'Check everything and answer the plan; send and record nothing.',
    }),
  }),
});
