import { afterEach, describe, expect, it } from 'vitest';
import { RECEIVE_EXAMPLE, RECEIVE_EXAMPLE_INPUT } from '../../src/server/graphiql-examples';
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

  it("prints the GraphiQL URL and receives GraphiQL's example delivery over HTTP", async () => {
    // npm runs the server as a grandchild: its own process group lets the test stop all of it.
    // The sandbox's read lag stays at its npm start default (2 s): the receive waits it out.
    server = await startChildServer('npm', ['start', '--silent'], { env: childEnv(), group: true });

    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: RECEIVE_EXAMPLE,
        variables: { input: { ...RECEIVE_EXAMPLE_INPUT, dryRun: false } },
      }),
    });
    const json = await response.json();

    expect(server.graphqlUrl).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
    expect(response.status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.receiveInventory).toEqual({
      __typename: 'ReceiveInventorySuccess',
      receiveHistoryId: expect.any(Number),
      replayed: false,
      packages: [
        {
          packageId: RECEIVE_EXAMPLE_INPUT.lines[0].packageId,
          quantity: '448.5',
          unit: 'g',
          room: { name: 'Vault' },
          product: { sku: 'SWC-FL-BD-035', name: 'Swallowtail Cultivation - Blue Dream 3.5g' },
        },
      ],
    });

    // npm may exit before the server it started has written its last line.
    server.signal('SIGTERM');
    await waitForOutput(server, /"msg":"stopped"/);
  }, 120_000);
});
