import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { GraphContext } from '../resolvers/context';
import { GraphError } from '../resolvers/graph-error';
import type { DecimalValue } from '../util/decimal';
import { forbiddenError } from './auth-errors';
import { scopeLoaders, type GraphAuthScopes } from './auth-scopes';
import { DateTimeScalar } from './date-time-scalar';
import { DecimalScalar } from './decimal-scalar';
import { decodeNodeId } from './global-id';
import { JsonScalar } from './json-scalar';

/**
 * The one place the schema is configured: context, scalars and plugins. Domain types live one
 * per file beside this one and import `builder` from here.
 */
export interface GraphSchemaTypes {
  Context: GraphContext;
  Scalars: {
    ID: { Input: string; Output: string | number };
    Decimal: { Input: DecimalValue; Output: DecimalValue | string | number };
    DateTime: { Input: string; Output: Date | string | number };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  /** What `authScopes` may ask for; see `scopeLoaders` for what a key's scopes grant. */
  AuthScopes: GraphAuthScopes;
}

export const builder = new SchemaBuilder<GraphSchemaTypes>({
  // Order matters: a plugin wraps the resolvers of the plugins listed after it.
  // - ScopeAuth first, so a field's scope check runs before any other plugin or resolver reads
  //   the shared cache: a value the cache already holds is never returned unchecked.
  // - Errors before Validation, so validation failures can become typed union members.
  // - Federation last: it wraps resolveReference, which must see every check above it.
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    ValidationPlugin,
    RelayPlugin,
    DirectivesPlugin,
    FederationPlugin,
  ],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: { list: false, items: false } },
    nodeFieldOptions: { nullable: false },
    decodeGlobalID: (globalID: string) => decodeNodeId(globalID, isImplemented),
  },
  scopeAuth: {
    authScopes: scopeLoaders,
    // A type's scopes are checked once per object (in isTypeOf), not before each of its fields:
    // a dashboard shows 900 packages of six fields each, and a wrapper around every field
    // resolver was most of what access control added to its CPU time. A refused object is
    // null with one FORBIDDEN error on the field that returned it, instead of an error for each
    // field. Fields of such types cannot use skipTypeScopes (none does).
    runScopesOnType: true,
    unauthorizedError: (_parent, context, info, result) =>
      forbiddenError(
        context.principal,
        `${info.parentType.name}.${info.fieldName}`,
        result.failure,
      ),
  },
  errors: {
    defaultTypes: [],
  },
  validation: {
    validationError: (failure) =>
      new GraphError('BAD_USER_INPUT', failure.issues.map((issue) => issue.message).join('; ')),
  },
});

builder.addScalarType('Decimal', DecimalScalar);
builder.addScalarType('DateTime', DateTimeScalar);
builder.addScalarType('JSON', JsonScalar);

/** Asked while a request decodes an id, when the builder holds every type of the schema. */
function isImplemented(typename: string): boolean {
  return builder.configStore.hasImplementation(typename);
}
