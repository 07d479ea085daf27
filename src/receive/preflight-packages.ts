import type { InventoryRow } from '../dutchie/models';
import { formatDecimal } from '../util/decimal';
import type { ParsedReceiveInput } from './input-schema';
import type { HeldLabel } from './ledger';
import type { DuplicatePackage, DuplicatePackageError } from './results';

/**
 * Package labels must be new: unique among the lines and absent from the location (read fresh,
 * zero-quantity rows included, since a sold-out package still holds its label). A label that
 * is already there would also make verification unable to tell the new package from the old.
 */
export function checkPackageLabels(
  input: ParsedReceiveInput,
  inventory: readonly InventoryRow[],
): DuplicatePackageError | null {
  const linesByLabel = new Map<string, number[]>();
  input.lines.forEach((line, index) => {
    linesByLabel.set(line.packageId, [...(linesByLabel.get(line.packageId) ?? []), index]);
  });

  // LIMITATION: labels are compared exactly as typed; whether the upstream treats labels case-insensitively is not known.
  const existing = new Map(inventory.map((row) => [row.packageId, row]));
  const duplicates: DuplicatePackage[] = [];

  for (const [packageId, lines] of linesByLabel) {
    const paths = lines.map((index) => `lines.${index}.packageId`);
    const row = existing.get(packageId);

    if (lines.length > 1) duplicates.push({ packageId, where: 'request', paths, existing: null });
    if (row) {
      duplicates.push({
        packageId,
        where: 'location',
        paths,
        existing: {
          inventoryId: row.inventoryId,
          productId: row.productId,
          roomId: row.roomId,
          quantity: formatDecimal(row.quantity),
        },
      });
    }
  }

  if (duplicates.length === 0) return null;

  return {
    __typename: 'DuplicatePackageError',
    code: 'DUPLICATE_PACKAGE',
    message: duplicates.map((duplicate) => describe(duplicate, input.locId)).join('; '),
    hint: 'Each line needs a package label of its own that the location does not hold yet; a repeated label would receive into an existing package.',
    locId: input.locId,
    duplicates,
  };
}

function describe(duplicate: DuplicatePackage, locId: number): string {
  if (duplicate.where === 'request') {
    return `package label "${duplicate.packageId}" is repeated in ${duplicate.paths.join(', ')}`;
  }

  const row = duplicate.existing!;

  return `package label "${duplicate.packageId}" (${duplicate.paths.join(', ')}) is already at LocId ${locId}: inventory ${row.inventoryId}, product ${row.productId}, quantity ${row.quantity}`;
}

/**
 * Labels another key's receive at the location holds (in flight, or settled after this
 * receive's inventory read): the inventory may not show them yet, but they are taken.
 */
export function heldLabelsError(
  input: ParsedReceiveInput,
  heldLabels: readonly HeldLabel[],
): DuplicatePackageError {
  const duplicates: DuplicatePackage[] = [];
  const messages: string[] = [];

  for (const held of heldLabels) {
    if (duplicates.some((duplicate) => duplicate.packageId === held.packageId)) continue;

    const paths = input.lines.flatMap((line, index) =>
      line.packageId === held.packageId ? [`lines.${index}.packageId`] : [],
    );
    duplicates.push({ packageId: held.packageId, where: 'location', paths, existing: null });
    messages.push(
      `package label "${held.packageId}" (${paths.join(', ')}) is taken at LocId ${input.locId} by the receive under idempotency key "${held.idempotencyKey}" (${held.status})`,
    );
  }

  return {
    __typename: 'DuplicatePackageError',
    code: 'DUPLICATE_PACKAGE',
    message: messages.join('; '),
    hint: 'Another receive sent these labels and its packages may not show in the inventory yet. Check that receive (receipts, or reverifyReceipt with its key) before sending them again; nothing was sent for this one.',
    locId: input.locId,
    duplicates,
  };
}
