import { randomUUID } from 'node:crypto';
import { Decimal, formatDecimal, type DecimalValue } from '../util/decimal';
import type { ReceiveLineRequest, ReceiveRequest } from './backoffice-api';
import type { SessionBlock } from './session-manager';

/**
 * The observed camelCase body of v2/inventory/receive (and save-receive), without the session
 * block. A new receive says `status: "Received"` and an empty `receiveInventoryHistoryId`; the
 * upstream answers the id it assigned. Decimals stay decimal objects: the sender writes them as
 * exact number literals, a dry-run plan as exact strings.
 */
export function receiveFields(request: ReceiveRequest) {
  return {
    LocId: request.locId,
    // The location's own LspId: a default LSP sent with another LSP's location misfiles.
    LspId: request.lspId,
    vendorId: request.vendorId,
    vendorLicenseNumber: request.vendorLicenseNumber,
    roomId: request.roomId,
    title: request.title,
    deliveredBy: request.deliveredBy,
    receiveDate: request.receiveDate,
    receiveNote: request.receiveNote,
    status: 'Received',
    externalId: request.externalId,
    transactionId: request.transactionId,
    receiveInventoryHistoryId: '',
    products: request.products.map(lineFields),
  };
}

/** The body as sent: the session block merged in, decimals as exact number literals. */
export function receiveBody(request: ReceiveRequest, session: SessionBlock): string {
  return stringifyWithExactDecimals({ ...session, ...receiveFields(request) });
}

function lineFields(line: ReceiveLineRequest) {
  return {
    productId: line.productId,
    roomId: line.roomId,
    vendorId: line.vendorId,
    quantity: line.quantity,
    unitId: line.unitId,
    packageId: line.packageId,
    lot: line.lot,
    cost: line.cost,
    totalPackageCost: line.totalPackageCost,
    expirationDate: line.expirationDate,
    productGrams: line.productGrams,
  };
}

/**
 * JSON with every decimal written as a bare number literal of its exact text: 3.5 goes out as
 * 3.5 and 0.1 as 0.1, never through a double and never as a string the upstream might refuse.
 * JSON.stringify would call decimal.js's toJSON (a string), so the replacer looks at the
 * original value on its holder and marks it, and the marks are unquoted afterwards. The mark
 * holds a fresh random nonce, so no text a user typed into a note can pass for one.
 */
export function stringifyWithExactDecimals(value: unknown): string {
  const nonce = randomUUID().replace(/-/g, '');
  const mark = `\u0000${nonce}:`;
  const marked = new RegExp(`"\\\\u0000${nonce}:([-+.0-9eE]+)"`, 'g');

  const json = JSON.stringify(
    value,
    function replacer(this: Record<string, unknown>, key: string, converted: unknown) {
      const original = this[key];
      if (!Decimal.isDecimal(original)) return converted;

      return mark + decimalLiteral(original as DecimalValue, key);
    },
  );

  return json.replace(marked, '$1');
}

function decimalLiteral(value: DecimalValue, key: string): string {
  if (!value.isFinite())
    throw new RangeError(`receive field ${key} is not a finite decimal (${String(value)})`);

  return formatDecimal(value);
}
