import { createHash } from 'node:crypto';
import { Decimal, type DecimalValue } from '../util/decimal';
import { licenseKey } from './propose-vendor';

export interface IdempotencyLine {
  packageId: string;
  productId: number;
  quantity: DecimalValue | string | number;
  totalPackageCost?: DecimalValue | string | number | null;
}

export interface ManifestIdempotencyKeyInput {
  senderLicense: string | null;
  transferId: string;
  selectedLines: readonly IdempotencyLine[];
}

/**
 * The key a manifest receive is recorded and found under (it travels upstream as
 * `externalId`). It is derived from the sender's license, the transfer id and what is
 * received, so the same selection sent again, in any order and with "15" or "15.00", gives
 * the same key, and a different selection (another line, product, quantity or cost) another.
 * Line indexes are left out on purpose: a sender re-issuing the manifest with its items
 * reordered is still the same delivery.
 *
 * Shape: `wcia:<license>:<transfer id>:<24 hex digits of SHA-256>`, readable upstream.
 */
export function manifestIdempotencyKey(input: ManifestIdempotencyKeyInput): string {
  const license = licenseKey(input.senderLicense) ?? 'unknown';
  const lines = input.selectedLines.map(canonicalLine).sort();
  const digest = createHash('sha256')
    .update(JSON.stringify([license, input.transferId.trim(), lines]))
    .digest('hex')
    .slice(0, 24);

  return `wcia:${readable(license)}:${readable(input.transferId)}:${digest}`;
}

function canonicalLine(line: IdempotencyLine): string {
  const cost = line.totalPackageCost == null ? '' : new Decimal(line.totalPackageCost).toFixed();

  return JSON.stringify([
    line.packageId.trim(),
    line.productId,
    new Decimal(line.quantity).toFixed(),
    cost,
  ]);
}

/** Ids are free text; only a bounded, safe part of them is shown (the digest carries the rest). */
function readable(text: string): string {
  return text
    .trim()
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .slice(0, 40);
}
