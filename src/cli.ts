import { Command, CommanderError } from 'commander';
import { registerCommands } from './server/commands';
import { describeStartupError } from './server/startup-error';

/** `backoffice-graph serve | sandbox | print-schema | manifest`; `npm start` runs `serve`. */
export function buildProgram(): Command {
  const program = new Command('backoffice-graph')
    .description('A GraphQL layer over the Dutchie Backoffice API, with an embedded sandbox')
    .showHelpAfterError();
  registerCommands(program);

  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  // A usage error a command chose to end with its own code: commander has printed it already.
  if (error instanceof CommanderError) process.exit(error.exitCode);

  process.stderr.write(`backoffice-graph: ${describeStartupError(error)}\n`);
  process.exit(1);
}
