import type { ReceiveInventoryInput } from '../../src/receive/input-schema';
import {
  AZ_SANDBOX_ROOMS,
  AZ_VENDORS,
  KNOWN_PRODUCTS,
  SANDBOX_LOC_IDS,
} from '../../src/sandbox/index';
import { newLabel } from './harness';

/** A valid one-line receive of Blue Dream flower into the AZ sandbox's Vault, with a fresh key and label. */
export function azReceive(overrides: Partial<ReceiveInventoryInput> = {}): ReceiveInventoryInput {
  return {
    idempotencyKey: `key-${newLabel('K')}`,
    locId: SANDBOX_LOC_IDS.az,
    vendorId: AZ_VENDORS.swallowtail.vendorId,
    roomId: AZ_SANDBOX_ROOMS.vault,
    lines: [
      {
        productId: KNOWN_PRODUCTS.swallowtailBlueDream.productId,
        quantity: '3.5',
        unitCost: '4.25',
        packageId: newLabel(),
      },
    ],
    ...overrides,
  };
}

/** `count` lines of Gelato flower with fresh labels. */
export function flowerLines(quantities: (string | number)[]): ReceiveInventoryInput['lines'] {
  return quantities.map((quantity) => ({
    productId: KNOWN_PRODUCTS.swallowtailGelato.productId,
    quantity,
    unitCost: '2',
    packageId: newLabel(),
  }));
}
