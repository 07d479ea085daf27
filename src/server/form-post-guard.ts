import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Refuses GraphQL sent as an HTML form. A form POST is a "simple" cross-site request that a
 * browser sends without asking CORS first, so any web page could make a developer's browser
 * run a receive against the local, keyless sandbox server. JSON bodies need a preflight,
 * which this server never grants.
 */
export function useFormPostGuard(): Plugin {
  return {
    onRequestParse({ request }) {
      const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
      if (request.method !== 'POST' || type !== 'application/x-www-form-urlencoded') return;

      throw createGraphQLError('GraphQL over form posts is not accepted; send application/json', {
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } },
      });
    },
  };
}
