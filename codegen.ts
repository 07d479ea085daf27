import type { CodegenConfig } from '@graphql-codegen/cli';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { printSchemaSdl, schema } from './src/schema/index';

/**
 * Two outputs from the code-first schema:
 * - schema.graphql, the committed SDL (sorted, with federation directives); `npm run
 *   schema:check` fails when it no longer matches the code;
 * - typed documents for the tests: test/documents/*.graphql become TypedDocumentNodes.
 */
const config: CodegenConfig = {
  // The executable schema as plain SDL (with _entities and _Any), for validating documents.
  schema: printSchema(lexicographicSortSchema(schema)),
  documents: ['test/documents/*.graphql'],
  generates: {
    'schema.graphql': {
      plugins: [{ add: { content: printSchemaSdl() } }],
    },
    'test/documents/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          Decimal: { input: 'string | number', output: 'string' },
          DateTime: 'string',
          JSON: 'unknown',
          _Any: 'unknown',
        },
      },
    },
  },
};

export default config;
