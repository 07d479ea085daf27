import type { Plugin } from 'graphql-yoga';
import type { GraphContext } from './context';
import { useGraphErrors } from './use-graph-errors';
import { useUpstreamCost } from './use-upstream-cost';

/**
 * The envelop plugins the read graph needs on whichever Yoga serves it: error codes with the
 * correlation id, then `extensions.cost`. Install after any plugin that builds the context.
 */
export function graphPlugins(): Plugin<Partial<GraphContext>>[] {
  return [useGraphErrors(), useUpstreamCost()];
}
