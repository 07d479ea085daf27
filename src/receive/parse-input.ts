import type { z } from 'zod';
import { receiveInventoryInputSchema, type ParsedReceiveInput } from './input-schema';
import type { ValidationError, ValidationIssue } from './results';

const MAX_LISTED = 20;

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
  // The message stays readable for a hostile input; `issues` always holds every problem.
  const shown = issues
    .slice(0, MAX_LISTED)
    .map((issue) => `${issue.path || '(input)'}: ${issue.message}`);
  const more = issues.length > MAX_LISTED ? `; and ${issues.length - MAX_LISTED} more` : '';
  const listed = shown.join('; ') + more;

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
