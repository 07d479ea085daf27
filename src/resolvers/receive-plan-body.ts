import type { ReceiveLineRequest, ReceiveRequest } from '../dutchie/backoffice-api';
import { formatDecimal, type DecimalValue } from '../util/decimal';

/**
 * The body a dry run would have sent to v2/inventory/receive, keyed as the upstream sees it
 * (the web app's camelCase fields, `LocId` and `LspId`, the fixed `status` and an empty
 * history id for a new receive). The session block (SessionId, UserId) is added at send time
 * and never shown. Decimals are exact strings here: as JSON numbers a client could round them.
 * It mirrors the client's own body (src/dutchie/receive-body.ts); a test holds the two equal
 * against what the sandbox receives.
 */
export function planBody(request: ReceiveRequest): Record<string, unknown> {
  return {
    LocId: request.locId,
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
    products: request.products.map(planLine),
  };
}

function planLine(line: ReceiveLineRequest): Record<string, unknown> {
  return {
    productId: line.productId,
    roomId: line.roomId,
    vendorId: line.vendorId,
    quantity: exact(line.quantity),
    unitId: line.unitId,
    packageId: line.packageId,
    lot: line.lot,
    cost: exact(line.cost),
    totalPackageCost: exact(line.totalPackageCost),
    expirationDate: line.expirationDate,
    productGrams: line.productGrams === null ? null : exact(line.productGrams),
  };
}

function exact(value: DecimalValue): string {
  return formatDecimal(value);
}
