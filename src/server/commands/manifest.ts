import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { postGraphql, ServerCallError, type GraphqlTarget } from './manifest-client';
import { EXIT, formatGraphqlErrors, formatPreview, formatReceive } from './manifest-format';
import { PREVIEW_QUERY, RECEIVE_MUTATION } from './manifest-queries';

/** Where the commands write and how they end; tests pass their own. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  exit(code: number): void;
  env: NodeJS.ProcessEnv;
  /** Reads the manifest when FILE is "-". */
  stdin(): Promise<string>;
}

export const processIo: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // Set, not called: the process ends once its output is flushed.
  exit: (code) => {
    process.exitCode = code;
  },
  env: process.env,
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);

    return Buffer.concat(chunks).toString('utf8');
  },
};

interface ServerOptions {
  url?: string;
  apiKey?: string;
  timeout: number;
}

interface ReceiveOptions extends ServerOptions {
  loc: number;
  room: number;
  vendor?: number;
  includeSamples?: boolean;
  dryRun?: boolean;
  choice?: { index: number; productId: number }[];
  exclude?: number[];
  note?: string;
}

const EXIT_HELP = `
Exit codes:
  ${EXIT.ok}  done (previewed, received, planned, or already received)
  ${EXIT.refused}  the server refused (manifest invalid, lines to choose, vendor, duplicates...): nothing was received
  ${EXIT.usage}  bad options, or FILE cannot be read
  ${EXIT.unreachable}  the server cannot be reached or did not answer as a GraphQL server
  ${EXIT.unconfirmed}  sent but not (fully) confirmed: check Backoffice; repeating the command only reads back`;

/** `backoffice-graph manifest preview|receive FILE`: WCIA manifests against a running server. */
export function registerManifestCommand(program: Command, io: CommandIo = processIo): void {
  const manifest = program
    .command('manifest')
    .description('Preview or receive a WCIA transfer manifest (JSON file) through a running server')
    .addHelpText('after', EXIT_HELP);

  serverOptions(manifest.command('preview'))
    .description(
      'Show how each line of the manifest matches the location, with totals and warnings',
    )
    .argument('<file>', 'the manifest JSON file, or - for stdin')
    .requiredOption('--loc <locId>', 'the receiving location, e.g. 1989', integer)
    .action((file: string, options: ServerOptions & { loc: number }) =>
      run(io, () => preview(io, file, options)),
    );

  serverOptions(manifest.command('receive'))
    .description('Receive the manifest: resolved lines, samples only with --include-samples')
    .argument('<file>', 'the manifest JSON file, or - for stdin')
    .requiredOption('--loc <locId>', 'the receiving location, e.g. 1989', integer)
    .requiredOption('--room <roomId>', 'an inventory room of that location', integer)
    .option(
      '--vendor <vendorId>',
      "default: the vendor matching the sender's license or name",
      integer,
    )
    .option('--include-samples', 'receive the sample lines too')
    .option('--dry-run', 'check everything and show the plan; send nothing')
    .option(
      '--choice <index=productId>',
      'receive line <index> as <productId> (repeatable)',
      choice,
    )
    .option('--exclude <index>', 'leave line <index> out (repeatable)', collectIndex)
    .option('--note <text>', 'sent as the receive note')
    .action((file: string, options: ReceiveOptions) => run(io, () => receive(io, file, options)));
}

function serverOptions(command: Command): Command {
  return command
    .option('--url <url>', 'GraphQL endpoint (default http://localhost:$PORT/graphql, PORT 4000)')
    .option('--api-key <key>', 'sent as a Bearer token (default: GRAPH_API_KEY)')
    .option('--timeout <seconds>', 'how long to wait for the answer', integer, 120)
    .addHelpText('after', EXIT_HELP)
    .exitOverride((error) => {
      // Help and version end well; any other usage error is exit 2, not commander's 1.
      throw Object.assign(error, { exitCode: error.exitCode === 0 ? 0 : EXIT.usage });
    });
}

async function preview(io: CommandIo, file: string, options: ServerOptions & { loc: number }) {
  const manifest = await readManifest(io, file);
  const answer = await postGraphql<{ previewManifest: Record<string, any> }>(
    target(io, options),
    PREVIEW_QUERY,
    { locId: options.loc, manifest },
  );
  const previewed = answer.data?.previewManifest;
  if (answer.errors?.length || !previewed) {
    io.err(formatGraphqlErrors(answer.errors ?? [{ message: 'the server answered no preview' }]));

    return EXIT.refused;
  }

  io.out(formatPreview(previewed));

  return EXIT.ok;
}

async function receive(io: CommandIo, file: string, options: ReceiveOptions) {
  const manifest = await readManifest(io, file);
  const lineChoices = [
    ...(options.choice ?? []),
    ...(options.exclude ?? []).map((index) => ({ index, exclude: true })),
  ];
  const input = {
    locId: options.loc,
    roomId: options.room,
    manifest,
    vendorId: options.vendor,
    includeSamples: options.includeSamples ?? false,
    dryRun: options.dryRun ?? false,
    lineChoices,
    note: options.note,
  };
  const answer = await postGraphql<{ receiveManifest: Record<string, any> }>(
    target(io, options),
    RECEIVE_MUTATION,
    { input },
  );
  const result = answer.data?.receiveManifest;
  if (answer.errors?.length || !result) {
    io.err(formatGraphqlErrors(answer.errors ?? [{ message: 'the server answered no result' }]));

    return EXIT.refused;
  }

  const printed = formatReceive(result);
  if (printed.exitCode === EXIT.ok) io.out(printed.text);
  else io.err(printed.text);

  return printed.exitCode;
}

/** The file's text goes to the server as it is: the server reads it and reports its problems. */
async function readManifest(io: CommandIo, file: string): Promise<string> {
  try {
    return file === '-' ? await io.stdin() : await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read the manifest file ${file} (${code})`);
  }
}

function target(io: CommandIo, options: ServerOptions): GraphqlTarget {
  const port = io.env.PORT || '4000';

  return {
    url: options.url ?? `http://localhost:${port}/graphql`,
    apiKey: options.apiKey ?? (io.env.GRAPH_API_KEY || undefined),
    timeoutMs: options.timeout * 1000,
  };
}

class UsageError extends Error {}

async function run(io: CommandIo, action: () => Promise<number>): Promise<void> {
  try {
    io.exit(await action());
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`backoffice-graph: ${error.message}`);
      io.exit(EXIT.usage);
    } else if (error instanceof ServerCallError) {
      io.err(`backoffice-graph: ${error.message}`);
      io.exit(EXIT.unreachable);
    } else {
      throw error;
    }
  }
}

function integer(text: string): number {
  if (!/^\d+$/.test(text.trim()))
    throw new InvalidArgumentError(`expected a whole number, got '${text}'`);

  return Number(text);
}

function collectIndex(text: string, previous: number[] = []): number[] {
  return [...previous, integer(text)];
}

function choice(text: string, previous: { index: number; productId: number }[] = []) {
  const match = /^\s*(\d+)\s*=\s*(\d+)\s*$/.exec(text);
  if (!match)
    throw new InvalidArgumentError(`expected <index>=<productId>, e.g. 3=310006, got '${text}'`);

  return [...previous, { index: Number(match[1]), productId: Number(match[2]) }];
}
