import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { FaultRegistry } from './faults';
import { importProducts } from './import-products';
import { resolveOptions } from './options';
import { RateLimiter } from './rate-limiter';
import { createRequestHandler } from './request-handler';
import { RequestLog } from './request-log';
import { sharedSeed } from './seed';
import { SessionStore } from './sessions';
import { SandboxState } from './state';
import type { Sandbox, SandboxOptions } from './types';

export * from './types';
export * from './seed-facts';
export { SandboxError, type SandboxErrorCode } from './errors';

/**
 * Starts the Backoffice simulator on loopback. Starting is cheap: the seed is built lazily and
 * shared by every sandbox in the process, so tests can start one per file (or per test).
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const config = resolveOptions(options);
  const state = new SandboxState(sharedSeed());
  const sessions = new SessionStore(config.clock, config.sessionTtlMs);
  const limiter = new RateLimiter(config.clock, config.callsPerMinute);
  const faults = new FaultRegistry();
  const log = new RequestLog();
  const lifecycle = new Lifecycle();

  const server = createServer(
    createRequestHandler({
      state,
      sessions,
      limiter,
      faults,
      log,
      clock: config.clock,
      readLagMs: config.readLagMs,
      credentials: config.credentials,
      logger: config.logger,
      delay: (ms) => lifecycle.delay(ms),
    }),
  );
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  lifecycle.track(server);

  const port = await listen(server, config.port, config.address.bindHost);
  const url = `http://${config.address.urlHost}:${port}`;
  config.logger.debug({ url }, 'sandbox started');

  return {
    url,
    port,
    clock: config.clock,
    faults,
    requests: log,
    reset() {
      state.reset();
      sessions.reset();
      limiter.reset();
      faults.clear();
      log.clear();
    },
    expireSessions: () => sessions.expireAll(),
    issuedSessionIds: () => sessions.issued(),
    packagesAt: (locId) => state.packagesAt(locId),
    importProducts: (lspId, products) => importProducts(state, lspId, products),
    receives: () => [...state.receives()],
    close: () => lifecycle.close(server),
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Open sockets and pending latency timers, so `close()` can end everything at once: a test
 * that armed no-headers or a long latency must never keep the process alive.
 */
class Lifecycle {
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Map<NodeJS.Timeout, (completed: boolean) => void>();
  private closed = false;

  track(server: Server): void {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  delay(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);

    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve(!this.closed);
      }, ms);
      this.timers.set(timer, resolve);
    });
  }

  async close(server: Server): Promise<void> {
    if (this.closed) return;
    this.closed = true;

    for (const [timer, resolve] of this.timers) {
      clearTimeout(timer);
      resolve(false);
    }
    this.timers.clear();

    const closing = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closing;
  }
}
