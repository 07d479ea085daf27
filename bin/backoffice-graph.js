#!/usr/bin/env node
// Runs the TypeScript CLI through tsx in this same process (no build step, and signals reach
// the server directly instead of passing through a wrapper process).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
