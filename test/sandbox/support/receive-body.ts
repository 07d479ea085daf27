import {
  AZ_SANDBOX_ROOMS,
  AZ_VENDORS,
  KNOWN_PRODUCTS,
  SANDBOX_USER_ID,
} from '../../../src/sandbox';

export interface LineOverrides {
  [key: string]: unknown;
}

/** A receive line for Swallowtail Blue Dream into the 1989 Vault, as the web app sends it. */
export function receiveLine(overrides: LineOverrides = {}) {
  return {
    productId: KNOWN_PRODUCTS.swallowtailBlueDream.productId,
    roomId: AZ_SANDBOX_ROOMS.vault,
    vendorId: AZ_VENDORS.swallowtail.vendorId,
    quantity: 3.5,
    unitId: KNOWN_PRODUCTS.swallowtailBlueDream.unitId,
    packageId: 'TEST-PKG-0001',
    lot: 'LOT-A',
    cost: 4.1,
    totalPackageCost: 14.35,
    expirationDate: null,
    productGrams: 3.5,
    ...overrides,
  };
}

/** The observed camelCase receive body with the session block, at LocId 1989. */
export function receiveBody(session: string, overrides: Record<string, unknown> = {}) {
  return {
    vendorId: AZ_VENDORS.swallowtail.vendorId,
    vendorLicenseNumber: AZ_VENDORS.swallowtail.code,
    roomId: AZ_SANDBOX_ROOMS.vault,
    title: 'Manifest 0001',
    deliveredBy: 'Courier',
    receiveDate: '12/03/2026 9:15 am',
    receiveNote: '',
    status: 'Received',
    externalId: 'ext-0001',
    transactionId: 'tx-0001',
    receiveInventoryHistoryId: '',
    SessionId: session,
    LspId: 575,
    LocId: 1989,
    UserId: SANDBOX_USER_ID,
    products: [receiveLine()],
    ...overrides,
  };
}
