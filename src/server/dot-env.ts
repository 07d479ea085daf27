import { config } from 'dotenv';

/**
 * Loads ./.env under the real environment: a variable already set wins, so a deployment's
 * settings are never overridden by a file someone left behind.
 */
export function loadDotEnv(path = '.env'): void {
  config({ path, quiet: true, override: false });
}
