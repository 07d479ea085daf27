import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

export interface ChildServer {
  readonly child: ChildProcess;
  /** The URL the server printed, e.g. http://localhost:39123/graphql. */
  readonly graphqlUrl: string;
  readonly origin: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal to the child (and, when it leads a group, to its whole group). */
  signal(name: NodeJS.Signals): void;
  /** Stops it if it still runs; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Environment for a server started the way a user starts one, isolated from the developer's:
 * free ports, no background refresh, and never live mode, whatever the shell or a .env holds.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: '0',
    SANDBOX_PORT: '0',
    BACKGROUND_REFRESH: 'off',
    LOG_LEVEL: 'info',
    DUTCHIE_BACKOFFICE_URL: '',
    DUTCHIE_BACKOFFICE_USERNAME: '',
    DUTCHIE_BACKOFFICE_PASSWORD: '',
    ...extra,
  };
}

const PRINTED_URL = /GraphiQL: (http:\/\/localhost:\d+\/graphql)/;

/**
 * Spawns `command`, waits until it prints its GraphiQL URL. `group` starts it as the leader of
 * a process group, for wrappers such as npm that run the server as a grandchild.
 */
export async function startChildServer(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; group?: boolean; readyWithinMs?: number } = {},
): Promise<ChildServer> {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: options.env ?? childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.group ?? false,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const signal = (name: NodeJS.Signals) => {
    // A wrapper may be gone while the server it started still runs: the group is the target.
    if (options.group) return signalGroup(child.pid!, name);
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
  };

  const graphqlUrl = await waitForUrl(() => output, exited, options.readyWithinMs ?? 90_000);

  return {
    child,
    graphqlUrl,
    origin: new URL(graphqlUrl).origin,
    output: () => output,
    exited,
    signal,
    stop: async () => {
      signal('SIGKILL');
      await exited;
    },
  };
}

function signalGroup(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function waitForUrl(
  output: () => string,
  exited: Promise<unknown>,
  withinMs: number,
): Promise<string> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + withinMs;

  while (Date.now() < deadline) {
    const match = PRINTED_URL.exec(output());
    if (match) return match[1];
    if (gone) throw new Error(`the server exited before printing its URL:\n${output()}`);

    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  throw new Error(`no GraphiQL URL within ${withinMs} ms:\n${output()}`);
}

/** Resolves once `pattern` appears in the child's output. */
export async function waitForOutput(
  server: ChildServer,
  pattern: RegExp,
  withinMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + withinMs;

  while (!pattern.test(server.output())) {
    if (Date.now() > deadline)
      throw new Error(`no ${pattern} within ${withinMs} ms:\n${server.output()}`);

    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
