import { GraphError } from '../resolvers/graph-error';
import type { ScopedId } from '../resolvers/loaders';

/**
 * Local parts of Relay global ids. Upstream IDs are integers scoped by a LocId or an LspId;
 * package labels are strings and may contain anything, so they come last.
 */
export function formatScopedId(key: ScopedId<number | string>): string {
  return `${key.scope}:${key.id}`;
}

export function parseScopedId(type: string, value: string): ScopedId {
  const key = parseScopedLabel(type, value);
  if (!/^\d+$/.test(key.id)) throw badId(type, value);

  return { scope: key.scope, id: Number(key.id) };
}

export function parseScopedLabel(type: string, value: string): ScopedId<string> {
  const colon = value.indexOf(':');
  const scope = value.slice(0, colon);
  if (colon < 1 || !/^\d+$/.test(scope) || colon === value.length - 1) throw badId(type, value);

  return { scope: Number(scope), id: value.slice(colon + 1) };
}

export function parseIntId(type: string, value: string): number {
  if (!/^\d+$/.test(value)) throw badId(type, value);

  return Number(value);
}

function badId(type: string, value: string): GraphError {
  return new GraphError('BAD_USER_INPUT', `"${value}" is not a ${type} id`, {
    hint: `Pass the id field of a ${type}, unchanged.`,
  });
}
