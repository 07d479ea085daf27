import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { type ApiKeyConfig, duplicateKeyProblems, parseApiKeys, sha256Hex } from './api-keys';
import type { WritableLocations } from './config-fields';
import { VARIABLES, type VariableName } from './config-variables';

export { CONFIG_VARIABLES, formatConfigMarkdown, formatConfigTable } from './config-variables';
export type { ConfigVariableInfo, VariableName } from './config-variables';
export type { ApiKeyConfig } from './api-keys';
export type { WritableLocations } from './config-fields';

/**
 * Where upstream calls go. Sandbox mode starts the embedded simulator and hands its own
 * credentials to the client; live mode talks to a real tenant.
 */
export type UpstreamConfig =
  | {
      mode: 'sandbox';
      sandbox: {
        port: number;
        username: string;
        password: string;
        callsPerMinute: number;
        readLagMs: number;
      };
    }
  | { mode: 'live'; url: string; username: string; password: string };

export interface AppConfig {
  server: { host: string; port: number };
  upstream: UpstreamConfig;
  client: {
    callsPerMinute: number;
    maxQueueWaitSeconds: number;
    timeoutSeconds: number;
    /** State code (upper case) to IANA zone, over the built-in map. */
    timeZoneOverrides: Readonly<Record<string, string>>;
  };
  cache: { referenceTtlSeconds: number; inventoryTtlSeconds: number; backgroundRefresh: boolean };
  receive: {
    writableLocIds: WritableLocations;
    /** Absolute path of the ledger folder; null keeps the ledger in memory (sandbox mode only). */
    dataDir: string | null;
    verifySeconds: number;
  };
  auth: {
    /** Whether GraphQL requests must carry one of `keys` as a Bearer token. */
    enabled: boolean;
    keys: readonly ApiKeyConfig[];
    /** SHA-256 of METRICS_API_KEY; null leaves /metrics open. */
    metricsKeySha256: string | null;
  };
  graphql: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
    maxCost: number;
    /** Operations per batched request; null when batching is off. */
    batchLimit: number | null;
    /** Introspection and GraphiQL. */
    introspection: boolean;
  };
  logLevel: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Every problem found in the environment, listed together so one restart fixes them all. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    super(
      `Invalid configuration (${problems.length} ${noun}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface LoadConfigOptions {
  /** Folder that relative paths (DATA_DIR, GRAPH_API_KEYS_FILE) start from. Default: cwd. */
  cwd?: string;
  readFile?: (file: string) => string;
}

type Raw = { [K in VariableName]: z.output<(typeof VARIABLES)[K]['schema']> };

/** Reads and validates the whole configuration; throws one ConfigError naming every problem. */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): AppConfig {
  const { raw, problems } = parseVariables(env);

  // Rules that span variables run over the values that parsed, so that one run reports
  // a bad PORT and a missing live-mode password together.
  const keys = collectKeys(raw, options, problems);
  const keysBroken = problems.some((problem) => problem.startsWith('GRAPH_API_KEYS'));
  problems.push(...crossFieldProblems(raw, keys, keysBroken));

  if (problems.length > 0) throw new ConfigError(problems);

  return assemble(raw as Raw, keys, options.cwd ?? process.cwd());
}

function parseVariables(env: Env): { raw: Partial<Raw>; problems: string[] } {
  const problems: string[] = [];
  const entries = Object.entries(VARIABLES).flatMap(([name, entry]) => {
    const result = (entry.schema as z.ZodType).safeParse(env[name]);
    if (result.success) return [[name, result.data]];

    problems.push(...result.error.issues.map((issue) => `${name}: ${issue.message}`));

    return [];
  });

  return { raw: Object.fromEntries(entries) as Partial<Raw>, problems };
}

function collectKeys(raw: Partial<Raw>, options: LoadConfigOptions, problems: string[]) {
  const keys = [...(raw.GRAPH_API_KEYS ?? [])];
  const file = raw.GRAPH_API_KEYS_FILE;

  if (file) {
    const fromFile = readKeysFile(file, options);
    if (fromFile.ok) keys.push(...fromFile.value);
    else problems.push(`GRAPH_API_KEYS_FILE: ${fromFile.problem}`);
  }

  problems.push(...duplicateKeyProblems(keys).map((problem) => `GRAPH_API_KEYS: ${problem}`));

  return keys;
}

function readKeysFile(file: string, options: LoadConfigOptions) {
  const absolute = path.resolve(options.cwd ?? process.cwd(), file);
  const read = options.readFile ?? ((name: string) => readFileSync(name, 'utf8'));

  let text: string;
  try {
    text = read(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read failed';

    return { ok: false as const, problem: `cannot read ${absolute} (${code})` };
  }

  const parsed = parseApiKeys(text);

  return parsed.ok ? parsed : { ok: false as const, problem: `${absolute}: ${parsed.problem}` };
}

/** `keysBroken`: keys were given but did not parse; saying they are missing would mislead. */
function crossFieldProblems(
  raw: Partial<Raw>,
  keys: readonly ApiKeyConfig[],
  keysBroken: boolean,
): string[] {
  const problems: string[] = [];
  const live = Boolean(raw.DUTCHIE_BACKOFFICE_URL);
  const hasKeys = keys.length > 0;

  if (live) {
    if (!raw.DUTCHIE_BACKOFFICE_USERNAME) problems.push(liveNeeds('DUTCHIE_BACKOFFICE_USERNAME'));
    if (!raw.DUTCHIE_BACKOFFICE_PASSWORD) problems.push(liveNeeds('DUTCHIE_BACKOFFICE_PASSWORD'));
    // Without a durable ledger a restart forgets which receives were sent, and upstream has no
    // duplicate check: a retried receive would land twice in a real store.
    if (!raw.DATA_DIR)
      problems.push(liveNeeds('DATA_DIR') + ' (the receive ledger must survive restarts)');
    if (!hasKeys && !keysBroken && raw.GRAPH_AUTH !== false) {
      problems.push(
        'GRAPH_API_KEYS: live mode needs API keys (GRAPH_API_KEYS or GRAPH_API_KEYS_FILE), or GRAPH_AUTH=off to run without them',
      );
    }
  } else {
    const stray = (['DUTCHIE_BACKOFFICE_USERNAME', 'DUTCHIE_BACKOFFICE_PASSWORD'] as const).filter(
      (name) => raw[name],
    );
    if (stray.length > 0) {
      problems.push(
        `${stray.join(' and ')}: set without DUTCHIE_BACKOFFICE_URL; set the URL for live mode or unset them to use the sandbox`,
      );
    }
  }

  if (raw.GRAPH_AUTH === true && !hasKeys && !keysBroken) {
    problems.push(
      'GRAPH_AUTH: on, but no keys are configured in GRAPH_API_KEYS or GRAPH_API_KEYS_FILE',
    );
  }

  return problems;
}

function liveNeeds(name: string): string {
  return `${name}: required in live mode (DUTCHIE_BACKOFFICE_URL is set)`;
}

function assemble(raw: Raw, keys: readonly ApiKeyConfig[], cwd: string): AppConfig {
  const live = raw.DUTCHIE_BACKOFFICE_URL !== undefined;

  return {
    server: { host: raw.HOST, port: raw.PORT },
    upstream: live
      ? {
          mode: 'live',
          url: raw.DUTCHIE_BACKOFFICE_URL!,
          username: raw.DUTCHIE_BACKOFFICE_USERNAME!,
          password: raw.DUTCHIE_BACKOFFICE_PASSWORD!,
        }
      : {
          mode: 'sandbox',
          sandbox: {
            port: raw.SANDBOX_PORT,
            username: raw.SANDBOX_USERNAME,
            password: raw.SANDBOX_PASSWORD,
            callsPerMinute: raw.SANDBOX_CALLS_PER_MINUTE,
            readLagMs: raw.SANDBOX_READ_LAG_MS,
          },
        },
    client: {
      callsPerMinute: raw.BACKOFFICE_CALLS_PER_MINUTE,
      maxQueueWaitSeconds: raw.BACKOFFICE_MAX_QUEUE_WAIT_SECONDS,
      timeoutSeconds: raw.BACKOFFICE_TIMEOUT_SECONDS,
      timeZoneOverrides: raw.TIME_ZONE_OVERRIDES,
    },
    cache: {
      referenceTtlSeconds: raw.REFERENCE_TTL_SECONDS,
      inventoryTtlSeconds: raw.INVENTORY_TTL_SECONDS,
      backgroundRefresh: raw.BACKGROUND_REFRESH,
    },
    receive: {
      writableLocIds: raw.WRITABLE_LOC_IDS,
      dataDir: raw.DATA_DIR ? path.resolve(cwd, raw.DATA_DIR) : null,
      verifySeconds: raw.RECEIVE_VERIFY_SECONDS,
    },
    auth: {
      enabled: raw.GRAPH_AUTH ?? keys.length > 0,
      keys,
      metricsKeySha256: raw.METRICS_API_KEY ? sha256Hex(raw.METRICS_API_KEY) : null,
    },
    graphql: {
      maxDepth: raw.GRAPHQL_MAX_DEPTH,
      maxAliases: raw.GRAPHQL_MAX_ALIASES,
      maxTokens: raw.GRAPHQL_MAX_TOKENS,
      maxDirectives: raw.GRAPHQL_MAX_DIRECTIVES,
      maxCost: raw.GRAPHQL_MAX_COST,
      batchLimit: raw.GRAPHQL_BATCHING ? raw.GRAPHQL_BATCH_LIMIT : null,
      introspection: raw.GRAPHQL_INTROSPECTION ?? !live,
    },
    logLevel: raw.LOG_LEVEL,
  };
}
