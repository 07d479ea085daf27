import { z } from 'zod';
import type { InventoryScope } from '../backoffice-api';
import type { InventoryRow } from '../models';
import {
  zDecimal,
  zInt,
  zOptionalDate,
  zOptionalDecimal,
  zOptionalInt,
  zOptionalText,
} from './fields';
import { listData, parseWith } from './schema-mismatch';
import { INVALID, readOptionalText } from './values';

/** Package labels are text, though a numeric-looking one may arrive as a JSON number. */
const zLabel = z
  .unknown()
  .optional()
  .transform((value, ctx): string => {
    const label = readOptionalText(value);

    if (label === INVALID || label === null) {
      ctx.issues.push({ code: 'custom', message: 'expected a package label', input: value });

      return z.NEVER;
    }

    return label;
  });

function inventoryListSchema(zone: string) {
  return z.array(
    z.object({
      InventoryId: zInt,
      PackageId: zLabel,
      ProductId: zInt,
      Sku: zOptionalText,
      ProductName: zOptionalText,
      // Sometimes a numeric string; always exact.
      Quantity: zDecimal,
      UnitId: zOptionalInt,
      UnitAbbreviation: zOptionalText,
      RoomId: zOptionalInt,
      RoomName: zOptionalText,
      VendorId: zOptionalInt,
      VendorName: zOptionalText,
      BatchName: zOptionalText,
      UnitCost: zOptionalDecimal,
      // Local time at the location, without an offset.
      ReceivedDate: zOptionalDate(zone),
      ReceiveInventoryHistoryId: zOptionalInt,
    }),
  );
}

const schemas = new Map<string, ReturnType<typeof inventoryListSchema>>();

export function parseInventory(data: unknown, scope: InventoryScope): InventoryRow[] {
  let schema = schemas.get(scope.timeZone);

  if (!schema) {
    schema = inventoryListSchema(scope.timeZone);
    schemas.set(scope.timeZone, schema);
  }

  return parseWith(schema, listData(data)).map((row) => ({
    inventoryId: row.InventoryId,
    locId: scope.locId,
    packageId: row.PackageId,
    productId: row.ProductId,
    sku: row.Sku,
    productName: row.ProductName,
    quantity: row.Quantity,
    unitId: row.UnitId,
    unitAbbreviation: row.UnitAbbreviation,
    roomId: row.RoomId,
    roomName: row.RoomName,
    vendorId: row.VendorId,
    vendorName: row.VendorName,
    batchName: row.BatchName,
    unitCost: row.UnitCost,
    receivedAt: row.ReceivedDate,
    receiveHistoryId: row.ReceiveInventoryHistoryId,
  }));
}
