import { printSubgraphSchema } from '@apollo/subgraph';
import {
  GraphQLObjectType,
  GraphQLSchema,
  lexicographicSortSchema,
  type GraphQLFieldConfigMap,
} from 'graphql';

/**
 * What only a server over the embedded sandbox offers: fields that change the simulator
 * itself, and the types nothing else reaches. A live server's schema has none of them, so a
 * live tenant's catalog cannot even be asked to import products.
 */
export const SANDBOX_ONLY_MUTATIONS: readonly string[] = ['sandboxImportProducts'];
export const SANDBOX_ONLY_TYPES: readonly string[] = ['SandboxProductImport'];

/**
 * The schema without the sandbox tools. Pothos builds one schema from everything registered,
 * so the live one is cut from it: a new Mutation without those fields (none at all when they
 * were its only ones), their types dropped, and a new Query whose `_service.sdl` is printed
 * from the cut schema, so that a federation gateway does not learn of them either.
 *
 * The root types are rebuilt; a type that pointed back at Query or Mutation would make this
 * throw "multiple types named Query" at start-up, never serve a half-cut schema.
 */
export function withoutSandboxTools(full: GraphQLSchema): GraphQLSchema {
  const query = full.getQueryType();
  const mutation = full.getMutationType();
  if (!query) return full;

  const config = full.toConfig();
  const liveMutation = mutation && withoutFields(mutation, SANDBOX_ONLY_MUTATIONS);
  let sdl: string | null = null;
  const liveQuery = withService(query, () => (sdl ??= printSubgraphSchema(live)));

  const types = config.types.filter(
    (type) => type !== query && type !== mutation && !SANDBOX_ONLY_TYPES.includes(type.name),
  );
  const live = lexicographicSortSchema(
    new GraphQLSchema({
      ...config,
      query: liveQuery,
      mutation: liveMutation,
      types: [...types, liveQuery, ...(liveMutation ? [liveMutation] : [])],
    }),
  );

  return live;
}

/**
 * The type without those fields. Its AST node goes too: Pothos's directives plugin attaches
 * one, and the federation printer reads fields from it, not from the type.
 */
function withoutFields(type: GraphQLObjectType, names: readonly string[]) {
  const config = type.toConfig();
  const fields = Object.entries(config.fields).filter(([name]) => !names.includes(name));
  if (fields.length === 0) return undefined;

  const astNode = config.astNode && {
    ...config.astNode,
    fields: config.astNode.fields?.filter((field) => !names.includes(field.name.value)),
  };

  return new GraphQLObjectType({ ...config, astNode, fields: Object.fromEntries(fields) });
}

/** Query with `_service` (the federation SDL) answering `sdl()` instead of the full schema's. */
function withService(query: GraphQLObjectType, sdl: () => string): GraphQLObjectType {
  const config = query.toConfig();
  const fields: GraphQLFieldConfigMap<unknown, unknown> = { ...config.fields };
  const service = fields._service;
  if (service) fields._service = { ...service, resolve: () => ({ sdl: sdl() }) };

  return new GraphQLObjectType({ ...config, fields });
}
