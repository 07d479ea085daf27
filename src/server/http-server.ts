import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from './app';

export interface HttpServerOptions {
  host: string;
  /** 0 picks a free port; `port` on the result tells which. */
  port: number;
}

export interface RunningHttpServer {
  readonly server: Server;
  readonly port: number;
  /** The address a person opens: http://localhost:<port> unless bound to one other interface. */
  readonly origin: string;
  /**
   * Stops accepting connections, closes idle keep-alive sockets, lets in-flight requests finish
   * for up to `graceMs`, then cuts whatever is left. Resolves once no socket remains.
   */
  close(graceMs: number): Promise<{ drained: boolean }>;
}

/** Node's HTTP server hosting the Yoga app: Yoga routes, this only listens and drains. */
export async function startHttpServer(
  app: App,
  options: HttpServerOptions,
): Promise<RunningHttpServer> {
  const server = createServer(app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;

  return {
    server,
    port,
    origin: `http://localhost:${port}`,
    close: (grace) => drain(server, grace),
  };
}

async function drain(server: Server, graceMs: number): Promise<{ drained: boolean }> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));

  // close() stops new connections; a keep-alive socket between requests would otherwise hold
  // the process open until its timeout, and one that finishes a request later must not linger.
  server.closeIdleConnections();
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, graceMs, 'late')));
  const outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);

  clearInterval(sweeper);
  clearTimeout(timer);
  if (outcome === 'late') {
    server.closeAllConnections();
    await closed;
  }

  return { drained: outcome === 'drained' };
}
