/**
 * Who is asking. The access-control layer resolves an API key to a Principal and passes it to
 * `createRequestContext`; `null` means open access (no keys configured), which is what the
 * embedded sandbox and the tests use.
 */
export interface Principal {
  /** The key's name, for logs; never the key itself. */
  name: string;
  /** e.g. `inventory:read`, `inventory:receive`. */
  scopes: string[];
  /** The LocIds the key may see; null means every location the login sees. */
  locIds: number[] | null;
}
