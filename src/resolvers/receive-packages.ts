import type { ReceiveSuccess } from '../receive';
import type { GraphContext } from './context';
import { unknownLocation } from './upstream-data';
import type { PackageSource } from './sources';

/**
 * A receive's verified rows as the read graph's packages, which need the LspId their products
 * belong to. The engine's success carries it; a success stored by an older process may not,
 * and then the location list (through the shared cache) supplies it.
 */
export async function packagesOfSuccess(
  success: ReceiveSuccess,
  context: GraphContext,
): Promise<PackageSource[]> {
  const lspId = success.lspId ?? (await lspIdOf(success, context));

  return success.packages.map((row) => ({ row, lspId }));
}

async function lspIdOf(success: ReceiveSuccess, context: GraphContext): Promise<number> {
  const locId = success.packages[0]?.locId;
  if (locId === undefined) return 0;

  const location = await context.data.location(locId);
  if (!location) throw unknownLocation(locId);

  return location.lspId;
}
