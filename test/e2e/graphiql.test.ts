import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { GRAPHIQL_EXAMPLE_TABS } from '../../src/server/graphiql-examples';
import { serve, type RunningServer } from '../../src/server/main';
import { silentLogger } from '../../src/util/logger';
import { REPO_ROOT } from '../server/helpers/child-server';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = path.join(REPO_ROOT, 'test-results', 'graphiql-locations.png');

/** Nothing the page loads may leave this machine: GraphiQL's assets come from the server. */
function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;

  return ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

describe('GraphiQL in headless Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext | undefined;
  let userDataDir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}; this end-to-end test needs it: apt-get install chromium`,
      );
    }

    const config = loadConfig({ PORT: '0', SANDBOX_PORT: '0', BACKGROUND_REFRESH: 'off' });
    server = await serve(config, { logger: silentLogger(), announce: () => {} });
    userDataDir = mkdtempSync(path.join(tmpdir(), 'backoffice-graph-chromium-'));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close(1000);
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('loads the editor, runs the locations example and shows 1989, with no request off the machine', async () => {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    // Anything non-local is refused as well as recorded, so the page behaves as offline.
    await context.route('**/*', (route) =>
      isLocal(route.request().url()) ? route.continue() : route.abort(),
    );
    const page = context.pages()[0] ?? (await context.newPage());

    await page.goto(server.graphqlUrl);
    const editor = page.locator('.graphiql-query-editor');
    await editor.waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForFunction(
      () =>
        document.querySelector('.graphiql-query-editor')?.textContent?.includes('SandboxLocations'),
      undefined,
      { timeout: 30_000 },
    );
    const variablesPane = await page.locator('.graphiql-editor-tool').textContent();
    // The first tab holds the whole walk-through; run the operation under the cursor.
    await editor.locator('.view-line', { hasText: 'query SandboxLocations' }).click();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () => document.querySelector('.graphiql-response')?.textContent?.includes('2869'),
      undefined,
      { timeout: 30_000 },
    );
    // Monaco renders spaces as non-breaking ones; \s covers both.
    const result = (await page.locator('.graphiql-response').textContent())?.replace(/\s+/g, ' ');
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    expect(result).toContain('"locId": 1989, "name": "Sandbox", "state": "AZ"');
    expect(result).toMatch(
      /"locId": 2862, "name": "Sandbox", "state": "IL", [^}]*"canReceive": false/,
    );
    for (const name of Object.keys(JSON.parse(GRAPHIQL_EXAMPLE_TABS[0].variables ?? '{}'))) {
      expect(variablesPane).toContain(`"${name}"`);
    }
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !isLocal(url))).toEqual([]);
  }, 120_000);
});
