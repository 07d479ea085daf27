import { AZ_SANDBOX_ROOMS, AZ_VENDORS, KNOWN_PRODUCTS } from '../../../src/sandbox';
import { SANDBOX_LOC_IDS } from '../../../src/sandbox/types';
import type { ReceiveInventoryInput, ReceiveLineInput } from '../../documents/generated/graphql';
import { newLabel } from './receive-harness';

/** One line of Swallowtail Blue Dream flower, by the gram, with a fresh label. */
export function flowerLine(overrides: Partial<ReceiveLineInput> = {}): ReceiveLineInput {
  return {
    productId: KNOWN_PRODUCTS.swallowtailBlueDream.productId,
    quantity: '3.5',
    unitCost: '4.25',
    packageId: newLabel(),
    batchName: 'SWC-BD-261203',
    ...overrides,
  };
}

/** A receive of Swallowtail flower into the AZ sandbox's Vault, with a fresh key. */
export function azDelivery(overrides: Partial<ReceiveInventoryInput> = {}): ReceiveInventoryInput {
  return {
    idempotencyKey: `1989:swallowtail:${newLabel('K')}`,
    locId: SANDBOX_LOC_IDS.az,
    vendorId: AZ_VENDORS.swallowtail.vendorId,
    roomId: AZ_SANDBOX_ROOMS.vault,
    invoiceNumber: 'INV-88412',
    lines: [flowerLine()],
    ...overrides,
  };
}
