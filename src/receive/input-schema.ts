import { z } from 'zod';
import type { DecimalValue } from '../util/decimal';
import { decimalField, idField, optionalText, show, tokenField } from './input-fields';

/**
 * Bounds that keep hostile input out before anything else runs. Package labels: Metrc tags are
 * 24 characters, other trackers' labels shorter; 64 leaves room without inviting abuse. The
 * quantity ceiling is 100 kg in grams, far beyond any single package a dispensary receives.
 */
export const RECEIVE_INPUT_LIMITS = {
  maxLines: 200,
  maxKeyLength: 128,
  maxLabelLength: 64,
  maxSkuLength: 64,
  maxQuantity: '100000',
  maxQuantityDecimalPlaces: 6,
  maxUnitCost: '1000000',
  maxCostDecimalPlaces: 4,
  maxShortText: 100,
  maxTitle: 200,
  maxNote: 2000,
} as const;

const L = RECEIVE_INPUT_LIMITS;

export const RECEIVE_TYPES = ['PURCHASE', 'TRANSFER', 'RETURN'] as const;
export type ReceiveType = (typeof RECEIVE_TYPES)[number];

const receiveLineSchema = z
  .strictObject({
    productId: idField('productId').optional(),
    sku: tokenField('sku', L.maxSkuLength).optional(),
    quantity: decimalField({
      what: 'quantity',
      min: '0',
      exclusiveMin: true,
      max: L.maxQuantity,
      maxDecimalPlaces: L.maxQuantityDecimalPlaces,
    }),
    unitCost: decimalField({
      what: 'unitCost',
      min: '0',
      max: L.maxUnitCost,
      maxDecimalPlaces: L.maxCostDecimalPlaces,
    }),
    packageId: tokenField('packageId (the package label)', L.maxLabelLength),
    unitId: idField('unitId').optional(),
    batchName: optionalText('batchName', L.maxShortText),
    expirationDate: z.iso
      .date({
        error: (issue) => `expirationDate must be a date YYYY-MM-DD (got ${show(issue.input)})`,
      })
      .optional(),
    roomId: idField('roomId').optional(),
  })
  .superRefine(
    (line, ctx) => {
      // One way to name the product: two that disagree would leave the upstream to pick.
      if (line.productId == null && line.sku == null) {
        ctx.addIssue({ code: 'custom', path: ['productId'], message: 'give productId or sku' });
      }
      if (line.productId != null && line.sku != null) {
        ctx.addIssue({
          code: 'custom',
          path: ['sku'],
          message: `give productId or sku, not both (got productId ${show(line.productId)} and sku ${show(line.sku)})`,
        });
      }
    },
    // Runs beside the field errors, so a line's problems all arrive in one round.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/**
 * The receive input, mirroring the GraphQL `ReceiveInventoryInput`. The mutation wiring plugs
 * this schema in (through @pothos/plugin-validation or by calling `parseReceiveInput`).
 */
export const receiveInventoryInputSchema = z.strictObject({
  idempotencyKey: tokenField('idempotencyKey', L.maxKeyLength),
  locId: idField('locId'),
  vendorId: idField('vendorId'),
  /** The destination room; a line's own roomId overrides it. */
  roomId: idField('roomId'),
  receiveType: z
    .enum(RECEIVE_TYPES, {
      error: (issue) =>
        `receiveType must be one of ${RECEIVE_TYPES.join(', ')} (got ${show(issue.input)})`,
    })
    .nullish()
    .transform((type): ReceiveType => type ?? 'PURCHASE'),
  invoiceNumber: optionalText('invoiceNumber', L.maxShortText),
  title: optionalText('title', L.maxTitle),
  deliveredBy: optionalText('deliveredBy', L.maxShortText),
  deliveredOn: z.iso
    .datetime({
      offset: true,
      error: (issue) =>
        `deliveredOn must be an ISO date-time with an offset, e.g. 2026-12-03T09:15:00-07:00 (got ${show(issue.input)})`,
    })
    .refine((text) => inYearRange(text), { error: 'deliveredOn must fall between 2000 and 2099' })
    .nullish()
    .transform((text) => text ?? undefined),
  receivedBy: optionalText('receivedBy', L.maxShortText),
  note: optionalText('note', L.maxNote),
  dryRun: z
    .boolean({ error: (issue) => `dryRun must be true or false (got ${show(issue.input)})` })
    .nullish()
    .transform((flag) => flag ?? false),
  lines: z
    .array(receiveLineSchema, { error: 'lines must be a list of receive lines' })
    .min(1, { error: 'lines must hold at least one line' })
    .max(L.maxLines, { error: `lines must hold at most ${L.maxLines} lines` }),
});

export type ReceiveInventoryInput = z.input<typeof receiveInventoryInputSchema>;

/**
 * A parsed line. `totalPackageCost` is never part of the input schema (nor of the GraphQL
 * input): only an internal caller sets it, through `ReceiveCallContext.lineTotals`, when it
 * holds an exact line total that quantity × unitCost would not reproduce (a manifest's
 * line_price with the unit cost rounded to four decimals).
 */
export type ParsedReceiveLine = z.output<typeof receiveLineSchema> & {
  totalPackageCost?: DecimalValue;
};
export type ParsedReceiveInput = Omit<z.output<typeof receiveInventoryInputSchema>, 'lines'> & {
  lines: ParsedReceiveLine[];
};

function inYearRange(text: string): boolean {
  const year = new Date(text).getUTCFullYear();

  return year >= 2000 && year <= 2099;
}
