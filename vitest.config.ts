import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships both index.js and index.mjs. Node (and so graphql-yoga and Pothos, loaded
    // from node_modules) takes index.js; Vite would hand our sources index.mjs: two copies, so
    // `instanceof GraphQLError` fails and graphql throws "from another module or realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores on CI: loopback servers per file are cheap, but more workers only thrash.
    maxWorkers: 2,
  },
});
