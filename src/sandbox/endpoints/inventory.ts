import { envelope, envelopeRaw } from '../answers';
import { findLocation, findRoom, findVendor } from '../seed';
import { lenientInt, readInt } from '../body-values';
import type { SandboxState, StoredPackage } from '../state';
import type { SeedPackage } from '../seed';
import type { Route } from './context';

const GOTTEN = 'Inventory Gotten.';

export const inventoryRoute: Route = {
  endpoint: 'v2/inventory/get-inventory',
  needsSession: true,
  requiredKey: 'LocId',
  knownKeys: ['IncludeZeroQuantity', 'RoomId'],
  handle({ body, state, clock }) {
    const location = findLocation(readInt(body.LocId) ?? -1);

    // THE EMPTY-READ TRAP (modelled): rows are scoped by the body's LspId, so an LspId that
    // does not own the location, or none at all, answers a successful empty list.
    if (!location || lenientInt(body.LspId) !== location.lspId) return envelope(true, GOTTEN, []);

    const includeZero = body.IncludeZeroQuantity === true || body.IncludeZeroQuantity === 'true';
    const roomId = lenientInt(body.RoomId);
    const keep = (pkg: SeedPackage) =>
      (includeZero || Number(pkg.quantity) !== 0) && (roomId === null || pkg.roomId === roomId);
    const now = clock.now();
    const received = state
      .receivedAt(location.locId)
      .filter((pkg) => pkg.visibleAt <= now && keep(pkg))
      .map((pkg) => JSON.stringify(inventoryRow(state, pkg)));
    const seeded =
      roomId === null
        ? seedRowsJson(state, location.locId, includeZero)
        : rowsJson(state, state.seed.packagesAt(location.locId).filter(keep));

    return envelopeRaw(GOTTEN, `[${[seeded, ...received].filter(Boolean).join(',')}]`);
  },
};

/**
 * Seeded packages never change, so their serialized rows are built once per seed and
 * location: a store of 2,500 packages is read on nearly every dashboard load.
 */
const seededJson = new WeakMap<object, Map<string, string>>();

function seedRowsJson(state: SandboxState, locId: number, includeZero: boolean): string {
  let perSeed = seededJson.get(state.seed);
  if (!perSeed) seededJson.set(state.seed, (perSeed = new Map()));

  const key = `${locId}:${includeZero}`;
  let json = perSeed.get(key);
  if (json === undefined) {
    const packages = state.seed.packagesAt(locId);
    json = rowsJson(
      state,
      includeZero ? packages : packages.filter((p) => Number(p.quantity) !== 0),
    );
    perSeed.set(key, json);
  }

  return json;
}

function rowsJson(state: SandboxState, packages: readonly SeedPackage[]): string {
  return packages.map((pkg) => JSON.stringify(inventoryRow(state, pkg))).join(',');
}

function inventoryRow(state: SandboxState, pkg: SeedPackage | StoredPackage) {
  const product = state.product(pkg.productId);

  return {
    InventoryId: pkg.inventoryId,
    PackageId: pkg.packageId,
    ProductId: pkg.productId,
    Sku: product?.sku ?? null,
    ProductName: product?.name ?? null,
    Quantity: pkg.quantityAsString ? pkg.quantity : jsonNumber(pkg.quantity),
    UnitId: product?.unitId ?? null,
    UnitAbbreviation: product?.unitAbbreviation ?? null,
    RoomId: pkg.roomId,
    RoomName: findRoom(pkg.roomId)?.name ?? null,
    VendorId: pkg.vendorId,
    VendorName: findVendor(pkg.vendorId)?.name ?? null,
    BatchName: pkg.batchName,
    UnitCost: pkg.unitCost === null ? null : jsonNumber(pkg.unitCost),
    ReceivedDate: pkg.receivedDate,
    ReceiveInventoryHistoryId: 'receiveHistoryId' in pkg ? pkg.receiveHistoryId : null,
  };
}

/** A number when it survives as one exactly; otherwise the digits as a string, never rounded. */
function jsonNumber(decimal: string): number | string {
  const asNumber = Number(decimal);

  return String(asNumber) === decimal ? asNumber : decimal;
}
