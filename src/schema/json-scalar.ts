import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** Arbitrary JSON, passed through as is: manifest documents and their parts. */
export const JsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value, passed through unchanged (e.g. a WCIA transfer manifest).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
