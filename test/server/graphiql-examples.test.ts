import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLE_TABS } from '../../src/server/graphiql-examples';
import { schema } from '../../src/schema';

describe('GraphiQL example tabs', () => {
  it('opens with the cheap locations query', () => {
    expect(GRAPHIQL_EXAMPLE_TABS[0].query).toContain('query SandboxLocations');
  });

  for (const tab of GRAPHIQL_EXAMPLE_TABS) {
    const name = /(?:query|mutation) (\w+)/.exec(tab.query)?.[1];

    it(`${name} is valid against the schema`, () => {
      const errors = validate(schema, parse(tab.query)).map((error) => error.message);

      expect(errors).toEqual([]);
      if (tab.variables !== undefined) expect(() => JSON.parse(tab.variables!)).not.toThrow();
    });
  }
});
