import { z } from 'zod';
import { formatDecimal, parseDecimal, type DecimalValue } from '../util/decimal';

/**
 * Field builders shared by the receive input schema. Each refuses hostile input with a message
 * that shows what arrived, so a caller can fix every line in one round.
 */

const MAX_ID = 2_147_483_647;

/** A positive upstream id; GraphQL `ID` values arrive as numeric strings, JSON as numbers. */
export function idField(what: string) {
  return z
    .union([z.number(), z.string().trim().max(12)], {
      error: (issue) => `${what} must be a positive integer id (got ${show(issue.input)})`,
    })
    .transform((value, ctx) => {
      const id = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;

      if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) {
        ctx.addIssue({
          code: 'custom',
          message: `${what} must be a positive integer id (got ${show(value)})`,
        });

        return z.NEVER;
      }

      return id;
    });
}

export interface DecimalBounds {
  what: string;
  /** Smallest allowed value; `exclusiveMin` makes it a strict bound. */
  min: string;
  exclusiveMin?: boolean;
  max: string;
  maxDecimalPlaces: number;
}

/**
 * An exact decimal from a JSON number or numeric string. Numbers go through decimal.js's
 * shortest round-trip form, so the JSON number 0.1 becomes exactly 0.1, never 0.1000000000000000055.
 */
export function decimalField(bounds: DecimalBounds) {
  const { what, max, maxDecimalPlaces } = bounds;
  const below = bounds.exclusiveMin ? 'greater than' : 'at least';

  return z
    .union([z.number(), z.string().max(40, { error: (issue) => tooLong(what, issue.input) })], {
      error: (issue) => `${what} must be an exact decimal (got ${show(issue.input)})`,
    })
    .transform((value, ctx): DecimalValue => {
      const parsed = parseDecimal(value);
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message });

        return z.NEVER;
      };

      if (!parsed) return fail(`${what} must be an exact decimal (got ${show(value)})`);

      const tooSmall = bounds.exclusiveMin ? parsed.lte(bounds.min) : parsed.lt(bounds.min);
      if (tooSmall) return fail(`${what} must be ${below} ${bounds.min} (got ${show(value)})`);
      if (parsed.gt(max)) return fail(`${what} must be at most ${max} (got ${show(value)})`);
      if (parsed.decimalPlaces() > maxDecimalPlaces) {
        return fail(
          `${what} has ${parsed.decimalPlaces()} decimal places; at most ${maxDecimalPlaces} (got ${formatDecimal(parsed)})`,
        );
      }

      return parsed;
    });
}

function tooLong(what: string, input: unknown): string {
  return `${what} must be an exact decimal of at most 40 characters (got ${show(input)})`;
}

/**
 * Optional free text: trimmed, bounded, no control characters; null and "" mean absent, so
 * that a GraphQL null and an omitted field hash to the same canonical input.
 */
export function optionalText(what: string, maxLength: number) {
  return z
    .string({ error: (issue) => `${what} must be text (got ${show(issue.input)})` })
    .trim()
    .max(maxLength, { error: `${what} must be at most ${maxLength} characters` })
    .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), {
      error: `${what} must not contain control characters`,
    })
    .nullish()
    .transform((text) => (text ? text : undefined));
}

/** A short identifier-like token: visible ASCII, no spaces (package labels, keys, SKUs). */
export function tokenField(what: string, maxLength: number) {
  return z
    .string({ error: (issue) => `${what} must be text (got ${show(issue.input)})` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(maxLength, { error: `${what} must be at most ${maxLength} characters` })
    .regex(/^[\x21-\x7e]*$/, { error: `${what} must be visible ASCII without spaces` });
}

/** What arrived, short enough for a message and never more than 40 characters of it. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';

  const text = typeof value === 'string' ? JSON.stringify(value) : safeJson(value);

  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}
