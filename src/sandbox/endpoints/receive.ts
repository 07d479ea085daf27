import { envelope, nullReference500, type Answer } from '../answers';
import { findLocation, lspOf, vendorsOfLsp, type SeedLocation } from '../seed';
import { toLocalDateTime } from '../local-time';
import { SEED_UNIT_IDS } from '../seed-facts';
import { SqlFailure, sqlMessages } from '../sql-messages';
import type { SandboxReceiveLine } from '../types';
import type { EndpointContext, Route } from './context';
import {
  parseReceiveBody,
  RECEIVE_KEYS,
  type ReceiveHeader,
  type ReceiveLine,
} from './receive-body';

export const receiveRoute: Route = {
  endpoint: 'v2/inventory/receive',
  needsSession: true,
  requiredKey: 'LocId',
  knownKeys: RECEIVE_KEYS,
  handle: (context) => receive(context),
};

export const saveReceiveRoute: Route = {
  endpoint: 'v2/inventory/save-receive',
  needsSession: true,
  requiredKey: 'LocId',
  knownKeys: RECEIVE_KEYS,
  handle: (context) => saveDraft(context),
};

const KNOWN_UNIT_IDS: ReadonlySet<number> = new Set(Object.values(SEED_UNIT_IDS));

/** A line's plan: which room and vendor it lands in, or why it makes no package. */
interface LinePlan {
  line: ReceiveLine;
  roomId: number | null;
  vendorId: number | null;
  create: boolean;
}

function receive(context: EndpointContext): Answer {
  const parsed = parseReceiveBody(context.body);
  if (!parsed) return nullReference500('Receive');

  const { header, lines } = parsed;
  const location = locationOf(header);
  if (!header.vendorId) return envelope(false, 'Vendor is required.');
  if (!vendorsOfLsp(location.lspId).some((vendor) => vendor.vendorId === header.vendorId)) {
    throw foreignKey('ReceiveInventoryHistory', 'Vendor', 'VendorId');
  }

  const historyId = historyIdFor(context, header);
  if (historyId === null) return envelope(false, 'No matching receive found');

  const { plans, orphan } = planLines(context, location, header, lines);
  const created = plans.map((plan) =>
    plan.create ? createPackage(context, location, header, plan, historyId) : null,
  );
  context.state.record({
    receiveHistoryId: historyId,
    kind: 'receive',
    locId: location.locId,
    vendorId: header.vendorId,
    externalId: header.externalId,
    at: context.clock.now(),
    outcome: orphan ? 'orphaned' : plans.every((plan) => plan.create) ? 'applied' : 'partial',
    lines: plans.map((plan, i) => recordedLine(plan.line, plan.roomId, plan.vendorId, created[i])),
  });

  return envelope(true, null, historyId);
}

/**
 * Observed: a location with no rooms answers with an id and makes nothing (an orphan), and
 * lines whose room holds no inventory are skipped without a word. The orphan and partial
 * faults reproduce those answers anywhere. Everything is checked before anything is written,
 * so a foreign-key failure on any line writes no package at all, as one transaction would.
 */
function planLines(
  context: EndpointContext,
  location: SeedLocation,
  header: ReceiveHeader,
  lines: ReceiveLine[],
): { plans: LinePlan[]; orphan: boolean } {
  const rooms = context.state.seed.rooms(location.locId);
  const fault = context.fault;
  const orphan = rooms.length === 0 || fault?.kind === 'orphan';
  const kept =
    fault?.kind === 'partial' ? Math.max(0, lines.length - fault.dropLines) : lines.length;

  const plans = lines.map((line, index) => {
    const roomId = line.roomId ?? header.roomId;
    const vendorId = line.vendorId ?? header.vendorId;
    if (orphan || index >= kept) return { line, roomId, vendorId, create: false };

    checkLine(context, location, line, roomId, vendorId);
    const room = rooms.find((candidate) => candidate.roomId === roomId);

    return { line, roomId, vendorId, create: room?.inventoryRoom === true };
  });

  return { plans, orphan };
}

