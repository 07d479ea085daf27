import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AZ_SANDBOX_ROOMS, AZ_VENDORS, KNOWN_PRODUCTS } from '../../src/sandbox';
import { registerManifestCommand, type CommandIo } from '../../src/server/commands/manifest';
import { startManifestServer, type ManifestServer } from '../graph/support/manifest-server';
import {
  HAS_REAL_MANIFEST,
  REAL_MANIFEST_PATH,
  REAL_MANIFEST_SKIP_REASON,
  realManifestText,
} from '../manifest/support/fixtures';
import { childEnv, REPO_ROOT } from './helpers/child-server';

const CLI = path.join(REPO_ROOT, 'bin/backoffice-graph.js');
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/manifests');
const VAULT = String(AZ_SANDBOX_ROOMS.vault);
const run = promisify(execFile);

/** The real binary, as a person runs it. */
async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: childEnv({ GRAPH_API_KEY: '' }),
    });

    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };

    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The same commands in this process, for the cases that need no binary around them. */
async function inProcess(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let code = -1;
  const io: CommandIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    exit: (exitCode) => {
      code = exitCode;
    },
    env,
    stdin: async () => '',
  };
  const program = new Command('backoffice-graph').exitOverride();
  program.configureOutput({ writeOut: (t) => out.push(t), writeErr: (t) => err.push(t) });
  registerManifestCommand(program, io);

  try {
    await program.parseAsync(['manifest', ...args], { from: 'user' });
  } catch (error) {
    code = (error as { exitCode: number }).exitCode;
  }

  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));

  return port;
}

let graph: ManifestServer;
let url: string;
let scratch: string;

beforeAll(async () => {
  graph = await startManifestServer();
  url = graph.server.graphqlUrl;
  scratch = mkdtempSync(path.join(tmpdir(), 'manifest-cli-'));
});

afterAll(async () => {
  await graph?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!HAS_REAL_MANIFEST)('backoffice-graph manifest with the real manifest', () => {
  beforeAll(async () => {
    const { body } = await graph.graphql(
      `mutation($m: JSON!) { sandboxImportProducts(lspId: 575, manifest: $m, vendorId: ${AZ_VENDORS.desertSun.vendorId}) { created { productId } } }`,
      { m: realManifestText() },
    );
    expect(body.data!.sandboxImportProducts.created).toHaveLength(37);
  });

  it('previews the 40 lines as a table with totals and warnings', async () => {
    const { code, stdout } = await cli([
      'manifest',
      'preview',
      REAL_MANIFEST_PATH,
      '--loc',
      '1989',
      '--url',
      url,
    ]);

    expect(code).toBe(0);
    const rows = stdout.split('\n').filter((line) => /^\s*\d+ {2}RESOLVED {2}\d{17}\s/.test(line));
    expect(rows).toHaveLength(40);
    expect(rows[0]).toMatch(
      /^ 0 {2}RESOLVED {2}15410167200667924 +15 ea +13\.33 +199\.95 {10}\d+ Freddy's FUEGO Pack 3/,
    );
    expect(stdout).toContain(
      'totals: 40 lines (5 samples), 40 resolved, 0 ambiguous, 0 unresolved; total price 3047.75',
    );
    expect(stdout).toContain(
      'vendor: no vendor of this location matches the sender: pass --vendor',
    );
    expect(stdout).toMatch(/^warnings \(2\):$/m);
  });

  it('receives it and prints the receive history id; the same command again sends nothing', async () => {
    const args = ['manifest', 'receive', REAL_MANIFEST_PATH, '--loc', '1989', '--room', VAULT];
    const vendor = ['--vendor', String(AZ_VENDORS.desertSun.vendorId), '--url', url];

    const first = await cli([...args, ...vendor]);
    const again = await cli([...args, ...vendor]);

    const [receipt] = graph.server.sandbox!.receives();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `received 35 packages (receive history ${receipt.receiveHistoryId})`,
    );
    expect(first.stdout).toMatch(/^idempotency key: wcia:413632:15410217973875889:[0-9a-f]{24}$/m);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `already received (receive history ${receipt.receiveHistoryId}); nothing was sent again`,
    );
    expect(graph.server.sandbox!.receives()).toHaveLength(1);
  });
});

// Said only when the file is absent, so that a skipped run says why.
if (!HAS_REAL_MANIFEST) {
  describe('backoffice-graph manifest with the real manifest', () => {
    it.skip(REAL_MANIFEST_SKIP_REASON, () => {});
  });
}

