import type { Command } from 'commander';
import { registerManifestCommand } from './manifest';
import { registerPrintSchemaCommand } from './print-schema';
import { registerSandboxCommand } from './sandbox';
import { registerServeCommand } from './serve';

/**
 * Every subcommand, one file each in this folder. A new command (`manifest preview|receive`)
 * is a file exporting `register<Name>Command(program)` and one line here.
 */
const COMMANDS: Array<(program: Command) => void> = [
  registerServeCommand,
  registerSandboxCommand,
  registerPrintSchemaCommand,
  (program) => registerManifestCommand(program),
];

export function registerCommands(program: Command): void {
  for (const register of COMMANDS) register(program);
}
