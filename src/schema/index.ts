import type { GraphQLSchema } from 'graphql';
import { builder } from './builder';
import { printSortedSdl } from './print-sdl';
import './query';
import './locations';
import './location';
import './room';
import './vendor';
import './product';
import './package';
import './upstream-budget';
import './manifest-preview';
import './receive-mutation';
import './receipt';

/**
 * The read graph as an Apollo Federation v2 subgraph: it serves clients directly and can be
 * composed behind a gateway (`_service`, `_entities`) beside other subgraphs.
 */
export function buildSchema(): GraphQLSchema {
  return builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key', '@shareable'],
  });
}

export const schema = buildSchema();

/** The SDL committed as schema.graphql: types sorted, federation directives included. */
export function printSchemaSdl(target: GraphQLSchema = schema): string {
  return printSortedSdl(target);
}

export { builder };
