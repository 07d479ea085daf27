import type { ReceiveCall, ReceiveDataSource } from './data-source';
import type { ParsedReceiveInput } from './input-schema';
import { checkPackageLabels } from './preflight-packages';
import { checkLocation, checkRooms, checkVendor, type WritablePolicy } from './preflight-location';
import { checkWholeUnits, resolveProducts } from './preflight-products';
import type { ResolvedReceive } from './receive-body';
import type { ReceiveError } from './results';

export type PreflightResult =
  { ok: true; resolved: ResolvedReceive } | { ok: false; error: ReceiveError };

// Reads made for a write go ahead of dashboards in the client's budget.
const CALL: ReceiveCall = { priority: 'verify' };

/**
 * Step 3, in a fixed order so the first failing step answers with all its problems: the
 * location (exists, writable), its rooms, the vendor, the products and their units, the
 * package labels. Reads run one at a time on purpose: a refusal at the location costs one
 * call, not five, out of about 60 a minute. Upstream failures are thrown to the caller.
 */
export async function preflight(
  input: ParsedReceiveInput,
  source: ReceiveDataSource,
  writable: WritablePolicy,
): Promise<PreflightResult> {
  const location = checkLocation(await source.locations(CALL), input.locId, writable);
  if ('__typename' in location) return { ok: false, error: location };

  const rooms = checkRooms(await source.rooms(location.locId, CALL), input, location);
  if (!(rooms instanceof Map)) return { ok: false, error: rooms };

  const vendor = checkVendor(await source.vendors(location.locId, CALL), input.vendorId, location);
  if ('__typename' in vendor) return { ok: false, error: vendor };

  const products = resolveProducts(await source.catalog(location.lspId, CALL), input);
  if (!Array.isArray(products)) return { ok: false, error: products };

  const units = checkWholeUnits(input, products);
  if (units) return { ok: false, error: units };

  const inventory = await source.inventory(
    location,
    { fresh: true, includeZeroQuantity: true },
    CALL,
  );
  const labels = checkPackageLabels(input, inventory);
  if (labels) return { ok: false, error: labels };

  return { ok: true, resolved: { location, vendor, rooms, products } };
}
