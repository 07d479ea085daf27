import type { Command } from 'commander';

export function registerPrintSchemaCommand(program: Command): void {
  program
    .command('print-schema')
    .description('Print the GraphQL schema as SDL (what schema.graphql holds)')
    .action(async () => {
      // Loaded on demand: building the schema is work the other commands do not need.
      const { printSchemaSdl } = await import('../../schema');
      process.stdout.write(printSchemaSdl());
    });
}
