import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { estimateCost, GRAPH_COST_MODEL, type CostModel } from './query-limits-cost';

/** The GRAPHQL_MAX_* knobs (AppConfig.graphql). */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
}

export interface QueryLimitOptions {
  /** With introspection off, "did you mean" suggestions would reveal the schema; they go too. */
  introspection: boolean;
  costModel?: CostModel;
}

/** One code for every limit; `extensions.limit` names which, `max` its value. */
export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

type LimitName = 'maxDepth' | 'maxAliases' | 'maxTokens' | 'maxDirectives' | 'maxCost';

/**
 * The limits every operation must stay within, as envelop plugins. Depth, aliases, tokens and
 * directives are graphql-armor's (tokens while parsing, the others as validation rules, both
 * before anything runs). Cost is estimated here, at the start of execution, because only then
 * are the variables known: armor's own cost rule reads `first` only when it is written in the
 * document, so `inventory(first: $n)` would cost it nothing.
 */
export function queryLimitPlugins(limits: QueryLimits, options: QueryLimitOptions): Plugin[] {
  const armor = EnvelopArmorPlugin({
    maxTokens: { n: limits.maxTokens, onReject: [refuse('maxTokens', limits.maxTokens)] },
    maxDepth: { n: limits.maxDepth, onReject: [refuse('maxDepth', limits.maxDepth)] },
    maxAliases: { n: limits.maxAliases, onReject: [refuse('maxAliases', limits.maxAliases)] },
    maxDirectives: {
      n: limits.maxDirectives,
      onReject: [refuse('maxDirectives', limits.maxDirectives)],
    },
    // Ours below: it knows the variables.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !options.introspection },
  });

  return [armor as Plugin, useCostLimit(limits.maxCost, options.costModel ?? GRAPH_COST_MODEL)];
}

/**
 * Armor reports a refusal to these callbacks before it throws its own error; throwing ours
 * first gives the caller a stable code and an HTTP 400 instead of a bare "Syntax Error".
 */
function refuse(limit: LimitName, max: number) {
  return (_context: unknown, error: Error) => {
    throw limitError(limit, max, error.message.replace(/^Syntax Error: /, ''));
  };
}

// LIMITATION: each operation of a batched request is costed on its own, so a batch may spend up to GRAPHQL_BATCH_LIMIT times GRAPHQL_MAX_COST; batching is off by default for that reason too.
function useCostLimit(maxCost: number, model: CostModel): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = estimateCost(
        {
          schema: args.schema,
          document: args.document,
          operationName: args.operationName,
          variables: args.variableValues as Record<string, unknown> | undefined,
        },
        model,
      );
      if (cost <= maxCost) return;

      const message = `Query cost limit of ${maxCost} exceeded, estimated ${cost}: ask for smaller pages (first) or fewer nested lists.`;
      setResultAndStopExecution({ errors: [limitError('maxCost', maxCost, message, { cost })] });
    },
  };
}

function limitError(limit: LimitName, max: number, message: string, extra = {}) {
  return createGraphQLError(message, {
    extensions: { code: QUERY_LIMIT_EXCEEDED, limit, max, ...extra, http: { status: 400 } },
  });
}
