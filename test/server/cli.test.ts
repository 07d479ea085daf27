import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../src/server/config';
import { childEnv, REPO_ROOT } from './helpers/child-server';

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'bin/backoffice-graph.js');

async function cli(args: string[], env: NodeJS.ProcessEnv = childEnv()) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env });

    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };

    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('backoffice-graph CLI', () => {
  it('prints the committed schema.graphql with print-schema', async () => {
    const { code, stdout } = await cli(['print-schema']);

    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(path.join(REPO_ROOT, 'schema.graphql'), 'utf8'));
  });

  it('lists every configuration variable under serve --help', async () => {
    const { code, stdout } = await cli(['serve', '--help']);

    expect(code).toBe(0);
    for (const { name } of CONFIG_VARIABLES)
      expect(stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
  });

  it('stops a start with bad configuration with exit 1 and every problem, secrets unseen', async () => {
    const { code, stdout, stderr } = await cli(
      ['serve'],
      childEnv({
        PORT: 'http',
        DUTCHIE_BACKOFFICE_URL: 'https://tenant.backoffice.dutchie.com',
        DUTCHIE_BACKOFFICE_PASSWORD: 'live-secret-password',
        METRICS_API_KEY: 'metrics-secret-key',
        GRAPH_API_KEYS: '[{"name":"a","key":"graph-secret-key-0123"',
      }),
    );

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('backoffice-graph: Invalid configuration (4 problems):');
    expect(stderr).toContain("PORT: expected an integer 0-65535, got 'http'");
    expect(stderr).toContain('DUTCHIE_BACKOFFICE_USERNAME: required in live mode');
    for (const secret of ['live-secret-password', 'metrics-secret-key', 'graph-secret-key-0123']) {
      expect(stderr).not.toContain(secret);
    }
  });
});
