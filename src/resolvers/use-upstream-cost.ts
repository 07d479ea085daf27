import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { GraphContext } from './context';

/**
 * Adds `extensions.cost { upstreamCalls cacheHits }` to every execution result: what this one
 * request spent of the upstream budget. Install it on the Yoga server with the graph context.
 */
export function useUpstreamCost(): Plugin<Partial<GraphContext>> {
  return {
    onExecute({ args }) {
      const cost = (args.contextValue as Partial<GraphContext>).cost;
      if (!cost) return;

      return {
        onExecuteDone: (payload) =>
          handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            setResult({ ...result, extensions: { ...result.extensions, cost: cost.snapshot() } });
          }),
      };
    },
  };
}
