import { graphql, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  DecimalScalar,
  parseDecimalInput,
  serializeDecimal,
} from '../../src/schema/decimal-scalar';
import { Decimal } from '../../src/util/decimal';

/** A one-field schema that takes a Decimal and answers it back, doubled exactly. */
const echo = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      double: {
        type: DecimalScalar,
        args: { value: { type: DecimalScalar } },
        resolve: (_root, args: { value: InstanceType<typeof Decimal> }) => args.value.times(2),
      },
    },
  }),
});

describe('the Decimal scalar', () => {
  it('accepts a JSON string or number and answers an exact string', async () => {
    const asString = await graphql({
      schema: echo,
      source: 'query ($v: Decimal) { double(value: $v) }',
      variableValues: { v: '0.15' },
    });
    const asNumber = await graphql({
      schema: echo,
      source: 'query ($v: Decimal) { double(value: $v) }',
      variableValues: { v: 1.75 },
    });

    expect(asString).toEqual({ data: { double: '0.3' } });
    expect(asNumber).toEqual({ data: { double: '3.5' } });
  });

  it('accepts Int, Float and String literals', async () => {
    const result = await graphql({
      schema: echo,
      source: '{ a: double(value: 3) b: double(value: 0.05) c: double(value: "12.40") }',
    });

    expect(result).toEqual({ data: { a: '6', b: '0.1', c: '24.8' } });
  });

  it('keeps decimal arithmetic exact: 0.1 + 0.2 is 0.3, 3.5 stays 3.5', () => {
    const sum = parseDecimalInput('0.1').plus(parseDecimalInput(0.2));

    expect(serializeDecimal(sum)).toBe('0.3');
    expect(serializeDecimal(parseDecimalInput('3.50'))).toBe('3.5');
    expect(serializeDecimal(parseDecimalInput('1e3'))).toBe('1000');
    expect(serializeDecimal('120')).toBe('120');
  });

  it('refuses what is not a number, naming what arrived, with code BAD_USER_INPUT', async () => {
    const result = await graphql({
      schema: echo,
      source: 'query ($v: Decimal) { double(value: $v) }',
      variableValues: { v: '3,5' },
    });

    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toBe(
      'Variable "$v" got invalid value "3,5"; Decimal cannot represent "3,5": expected a number ' +
        'or a numeric string such as "3.5"',
    );
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    for (const bad of ['', 'abc', true, null, {}, Number.NaN]) {
      expect(() => parseDecimalInput(bad)).toThrow(/Decimal cannot represent/);
    }
  });

  it('refuses a literal of another kind', async () => {
    const result = await graphql({ schema: echo, source: '{ double(value: true) }' });

    expect(result.errors![0].message).toContain('Decimal cannot represent a BooleanValue literal');
  });
});
