import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifest, parseManifestJson } from '../../src/manifest';
import type { ParseManifestResult } from '../../src/manifest';
import { HAS_REAL_MANIFEST, clone, fixtureDocument, realManifestText } from './support/fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mutation = { kind: 'remove' | 'null' | 'retype'; value: Json };

const documents = (): Json[] => [
  fixtureDocument('swallowtail-1.0.0.0'),
  fixtureDocument('wyld-2.0.0'),
  fixtureDocument('stiiizy-2.1.0'),
  ...(HAS_REAL_MANIFEST ? [JSON.parse(realManifestText()) as Json] : []),
];

/** Every container and leaf position in a document, as the keys walked to reach it. */
function positions(value: Json, here: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [here];

  const children = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);

  return [here, ...children.flatMap(([key, child]) => positions(child as Json, [...here, key]))];
}

/** Removes, nulls or replaces (with any JSON value) what sits at `path`. */
function mutate(document: Json, path: (string | number)[], mutation: Mutation): Json {
  if (path.length === 0) return mutation.kind === 'retype' ? mutation.value : null;

  const copy = clone(document);
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  const key = path[path.length - 1];

  if (mutation.kind === 'remove' && Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (mutation.kind === 'remove') delete parent[key];
  else parent[key] = mutation.kind === 'null' ? null : mutation.value;

  return copy;
}

function expectWellFormed(result: ParseManifestResult): void {
  if (result.ok) {
    expect(result.manifest.items.length).toBeGreaterThan(0);
    for (const item of result.manifest.items) expect(item.quantity.isPositive()).toBe(true);

    return;
  }

  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(problem.path).toMatch(/^\$/);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.code).not.toBe('INVALID');
  }
}

const mutation = fc.record({
  kind: fc.constantFrom('remove' as const, 'null' as const, 'retype' as const),
  value: fc.jsonValue() as fc.Arbitrary<Json>,
});

describe('the parser on any JSON', () => {
  it('never throws on manifests with fields removed, nulled or retyped, and refuses only with paths', () => {
    const docs = documents();

    fc.assert(
      fc.property(
        fc.nat({ max: docs.length - 1 }),
        // Shallow picks hit the header and item fields; deep ones the lab blocks inside them.
        fc.array(fc.tuple(fc.nat(), fc.boolean(), mutation), { minLength: 1, maxLength: 4 }),
        (which, steps) => {
          let document = docs[which];

          for (const [pick, shallow, step] of steps) {
            const all = positions(document);
            const paths = shallow ? all.filter((path) => path.length <= 3) : all;
            document = mutate(document, paths[pick % paths.length], step);
          }

          expectWellFormed(parseManifest(document));
        },
      ),
      { numRuns: 250 },
    );
  });

  it('refuses the fixtures once their quantities are retyped to text', () => {
    for (const document of documents()) {
      const broken = clone(document) as { inventory_transfer_items: { qty: Json }[] };
      for (const item of broken.inventory_transfer_items) item.qty = 'several';

      const result = parseManifest(broken);

      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems.every((problem) => problem.code === 'QUANTITY_NOT_NUMERIC')).toBe(
        true,
      );
      expect(result.problems).toHaveLength(broken.inventory_transfer_items.length);
    }
  });

  it('never throws on random JSON values or random text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectWellFormed(parseManifest(value))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => expectWellFormed(parseManifestJson(text))),
      { numRuns: 200 },
    );
  });

  it('never throws on random objects shaped like manifests', () => {
    const anyValue = fc.jsonValue();
    const item = fc.record(
      {
        inventory_id: anyValue,
        qty: fc.oneof(anyValue, fc.double(), fc.constantFrom('0', '-1', '1e400', ' 3 ')),
        line_price: anyValue,
        product_price: anyValue,
        is_sample: anyValue,
        lab_result_passed: anyValue,
        lab_result_data: fc.oneof(
          anyValue,
          fc.record({ potency: anyValue, lab_result_list: anyValue, Coa: anyValue }),
        ),
        product_name: anyValue,
        uom: anyValue,
      },
      { requiredKeys: [] },
    );
    const document = fc.record(
      {
        transfer_id: anyValue,
        document_schema_version: anyValue,
        inventory_transfer_items: fc.oneof(anyValue, fc.array(item)),
      },
      { requiredKeys: [] },
    );

    fc.assert(
      fc.property(document, (value) => expectWellFormed(parseManifest(value))),
      { numRuns: 400 },
    );
  });
});
