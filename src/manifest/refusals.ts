import { z } from 'zod';
import type { DecimalValue } from '../util/decimal';
import type { ManifestProblemCode } from './manifest-types';
import { isRecord, lowerKeys } from './lower-keys';
import { read, show, type Read } from './read-result';
import { parseLooseDecimal } from './tolerant-decimal';
import { readId } from './tolerant-text';

/**
 * The zod leaves that can refuse a manifest: only what a receive cannot do without. Each
 * refusal is a custom issue whose `params.problem` carries its stable code, so the parser can
 * list every problem with its path in one pass (zod keeps going past a failed key).
 */
type RefinementContext = z.core.$RefinementCtx;

export function refuse(ctx: RefinementContext, problem: ManifestProblemCode, message: string) {
  ctx.addIssue({ code: 'custom', message, params: { problem } });
}

/** An object whose keys are read lower-cased, then checked against `shape`. */
export function recordOf<Shape extends z.ZodRawShape>(
  shape: Shape,
  problem: ManifestProblemCode,
  what: string,
) {
  const asRecord = z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      if (isRecord(value)) return lowerKeys(value);

      refuse(ctx, problem, `${what} must be an object (got ${show(value)})`);

      return z.NEVER;
    });

  return asRecord.pipe(z.object(shape));
}

/** A non-empty JSON array whose every element goes through `item`. */
export function nonEmptyListOf<Item extends z.ZodType>(item: Item, field: string) {
  const asList = z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      if (Array.isArray(value) && value.length > 0) return value as unknown[];

      const why = Array.isArray(value)
        ? 'is empty'
        : `must be a list of items (got ${show(value)})`;
      refuse(ctx, 'NO_ITEMS', `${field} ${why}: there is nothing to receive`);

      return z.NEVER;
    });

  return asList.pipe(z.array(item));
}

/** A non-empty id, as text or a JSON number. */
export function requiredId(field: string, problem: ManifestProblemCode) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): Read<string> => {
      const id = readId(value);
      if (id.value !== null) return read(id.value, ...id.notes);

      refuse(ctx, problem, `${field} is missing or empty (got ${show(value)})`);

      return z.NEVER;
    });
}

/** `qty`: numeric (JSON number or numeric text) and above 0. */
export const quantitySchema = z
  .unknown()
  .optional()
  .transform((value, ctx): Read<DecimalValue> => {
    const quantity = parseLooseDecimal(value);

    if (quantity === null) {
      refuse(ctx, 'QUANTITY_NOT_NUMERIC', `qty must be a number above 0 (got ${show(value)})`);

      return z.NEVER;
    }

    if (quantity.lte(0)) {
      refuse(ctx, 'QUANTITY_NOT_POSITIVE', `qty must be above 0 (got ${show(value)})`);

      return z.NEVER;
    }

    return read(quantity);
  });

/**
 * A price: null when absent (the spec expects one, senders omit it), refused when it is text
 * that is not a number or when it is negative. 0 is a free vendor sample.
 */
export function priceSchema(field: string) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): Read<DecimalValue | null> => {
      if (value === undefined || value === null || value === '') return read(null);

      const price = parseLooseDecimal(value);

      if (price === null) {
        refuse(ctx, 'PRICE_NOT_NUMERIC', `${field} must be a number (got ${show(value)})`);

        return z.NEVER;
      }

      if (price.isNegative() && !price.isZero()) {
        refuse(ctx, 'PRICE_NEGATIVE', `${field} must not be negative (got ${show(value)})`);

        return z.NEVER;
      }

      return read(price);
    });
}
