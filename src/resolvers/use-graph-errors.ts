import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { GraphContext } from './context';
import { mapExecutionError } from './error-mapping';

/**
 * Turns execution errors into what a caller may see: upstream failures with their stable
 * `extensions.code` (and `retryAfter` when rate limited), the graph's own errors as raised,
 * anything unexpected masked; each with the request's `correlationId`. The original of every
 * upstream or unexpected error is logged with that id. Data that did resolve stays.
 */
export function useGraphErrors(): Plugin<Partial<GraphContext>> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as Partial<GraphContext>;
      const { requestId, logger } = context;
      if (!requestId) return;

      return {
        onExecuteDone: (payload) =>
          handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            if (!result.errors?.length) return;

            const errors = result.errors.map((error) => {
              const mapped = mapExecutionError(error, requestId);
              const code = mapped.error.extensions.code;
              const detail = { err: error.originalError ?? error, code, path: error.path };
              if (mapped.unexpected) logger?.error(detail, 'unexpected error, masked');
              else if (String(code).startsWith('UPSTREAM_')) logger?.warn(detail, error.message);

              return mapped.error;
            });
            setResult({ ...result, errors });
          }),
      };
    },
  };
}
