import type { z } from 'zod';
import type { ManifestProblem, ManifestProblemCode, ParseManifestResult } from './manifest-types';
import { buildManifest, manifestSchema } from './manifest-schema';

/**
 * Reads a WCIA Transfer Data Schema manifest (1.x to 2.1.0) from parsed JSON. Accepts what
 * real senders send and refuses only what cannot be received, listing every problem with its
 * path. Never throws: any JSON value gives either a manifest with warnings or problems.
 */
export function parseManifest(document: unknown): ParseManifestResult {
  const parsed = manifestSchema.safeParse(document);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(toProblem) };

  const { manifest, warnings } = buildManifest(parsed.data);

  return { ok: true, manifest, warnings };
}

/** The same from JSON text, as a file upload or a pasted document arrives. */
export function parseManifestJson(text: string): ParseManifestResult {
  let document: unknown;

  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);

    return {
      ok: false,
      problems: [{ code: 'NOT_JSON', path: '$', message: `the manifest is not JSON: ${reason}` }],
    };
  }

  return parseManifest(document);
}

function toProblem(issue: z.core.$ZodIssue): ManifestProblem {
  const problem =
    issue.code === 'custom' ? (issue.params?.problem as ManifestProblemCode) : undefined;

  return { code: problem ?? 'INVALID', path: formatPath(issue.path), message: issue.message };
}

/** `['inventory_transfer_items', 3, 'qty']` → `$.inventory_transfer_items[3].qty`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    '$',
  );
}
