import { buildCatalog, type SeedCatalog, type SeedProduct } from './catalog';
import { findLocation, SEED_LOCATIONS, type SeedLocation } from './locations';
import { buildPackages, type SeedPackage } from './packages';
import { PRODUCT_ID_BASE, PRODUCT_ID_BLOCK } from './brands';
import { SEED_ROOMS, type SeedRoom } from './rooms';

export type { SeedCatalog, SeedLocation, SeedPackage, SeedProduct, SeedRoom };
export { findLocation, findLsp, lspOf, SEED_LOCATIONS, SEED_LSPS } from './locations';
export { findRoom } from './rooms';
export { findVendor, vendorsOfLsp, type SeedVendor } from './vendors';

/**
 * The immutable seed. Catalogs and packages are built on first use and kept, because a test
 * file that never reads MI inventory should not pay for it; every part has its own random
 * seed, so the order of first use changes nothing. Nothing here is ever mutated: the sandbox
 * keeps its changes in an overlay and `reset()` drops the overlay.
 */
export class Seed {
  private readonly catalogs = new Map<number, SeedCatalog | undefined>();
  private readonly packages = new Map<number, readonly SeedPackage[]>();

  catalog(lspId: number): SeedCatalog | undefined {
    if (!this.catalogs.has(lspId)) this.catalogs.set(lspId, buildCatalog(lspId));

    return this.catalogs.get(lspId);
  }

  rooms(locId: number): readonly SeedRoom[] {
    return SEED_ROOMS.get(locId) ?? [];
  }

  packagesAt(locId: number): readonly SeedPackage[] {
    const cached = this.packages.get(locId);
    if (cached) return cached;

    const location = findLocation(locId);
    const catalog = location && this.catalog(location.lspId);
    const built = location && catalog ? buildPackages(location, this.rooms(locId), catalog) : [];
    this.packages.set(locId, built);

    return built;
  }

  /** Product ids are allotted in per-LSP blocks, so the id alone finds the catalog. */
  product(productId: number): SeedProduct | undefined {
    for (const [lspId, base] of Object.entries(PRODUCT_ID_BASE)) {
      if (productId > base && productId <= base + PRODUCT_ID_BLOCK) {
        return this.catalog(Number(lspId))?.byId.get(productId);
      }
    }

    return undefined;
  }

  locations(): readonly SeedLocation[] {
    return SEED_LOCATIONS;
  }
}

export function buildSeed(): Seed {
  return new Seed();
}

let shared: Seed | undefined;

/** One seed per process: every sandbox started in a test file shares the built catalogs. */
export function sharedSeed(): Seed {
  shared ??= buildSeed();

  return shared;
}
