import type { ExecutionResult } from 'graphql';
import { handleStreamOrSingleExecutionResult, isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { GraphContext } from './context';
import type { RequestCost } from './cost-tracker';

const NOTHING_SPENT: RequestCost = { upstreamCalls: 0, cacheHits: 0 };

/**
 * Adds `extensions.cost { upstreamCalls cacheHits }` to every response: what this request spent
 * of the upstream budget. An operation that never ran (a syntax or validation error) spent
 * nothing and says so. Install it on the Yoga server that builds the graph context.
 */
export function useUpstreamCost(): Plugin<Partial<GraphContext>> {
  return {
    onExecute({ args }) {
      const cost = (args.contextValue as Partial<GraphContext>).cost;
      if (!cost) return;

      return {
        onExecuteDone: (payload) =>
          handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            setResult(withCost(result, cost.snapshot()));
          }),
      };
    },
    onResultProcess({ result, setResult }) {
      if (isAsyncIterable(result)) return;

      setResult(
        Array.isArray(result)
          ? result.map((single) => withCost(single, NOTHING_SPENT, false))
          : withCost(result, NOTHING_SPENT, false),
      );
    },
  };
}

function withCost<T extends ExecutionResult>(result: T, cost: RequestCost, replace = true): T {
  if (!replace && result.extensions?.cost) return result;

  return { ...result, extensions: { ...result.extensions, cost } };
}
