import { SANDBOX_DEFAULT_PASSWORD, SANDBOX_DEFAULT_USERNAME } from '../sandbox/types';
import { apiKeysField } from './api-keys';
import {
  baseUrlField,
  choiceField,
  type ConfigField,
  integerField,
  locIdListField,
  positiveNumberField,
  switchField,
  textField,
  textFieldWithDefault,
  timeZoneMapField,
} from './config-fields';

interface Variable<T> extends ConfigField<T> {
  meaning: string;
}

function variable<T>(meaning: string, configField: ConfigField<T>): Variable<T> {
  return { ...configField, meaning };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Every environment variable the server reads: the names are a contract with deployments and
 * the README, so they never change. The order is the order of the help table.
 */
export const VARIABLES = {
  PORT: variable(
    'HTTP port of the GraphQL server (0 picks a free one)',
    integerField({ fallback: 4000, min: 0, max: 65535 }),
  ),
  HOST: variable(
    'Interface to listen on; loopback by default, 0.0.0.0 to accept other machines',
    textFieldWithDefault('127.0.0.1'),
  ),
  SANDBOX_PORT: variable(
    'Port of the embedded sandbox (sandbox mode only; 0 picks a free one)',
    integerField({ fallback: 4010, min: 0, max: 65535 }),
  ),
  SANDBOX_USERNAME: variable(
    'Login the embedded sandbox accepts; the server hands it to its own client',
    textFieldWithDefault(SANDBOX_DEFAULT_USERNAME),
  ),
  SANDBOX_PASSWORD: variable(
    'Password the embedded sandbox accepts; the server hands it to its own client',
    textFieldWithDefault(SANDBOX_DEFAULT_PASSWORD, { secret: true }),
  ),
  SANDBOX_CALLS_PER_MINUTE: variable(
    'Rate limit the sandbox enforces per session and rolling minute (0 turns it off)',
    integerField({ fallback: 60, min: 0, max: 100_000 }),
  ),
  SANDBOX_READ_LAG_MS: variable(
    'How long a received package stays invisible to sandbox inventory reads',
    integerField({ fallback: 2000, min: 0, max: 600_000 }),
  ),
  DUTCHIE_BACKOFFICE_URL: variable(
    'Base URL of a live Backoffice tenant; set it for live mode (no sandbox)',
    baseUrlField(),
  ),
  DUTCHIE_BACKOFFICE_USERNAME: variable(
    'Backoffice employee login (required in live mode)',
    textField(),
  ),
  DUTCHIE_BACKOFFICE_PASSWORD: variable(
    'Backoffice employee password (required in live mode)',
    textField({ secret: true }),
  ),
  BACKOFFICE_CALLS_PER_MINUTE: variable(
    'Upstream calls the client allows itself per rolling minute (upstream refuses past ~60)',
    positiveNumberField({ fallback: 55 }),
  ),
  BACKOFFICE_MAX_QUEUE_WAIT_SECONDS: variable(
    'Longest a call waits for budget before failing with UPSTREAM_BUDGET_EXHAUSTED',
    integerField({ fallback: 120, min: 0 }),
  ),
  BACKOFFICE_TIMEOUT_SECONDS: variable(
    'Timeout of one upstream call',
    positiveNumberField({ fallback: 30 }),
  ),
  TIME_ZONE_OVERRIDES: variable(
    'JSON object of state code to IANA zone, replacing the built-in map for those states',
    timeZoneMapField(),
  ),
  REFERENCE_TTL_SECONDS: variable(
    'How long locations, rooms, vendors and catalogs stay cached',
    integerField({ fallback: 300, min: 1 }),
  ),
  INVENTORY_TTL_SECONDS: variable(
    'How long an inventory read stays cached',
    integerField({ fallback: 30, min: 1 }),
  ),
  BACKGROUND_REFRESH: variable(
    'Refresh cached reference data in the background before it expires (on|off)',
    switchField({ fallback: true }),
  ),
  WRITABLE_LOC_IDS: variable(
    'Comma list of LocIds that accept receives, or none',
    locIdListField(),
  ),
  DATA_DIR: variable(
    'Folder of the receive ledger (SQLite); unset keeps it in memory, which live mode refuses',
    textField(),
  ),
  RECEIVE_VERIFY_SECONDS: variable(
    'How long a receive polls inventory for its packages before reporting an unknown outcome',
    // The receive engine refuses more than ten minutes of polling.
    positiveNumberField({ fallback: 15, max: 600 }),
  ),
  GRAPH_API_KEYS: variable(
    'JSON list of {name, key | sha256, scopes, locIds?} accepted as Bearer tokens',
    apiKeysField(),
  ),
  GRAPH_API_KEYS_FILE: variable(
    'Path of a JSON file holding more keys in the same form',
    textField(),
  ),
  GRAPH_AUTH: variable(
    'API key checks (on|off); default on when keys are configured; live mode needs keys or off',
    switchField({ fallback: undefined, defaultText: 'on with keys, off without' }),
  ),
  METRICS_API_KEY: variable(
    'When set, /metrics requires "Authorization: Bearer <this key>"',
    textField({ secret: true }),
  ),
  LOG_LEVEL: variable(
    `Log level (${LOG_LEVELS.join(', ')})`,
    choiceField({ fallback: 'info', choices: LOG_LEVELS }),
  ),
  GRAPHQL_MAX_DEPTH: variable(
    'Deepest selection a query may nest',
    integerField({ fallback: 10, min: 1 }),
  ),
  GRAPHQL_MAX_ALIASES: variable(
    'Most aliases in one operation',
    integerField({ fallback: 15, min: 0 }),
  ),
  GRAPHQL_MAX_TOKENS: variable(
    'Most lexical tokens in one document',
    integerField({ fallback: 2000, min: 1 }),
  ),
  GRAPHQL_MAX_DIRECTIVES: variable(
    'Most directives in one operation',
    integerField({ fallback: 50, min: 0 }),
  ),
  GRAPHQL_MAX_COST: variable(
    'Highest estimated cost of one operation',
    integerField({ fallback: 5000, min: 1 }),
  ),
  GRAPHQL_BATCHING: variable(
    'Accept a JSON array of operations in one request (on|off)',
    switchField({ fallback: false }),
  ),
  GRAPHQL_BATCH_LIMIT: variable(
    'Most operations in one batched request',
    integerField({ fallback: 10, min: 1 }),
  ),
  GRAPHQL_INTROSPECTION: variable(
    'Schema introspection and GraphiQL (on|off); default on with the sandbox, off in live mode',
    switchField({ fallback: undefined, defaultText: 'on (sandbox), off (live)' }),
  ),
};

export type VariableName = keyof typeof VARIABLES;

export interface ConfigVariableInfo {
  name: VariableName;
  default: string;
  meaning: string;
  secret: boolean;
}

/** The table the README and `serve --help` print. */
export const CONFIG_VARIABLES: readonly ConfigVariableInfo[] = Object.entries(VARIABLES).map(
  ([name, entry]) => ({
    name: name as VariableName,
    default: entry.defaultText,
    meaning: entry.meaning,
    secret: entry.secret,
  }),
);

/** A plain-text table for terminals. */
export function formatConfigTable(): string {
  const nameWidth = Math.max(...CONFIG_VARIABLES.map((row) => row.name.length));
  const defaultWidth = Math.max(...CONFIG_VARIABLES.map((row) => row.default.length));
  const lines = CONFIG_VARIABLES.map(
    (row) => `  ${row.name.padEnd(nameWidth)}  ${row.default.padEnd(defaultWidth)}  ${row.meaning}`,
  );

  return [
    `  ${'VARIABLE'.padEnd(nameWidth)}  ${'DEFAULT'.padEnd(defaultWidth)}  MEANING`,
    ...lines,
  ].join('\n');
}

/** The same table as Markdown, for the README. */
export function formatConfigMarkdown(): string {
  const rows = CONFIG_VARIABLES.map(
    (row) => `| \`${row.name}\` | ${row.default.replace(/\|/g, '\\|')} | ${row.meaning} |`,
  );

  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}
