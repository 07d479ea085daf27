import fc from 'fast-check';
import { isUnionType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AZ_SANDBOX_ROOMS, SANDBOX_LOC_IDS } from '../../src/sandbox';
import { sandboxSchema } from '../../src/schema';
import { clone, fixtureDocument, type FixtureName } from '../manifest/support/fixtures';
import {
  manifestDocument,
  startManifestServer,
  type GraphAnswer,
  type ManifestServer,
} from './support/manifest-server';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const PREVIEW = manifestDocument('manifest-preview');
const RECEIVE = manifestDocument('manifest-receive');
const FIXTURES: FixtureName[] = ['stiiizy-2.1.0', 'wyld-2.0.0', 'swallowtail-1.0.0.0'];
const RUNS = 40;

const resultUnion = sandboxSchema.getType('ReceiveManifestResult');
const MEMBERS = isUnionType(resultUnion) ? resultUnion.getTypes().map((type) => type.name) : [];

/** Every place in a document a mutation can hit: the document, each container, each leaf. */
function places(value: Json, here: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [here];

  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);

  return [here, ...children.flatMap(([key, child]) => places(child, [...here, key]))];
}

type Change = { kind: 'remove' } | { kind: 'null' } | { kind: 'retype'; value: Json };

function applyChange(document: Json, path: Path, change: Change): Json {
  if (path.length === 0) return change.kind === 'retype' ? change.value : null;

  const copy = clone(document);
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  const key = path[path.length - 1];

  if (change.kind === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    parent[key] = change.kind === 'null' ? null : change.value;
  }

  return copy;
}

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.constant<Change>({ kind: 'remove' }),
  fc.constant<Change>({ kind: 'null' }),
  fc
    .oneof(
      fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
      fc.constantFrom<Json>('', '0', '-1', 'abc', 1e308, -0.5, 0, true, [], {}, '1e999'),
    )
    .map((value): Change => ({ kind: 'retype', value })),
);

/** One to three changes, each at a place of the document as changed so far. */
const mutatedManifestArb: fc.Arbitrary<Json> = fc
  .tuple(
    fc.constantFrom(...FIXTURES),
    fc.array(fc.tuple(fc.nat(), changeArb), { minLength: 1, maxLength: 3 }),
  )
  .map(([name, changes]) =>
    changes.reduce<Json>(
      (document, [pick, change]) => {
        const all = places(document);

        return applyChange(document, all[pick % all.length], change);
      },
      fixtureDocument(name) as Json,
    ),
  );

/** A null document breaks the argument's JSON! type: GraphQL refuses the variable itself. */
function expectNullRefused(body: GraphAnswer['body']): void {
  expect(body.data).toBeUndefined();
  expect(body.errors!.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
  expect(body.errors![0].message).toMatch(/^Variable "\$(manifest|input)".* "JSON!" .*null/);
}

let graph: ManifestServer;

beforeAll(async () => {
  graph = await startManifestServer();
});

afterAll(async () => {
  await graph?.close();
});

describe('mutated manifests over HTTP (fast-check)', () => {
  it('previewManifest answers a preview or MANIFEST_INVALID, never a 5xx or an untyped error', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedManifestArb, async (manifest) => {
        const { status, body } = await graph.graphql(PREVIEW, {
          locId: SANDBOX_LOC_IDS.az,
          manifest,
        });

        expect(status).toBeLessThan(500);
        if (manifest === null) return expectNullRefused(body);
        if (body.errors) {
          expect(body.data).toBeNull();
          for (const error of body.errors) {
            expect(error.extensions.code).toBe('MANIFEST_INVALID');
            expect(error.extensions.problems.length).toBeGreaterThan(0);
          }
        } else {
          const items = (manifest as { inventory_transfer_items: unknown[] })
            .inventory_transfer_items;
          expect(body.data!.previewManifest.lines).toHaveLength(items.length);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('receiveManifest (dryRun) answers a member of its union, never a 5xx or a GraphQL error', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedManifestArb, async (manifest) => {
        const { status, body } = await graph.graphql(RECEIVE, {
          input: {
            locId: SANDBOX_LOC_IDS.az,
            roomId: AZ_SANDBOX_ROOMS.vault,
            manifest,
            dryRun: true,
          },
        });

        expect(status).toBeLessThan(500);
        if (manifest === null) return expectNullRefused(body);
        expect(body.errors).toBeUndefined();
        const result = body.data!.receiveManifest;
        expect(MEMBERS).toContain(result.__typename);
        if (result.__typename !== 'ReceiveInventoryPlan') {
          expect(result.code).toMatch(/^[A-Z_]+$/);
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('sends no receive upstream for any of them', () => {
    expect(graph.server.sandbox!.requests.count('v2/inventory/receive')).toBe(0);
    expect(MEMBERS).toContain('ManifestSelectionError');
  });
});
