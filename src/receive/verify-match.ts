import type { ReceiveRequest } from '../dutchie/backoffice-api';
import type { InventoryRow } from '../dutchie/models';
import { formatDecimal, type DecimalValue } from '../util/decimal';
import type { LineMismatch } from './results';

export interface PackageMatch {
  /** Rows matching each line exactly, in line order; null where the line did not match. */
  rows: (InventoryRow | null)[];
  verified: string[];
  missing: { path: string; packageId: string }[];
  mismatched: LineMismatch[];
  complete: boolean;
  /** Whether any line's label was seen at all: the receive materialised, at least in part. */
  anyPresent: boolean;
}

/** Quantities compare as exact decimals: 0.1 + 0.2 equals 0.3; 3.4 is not 3.5. */
export function sameQuantity(a: DecimalValue, b: DecimalValue): boolean {
  return a.equals(b);
}

/**
 * Compares what was sent with what the location holds: each line's label must be there with
 * the product, room and quantity sent. Reads may hold a label twice (it is not unique
 * upstream); any row that matches in full counts.
 */
export function matchPackages(
  body: ReceiveRequest,
  inventory: readonly InventoryRow[],
): PackageMatch {
  const byLabel = new Map<string, InventoryRow[]>();
  for (const row of inventory)
    byLabel.set(row.packageId, [...(byLabel.get(row.packageId) ?? []), row]);

  const match: PackageMatch = {
    rows: [],
    verified: [],
    missing: [],
    mismatched: [],
    complete: false,
    anyPresent: false,
  };

  body.products.forEach((line, index) => {
    const path = `lines.${index}`;
    const candidates = byLabel.get(line.packageId) ?? [];
    const exact = candidates.find((row) => differences(line, row, path).length === 0);

    if (candidates.length > 0) match.anyPresent = true;
    if (exact) {
      match.rows.push(exact);
      match.verified.push(line.packageId);
    } else if (candidates.length === 0) {
      match.rows.push(null);
      match.missing.push({ path, packageId: line.packageId });
    } else {
      match.rows.push(null);
      match.mismatched.push(...differences(line, candidates[0], path));
    }
  });

  match.complete = match.verified.length === body.products.length;

  return match;
}

function differences(
  line: ReceiveRequest['products'][number],
  row: InventoryRow,
  path: string,
): LineMismatch[] {
  const found: LineMismatch[] = [];
  const packageId = line.packageId;

  if (row.productId !== line.productId) {
    found.push({
      path: `${path}.productId`,
      packageId,
      field: 'product',
      expected: String(line.productId),
      actual: String(row.productId),
    });
  }
  if (row.roomId !== line.roomId) {
    found.push({
      path: `${path}.roomId`,
      packageId,
      field: 'room',
      expected: String(line.roomId),
      actual: String(row.roomId),
    });
  }
  if (!sameQuantity(row.quantity, line.quantity)) {
    found.push({
      path: `${path}.quantity`,
      packageId,
      field: 'quantity',
      expected: formatDecimal(line.quantity),
      actual: formatDecimal(row.quantity),
    });
  }

  return found;
}
