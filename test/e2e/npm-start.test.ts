import { afterEach, describe, expect, it } from 'vitest';
import { INTAKE_WALK_THROUGH } from '../../src/server/graphiql-examples';
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

  it("prints the GraphiQL URL and receives the walk-through's example delivery over HTTP", async () => {
    // npm runs the server as a grandchild: its own process group lets the test stop all of it.
    // The sandbox's read lag stays at its npm start default (2 s): the receive waits it out.
    server = await startChildServer('npm', ['start', '--silent'], { env: childEnv(), group: true });

    // The walk-through's receive, as a person runs it after the dry run: dryRun false.
    const operationName = /mutation (\w+)/.exec(INTAKE_WALK_THROUGH)![1];
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: INTAKE_WALK_THROUGH,
        operationName,
        variables: { dryRun: false },
      }),
    });
    const json = await response.json();
    const results = Object.values(json.data ?? {}) as Array<Record<string, any>>;

    expect(server.graphqlUrl).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
    expect(response.status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result).toMatchObject({ __typename: 'ReceiveInventorySuccess', replayed: false });
      expect(typeof result.receiveHistoryId).toBe('number');
      expect(result.packages.length).toBeGreaterThan(0);
    }
    expect(results[0].packages[0]).toMatchObject({
      quantity: '448.5',
      unit: 'g',
      room: { name: 'Vault' },
    });

    // npm may exit before the server it started has written its last line.
    server.signal('SIGTERM');
    await waitForOutput(server, /"msg":"stopped"/);
  }, 120_000);
});
