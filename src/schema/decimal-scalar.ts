import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphError } from '../resolvers/graph-error';
import {
  Decimal,
  formatDecimal,
  MAX_DECIMAL_DIGITS,
  parseDecimal,
  readDecimal,
  type DecimalValue,
} from '../util/decimal';

const EXAMPLE = 'a number or a numeric string such as "3.5"';

/**
 * Exact decimals for quantities and costs. Input may be a JSON number (3.5) or string ("3.5"),
 * a GraphQL Int, Float or String literal; output is always a string ("3.5", "0.3"), so no
 * client rounds it through a float on the way out.
 */
export const DecimalScalar = new GraphQLScalarType<DecimalValue, string>({
  name: 'Decimal',
  description:
    'An exact decimal number, e.g. a quantity of 3.5 g or a unit cost of 12.40. Accepts a JSON ' +
    'number or numeric string; always answered as a string without exponent or trailing zeros.',
  serialize: serializeDecimal,
  parseValue: parseDecimalInput,
  parseLiteral: (ast) => parseDecimalLiteral(ast),
});

export function serializeDecimal(value: unknown): string {
  if (Decimal.isDecimal(value)) return formatDecimal(value as DecimalValue);

  const parsed = parseDecimal(value);
  if (parsed === null) {
    throw new GraphError('INTERNAL_SERVER_ERROR', `Decimal cannot serialize ${describe(value)}`);
  }

  return formatDecimal(parsed);
}

export function parseDecimalInput(value: unknown): DecimalValue {
  const reading = readDecimal(value);
  if (reading.ok) return reading.value;

  throw reading.reason === 'out-of-range' ? outOfRange(value) : invalidDecimal(value);
}

function parseDecimalLiteral(ast: ValueNode): DecimalValue {
  const literal = ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT;
  if (!literal) throw invalidDecimal(`a ${ast.kind} literal`);

  return parseDecimalInput(ast.value);
}

function invalidDecimal(value: unknown): GraphError {
  return new GraphError(
    'BAD_USER_INPUT',
    `Decimal cannot represent ${describe(value)}: expected ${EXAMPLE}`,
    {
      hint: 'Send quantities and costs as numbers or numeric strings, e.g. 3.5 or "3.5".',
    },
  );
}

function outOfRange(value: unknown): GraphError {
  return new GraphError(
    'BAD_USER_INPUT',
    `Decimal cannot represent ${describe(value)}: more than ${MAX_DECIMAL_DIGITS} digits before or after the decimal point`,
    { hint: 'Quantities and costs are ordinary numbers such as 3.5 or "12.40".' },
  );
}

function describe(value: unknown): string {
  if (typeof value === 'string' && value.startsWith('a ')) return value;
  // JSON.stringify writes Infinity and NaN as null, which is not what arrived.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);

  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
