import { timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import { sha256Hex } from './api-keys';

export interface MetricsEndpointOptions {
  registry: Registry;
  /** SHA-256 of the key /metrics requires as a Bearer token; null leaves it open. */
  keySha256: string | null;
  path?: string;
}

/**
 * Prometheus text for the whole process: Yoga's request metrics and the client's and caches'
 * upstream metrics share one registry. Served here rather than by the Prometheus plugin, which
 * has no way to ask for a key.
 */
export function useMetricsEndpoint(options: MetricsEndpointOptions): Plugin {
  const endpoint = options.path ?? '/metrics';

  return {
    async onRequest({ url, request, fetchAPI, endResponse }) {
      if (url.pathname !== endpoint) return;

      if (options.keySha256 && !bearerMatches(request, options.keySha256)) {
        endResponse(
          new fetchAPI.Response('metrics require a Bearer token\n', {
            status: 401,
            headers: { 'WWW-Authenticate': 'Bearer realm="metrics"', 'Content-Type': 'text/plain' },
          }),
        );

        return;
      }

      const text = await options.registry.metrics();
      endResponse(
        new fetchAPI.Response(text, { headers: { 'Content-Type': options.registry.contentType } }),
      );
    },
  };
}

/** Compares digests, not keys, so the comparison takes the same time whatever the length. */
function bearerMatches(request: Request, expectedSha256: string): boolean {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return false;

  const offered = Buffer.from(sha256Hex(match[1]), 'hex');

  return timingSafeEqual(offered, Buffer.from(expectedSha256, 'hex'));
}
