import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_VARIABLES,
  ConfigError,
  formatConfigTable,
  loadConfig,
  type Env,
} from '../../src/server/config';
import { SANDBOX_DEFAULT_PASSWORD, SANDBOX_DEFAULT_USERNAME } from '../../src/sandbox/types';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function problemsOf(env: Env, options?: Parameters<typeof loadConfig>[1]): readonly string[] {
  try {
    loadConfig(env, options);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }

  throw new Error('expected a ConfigError');
}

const LIVE: Env = {
  DUTCHIE_BACKOFFICE_URL: 'https://tenant.backoffice.dutchie.com/',
  DUTCHIE_BACKOFFICE_USERNAME: 'intake@example.com',
  DUTCHIE_BACKOFFICE_PASSWORD: 'live-password-1',
  DATA_DIR: 'data',
  GRAPH_API_KEYS: JSON.stringify([
    { name: 'dashboard', key: 'dashboard-key-0123456789', scopes: ['inventory:read'] },
  ]),
};

describe('defaults', () => {
  it('runs the embedded sandbox with documented defaults when nothing is set', () => {
    const config = loadConfig({}, { cwd: '/srv/app' });

    expect(config).toEqual({
      server: { host: '127.0.0.1', port: 4000 },
      upstream: {
        mode: 'sandbox',
        sandbox: {
          port: 4010,
          username: SANDBOX_DEFAULT_USERNAME,
          password: SANDBOX_DEFAULT_PASSWORD,
          callsPerMinute: 60,
          readLagMs: 2000,
        },
      },
      client: {
        callsPerMinute: 55,
        maxQueueWaitSeconds: 120,
        timeoutSeconds: 30,
        timeZoneOverrides: {},
      },
      cache: { referenceTtlSeconds: 300, inventoryTtlSeconds: 30, backgroundRefresh: true },
      receive: { writableLocIds: 'sandbox-locations', dataDir: null, verifySeconds: 15 },
      auth: { enabled: false, keys: [], metricsKeySha256: null },
      graphql: {
        maxDepth: 10,
        maxAliases: 15,
        maxTokens: 2000,
        maxDirectives: 50,
        maxCost: 5000,
        batchLimit: null,
        introspection: true,
      },
      logLevel: 'info',
    });
  });

  it('treats an empty value like an unset one (a .env template leaves NAME= lines)', () => {
    const config = loadConfig({ PORT: '', DUTCHIE_BACKOFFICE_URL: '  ', LOG_LEVEL: '' });

    expect(config.server.port).toBe(4000);
    expect(config.upstream.mode).toBe('sandbox');
    expect(config.logLevel).toBe('info');
  });

  it('lists every contract variable in the help table, in one place', () => {
    const names = CONFIG_VARIABLES.map((row) => row.name);

    expect(names).toEqual([
      'PORT',
      'HOST',
      'SANDBOX_PORT',
      'SANDBOX_USERNAME',
      'SANDBOX_PASSWORD',
      'SANDBOX_CALLS_PER_MINUTE',
      'SANDBOX_READ_LAG_MS',
      'DUTCHIE_BACKOFFICE_URL',
      'DUTCHIE_BACKOFFICE_USERNAME',
      'DUTCHIE_BACKOFFICE_PASSWORD',
      'BACKOFFICE_CALLS_PER_MINUTE',
      'BACKOFFICE_MAX_QUEUE_WAIT_SECONDS',
      'BACKOFFICE_TIMEOUT_SECONDS',
      'TIME_ZONE_OVERRIDES',
      'REFERENCE_TTL_SECONDS',
      'INVENTORY_TTL_SECONDS',
      'BACKGROUND_REFRESH',
      'WRITABLE_LOC_IDS',
      'DATA_DIR',
      'RECEIVE_VERIFY_SECONDS',
      'GRAPH_API_KEYS',
      'GRAPH_API_KEYS_FILE',
      'GRAPH_AUTH',
      'METRICS_API_KEY',
      'LOG_LEVEL',
      'GRAPHQL_MAX_DEPTH',
      'GRAPHQL_MAX_ALIASES',
      'GRAPHQL_MAX_TOKENS',
      'GRAPHQL_MAX_DIRECTIVES',
      'GRAPHQL_MAX_COST',
      'GRAPHQL_BATCHING',
      'GRAPHQL_BATCH_LIMIT',
      'GRAPHQL_INTROSPECTION',
    ]);
    expect(formatConfigTable()).toMatch(/^ {2}PORT +4000 +HTTP port/m);
    expect(formatConfigTable()).not.toContain(SANDBOX_DEFAULT_PASSWORD);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^# ([A-Z_]+)=$/gm)].map((match) => match[1]);

    expect(documented).toEqual(CONFIG_VARIABLES.map((row) => row.name));
  });
});