function checkLine(
  context: EndpointContext,
  location: SeedLocation,
  line: ReceiveLine,
  roomId: number | null,
  vendorId: number | null,
): void {
  if (line.productId === null) throw notNull('ProductId');
  if (line.quantity === null) throw notNull('Quantity');
  if (line.packageId === null) throw notNull('PackageId');
  if (roomId === null) throw notNull('RoomId');

  if (context.state.product(line.productId)?.lspId !== location.lspId) {
    throw foreignKey('PackageInventory', 'Product', 'ProductId');
  }
  if (!context.state.seed.rooms(location.locId).some((room) => room.roomId === roomId)) {
    throw foreignKey('PackageInventory', 'Room', 'RoomId');
  }
  if (!vendorsOfLsp(location.lspId).some((vendor) => vendor.vendorId === vendorId)) {
    throw foreignKey('PackageInventory', 'Vendor', 'VendorId');
  }
  // A null unitId leaves the product's own unit; any other id must be a row of the unit table.
  if (line.unitId !== null && !KNOWN_UNIT_IDS.has(line.unitId)) {
    throw foreignKey('PackageInventory', 'Unit', 'UnitId');
  }
}

function createPackage(
  context: EndpointContext,
  location: SeedLocation,
  header: ReceiveHeader,
  plan: LinePlan,
  historyId: number,
): number {
  const now = context.clock.now();
  const stored = context.state.addPackage({
    locId: location.locId,
    packageId: plan.line.packageId!,
    productId: plan.line.productId!,
    roomId: plan.roomId!,
    vendorId: plan.vendorId!,
    quantity: plan.line.quantity!,
    quantityAsString: false,
    batchName: plan.line.lot ?? '',
    unitCost: plan.line.cost,
    receivedDate: header.receivedDate ?? toLocalDateTime(now, lspOf(location).timeZone),
    receiveHistoryId: historyId,
    // Observed: reads right after a write lag behind it.
    visibleAt: now + context.readLagMs,
  });

  return stored.inventoryId;
}

function saveDraft(context: EndpointContext): Answer {
  const parsed = parseReceiveBody(context.body);
  if (!parsed) return nullReference500('SaveReceive');

  const location = locationOf(parsed.header);
  const historyId = historyIdFor(context, parsed.header);
  if (historyId === null) return envelope(false, 'No matching receive found');

  context.state.record({
    receiveHistoryId: historyId,
    kind: 'draft',
    locId: location.locId,
    vendorId: parsed.header.vendorId,
    externalId: parsed.header.externalId,
    at: context.clock.now(),
    outcome: 'draft',
    lines: parsed.lines.map((line) => recordedLine(line, line.roomId, line.vendorId, null)),
  });

  return envelope(true, null, historyId);
}

function locationOf(header: ReceiveHeader): SeedLocation {
  if (header.locId === null)
    throw new SqlFailure(sqlMessages.notNull('LocId', 'ReceiveInventoryHistory'));

  const location = findLocation(header.locId);
  if (!location) throw foreignKey('ReceiveInventoryHistory', 'Location', 'LocId');

  return location;
}

/** "" means a new receive; an existing id continues that receive (a saved draft). */
function historyIdFor(context: EndpointContext, header: ReceiveHeader): number | null {
  if (header.historyId === null) return context.state.takeHistoryId();

  return context.state.findReceive(header.historyId)?.receiveHistoryId ?? null;
}

function recordedLine(
  line: ReceiveLine,
  roomId: number | null,
  vendorId: number | null,
  inventoryId: number | null,
): SandboxReceiveLine {
  return {
    productId: line.productId,
    roomId,
    vendorId,
    quantity: line.quantity,
    unitId: line.unitId,
    packageId: line.packageId,
    lot: line.lot,
    cost: line.cost,
    inventoryId,
  };
}

function notNull(column: string): SqlFailure {
  return new SqlFailure(sqlMessages.notNull(column, 'PackageInventory'));
}

function foreignKey(table: string, referenced: string, column: string): SqlFailure {
  return new SqlFailure(sqlMessages.foreignKey(`FK_${table}_${referenced}`, referenced, column));
}
