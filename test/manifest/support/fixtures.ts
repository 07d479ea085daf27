import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifest } from '../../../src/manifest';
import type { ParsedManifest, ManifestWarning } from '../../../src/manifest';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');

export type FixtureName = 'swallowtail-1.0.0.0' | 'wyld-2.0.0' | 'stiiizy-2.1.0';

/** One of the project's own manifests under test/fixtures/manifests, as parsed JSON. */
export function fixtureDocument(name: FixtureName): Record<string, any> {
  const path = resolve(repoRoot, 'test/fixtures/manifests', `${name}.json`);

  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
}

/** A fixture parsed; fails the test if it does not parse. */
export function parsedFixture(name: FixtureName): {
  manifest: ParsedManifest;
  warnings: ManifestWarning[];
} {
  const result = parseManifest(fixtureDocument(name));
  if (!result.ok)
    throw new Error(`fixture ${name} does not parse: ${JSON.stringify(result.problems)}`);

  return result;
}

/**
 * The real Cultivera manifest lives in shared/ beside the repository (it carries no license,
 * so it is never copied in). CI lays shared/ next to its clone the same way.
 */
export const REAL_MANIFEST_PATH = resolve(
  repoRoot,
  '../shared/data/wcia/QGT_FreddysFuego_ORD-20636_transfer.json',
);
export const HAS_REAL_MANIFEST = existsSync(REAL_MANIFEST_PATH);
export const REAL_MANIFEST_SKIP_REASON = `the real manifest is not at ${REAL_MANIFEST_PATH} (shared/ is absent); skipping`;

export function realManifestText(): string {
  return readFileSync(REAL_MANIFEST_PATH, 'utf8');
}

/** A deep copy, for tests that change a document. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
