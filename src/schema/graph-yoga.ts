import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import {
  createRequestContext,
  type GraphContext,
  type RequestContextOptions,
} from '../resolvers/context';
import { graphPlugins } from '../resolvers/graph-plugins';
import type { GraphServices } from '../resolvers/services';
import { schema as graphSchema } from './index';

export interface GraphYogaOptions {
  services: GraphServices;
  /** Per-request extras: the principal, a batch observer (tests). */
  contextOptions?: (request: Request) => Omit<RequestContextOptions, 'request'>;
  plugins?: Plugin[];
  graphqlEndpoint?: string;
}

/**
 * A minimal Yoga over the read graph: its schema, a fresh context per request and its plugins.
 * Tests, the benchmark and the federation example serve it; the production server builds its
 * own Yoga (src/server/app.ts) from the same pieces.
 */
export function createGraphYoga(
  options: GraphYogaOptions,
): YogaServerInstance<Record<string, never>, GraphContext> {
  return createYoga<Record<string, never>, GraphContext>({
    schema: graphSchema,
    context: ({ request }) =>
      createRequestContext(options.services, { request, ...options.contextOptions?.(request) }),
    plugins: [...graphPlugins(), ...(options.plugins ?? [])] as Plugin[],
    maskedErrors: { isDev: false },
    graphqlEndpoint: options.graphqlEndpoint ?? '/graphql',
    logging: false,
    landingPage: false,
  });
}
