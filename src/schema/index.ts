import type { GraphQLSchema } from 'graphql';
import { builder } from './builder';
import { printSortedSdl } from './print-sdl';
import { withoutSandboxTools } from './sandbox-schema';
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
import './manifest-receive';
import './sandbox-tools';
import './receipt';

export interface BuildSchemaOptions {
  /** Keep the embedded sandbox's tools (sandboxImportProducts). Default false: a live server never offers them. */
  sandboxTools?: boolean;
}

/**
 * The read graph as an Apollo Federation v2 subgraph: it serves clients directly and can be
 * composed behind a gateway (`_service`, `_entities`) beside other subgraphs.
 */
export function buildSchema(options: BuildSchemaOptions = {}): GraphQLSchema {
  const full = builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key', '@shareable'],
  });

  return options.sandboxTools ? full : withoutSandboxTools(full);
}

/** What a server against a live tenant serves, and what schema.graphql holds. */
export const schema = buildSchema();

/** What a server over the embedded sandbox serves: `schema` plus the sandbox's tools. */
export const sandboxSchema = buildSchema({ sandboxTools: true });

/** The SDL committed as schema.graphql: types sorted, federation directives included. */
export function printSchemaSdl(target: GraphQLSchema = schema): string {
  return printSortedSdl(target);
}

export { builder };