describe('backoffice-graph manifest', () => {
  const wyld = path.join(FIXTURES, 'wyld-2.0.0.json');

  it('exits 3 with a clear message when the server cannot be reached', async () => {
    const closed = `http://127.0.0.1:${await closedPort()}/graphql`;

    const { code, stdout, stderr } = await cli([
      'manifest',
      'preview',
      wyld,
      '--loc',
      '1989',
      '--url',
      closed,
    ]);

    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `backoffice-graph: cannot reach the server at ${closed} (ECONNREFUSED): start it with \`backoffice-graph serve\` or pass --url\n`,
    );
  });

  it('exits 1 listing the lines to choose, and receives once they are chosen or excluded', async () => {
    const base = ['receive', wyld, '--loc', '1989', '--room', VAULT, '--url', url];

    const refused = await inProcess(base);
    const planned = await inProcess([
      ...base,
      '--choice',
      `1=${KNOWN_PRODUCTS.wyldRaspberry.productId}`,
      '--exclude',
      '2',
      '--dry-run',
    ]);

    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^refused: MANIFEST_SELECTION_INVALID: manifest WY413287\.TR88213 cannot be received as chosen/,
    );
    expect(refused.stderr).toContain(
      '  line 1 AMBIGUOUS "Wyld Raspberry Gummies 10pk 100mg": 310006 Wyld - Raspberry Gummies 100mg',
    );
    expect(refused.stderr).toMatch(/^ {2}line 2 UNRESOLVED "Wyld Dragonfruit Sleep Chews 20ct": /m);
    expect(refused.stderr).toMatch(/^hint: Give each unresolved line a product/m);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/^dry run: nothing was sent; 2 packages would be received$/m);
    expect(planned.stdout).toMatch(
      /^1 {2}WY413287\.IN88213B +48 +6\.5 +312 {2}310006 Wyld - Raspberry Gummies 100mg$/m,
    );
  });

  it('exits 1 with every problem of a manifest that cannot be received', async () => {
    const file = path.join(scratch, 'broken.json');
    writeFileSync(
      file,
      JSON.stringify({ transfer_id: 'T-1', inventory_transfer_items: [{ qty: 'x' }] }),
    );

    const { code, stderr } = await inProcess(['preview', file, '--loc', '1989', '--url', url]);

    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^error: MANIFEST_INVALID: the manifest cannot be received \(2 problems\)/,
    );
    expect(stderr).toContain(
      '  $.inventory_transfer_items[0].inventory_id: inventory_id is missing or empty (got nothing) (NO_INVENTORY_ID)',
    );
    expect(stderr).toMatch(/^hint: Fix the fields named in problems/m);
  });

  it('exits 2 for a file it cannot read and for a missing option', async () => {
    const missingFile = await inProcess([
      'preview',
      path.join(scratch, 'nope.json'),
      '--loc',
      '1989',
      '--url',
      url,
    ]);
    const missingLoc = await inProcess(['preview', wyld, '--url', url]);
    const badChoice = await inProcess([
      'receive',
      wyld,
      '--loc',
      '1989',
      '--room',
      VAULT,
      '--choice',
      '1:2',
    ]);

    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toBe(
      `backoffice-graph: cannot read the manifest file ${path.join(scratch, 'nope.json')} (ENOENT)`,
    );
    expect(missingLoc.code).toBe(2);
    expect(missingLoc.stderr).toContain("required option '--loc <locId>' not specified");
    expect(badChoice.code).toBe(2);
    expect(badChoice.stderr).toContain("expected <index>=<productId>, e.g. 3=310006, got '1:2'");
  });

  describe('against a server with API keys', () => {
    let keyed: ManifestServer;
    const KEY = 'dock-key-0123456789abcdef';

    beforeAll(async () => {
      keyed = await startManifestServer({
        GRAPH_API_KEYS: JSON.stringify([
          { name: 'dock', key: KEY, scopes: ['inventory:read', 'inventory:receive'] },
        ]),
      });
    });

    afterAll(async () => {
      await keyed?.close();
    });

    it('previews with the key, and exits 3 naming the refusal without it or with another', async () => {
      const args = ['preview', wyld, '--loc', '1989', '--url', keyed.server.graphqlUrl];

      const withKey = await inProcess([...args, '--api-key', KEY]);
      const without = await inProcess(args);
      const wrong = await inProcess(args, { GRAPH_API_KEY: 'not-the-key-0123456789' });

      expect(withKey.code).toBe(0);
      expect(withKey.stdout).toMatch(/^totals: 4 lines \(1 samples\)/m);
      expect(without.code).toBe(3);
      expect(without.stderr).toBe(
        `backoffice-graph: ${keyed.server.graphqlUrl} refused the request (HTTP 401: An API key is required: send it as "Authorization: Bearer <key>"): pass an API key with --api-key or GRAPH_API_KEY`,
      );
      expect(wrong.code).toBe(3);
      expect(wrong.stderr).toContain('The API key is not one this server accepts');
      expect(wrong.stderr).not.toContain('not-the-key-0123456789');
    });
  });

  describe('against a server that wants an API key', () => {
    let server: Server;
    let seen: IncomingHttpHeaders[];
    let keyUrl: string;

    beforeAll(async () => {
      seen = [];
      server = createServer((request, response) => {
        seen.push(request.headers);
        request.resume();
        response.writeHead(
          request.headers.authorization === 'Bearer right-key-0123456789' ? 200 : 401,
          {
            'content-type': 'text/plain',
          },
        );
        response.end(request.headers.authorization ? '{"data":{"previewManifest":null}}' : 'no');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address() as { port: number };
      keyUrl = `http://127.0.0.1:${address.port}/graphql`;
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('sends --api-key, else GRAPH_API_KEY, as a Bearer token and never prints it', async () => {
      const fromOption = await inProcess([
        'preview',
        wyld,
        '--loc',
        '1989',
        '--url',
        keyUrl,
        '--api-key',
        'right-key-0123456789',
      ]);
      const fromEnv = await inProcess(['preview', wyld, '--loc', '1989', '--url', keyUrl], {
        GRAPH_API_KEY: 'right-key-0123456789',
      });
      const without = await inProcess(['preview', wyld, '--loc', '1989', '--url', keyUrl]);

      expect(seen.map((headers) => headers.authorization)).toEqual([
        'Bearer right-key-0123456789',
        'Bearer right-key-0123456789',
        undefined,
      ]);
      expect(fromOption.code).toBe(1);
      expect(fromEnv.code).toBe(1);
      expect(without.code).toBe(3);
      expect(without.stderr).toBe(
        `backoffice-graph: ${keyUrl} refused the request (HTTP 401): pass an API key with --api-key or GRAPH_API_KEY`,
      );
      for (const answer of [fromOption, fromEnv, without]) {
        expect(answer.stdout + answer.stderr).not.toContain('right-key-0123456789');
      }
    });
  });
});
