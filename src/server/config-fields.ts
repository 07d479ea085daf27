import { z } from 'zod';

/**
 * Builders for one environment variable each: a zod schema from the raw text (or undefined) to
 * the typed value, plus the default as the help table prints it. An empty string counts as
 * unset, because `.env` templates leave `NAME=` lines behind. Messages show what arrived,
 * except for secrets, whose value never appears anywhere.
 */
export interface ConfigField<T> {
  schema: z.ZodType<T, string | undefined>;
  /** The default as a person reads it, e.g. `4000` or `(unset)`. */
  defaultText: string;
  secret: boolean;
}

export type Parse<T> = (text: string) => { ok: true; value: T } | { ok: false; problem: string };

interface FieldOptions<T> {
  fallback: T;
  defaultText?: string;
  secret?: boolean;
}

export function field<T>(options: FieldOptions<T>, parse: Parse<T>): ConfigField<T> {
  const schema = z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      const text = raw?.trim() ?? '';
      if (text === '') return options.fallback;

      const parsed = parse(text);
      if (parsed.ok) return parsed.value;

      ctx.addIssue({ code: 'custom', message: parsed.problem });

      return z.NEVER;
    });

  return {
    schema,
    defaultText: options.defaultText ?? describeDefault(options.fallback),
    secret: options.secret ?? false,
  };
}

function describeDefault(value: unknown): string {
  if (value === undefined || value === null) return '(unset)';
  if (value === true) return 'on';
  if (value === false) return 'off';

  return String(value);
}

/** `'abc'`, cut short so that a pasted blob does not flood the message. */
export function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;

  return `'${shown}'`;
}

export const ok = <T>(value: T) => ({ ok: true as const, value });
export const fail = (problem: string) => ({ ok: false as const, problem });

export function integerField(options: FieldOptions<number> & { min: number; max?: number }) {
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const range = options.max === undefined ? `${options.min} or more` : `${options.min}-${max}`;

  return field(options, (text) => {
    const value = /^[-+]?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < options.min || value > max) {
      return fail(`expected an integer ${range}, got ${quote(text)}`);
    }

    return ok(value);
  });
}

/** A number above zero; fractions allowed (a budget of 27.5 calls a minute is fine). */
export function positiveNumberField(options: FieldOptions<number> & { max?: number }) {
  const max = options.max ?? Number.MAX_VALUE;
  const range = options.max === undefined ? 'above 0' : `above 0 and at most ${options.max}`;

  return field(options, (text) => {
    const value = /^\d*\.?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(value > 0) || value > max) return fail(`expected a number ${range}, got ${quote(text)}`);

    return ok(value);
  });
}

const SWITCH_WORDS: Record<string, boolean> = { on: true, true: true, off: false, false: false };

/** on|off (true|false also accepted). `fallback: undefined` lets the mode decide. */
export function switchField<T extends boolean | undefined>(options: FieldOptions<T>) {
  return field<boolean | T>(options, (text) => {
    const value = SWITCH_WORDS[text.toLowerCase()];
    if (value === undefined) return fail(`expected on or off, got ${quote(text)}`);

    return ok(value);
  });
}

export function choiceField<const C extends string>(options: FieldOptions<C> & { choices: C[] }) {
  return field<C>(options, (text) => {
    const value = options.choices.find((choice) => choice === text.toLowerCase());
    if (!value) return fail(`expected one of ${options.choices.join(', ')}, got ${quote(text)}`);

    return ok(value);
  });
}

export function textField(options: { secret?: boolean } = {}) {
  return field<string | undefined>({ fallback: undefined, secret: options.secret }, (text) =>
    ok(text),
  );
}

export function textFieldWithDefault(fallback: string, options: { secret?: boolean } = {}) {
  return field<string>(
    { fallback, secret: options.secret, defaultText: options.secret ? '(built in)' : fallback },
    (text) => ok(text),
  );
}

/** An http(s) base URL without a trailing slash. Credentials in it are refused unseen. */
export function baseUrlField() {
  return field<string | undefined>({ fallback: undefined }, (text) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return fail(`expected an http(s) URL such as https://tenant.backoffice.dutchie.com`);
    }

    if (url.username || url.password) {
      return fail('must not carry credentials; use the USERNAME and PASSWORD variables');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return fail(`expected an http(s) URL, got the scheme ${quote(url.protocol)}`);
    }

    return ok(url.href.replace(/\/+$/, ''));
  });
}

/** Which locations accept receives: a comma list of LocIds, `none`, or unset for the sandboxes. */
export type WritableLocations = 'sandbox-locations' | readonly number[];

export function locIdListField() {
  return field<WritableLocations>(
    { fallback: 'sandbox-locations', defaultText: 'the locations named "Sandbox"' },
    (text) => {
      if (text.toLowerCase() === 'none') return ok([]);

      const parts = text.split(',').map((part) => part.trim());
      const bad = parts.filter((part) => !/^[1-9]\d*$/.test(part));
      if (bad.length > 0) {
        return fail(`expected comma-separated LocIds or none, got ${bad.map(quote).join(', ')}`);
      }

      return ok([...new Set(parts.map(Number))]);
    },
  );
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });

    return true;
  } catch {
    return false;
  }
}

/** `{"AZ":"America/Phoenix"}`: state codes to IANA zones, each zone checked against Intl. */
export function timeZoneMapField() {
  return field<Readonly<Record<string, string>>>(
    { fallback: {}, defaultText: '{} (the built-in state map)' },
    (text) => {
      const json = parseJson(text);
      if (!json.ok)
        return fail(`expected a JSON object like {"AZ":"America/Phoenix"}: ${json.problem}`);

      const isObject = typeof json.value === 'object' && json.value !== null;
      if (!isObject || Array.isArray(json.value)) {
        return fail(`expected a JSON object of state to IANA zone, got ${quote(text)}`);
      }

      const entries = Object.entries(json.value as Record<string, unknown>);
      const problems = entries.flatMap(([state, zone]) => timeZoneProblems(state, zone));
      if (problems.length > 0) return fail(problems.join('; '));

      const upper = entries.map(([state, zone]) => [state.toUpperCase(), String(zone)]);

      return ok(Object.fromEntries(upper));
    },
  );
}

function timeZoneProblems(state: string, zone: unknown): string[] {
  const problems: string[] = [];
  if (!/^[A-Za-z]{2}$/.test(state)) problems.push(`${quote(state)} is not a two-letter state code`);
  if (typeof zone !== 'string' || !isTimeZone(zone)) {
    problems.push(`${state}: ${quote(String(zone))} is not an IANA time zone`);
  }

  return problems;
}

/** JSON.parse without its message, which quotes the input (a secret, for API keys). */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return fail('not valid JSON');
  }
}
