import { Agent, get, request, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildServer, waitForOutput, type ChildServer } from './helpers/child-server';

const CLI = ['bin/backoffice-graph.js', 'serve'];

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    response.on('data', (chunk) => (text += chunk));
    response.on('end', () => resolve(text));
    response.on('error', reject);
  });
}

function connectError(origin: string): Promise<string | null> {
  return new Promise((resolve) => {
    const req = get(`${origin}/health`, { agent: false }, (response) => {
      response.resume();
      resolve(null);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('SIGTERM on the server process', () => {
  let server: ChildServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('exits 0 within 5 s when idle, even with a keep-alive socket open', async () => {
    server = await startChildServer(process.execPath, CLI);
    const agent = new Agent({ keepAlive: true });
    const health = await new Promise<IncomingMessage>((resolve) =>
      get(`${server!.origin}/health`, { agent }, resolve),
    );
    await readBody(health);

    const signalledAt = Date.now();
    server.signal('SIGTERM');
    const exit = await server.exited;
    const tookMs = Date.now() - signalledAt;
    agent.destroy();

    expect(health.statusCode).toBe(200);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(5000);
    expect(server.output()).toContain('"msg":"stopped"');
  });

  it('refuses new connections but lets a request in flight finish, then exits 0', async () => {
    server = await startChildServer(process.execPath, CLI);
    const body = JSON.stringify({ query: '{ locations(sandbox: true) { locId name } }' });

    // Expect: 100-continue makes the server confirm it holds the request before any body is
    // sent, so the signal provably lands while the request is in flight.
    const req = request(`${server.graphqlUrl}`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    const answered = new Promise<IncomingMessage>((resolve, reject) => {
      req.on('response', resolve);
      req.on('error', reject);
    });
    await new Promise<void>((resolve) => req.once('continue', resolve));

    server.signal('SIGTERM');
    await waitForOutput(server, /shutting down/);
    const lateConnection = await connectError(server.origin);
    req.end(body);
    const response = await answered;
    const json = JSON.parse(await readBody(response));
    const exit = await server.exited;

    expect(lateConnection).toBe('ECONNREFUSED');
    expect(response.statusCode).toBe(200);
    expect(json.data.locations.map((location: { locId: number }) => location.locId)).toEqual([
      1989, 2862, 2869,
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
