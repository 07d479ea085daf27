import type { z } from 'zod';
import { receiveInventoryInputSchema, type ParsedReceiveInput } from './input-schema';
import type { ValidationError, ValidationIssue } from './results';

export type ParseInputResult =
  { ok: true; input: ParsedReceiveInput } | { ok: false; error: ValidationError };

/** Step 1: every problem of the input at once, each with its dotted field path. */
export function parseReceiveInput(raw: unknown): ParseInputResult {
  const parsed = receiveInventoryInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };

  return { ok: false, error: validationError(parsed.error.issues.map(toIssue)) };
}

export function validationError(issues: ValidationIssue[]): ValidationError {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const listed = issues.map((issue) => `${issue.path || '(input)'}: ${issue.message}`).join('; ');

  return {
    __typename: 'ValidationError',
    code: 'VALIDATION_FAILED',
    message: `The receive input has ${count}: ${listed}`,
    hint: 'Correct the fields named in issues and submit again; nothing was sent upstream.',
    issues,
  };
}

function toIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const path = issue.path.map(String).join('.');

  // zod's own wording for unknown keys names the key but not where; say both.
  if (issue.code === 'unrecognized_keys') {
    return { path, message: `unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}` };
  }

  return { path, message: issue.message };
}
