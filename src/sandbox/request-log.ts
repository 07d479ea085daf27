import type { SandboxRequest, SandboxRequestLog } from './types';

const MAX_ENTRIES = 200_000;
const KEEP_AFTER_TRIM = 150_000;

/** Keys whose values never enter the log, at any depth and in any casing. */
const SECRET_KEYS = new Set(['password', 'sessionid', 'sessiongid', 'cookie', 'llsession']);

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;

  const entries = Object.entries(value).filter(([key]) => !SECRET_KEYS.has(key.toLowerCase()));

  return Object.fromEntries(entries.map(([key, inner]) => [key, withoutSecrets(inner)]));
}

/**
 * Every request the sandbox received, entered on arrival and completed when answered, so a
 * test can see a request that is still hanging. Status 0 means no answer was sent (the socket
 * was destroyed or the request never got headers).
 */
export class RequestLog implements SandboxRequestLog {
  private entries: SandboxRequest[] = [];

  start(endpoint: string, at: number, body: unknown): SandboxRequest {
    const entry: SandboxRequest = { endpoint, at, status: 0, body: withoutSecrets(body) };
    this.entries.push(entry);
    // LIMITATION: past MAX_ENTRIES the oldest entries are dropped (counts then cover only the
    // rest), so a standalone sandbox left running for days keeps bounded memory.
    if (this.entries.length > MAX_ENTRIES) this.entries = this.entries.slice(-KEEP_AFTER_TRIM);

    return entry;
  }

  all(): readonly SandboxRequest[] {
    return [...this.entries];
  }

  count(endpoint?: string): number {
    if (endpoint === undefined) return this.entries.length;

    return this.entries.filter((entry) => entry.endpoint === endpoint).length;
  }

  countsByEndpoint(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of this.entries) counts[entry.endpoint] = (counts[entry.endpoint] ?? 0) + 1;

    return counts;
  }

  clear(): void {
    this.entries = [];
  }
}
