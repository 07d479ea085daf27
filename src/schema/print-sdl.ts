import { printSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, print, visit, type DefinitionNode, type GraphQLSchema } from 'graphql';

/**
 * The schema as committed in schema.graphql: the subgraph SDL (with @key and @link, which a
 * plain printSchema drops), with types, fields and arguments in name order so that a diff
 * shows what changed, not where a file declared it.
 */
export function printSortedSdl(schema: GraphQLSchema): string {
  const document = parse(printSubgraphSchema(schema));

  const sorted = visit(document, {
    Document: (node) => ({ ...node, definitions: [...node.definitions].sort(byDefinition) }),
    ObjectTypeDefinition: (node) => ({ ...node, fields: byName(node.fields) }),
    InterfaceTypeDefinition: (node) => ({ ...node, fields: byName(node.fields) }),
    InputObjectTypeDefinition: (node) => ({ ...node, fields: byName(node.fields) }),
    EnumTypeDefinition: (node) => ({ ...node, values: byName(node.values) }),
    FieldDefinition: (node) => ({ ...node, arguments: byName(node.arguments) }),
  });

  return `${print(sorted).trimEnd()}\n`;
}

function byName<T extends { name: { value: string } }>(nodes: readonly T[] | undefined) {
  return nodes && [...nodes].sort((a, b) => a.name.value.localeCompare(b.name.value, 'en'));
}

/** Schema extensions first, then directive definitions, then types by name. */
function byDefinition(a: DefinitionNode, b: DefinitionNode): number {
  return rank(a) - rank(b) || nameOf(a).localeCompare(nameOf(b), 'en');
}

function rank(node: DefinitionNode): number {
  if (node.kind === Kind.SCHEMA_DEFINITION || node.kind === Kind.SCHEMA_EXTENSION) return 0;

  return node.kind === Kind.DIRECTIVE_DEFINITION ? 1 : 2;
}

function nameOf(node: DefinitionNode): string {
  return 'name' in node && node.name ? node.name.value : '';
}
