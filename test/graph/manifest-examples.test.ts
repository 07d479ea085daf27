import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { parse, specifiedRules, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';
import {
  GRAPHIQL_EXAMPLE_TABS,
  MANIFEST_WALK_THROUGH,
  MANIFEST_WALK_THROUGH_VARIABLES,
} from '../../src/server/graphiql-examples';
import { fixtureDocument } from '../manifest/support/fixtures';
import { startManifestServer, type ManifestServer } from './support/manifest-server';

/** The server's default limits (GRAPHQL_MAX_DEPTH, _ALIASES, _COST), as graphql-armor applies them. */
const LIMITS = [
  maxDepthRule({ n: 10 }),
  maxAliasesRule({ n: 15 }),
  costLimitRule({ maxCost: 5000 }),
];

let graph: ManifestServer;

beforeAll(async () => {
  graph = await startManifestServer();
});

afterAll(async () => {
  await graph?.close();
});

function run(operationName: string, variables: Record<string, unknown>) {
  return graph.graphql(MANIFEST_WALK_THROUGH, variables, operationName);
}

describe('the GraphiQL manifest tab', () => {
  const variables = JSON.parse(MANIFEST_WALK_THROUGH_VARIABLES) as Record<string, unknown>;

  it('is the third tab, with the Stiiizy fixture as its variables, valid within the default limits', () => {
    expect(GRAPHIQL_EXAMPLE_TABS[2]).toEqual({
      query: MANIFEST_WALK_THROUGH,
      variables: MANIFEST_WALK_THROUGH_VARIABLES,
    });
    expect(variables).toEqual({ dryRun: true, manifest: fixtureDocument('stiiizy-2.1.0') });
    expect(validate(schema, parse(MANIFEST_WALK_THROUGH), [...specifiedRules, ...LIMITS])).toEqual(
      [],
    );
  });

  it('previews the delivery, plans it, receives it, and answers a second receive from the ledger', async () => {
    const preview = await run('PreviewManifest', variables);
    const plan = await run('ReceiveManifest', variables);
    const received = await run('ReceiveManifest', { ...variables, dryRun: false });
    const again = await run('ReceiveManifest', { ...variables, dryRun: false });

    expect(preview.body.data!.previewManifest.totals).toEqual({
      lineCount: 4,
      sampleCount: 1,
      resolvedCount: 4,
      totalPrice: '1233.25',
    });
    expect(plan.body.data!.receiveManifest.__typename).toBe('ReceiveInventoryPlan');
    expect(plan.body.data!.receiveManifest.lines).toHaveLength(3);
    expect(received.body.data!.receiveManifest).toMatchObject({
      __typename: 'ReceiveInventorySuccess',
      replayed: false,
    });
    expect(again.body.data!.receiveManifest).toMatchObject({
      __typename: 'ReceiveInventorySuccess',
      replayed: true,
      receiveHistoryId: received.body.data!.receiveManifest.receiveHistoryId,
    });
  });
});
