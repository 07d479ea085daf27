import type { ManifestReceiveLine, ParsedManifest } from '../manifest';
import { manifestIdempotencyKey } from '../manifest';
import { RECEIVE_INPUT_LIMITS, type ReceiveInventoryInput } from '../receive';
import { formatDecimal, type DecimalValue } from '../util/decimal';

export interface ManifestReceiveRequest {
  locId: number;
  roomId: number;
  vendorId: number;
  dryRun: boolean;
  note?: string | null;
  receivedBy?: string | null;
}

export interface EngineRequest {
  /** What receiveInventory would have been sent for this selection. */
  input: ReceiveInventoryInput;
  /** Each line's exact total (line_price), in the order of `input.lines`. */
  lineTotals: DecimalValue[];
  /** The manifest index of each of `input.lines`. */
  manifestIndexes: number[];
}

// LIMITATION: a manifest's inventory_id is the package label as sent; one with spaces or over 64 characters fails the engine's label rule (a ValidationError on lines.N.packageId) and cannot be relabelled through receiveManifest.
// LIMITATION: receiveType is always PURCHASE: a manifest does not say whether it is a purchase or a move between one's own licenses, and the upstream keeps no such field.
/**
 * The receive engine's input for a selection of manifest lines. The key is derived from the
 * sender's license, the transfer id and the selected lines, so the same selection sent again
 * is a replay. Lines go in label order, not manifest order, and every header field comes from
 * the manifest itself: a sender re-issuing the manifest with its items reordered sends the very
 * same input, which the ledger recognises as the same receive.
 */
export function engineRequest(
  manifest: ParsedManifest,
  selected: readonly ManifestReceiveLine[],
  request: ManifestReceiveRequest,
): EngineRequest {
  const lines = [...selected].sort(byLabel);
  const limits = RECEIVE_INPUT_LIMITS;
  const sender = manifest.sender.name ?? manifest.sender.licenseNumber ?? 'an unnamed sender';

  const input: ReceiveInventoryInput = {
    idempotencyKey: manifestIdempotencyKey({
      senderLicense: manifest.sender.licenseNumber,
      transferId: manifest.transferId,
      selectedLines: lines,
    }),
    locId: request.locId,
    vendorId: request.vendorId,
    roomId: request.roomId,
    receiveType: 'PURCHASE',
    invoiceNumber: plainText(manifest.externalId ?? manifest.transferId, limits.maxShortText),
    title: plainText(`WCIA transfer ${manifest.transferId} from ${sender}`, limits.maxTitle),
    deliveredBy: plainText(manifest.transporter.name, limits.maxShortText),
    note: request.note ?? undefined,
    receivedBy: request.receivedBy ?? undefined,
    dryRun: request.dryRun,
    lines: lines.map((line) => ({
      productId: line.productId,
      quantity: formatDecimal(line.quantity),
      unitCost: formatDecimal(line.unitCost),
      packageId: line.packageId,
      batchName: line.batchName ?? undefined,
    })),
  };

  return {
    input,
    lineTotals: lines.map((line) => line.totalPackageCost),
    manifestIndexes: lines.map((line) => line.index),
  };
}

function byLabel(a: ManifestReceiveLine, b: ManifestReceiveLine): number {
  if (a.packageId !== b.packageId) return a.packageId < b.packageId ? -1 : 1;

  return a.index - b.index;
}

/**
 * Header text taken from a manifest must not fail the receive: control characters become
 * spaces and long text is cut to the field's limit (the manifest keeps the full value).
 */
function plainText(text: string | null, maxLength: number): string | undefined {
  if (text === null) return undefined;

  const plain = text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, maxLength)
    .trim();

  return plain === '' ? undefined : plain;
}
