import type { ReceiveLineRequest, ReceiveRequest } from '../dutchie/backoffice-api';
import type { Location, Product, Room, Vendor } from '../dutchie/models';
import { formatDecimal } from '../util/decimal';
import type { ParsedReceiveInput } from './input-schema';
import { formatExpirationDate, formatReceiveDate } from './receive-date';
import type { ResolvedLine } from './results';

export interface ResolvedReceive {
  location: Location;
  vendor: Vendor;
  rooms: ReadonlyMap<number, Room>;
  /** One per line, in line order. */
  products: readonly Product[];
}

/**
 * The upstream body, built from a preflighted input. `receiveType` and `receivedBy` have no
 * upstream field and live in the ledger only. The total is quantity × cost in exact decimals,
 * so 3.5 g at 4.25 is 14.875, never 14.874999, unless an internal caller gave the line's exact
 * total (see `ReceiveCallContext.lineTotals`): 15 at 13.33 is 199.95 either way, but 3 at
 * 33.3333 is the invoice's 100, not 99.9999.
 */
export function buildReceiveBody(
  input: ParsedReceiveInput,
  resolved: ResolvedReceive,
  now: Date,
): ReceiveRequest {
  const { location, vendor } = resolved;
  const deliveredAt = input.deliveredOn ? new Date(input.deliveredOn) : now;

  return {
    locId: location.locId,
    lspId: location.lspId,
    vendorId: vendor.vendorId,
    vendorLicenseNumber: vendor.code,
    roomId: input.roomId,
    title: input.title ?? null,
    deliveredBy: input.deliveredBy ?? null,
    receiveDate: formatReceiveDate(deliveredAt, location.timeZone),
    receiveNote: input.note ?? null,
    transactionId: input.invoiceNumber ?? null,
    externalId: input.idempotencyKey,
    products: input.lines.map((line, index): ReceiveLineRequest => {
      const product = resolved.products[index];

      return {
        productId: product.productId,
        roomId: line.roomId ?? input.roomId,
        vendorId: vendor.vendorId,
        quantity: line.quantity,
        unitId: line.unitId ?? product.unitId,
        packageId: line.packageId,
        lot: line.batchName ?? null,
        cost: line.unitCost,
        totalPackageCost: line.totalPackageCost ?? line.quantity.times(line.unitCost),
        expirationDate: line.expirationDate ? formatExpirationDate(line.expirationDate) : null,
        // LIMITATION: productGrams' meaning upstream is not public; we send the catalog's net weight per unit (null when unknown).
        productGrams: product.netWeight,
      };
    }),
  };
}

/** The lines as resolved, for a Plan: what each line became and where it goes. */
export function describeResolvedLines(
  body: ReceiveRequest,
  resolved: ResolvedReceive,
): ResolvedLine[] {
  return body.products.map((line, index) => {
    const product = resolved.products[index];

    return {
      line: index,
      productId: product.productId,
      sku: product.sku,
      productName: product.name,
      unitId: line.unitId,
      roomId: line.roomId,
      roomName: resolved.rooms.get(line.roomId)?.name ?? '',
      packageId: line.packageId,
      quantity: formatDecimal(line.quantity),
      unitCost: formatDecimal(line.cost),
      totalPackageCost: formatDecimal(line.totalPackageCost),
    };
  });
}
