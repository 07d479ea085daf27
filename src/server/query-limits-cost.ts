import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
} from 'graphql';

export interface CostModel {
  /** Items a connection is assumed to return when `first`/`last` is not given (the default page). */
  defaultPageSize: number;
  /** Items a plain list field is assumed to hold when nothing says otherwise. */
  defaultListSize: number;
  /** Known list sizes by `Type.field`, e.g. `Query.locations` (the login sees 18). */
  listSizes: Readonly<Record<string, number>>;
}

/**
 * The estimate the graph uses: every object in the answer costs 1, scalars nothing, and a list
 * multiplies what it holds by its size, so that nested connections multiply as their answers
 * do. A connection's size is its `first`/`last` (from the document or the variables), applied
 * to its `edges`/`nodes`. Abstract selections count every branch, so the estimate is never low.
 */
// LIMITATION: list sizes without a `first` are fixed estimates (20 locations, 25 vendors, 10 rooms or other items), not the upstream's real counts, so a tenant far larger than the sandbox's is underestimated until these are raised.
export const GRAPH_COST_MODEL: CostModel = {
  defaultPageSize: 50,
  defaultListSize: 10,
  listSizes: {
    'Query.locations': 20,
    'Location.vendors': 25,
    'Location.rooms': 10,
  },
};

export interface CostRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
}

/** The estimated cost of the operation a request runs; 0 when there is none to run. */
export function estimateCost(request: CostRequest, model: CostModel = GRAPH_COST_MODEL): number {
  const operation = pickOperation(request.document, request.operationName);
  const root = operation && rootType(request.schema, operation);
  if (!operation || !root) return 0;

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of request.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }

  const walker = new CostWalker(request.schema, fragments, request.variables ?? {}, model);

  return walker.selectionSet(operation.selectionSet, root, null, new Set());
}

class CostWalker {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly model: CostModel,
  ) {}

  /** `pageSize`: set inside a connection, for its `edges` and `nodes`. */
  selectionSet(
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    pageSize: number | null,
    spreading: Set<string>,
  ): number {
    let total = 0;

    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += this.field(selection, parent, pageSize, spreading);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = this.typeCondition(selection.typeCondition?.name.value) ?? parent;
        total += this.selectionSet(selection.selectionSet, type, pageSize, spreading);
      } else {
        total += this.spread(selection.name.value, parent, pageSize, spreading);
      }
    }

    return total;
  }

  private spread(
    name: string,
    parent: GraphQLCompositeType,
    pageSize: number | null,
    spreading: Set<string>,
  ) {
    const fragment = this.fragments.get(name);
    // A cycle is refused by validation (NoFragmentCycles); here it only must not loop.
    if (!fragment || spreading.has(name)) return 0;

    const type = this.typeCondition(fragment.typeCondition.name.value) ?? parent;
    const inner = new Set(spreading).add(name);

    return this.selectionSet(fragment.selectionSet, type, pageSize, inner);
  }

  private field(
    node: FieldNode,
    parent: GraphQLCompositeType,
    pageSize: number | null,
    spreading: Set<string>,
  ) {
    const definition = fieldOf(parent, node.name.value);
    if (!definition || !node.selectionSet) return 0;

    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) return 0;

    const coordinate = `${parent.name}.${definition.name}`;
    const page = this.pageSizeOf(node, definition);
    const size = this.sizeOf(coordinate, definition, node, pageSize);
    const inner = this.selectionSet(node.selectionSet, type, page, spreading);

    return 1 + size * inner;
  }

  /** A connection's page, passed down to its edges; null for anything else. */
  private pageSizeOf(node: FieldNode, definition: GraphQLField<unknown, unknown>): number | null {
    const hasPaging = definition.args.some((arg) => arg.name === 'first' || arg.name === 'last');
    const type = getNamedType(definition.type);
    if (!hasPaging || !isObjectType(type) || !type.getFields().edges) return null;

    return (
      this.argument(node, definition, 'first') ??
      this.argument(node, definition, 'last') ??
      this.model.defaultPageSize
    );
  }

  private sizeOf(
    coordinate: string,
    definition: GraphQLField<unknown, unknown>,
    node: FieldNode,
    pageSize: number | null,
  ): number {
    if (!isListType(getNullableType(definition.type))) return 1;
    if (pageSize !== null && (definition.name === 'edges' || definition.name === 'nodes'))
      return pageSize;

    const first = this.argument(node, definition, 'first');

    return first ?? this.model.listSizes[coordinate] ?? this.model.defaultListSize;
  }

  /** A non-negative integer argument from the document or its variables; null when absent. */
  private argument(node: FieldNode, definition: GraphQLField<unknown, unknown>, name: string) {
    const arg = node.arguments?.find((candidate) => candidate.name.value === name);
    const argDefinition = definition.args.find((candidate) => candidate.name === name);
    if (!arg || !argDefinition) return null;

    const value = valueFromAST(
      arg.value,
      argDefinition.type,
      this.variables as Record<string, unknown>,
    );

    return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : null;
  }

  private typeCondition(name: string | undefined): GraphQLCompositeType | null {
    const type = name ? this.schema.getType(name) : undefined;

    return type && isCompositeType(type) ? type : null;
  }
}

function fieldOf(parent: GraphQLCompositeType, name: string) {
  if (!('getFields' in parent)) return undefined;

  return parent.getFields()[name];
}

function pickOperation(document: DocumentNode, name: string | null | undefined) {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (name) return operations.find((operation) => operation.name?.value === name);

  return operations.length === 1 ? operations[0] : undefined;
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  if (operation.operation === 'query') return schema.getQueryType();
  if (operation.operation === 'mutation') return schema.getMutationType();

  return schema.getSubscriptionType();
}
