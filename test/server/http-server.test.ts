import { createSchema } from 'graphql-yoga';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { startHttpServer } from '../../src/server/http-server';
import type { ReadinessProbe } from '../../src/server/readiness';
import { silentLogger } from '../../src/util/logger';

const never = new Promise<string>(() => {});
let started: () => void;
const resolverStarted = new Promise<void>((resolve) => (started = resolve));

const app = createApp({
  schema: createSchema({
    typeDefs: 'type Query { stuck: String }',
    resolvers: {
      Query: {
        stuck: () => {
          started();

          return never;
        },
      },
    },
  }),
  context: () => ({}),
  logger: silentLogger(),
  registry: new Registry(),
  readiness: { check: async () => ({ ready: true }) } as unknown as ReadinessProbe,
});

describe('HTTP host', () => {
  it('names localhost in the origin when bound to loopback', async () => {
    const running = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
    await running.close(0);

    expect(running.origin).toBe(`http://localhost:${running.port}`);
  });

  it('cuts a request that outlives the grace period instead of waiting for it', async () => {
    const running = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
    const answer = fetch(`${running.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stuck }' }),
    }).then(
      () => 'answered',
      () => 'cut',
    );
    await resolverStarted;

    const { drained } = await running.close(200);

    expect(drained).toBe(false);
    expect(await answer).toBe('cut');
    expect(running.server.listening).toBe(false);
  });
});
