import { randomUUID } from 'node:crypto';

/**
 * Which upstream a ledger entry belongs to. A key is only ever replayed against the upstream
 * it was written to: the same key sent to another tenant (or another login) is a new receive.
 */
export function upstreamIdentity(baseUrl: string, username: string): string {
  return `${baseUrl.replace(/\/+$/, '').toLowerCase()}#${username.trim().toLowerCase()}`;
}

/**
 * The embedded sandbox starts from its seed on every start, so its receipts must not outlive
 * the process: a per-process identity makes a restart start with a clean slate even when the
 * ledger file is durable.
 */
export function embeddedSandboxIdentity(): string {
  return `embedded-sandbox#${process.pid}-${randomUUID()}`;
}