describe('values', () => {
  it('parses lists, switches, numbers and the time-zone map', () => {
    const config = loadConfig({
      PORT: '0',
      WRITABLE_LOC_IDS: '1989, 2869,1989',
      BACKGROUND_REFRESH: 'OFF',
      BACKOFFICE_CALLS_PER_MINUTE: '27.5',
      TIME_ZONE_OVERRIDES: '{"az":"America/Denver"}',
      GRAPHQL_BATCHING: 'on',
      GRAPHQL_BATCH_LIMIT: '4',
      GRAPHQL_INTROSPECTION: 'off',
      LOG_LEVEL: 'debug',
    });

    expect(config.server.port).toBe(0);
    expect(config.receive.writableLocIds).toEqual([1989, 2869]);
    expect(config.cache.backgroundRefresh).toBe(false);
    expect(config.client.callsPerMinute).toBe(27.5);
    expect(config.client.timeZoneOverrides).toEqual({ AZ: 'America/Denver' });
    expect(config.graphql.batchLimit).toBe(4);
    expect(config.graphql.introspection).toBe(false);
    expect(config.logLevel).toBe('debug');
  });

  it('reads WRITABLE_LOC_IDS=none as no writable location', () => {
    expect(loadConfig({ WRITABLE_LOC_IDS: 'none' }).receive.writableLocIds).toEqual([]);
  });

  it('keeps only hashes of API keys and the metrics key', () => {
    const config = loadConfig({
      GRAPH_API_KEYS: JSON.stringify([
        {
          name: 'mirror',
          key: 'mirror-key-0123456789',
          scopes: ['inventory:read'],
          locIds: [1989],
        },
        {
          name: 'intake',
          sha256: sha256('intake-key-0123456789').toUpperCase(),
          scopes: ['inventory:receive'],
        },
      ]),
      METRICS_API_KEY: 'metrics-key-0123456789',
    });

    expect(config.auth).toEqual({
      enabled: true,
      keys: [
        {
          name: 'mirror',
          sha256: sha256('mirror-key-0123456789'),
          scopes: ['inventory:read'],
          locIds: [1989],
        },
        {
          name: 'intake',
          sha256: sha256('intake-key-0123456789'),
          scopes: ['inventory:receive'],
          locIds: null,
        },
      ],
      metricsKeySha256: sha256('metrics-key-0123456789'),
    });
    expect(JSON.stringify(config)).not.toContain('mirror-key-0123456789');
    expect(JSON.stringify(config)).not.toContain('metrics-key-0123456789');
  });

  it('adds the keys of GRAPH_API_KEYS_FILE, read relative to the working folder', () => {
    const files: Record<string, string> = {
      '/srv/app/keys.json': JSON.stringify([
        { name: 'odoo', key: 'odoo-key-0123456789', scopes: ['inventory:read'] },
      ]),
    };
    const readFile = (file: string) => {
      if (!(file in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });

      return files[file];
    };

    const config = loadConfig({ GRAPH_API_KEYS_FILE: 'keys.json' }, { cwd: '/srv/app', readFile });
    const problems = problemsOf(
      { GRAPH_API_KEYS_FILE: 'nope.json' },
      { cwd: '/srv/app', readFile },
    );

    expect(config.auth.keys.map((key) => key.name)).toEqual(['odoo']);
    expect(problems).toEqual(['GRAPH_API_KEYS_FILE: cannot read /srv/app/nope.json (ENOENT)']);
  });
});

