import { readDecimal, readInt, readText } from '../body-values';
import { parseLocalDateTime } from '../local-time';
import { SqlFailure, sqlMessages } from '../sql-messages';
import type { Body } from './context';

export interface ReceiveHeader {
  locId: number | null;
  lspId: number | null;
  vendorId: number | null;
  roomId: number | null;
  /** Local wall time from `receiveDate`, or null when none was sent. */
  receivedDate: string | null;
  externalId: string | null;
  /** An existing ReceiveInventoryHistoryId; "" (a new receive) reads as null. */
  historyId: number | null;
}

export interface ReceiveLine {
  productId: number | null;
  roomId: number | null;
  vendorId: number | null;
  quantity: string | null;
  unitId: number | null;
  packageId: string | null;
  lot: string | null;
  cost: string | null;
  totalPackageCost: string | null;
  expirationDate: string | null;
  productGrams: string | null;
}

/** The header keys the web app sends (camelCase), known to the 422 check. */
export const RECEIVE_KEYS = [
  'vendorId',
  'vendorLicenseNumber',
  'roomId',
  'title',
  'deliveredBy',
  'receiveDate',
  'receiveNote',
  'status',
  'externalId',
  'transactionId',
  'receiveInventoryHistoryId',
  'products',
] as const;

/**
 * Converts every value the way the stored procedure's parameters would, so a wrong type fails
 * with SQL Server's conversion message before anything is written. Returns null when
 * `products` is not an array: the endpoint then fails the way .NET does on a null list.
 */
export function parseReceiveBody(
  body: Body,
): { header: ReceiveHeader; lines: ReceiveLine[] } | null {
  if (!Array.isArray(body.products)) return null;

  const header: ReceiveHeader = {
    locId: readInt(body.LocId),
    lspId: readInt(body.LspId),
    vendorId: readInt(body.vendorId),
    roomId: readInt(body.roomId),
    receivedDate: readDate(body.receiveDate),
    externalId: readText(body.externalId),
    historyId: readInt(body.receiveInventoryHistoryId),
  };
  const lines = body.products.map((line) => parseLine(isObject(line) ? line : {}));

  return { header, lines };
}

function parseLine(line: Body): ReceiveLine {
  return {
    productId: readInt(line.productId),
    roomId: readInt(line.roomId),
    vendorId: readInt(line.vendorId),
    quantity: readDecimal(line.quantity),
    unitId: readInt(line.unitId),
    packageId: readText(line.packageId),
    lot: readText(line.lot),
    cost: readDecimal(line.cost),
    totalPackageCost: readDecimal(line.totalPackageCost),
    expirationDate: readDate(line.expirationDate),
    productGrams: readDecimal(line.productGrams),
  };
}

function readDate(value: unknown): string | null {
  const text = readText(value);
  if (text === null) return null;

  const parsed = parseLocalDateTime(text);
  if (parsed === null) throw new SqlFailure(sqlMessages.toDatetime());

  return parsed;
}

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
