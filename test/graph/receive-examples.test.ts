import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { Kind, parse, specifiedRules, validate, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AZ_SANDBOX_ROOMS, AZ_VENDORS, KNOWN_PRODUCTS } from '../../src/sandbox';
import { schema } from '../../src/schema/index';
import {
  CLASSIC_FAILURES,
  GRAPHIQL_EXAMPLE_TABS,
  INTAKE_WALK_THROUGH,
  MANIFEST_WALK_THROUGH,
} from '../../src/server/graphiql-examples';
import { startReceiveGraph, type ReceiveGraph } from './support/receive-harness';

const RECEIVE = 'v2/inventory/receive';

/** The server's default limits (GRAPHQL_MAX_DEPTH, _ALIASES, _COST), as graphql-armor applies them. */
const LIMITS = [
  maxDepthRule({ n: 10 }),
  maxAliasesRule({ n: 15 }),
  costLimitRule({ maxCost: 5000 }),
];

const walkThrough = parse(INTAKE_WALK_THROUGH);
const failures = parse(CLASSIC_FAILURES);

function operationNames(document: DocumentNode): string[] {
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition.name!.value] : [],
  );
}

describe('the GraphiQL examples', () => {
  it('are the two intake tabs (the manifest tab follows), and each parses and validates against the schema within the default limits', () => {
    expect(GRAPHIQL_EXAMPLE_TABS.map((tab) => tab.query)).toEqual([
      INTAKE_WALK_THROUGH,
      CLASSIC_FAILURES,
      MANIFEST_WALK_THROUGH,
    ]);
    expect(INTAKE_WALK_THROUGH.split('\n')[0]).toBe(
      '# Intake walk-through: receive a delivery into the AZ sandbox.',
    );
    expect(CLASSIC_FAILURES.split('\n')[0]).toMatch(/^# Classic failures/);
    expect(operationNames(walkThrough)).toEqual([
      'SandboxLocations',
      'IntakePrerequisites',
      'ReceiveDelivery',
      'PackagesBack',
    ]);
    expect(operationNames(failures)).toEqual(['OrphanRisk', 'EmptyReadAvoided', 'UnknownUnit']);

    for (const document of [walkThrough, failures]) {
      expect(validate(schema, document, [...specifiedRules, ...LIMITS])).toEqual([]);
    }
    // The depth rule is live, and the walk-through's deepest operation nests 7 levels.
    expect(() => validate(schema, walkThrough, [maxDepthRule({ n: 6 })])).toThrow(
      'Query depth limit of 6 exceeded, found 7.',
    );
  });
});

describe('the GraphiQL examples over the sandbox', () => {
  let g: ReceiveGraph;

  beforeAll(async () => {
    g = await startReceiveGraph();
  });

  afterAll(() => g.close());

  const run = (document: DocumentNode, operationName: string, variables?: object) =>
    g.run(document as never, variables as never, { operationName }) as Promise<{
      data?: Record<string, any>;
      errors?: unknown[];
      extensions?: { cost?: { upstreamCalls: number } };
    }>;

  it('the walk-through finds 1989, its ids, plans and receives the delivery, and reads it back, cheaply', async () => {
    const sandboxes = await run(walkThrough, 'SandboxLocations');
    expect(
      sandboxes.data!.locations.map((l: any) => [l.locId, l.companyType, l.canReceive]),
    ).toEqual([
      [1989, 'Dispensary', true],
      [2862, 'Manufacturing', false],
      [2869, 'Dispensary', true],
    ]);
    // A login, the location list and three room lists.
    expect(sandboxes.extensions!.cost!.upstreamCalls).toBe(5);

    const prerequisites = await run(walkThrough, 'IntakePrerequisites');
    const location = prerequisites.data!.location;
    const productIds = ['swallowtail', 'wyld', 'stiiizy'].flatMap((brand) =>
      location[brand].edges.map((edge: any) => edge.node.productId),
    );
    // Every id the receive below hard-codes is one this query shows.
    expect(location.rooms).toContainEqual({
      roomId: AZ_SANDBOX_ROOMS.vault,
      name: 'Vault',
      isInventoryRoom: true,
    });
    expect(location.rooms).toContainEqual(
      expect.objectContaining({ roomId: AZ_SANDBOX_ROOMS.backStock, isInventoryRoom: true }),
    );
    for (const vendor of [AZ_VENDORS.swallowtail, AZ_VENDORS.wyld, AZ_VENDORS.stiiizy]) {
      expect(location.vendors).toContainEqual({
        vendorId: vendor.vendorId,
        name: vendor.name,
        code: vendor.code,
      });
    }
    expect(productIds).toEqual(
      expect.arrayContaining(
        [
          KNOWN_PRODUCTS.swallowtailBlueDream,
          KNOWN_PRODUCTS.swallowtailGelato,
          KNOWN_PRODUCTS.wyldRaspberry,
          KNOWN_PRODUCTS.stiiizyOgKush,
          KNOWN_PRODUCTS.stiiizyBlueDream,
        ].map((product) => product.productId),
      ),
    );
    // Rooms are cached; the vendors and the catalog are one call each.
    expect(prerequisites.extensions!.cost!.upstreamCalls).toBe(2);

    const mark = g.mark();
    const plan = await run(walkThrough, 'ReceiveDelivery', { dryRun: true });
    expect(['flower', 'gummies', 'pods'].map((alias) => plan.data![alias].__typename)).toEqual([
      'ReceiveInventoryPlan',
      'ReceiveInventoryPlan',
      'ReceiveInventoryPlan',
    ]);
    expect(g.callsSince(mark)[RECEIVE]).toBeUndefined();
    // One fresh label check per receive; everything else is cached.
    expect(plan.extensions!.cost!.upstreamCalls).toBe(3);

    const received = await run(walkThrough, 'ReceiveDelivery', { dryRun: false });
    const answers = ['flower', 'gummies', 'pods'].map((alias) => received.data![alias]);
    expect(received.errors).toBeUndefined();
    expect(answers.map((answer) => [answer.__typename, answer.replayed])).toEqual([
      ['ReceiveInventorySuccess', false],
      ['ReceiveInventorySuccess', false],
      ['ReceiveInventorySuccess', false],
    ]);
    expect(answers[0].packages.map((p: any) => [p.quantity, p.unit, p.room.name])).toEqual([
      ['448.5', 'g', 'Vault'],
      ['226.8', 'g', 'Vault'],
    ]);
    expect(g.callsSince(mark)[RECEIVE]).toBe(3);
    // Per receive: the label check, the POST and one read-back.
    expect(received.extensions!.cost!.upstreamCalls).toBe(9);

    const back = await run(walkThrough, 'PackagesBack');
    expect(Object.values(back.data!).map((p: any) => [p?.packageId, p?.quantity])).toEqual([
      ['1A4FF0300000E2D000001001', '448.5'],
      ['1A4FF0300000E2D000001002', '226.8'],
      ['1A4FF0300000E2D000002001', '48'],
      ['1A4FF0300000E2D000003001', '40'],
      ['1A4FF0300000E2D000003002', '24'],
    ]);
    expect(back.extensions!.cost!.upstreamCalls).toBe(1);

    const again = await run(walkThrough, 'ReceiveDelivery', { dryRun: false });
    expect(['flower', 'gummies', 'pods'].map((alias) => again.data![alias].replayed)).toEqual([
      true,
      true,
      true,
    ]);
    expect(again.extensions!.cost!.upstreamCalls).toBe(0);
  });

  it('the classic failures answer OrphanRiskError, 2869 read with its own LspId, and UpstreamSqlError naming the unit table', async () => {
    const orphan = await run(failures, 'OrphanRisk');
    expect(orphan.data!.receiveInventory).toMatchObject({
      __typename: 'OrphanRiskError',
      code: 'ORPHAN_RISK',
      roomProblems: [{ roomId: null, reason: 'NO_ROOMS' }],
    });

    const reads = await run(failures, 'EmptyReadAvoided');
    expect(reads.data!.ohio).toMatchObject({ locId: 2869, lspId: 901 });
    expect(reads.data!.ohio.inventory.totalCount).toBeGreaterThan(0);
    const inventoryRead = g.sandbox.requests
      .all()
      .filter((r) => r.endpoint === 'v2/inventory/get-inventory')
      .at(-1)!.body as { LocId: number; LspId: number };
    expect([inventoryRead.LocId, inventoryRead.LspId]).toEqual([2869, 901]);
    expect(reads.data!.arizona.map((l: any) => l.state)).toEqual(Array(9).fill('AZ'));
    expect(reads.data!.arizona.map((l: any) => l.locId)).toContain(1989);

    const mark = g.mark();
    const unit = await run(failures, 'UnknownUnit');
    expect(unit.data!.receiveInventory).toMatchObject({
      __typename: 'UpstreamSqlError',
      code: 'UPSTREAM_SQL_ERROR',
      classification: 'MISSING_REFERENCE',
      subject: 'dbo.Unit',
      hint: expect.stringContaining('omit unitId'),
    });
    expect(g.callsSince(mark)[RECEIVE]).toBe(1);
  });
});
