import { z } from 'zod';
import {
  INVALID,
  describeValue,
  readDecimal,
  readFlag,
  readInt,
  readOptionalDate,
  readOptionalDecimal,
  readOptionalInt,
  readOptionalText,
  readText,
  type Read,
} from './values';

/**
 * zod wrappers over the readers in ./values, so the zod schemas and the hand-written catalog
 * loop apply exactly the same rules to a field. `.optional()` lets a missing key reach the
 * reader (zod 4 refuses an absent key before a transform otherwise); the reader decides.
 */
function field<T>(read: (value: unknown) => Read<T>, expected: string) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): T => {
      const out = read(value);

      if (out === INVALID) {
        ctx.issues.push({
          code: 'custom',
          message: `expected ${expected}, got ${describeValue(value)}`,
          input: value,
        });

        return z.NEVER;
      }

      return out;
    });
}

export const zInt = field(readInt, 'an integer');
export const zOptionalInt = field(readOptionalInt, 'an integer or nothing');
export const zFlag = field(readFlag, '"yes" or "no"');
export const zText = field(readText, 'text');
export const zOptionalText = field(readOptionalText, 'text or nothing');
export const zDecimal = field(readDecimal, 'a decimal');
export const zOptionalDecimal = field(readOptionalDecimal, 'a decimal or nothing');

/** Dates depend on the location's zone; one schema per zone, built once. */
const dateFields = new Map<string, ReturnType<typeof makeDateField>>();

function makeDateField(zone: string) {
  return field((value) => readOptionalDate(value, zone), 'a date or nothing');
}

export function zOptionalDate(zone: string) {
  let schema = dateFields.get(zone);

  if (!schema) {
    schema = makeDateField(zone);
    dateFields.set(zone, schema);
  }

  return schema;
}

/** The first few problems of a failed parse, as "path: problem" lines. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
      .join('');

    return `${path.replace(/^\./, '') || '(root)'}: ${issue.message}`;
  });
  const more = error.issues.length > limit ? ` (+${error.issues.length - limit} more)` : '';

  return lines.join('; ') + more;
}
