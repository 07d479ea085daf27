import { createServer, type Server } from 'node:http';

type Handler = Parameters<typeof createServer>[1];

/** Serves a fetch-style handler (a Yoga instance) on loopback; resolves its URL and a closer. */
export async function serveOnLoopback(handler: Handler) {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
