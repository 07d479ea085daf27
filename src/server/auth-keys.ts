import { createHash, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../resolvers/principal';
import { KEY_SCOPES } from '../schema/auth-scopes';
import type { ApiKeyConfig } from './api-keys';
import { ConfigError } from './config';

/** Resolves a presented API key to the principal it stands for. */
export interface KeyVerifier {
  /** The key's principal, or null for a key that is not configured. */
  verify(presented: string): Principal | null;
  /** The principal of a key by its name (the actor the ledger records). */
  byName(name: string): Principal | null;
}

interface StoredKey {
  digest: Buffer;
  principal: Principal;
}

/**
 * Keys are held as SHA-256 digests only. A presented key is hashed and compared with every
 * digest by `timingSafeEqual`, without stopping at a match: the time taken depends neither on
 * the key's length nor on how much of it is right, nor on which entry it is.
 */
export function createKeyVerifier(keys: readonly ApiKeyConfig[]): KeyVerifier {
  const problems = keys.flatMap(scopeProblems);
  if (problems.length > 0) throw new ConfigError(problems);

  // One principal per key, shared by all its requests: frozen, so no request can widen it.
  const stored: StoredKey[] = keys.map((key) => ({
    digest: Buffer.from(key.sha256, 'hex'),
    principal: Object.freeze({
      name: key.name,
      scopes: Object.freeze([...key.scopes]) as string[],
      locIds: key.locIds && (Object.freeze([...key.locIds]) as number[]),
    }),
  }));

  return {
    verify: (presented) => {
      const digest = createHash('sha256').update(presented, 'utf8').digest();
      let found: Principal | null = null;
      for (const key of stored) {
        if (timingSafeEqual(digest, key.digest)) found = key.principal;
      }

      return found;
    },
    byName: (name) => stored.find((key) => key.principal.name === name)?.principal ?? null,
  };
}

/** A misspelt scope would silently grant nothing; say so at start-up instead. */
function scopeProblems(key: ApiKeyConfig): string[] {
  const unknown = key.scopes.filter((scope) => !KEY_SCOPES.includes(scope));
  if (unknown.length === 0) return [];

  const list = unknown.map((scope) => `'${scope}'`).join(', ');

  return [
    `GRAPH_API_KEYS: key "${key.name}" has unknown scopes ${list}; known: ${KEY_SCOPES.join(', ')}`,
  ];
}
