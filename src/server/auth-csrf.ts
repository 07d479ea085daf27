import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** What a GET query or a non-JSON POST must carry (any value) to pass CSRF prevention. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export const CSRF_HEADER_REQUIRED = 'CSRF_HEADER_REQUIRED';

/**
 * Yoga's CSRF prevention: a request a browser would send cross-site without asking CORS first
 * (a GET, a text/plain or multipart POST) runs only with `x-graphql-yoga-csrf`, which a page
 * of another origin cannot set. JSON POSTs, GraphiQL's included, need a preflight and pass.
 * Its refusal (403) gets a stable code and says what to send.
 */
export function useCsrfPrevention(): Plugin {
  const inner = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });

  return {
    onRequestParse(payload) {
      try {
        inner.onRequestParse?.(payload);
      } catch {
        throw createGraphQLError(
          `Send GraphQL as a JSON POST (Content-Type: application/json), or add the ${CSRF_HEADER} header to a GET`,
          { extensions: { code: CSRF_HEADER_REQUIRED, http: { status: 403 } } },
        );
      }
    },
  };
}
