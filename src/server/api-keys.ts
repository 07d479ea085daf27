import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fail, field, ok, parseJson } from './config-fields';

/**
 * One GraphQL API key as configured. Only the SHA-256 of the key is kept, so that the parsed
 * configuration can be logged or dumped without leaking a key. What the scopes and LocIds mean
 * is the access-control layer's business; here they are only checked for shape.
 */
export interface ApiKeyConfig {
  name: string;
  /** Lower-case hex SHA-256 of the key as the caller sends it. */
  sha256: string;
  scopes: readonly string[];
  /** The locations this key may touch; null for every location its scopes allow. */
  locIds: readonly number[] | null;
}

const MIN_KEY_LENGTH = 16;

const apiKeyEntry = z
  .strictObject({
    name: z.string().trim().min(1, 'a name is required'),
    key: z
      .string()
      .min(MIN_KEY_LENGTH, `a key needs at least ${MIN_KEY_LENGTH} characters`)
      .optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'sha256 must be 64 hexadecimal characters')
      .optional(),
    scopes: z.array(z.string().trim().min(1)).min(1, 'at least one scope is required'),
    locIds: z.array(z.number().int().positive()).min(1).optional(),
  })
  .refine((entry) => (entry.key === undefined) !== (entry.sha256 === undefined), {
    message: 'give exactly one of key or sha256',
  });

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export type ApiKeysParse = { ok: true; value: ApiKeyConfig[] } | { ok: false; problem: string };

/** Parses a JSON list of keys. No problem message ever contains a key or its hash. */
export function parseApiKeys(text: string): ApiKeysParse {
  const json = parseJson(text);
  if (!json.ok) return fail('not valid JSON (value hidden)');

  const parsed = z.array(apiKeyEntry).safeParse(json.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${formatPath(issue.path)}${issue.message}`,
    );

    return fail(problems.join('; '));
  }

  const keys = parsed.data.map((entry) => ({
    name: entry.name,
    sha256: entry.sha256?.toLowerCase() ?? sha256Hex(entry.key!),
    scopes: entry.scopes,
    locIds: entry.locIds ?? null,
  }));

  return ok(keys);
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '';

  const [index, ...rest] = path;

  return `entry ${String(index)}${rest.length > 0 ? `.${rest.join('.')}` : ''}: `;
}

/** Names of keys that appear more than once, and whether two names share one key. */
export function duplicateKeyProblems(keys: readonly ApiKeyConfig[]): string[] {
  const problems: string[] = [];
  const names = keys.map((key) => key.name);
  const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
  if (repeated.length > 0) problems.push(`key names repeat: ${repeated.join(', ')}`);

  const hashes = keys.map((key) => key.sha256);
  const shared = keys.filter((key, i) => hashes.indexOf(key.sha256) !== i).map((key) => key.name);
  if (shared.length > 0)
    problems.push(`these keys repeat an earlier key's value: ${shared.join(', ')}`);

  return problems;
}

export function apiKeysField() {
  return field<ApiKeyConfig[] | undefined>({ fallback: undefined, secret: true }, (text) =>
    parseApiKeys(text),
  );
}
