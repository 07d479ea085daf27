import { GraphQLScalarType, Kind } from 'graphql';
import { GraphError } from '../resolvers/graph-error';

/** ISO 8601 with a UTC offset, as the client produces (2026-12-03T09:15:00-07:00). */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A moment in time as ISO 8601 with an offset. Upstream dates arrive without one; the client
 * attaches the location's offset, and this scalar refuses anything that still lacks it, because
 * an offset-less time means a different moment in each reader's zone.
 */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'ISO 8601 date and time with a UTC offset, e.g. 2026-12-03T09:15:00-07:00.',
  serialize: serializeDateTime,
  parseValue: parseDateTime,
  parseLiteral: (ast) =>
    parseDateTime(ast.kind === Kind.STRING ? ast.value : `a ${ast.kind} literal`),
});

export function serializeDateTime(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  if (typeof value === 'string' && isDateTime(value)) return value;

  throw new GraphError(
    'INTERNAL_SERVER_ERROR',
    `DateTime cannot serialize ${JSON.stringify(value)}`,
  );
}

export function parseDateTime(value: unknown): string {
  if (typeof value === 'string' && isDateTime(value)) return value;

  throw new GraphError(
    'BAD_USER_INPUT',
    `DateTime cannot represent ${JSON.stringify(value)}: expected ISO 8601 with an offset`,
    { hint: 'e.g. 2026-12-03T09:15:00-07:00 or 2026-12-03T16:15:00Z' },
  );
}

function isDateTime(value: string): boolean {
  return ISO_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value));
}
