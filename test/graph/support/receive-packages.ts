import type { BackofficeApi, ReceiveLineRequest } from '../../../src/dutchie/backoffice-api';
import { AZ_SANDBOX_ROOMS, AZ_VENDORS, KNOWN_PRODUCTS } from '../../../src/sandbox';
import { SANDBOX_LOC_IDS } from '../../../src/sandbox/types';
import { Decimal } from '../../../src/util/decimal';

export interface ReceivePackagesOptions {
  count: number;
  /** Labels are `${labelPrefix}${sequence}`, so a test can tell its packages apart. */
  labelPrefix: string;
  productId?: number;
  roomId?: number;
  vendorId?: number;
}

/** Receives `count` new packages into the AZ sandbox 1989 with one upstream call. */
export async function receivePackages(client: BackofficeApi, options: ReceivePackagesOptions) {
  const product = options.productId ?? KNOWN_PRODUCTS.swallowtailGelato.productId;
  const vendorId = options.vendorId ?? AZ_VENDORS.swallowtail.vendorId;
  const roomId = options.roomId ?? AZ_SANDBOX_ROOMS.vault;
  const products: ReceiveLineRequest[] = Array.from({ length: options.count }, (_, index) => ({
    productId: product,
    roomId,
    vendorId,
    quantity: new Decimal('3.5'),
    unitId: 3,
    packageId: `${options.labelPrefix}${String(index + 1).padStart(5, '0')}`,
    lot: 'GRAPH-TEST',
    cost: new Decimal('4.25'),
    totalPackageCost: new Decimal('14.875'),
    expirationDate: null,
    productGrams: new Decimal('3.5'),
  }));

  return client.receive({
    locId: SANDBOX_LOC_IDS.az,
    lspId: 575,
    vendorId,
    vendorLicenseNumber: AZ_VENDORS.swallowtail.code,
    roomId,
    title: `graph test ${options.labelPrefix}`,
    deliveredBy: null,
    receiveDate: '12/03/2026 9:00 am',
    receiveNote: null,
    transactionId: null,
    externalId: `graph-test-${options.labelPrefix}`,
    products,
  });
}
