import {
  AZ_SANDBOX_PACKAGE_COUNT,
  KNOWN_PACKAGES_1989,
  SEED_UNIT_IDS,
  type KnownPackage,
} from '../seed-facts';
import { SANDBOX_LOC_IDS } from '../types';
import type { SeedCatalog, SeedProduct } from './catalog';
import type { SeedLocation } from './locations';
import { BASE_SEED, createPrng, seedFor, type Prng } from './prng';
import type { SeedRoom } from './rooms';

/** A seeded package has the same shape as the well-known ones tests name. */
export type SeedPackage = KnownPackage;

const FIXED_COUNTS: Readonly<Record<number, number>> = {
  [SANDBOX_LOC_IDS.az]: AZ_SANDBOX_PACKAGE_COUNT,
  [SANDBOX_LOC_IDS.oh]: 180,
};

/** Seeded receipts fall between 2026-05-01 and 2026-11-30, local time. */
const FIRST_DAY = Date.UTC(2026, 4, 1);
const DAY_SPAN = 214;
const DAY_MS = 86_400_000;

/** Metrc-style 24-character labels: a prefix, the location and a sequence number. */
export function seedPackageLabel(locId: number, sequence: number): string {
  return `1A40${String(locId).padStart(6, '0')}0000${String(sequence).padStart(10, '0')}`;
}

/**
 * Builds a location's packages: the known ones first, then generated rows with the gaps real
 * data has (zero quantities, string quantities, blank batch names, missing costs). Only
 * inventory rooms hold stock, so a location without one has no packages.
 */
export function buildPackages(
  location: SeedLocation,
  rooms: readonly SeedRoom[],
  catalog: SeedCatalog,
): SeedPackage[] {
  const stockRooms = rooms.filter((room) => room.inventoryRoom);
  if (stockRooms.length === 0) return [];

  const prng = createPrng(seedFor(BASE_SEED, location.locId, 2));
  const count = FIXED_COUNTS[location.locId] ?? prng.int(400, 2500);
  const packages: SeedPackage[] = Object.values(KNOWN_PACKAGES_1989)
    .filter((known) => known.locId === location.locId)
    .map((known) => ({ ...known }));

  for (let sequence = packages.length + 1; sequence <= count; sequence += 1) {
    const product = prng.pick(catalog.products);
    packages.push({
      inventoryId: location.locId * 100000 + sequence,
      locId: location.locId,
      packageId: seedPackageLabel(location.locId, sequence),
      productId: product.productId,
      roomId: prng.pick(stockRooms).roomId,
      vendorId: product.vendorId ?? 0,
      quantity: prng.chance(0.12) ? '0' : quantityFor(product, prng),
      quantityAsString: prng.chance(0.06),
      batchName: prng.chance(0.05) ? '' : batchNameFor(product, prng),
      unitCost: prng.chance(0.04) ? null : costFor(product, prng),
      receivedDate: receivedDateFor(prng),
    });
  }

  return packages;
}

function quantityFor(product: SeedProduct, prng: Prng): string {
  if (product.unitId === SEED_UNIT_IDS.each) return String(prng.int(1, 240));

  return cents(prng.int(50, 45_360));
}

function costFor(product: SeedProduct, prng: Prng): string {
  return product.unitId === SEED_UNIT_IDS.each
    ? cents(prng.int(200, 2800))
    : cents(prng.int(150, 600));
}

/** "12345" cents as "123.45", trailing zeros dropped like the canonical decimal form. */
function cents(value: number): string {
  const whole = Math.floor(value / 100);
  const fraction = String(value % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');

  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

function batchNameFor(product: SeedProduct, prng: Prng): string {
  const prefix = product.sku?.split('-')[0] ?? 'LOT';
  const day = new Date(FIRST_DAY + prng.int(0, DAY_SPAN) * DAY_MS);
  const yymmdd = day.toISOString().slice(2, 10).replaceAll('-', '');

  return `${prefix}-${yymmdd}-${String(prng.int(1, 40)).padStart(2, '0')}`;
}

function receivedDateFor(prng: Prng): string {
  const day = new Date(FIRST_DAY + prng.int(0, DAY_SPAN - 1) * DAY_MS).toISOString().slice(0, 10);
  const hour = String(prng.int(7, 18)).padStart(2, '0');
  const minute = String(prng.int(0, 59)).padStart(2, '0');

  return `${day}T${hour}:${minute}:00`;
}