describe('bad values', () => {
  it('names every problem in one error, not just the first', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      SANDBOX_PORT: '70000',
      SANDBOX_READ_LAG_MS: '-1',
      BACKOFFICE_CALLS_PER_MINUTE: '0',
      BACKOFFICE_TIMEOUT_SECONDS: 'soon',
      RECEIVE_VERIFY_SECONDS: '900',
      TIME_ZONE_OVERRIDES: '{"AZ":"Mars/Olympus_Mons"}',
      REFERENCE_TTL_SECONDS: '0',
      BACKGROUND_REFRESH: 'sometimes',
      WRITABLE_LOC_IDS: '1989,abc',
      GRAPH_AUTH: 'maybe',
      LOG_LEVEL: 'loud',
      GRAPHQL_MAX_DEPTH: '1.5',
      GRAPHQL_BATCHING: 'yes please',
    });

    expect(problems).toEqual([
      "PORT: expected an integer 0-65535, got 'eighty'",
      "SANDBOX_PORT: expected an integer 0-65535, got '70000'",
      "SANDBOX_READ_LAG_MS: expected an integer 0-600000, got '-1'",
      "BACKOFFICE_CALLS_PER_MINUTE: expected a number above 0, got '0'",
      "BACKOFFICE_TIMEOUT_SECONDS: expected a number above 0, got 'soon'",
      "TIME_ZONE_OVERRIDES: AZ: 'Mars/Olympus_Mons' is not an IANA time zone",
      "REFERENCE_TTL_SECONDS: expected an integer 1 or more, got '0'",
      "BACKGROUND_REFRESH: expected on or off, got 'sometimes'",
      "WRITABLE_LOC_IDS: expected comma-separated LocIds or none, got 'abc'",
      "RECEIVE_VERIFY_SECONDS: expected a number above 0 and at most 600, got '900'",
      "GRAPH_AUTH: expected on or off, got 'maybe'",
      "LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got 'loud'",
      "GRAPHQL_MAX_DEPTH: expected an integer 1 or more, got '1.5'",
      "GRAPHQL_BATCHING: expected on or off, got 'yes please'",
    ]);
  });

  it('starts its message with the count and lists each problem on a line', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(
      /^Invalid configuration \(2 problems\):\n {2}- PORT: .*\n {2}- LOG_LEVEL: /,
    );
  });

  it('never echoes a secret value, however it is wrong', () => {
    const secrets = [
      'hunter2-url-password',
      'sekrit-key-value-0123',
      'short-key',
      'metrics-sekrit-0123',
    ];
    const env: Env = {
      DUTCHIE_BACKOFFICE_URL: `https://intake:${secrets[0]}@tenant.backoffice.dutchie.com`,
      // Cut short: JSON.parse's own message would quote it.
      GRAPH_API_KEYS: `[{"name":"a","key":"${secrets[1]}"`,
      METRICS_API_KEY: secrets[3],
    };
    const fromKeys = problemsOf({
      GRAPH_API_KEYS: JSON.stringify([{ name: 'a', key: secrets[2], scopes: ['x'] }]),
    });

    const text = [...problemsOf(env), ...fromKeys].join('\n');

    expect(text).toContain('DUTCHIE_BACKOFFICE_URL: must not carry credentials');
    expect(text).toContain('GRAPH_API_KEYS: not valid JSON (value hidden)');
    expect(text).toContain('GRAPH_API_KEYS: entry 0.key: a key needs at least 16 characters');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('refuses two keys with one name or one value', () => {
    const problems = problemsOf({
      GRAPH_API_KEYS: JSON.stringify([
        { name: 'a', key: 'same-key-0123456789', scopes: ['x'] },
        { name: 'a', key: 'other-key-0123456789', scopes: ['x'] },
        { name: 'b', key: 'same-key-0123456789', scopes: ['x'] },
      ]),
    });

    expect(problems).toEqual([
      'GRAPH_API_KEYS: key names repeat: a',
      "GRAPH_API_KEYS: these keys repeat an earlier key's value: b",
    ]);
  });

  it('refuses Backoffice credentials without a URL instead of ignoring them', () => {
    expect(problemsOf({ DUTCHIE_BACKOFFICE_USERNAME: 'intake@example.com' })).toEqual([
      'DUTCHIE_BACKOFFICE_USERNAME: set without DUTCHIE_BACKOFFICE_URL; set the URL for live mode or unset them to use the sandbox',
    ]);
  });

  it('refuses GRAPH_AUTH=on without any key', () => {
    expect(problemsOf({ GRAPH_AUTH: 'on' })).toEqual([
      'GRAPH_AUTH: on, but no keys are configured in GRAPH_API_KEYS or GRAPH_API_KEYS_FILE',
    ]);
  });
});

describe('live mode', () => {
  it('talks to the given tenant with the given login and no sandbox', () => {
    const config = loadConfig(LIVE, { cwd: '/srv/app' });

    expect(config.upstream).toEqual({
      mode: 'live',
      url: 'https://tenant.backoffice.dutchie.com',
      username: 'intake@example.com',
      password: 'live-password-1',
    });
    expect(config.receive.dataDir).toBe('/srv/app/data');
    expect(config.auth.enabled).toBe(true);
    expect(config.graphql.introspection).toBe(false);
  });

  it('requires the login, a durable ledger and API keys', () => {
    const problems = problemsOf({ DUTCHIE_BACKOFFICE_URL: LIVE.DUTCHIE_BACKOFFICE_URL });

    expect(problems).toEqual([
      'DUTCHIE_BACKOFFICE_USERNAME: required in live mode (DUTCHIE_BACKOFFICE_URL is set)',
      'DUTCHIE_BACKOFFICE_PASSWORD: required in live mode (DUTCHIE_BACKOFFICE_URL is set)',
      'DATA_DIR: required in live mode (DUTCHIE_BACKOFFICE_URL is set) (the receive ledger must survive restarts)',
      'GRAPH_API_KEYS: live mode needs API keys (GRAPH_API_KEYS or GRAPH_API_KEYS_FILE), or GRAPH_AUTH=off to run without them',
    ]);
  });

  it('runs without keys when GRAPH_AUTH=off says so, and may keep introspection on', () => {
    const config = loadConfig({
      ...LIVE,
      GRAPH_API_KEYS: undefined,
      GRAPH_AUTH: 'off',
      GRAPHQL_INTROSPECTION: 'on',
    });

    expect(config.auth).toEqual({ enabled: false, keys: [], metricsKeySha256: null });
    expect(config.graphql.introspection).toBe(true);
  });
});
