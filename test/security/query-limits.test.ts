import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';
import { GRAPHIQL_EXAMPLE_TABS } from '../../src/server/graphiql-examples';
import { estimateCost } from '../../src/server/query-limits-cost';
import { startSecureServer, type SecureServer } from './support/secure-server';

const DASHBOARD = readFileSync(new URL('../documents/dashboard.graphql', import.meta.url), 'utf8');

/** Inventory pages of 1000 inside every location: 20 × 1000 packages, each with its product. */
const MULTIPLIED = `{ locations { inventory(first: 1000) { edges { node { product { name } } } } } }`;

const limitOf = (json: any) => json.errors?.[0]?.extensions;

/** Fields nested `levels` deep (10 or 11), through pages of one package so the cost stays low. */
function nested(levels: 10 | 11): string {
  const tail = levels === 10 ? 'room { name }' : 'room { location { locId } }';

  return `{ location(locId: 1989) { inventory(first: 1) { edges { node { location {
    inventory(first: 1) { edges { node { ${tail} } } } } } } } } }`;
}

describe('query limits with the default knobs', () => {
  let s: SecureServer;

  beforeAll(async () => {
    s = await startSecureServer();
  });

  afterAll(() => s.close());

  it('runs the dashboard (18 locations, rooms, vendors, 50 packages each) within every limit', async () => {
    const { response, json } = await s.gql(DASHBOARD, { key: 'reader' });

    expect(response.status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.locations).toHaveLength(18);
    expect(estimateCost({ schema, document: parse(DASHBOARD) })).toBe(4081);
  });

  it('runs every operation of the GraphiQL example tabs within every limit', async () => {
    const operations = GRAPHIQL_EXAMPLE_TABS.flatMap((tab) =>
      parse(tab.query).definitions.flatMap((definition) =>
        definition.kind === 'OperationDefinition' && definition.name
          ? [{ tab, name: definition.name.value }]
          : [],
      ),
    );
    expect(operations.length).toBeGreaterThanOrEqual(5);

    for (const { tab, name } of operations) {
      const variables = tab.variables ? JSON.parse(tab.variables) : undefined;
      const { response, json } = await s.gql(tab.query, {
        key: 'operator',
        operationName: name,
        variables,
      });

      expect({ name, status: response.status, limit: limitOf(json)?.limit }).toEqual({
        name,
        status: 200,
        limit: undefined,
      });
    }
  });

  it('refuses connections multiplied inside lists by their estimated cost, before any upstream call', async () => {
    const mark = s.mark();

    const literal = await s.gql(MULTIPLIED, { key: 'reader' });
    const variable = await s.gql(
      `query ($n: Int) { locations { inventory(first: $n) { edges { node { product { name } } } } } }`,
      { key: 'reader', variables: { n: 1000 } },
    );

    expect(literal.response.status).toBe(400);
    expect(literal.json.errors).toEqual([
      {
        message:
          'Query cost limit of 5000 exceeded, estimated 40041: ask for smaller pages (first) or fewer nested lists.',
        extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxCost', max: 5000, cost: 40041 },
      },
    ]);
    expect(variable.response.status).toBe(400);
    expect(limitOf(variable.json)).toMatchObject({ limit: 'maxCost', cost: 40041 });
    expect(s.callsSince(mark)).toEqual({});
  });

  it('lets one location page 1000 packages (a mirror job), which a smaller default page would hide', async () => {
    const page = `{ location(locId: 1989) { inventory(first: 1000) { edges { node { packageId product { sku } } } } } }`;

    const { response } = await s.gql(page, { key: 'reader' });

    expect(response.status).toBe(200);
    expect(estimateCost({ schema, document: parse(page) })).toBe(2003);
  });

  it('refuses an operation nested 11 fields deep, and runs one of 10', async () => {
    const mark = s.mark();

    const deep = await s.gql(nested(11), { key: 'reader' });
    const ok = await s.gql(nested(10), { key: 'reader' });

    expect(deep.response.status).toBe(400);
    expect(limitOf(deep.json)).toEqual({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'maxDepth',
      max: 10,
    });
    expect(deep.json.errors[0].message).toBe('Query depth limit of 10 exceeded, found 11.');
    expect(ok.response.status).toBe(200);
    expect(ok.json.errors).toBeUndefined();
    expect(s.callsSince(mark)).not.toHaveProperty('posv3/maintenance/GetLspLocationsBackend');
  });

  it('refuses 16 aliases and runs 15', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `b${i}: upstreamBudget { queued }`).join(' ')} }`;

    const many = await s.gql(aliases(16), { key: 'reader' });
    const fine = await s.gql(aliases(15), { key: 'reader' });

    expect(many.response.status).toBe(400);
    expect(limitOf(many.json)).toEqual({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'maxAliases',
      max: 15,
    });
    expect(fine.response.status).toBe(200);
  });

  it('refuses a document of more than 2000 tokens while parsing', async () => {
    // 15 tokens around the list; each PENDING in it is one more.
    const tokens = (n: number) =>
      `{ receipts(status: [${'PENDING '.repeat(n - 15)}]) { edges { cursor } } }`;
    const strict = { accept: 'application/graphql-response+json' };

    const long = await s.gql(tokens(2001), { key: 'reader' });
    const longStrict = await s.gql(tokens(2001), { key: 'reader', headers: strict });
    const fine = await s.gql(tokens(2000), { key: 'reader' });

    expect(long.json.errors).toEqual([
      {
        message: 'Token limit of 2000 exceeded.',
        extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxTokens', max: 2000 },
      },
    ]);
    expect(long.json.data).toBeUndefined();
    // A document refused while parsing follows GraphQL over HTTP: 400 for the new media type,
    // 200 with the error for a client that accepts application/json.
    expect(longStrict.response.status).toBe(400);
    expect(fine.response.status).toBe(200);
    expect(fine.json.errors).toBeUndefined();
  });

  it('refuses more than 50 directives', async () => {
    const directives = (n: number) =>
      `{ upstreamBudget { queued ${'@include(if: true) '.repeat(n)}} }`;

    const many = await s.gql(directives(51), { key: 'reader' });
    const fine = await s.gql(directives(50), { key: 'reader' });

    expect(many.response.status).toBe(400);
    expect(limitOf(many.json)).toEqual({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'maxDirectives',
      max: 50,
    });
    expect(fine.response.status).toBe(200);
  });
});

describe('query limits from the GRAPHQL_MAX_* knobs', () => {
  let s: SecureServer;

  beforeAll(async () => {
    s = await startSecureServer({
      GRAPHQL_MAX_DEPTH: '5',
      GRAPHQL_MAX_ALIASES: '1',
      GRAPHQL_MAX_TOKENS: '40',
      GRAPHQL_MAX_DIRECTIVES: '1',
      GRAPHQL_MAX_COST: '100',
    });
  });

  afterAll(() => s.close());

  it('applies each configured maximum', async () => {
    const results = await Promise.all([
      s.gql('{ location(locId: 1989) { rooms { location { rooms { location { locId } } } } } }', {
        key: 'reader',
      }),
      s.gql('{ a: upstreamBudget { queued } b: upstreamBudget { queued } }', { key: 'reader' }),
      s.gql(`{ upstreamBudget { ${'queued '.repeat(40)}} }`, { key: 'reader' }),
      s.gql('{ upstreamBudget { queued @include(if: true) @skip(if: false) } }', { key: 'reader' }),
      s.gql('{ locations { rooms { location { locId } } } }', { key: 'reader' }),
    ]);

    expect(results.map(({ json }) => [limitOf(json)?.limit, limitOf(json)?.max])).toEqual([
      ['maxDepth', 5],
      ['maxAliases', 1],
      ['maxTokens', 40],
      ['maxDirectives', 1],
      ['maxCost', 100],
    ]);
  });
});

describe('estimateCost', () => {
  const cost = (query: string, variables?: Record<string, unknown>) =>
    estimateCost({ schema, document: parse(query), variables });

  it('counts a fragment where it is spread, and a connection page from first, last or the default', () => {
    const fragment = `fragment P on Package { product { name } room { name } }`;

    expect(cost(`{ package(locId: 1989, packageId: "x") { ...P } } ${fragment}`)).toBe(3);
    expect(
      cost(
        `{ location(locId: 1989) { inventory(last: 7) { edges { node { ...P } } } } } ${fragment}`,
      ),
    ).toBe(1 + 1 + 1 + 7 * 3);
    expect(
      cost(`{ location(locId: 1989) { inventory { nodes: edges { node { packageId } } } } }`),
    ).toBe(1 + 1 + 1 + 50 * 1);
    expect(
      cost(
        `query ($n: Int) { location(locId: 1989) { inventory(first: $n) { edges { node { packageId } } } } }`,
        { n: 3 },
      ),
    ).toBe(1 + 1 + 1 + 3 * 1);
  });

  it('stays finite on a fragment cycle, which validation then refuses', () => {
    const cyclic = `{ location(locId: 1989) { ...A } }
      fragment A on Location { rooms { location { ...B } } }
      fragment B on Location { rooms { location { ...A } } }`;

    expect(cost(cyclic)).toBe(1 + 1 + 10 * (1 + 1 + 10 * 1));
  });

  it('counts every branch of an abstract selection, so a union never lowers the estimate', () => {
    const receive = `mutation { receiveInventory(input: { idempotencyKey: "k", locId: 1989, vendorId: 1,
      roomId: 1, lines: [] }) { ... on ReceiveInventorySuccess { packages { product { name } } }
      ... on ReceiveInventoryPlan { lines { productName } } } }`;

    // The result, its packages (10 assumed) with a product each, and the plan's list of lines.
    expect(cost(receive)).toBe(1 + (1 + 10 * 1) + 1);
  });
});
