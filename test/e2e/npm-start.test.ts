import { afterEach, describe, expect, it } from 'vitest';
import {
  childEnv,
  startChildServer,
  waitForOutput,
  type ChildServer,
} from '../server/helpers/child-server';

describe('npm start, the way a user starts it', () => {
  let server: ChildServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('prints the GraphiQL URL and answers an operation over HTTP', async () => {
    // npm runs the server as a grandchild: its own process group lets the test stop all of it.
    server = await startChildServer('npm', ['start', '--silent'], { env: childEnv(), group: true });

    // LIMITATION: this sends the locations query; it should send the example receive operation once the receive mutation is in the schema.
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query SandboxLocations { locations(sandbox: true) { locId state canReceive } }',
      }),
    });
    const json = await response.json();

    expect(server.graphqlUrl).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
    expect(response.status).toBe(200);
    expect(json.data.locations).toEqual([
      { locId: 1989, state: 'AZ', canReceive: true },
      { locId: 2862, state: 'IL', canReceive: false },
      { locId: 2869, state: 'OH', canReceive: true },
    ]);

    // npm may exit before the server it started has written its last line.
    server.signal('SIGTERM');
    await waitForOutput(server, /"msg":"stopped"/);
  }, 120_000);
});
