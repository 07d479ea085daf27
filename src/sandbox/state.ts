import type { SandboxPackage, SandboxReceive } from './types';
import type { Seed, SeedPackage, SeedProduct } from './seed';

/** A package as get-inventory reads it: a seeded row, or one a receive created. */
export interface StoredPackage extends SeedPackage {
  receiveHistoryId: number | null;
  /** Clock time from which reads see it; 0 for seeded rows. */
  visibleAt: number;
}

const FIRST_RECEIVED_INVENTORY_ID = 900_000_001;
const FIRST_RECEIVE_HISTORY_ID = 880_001;
const FIRST_IMPORTED_PRODUCT_ID = 990_001;

/**
 * What the sandbox has changed since the seed: received packages, imported products, recorded
 * receives and the id counters. The seed itself is never touched, so `reset()` only has to
 * drop this overlay, which keeps it cheap however large the seed is.
 */
export class SandboxState {
  private received = new Map<number, StoredPackage[]>();
  private imported = new Map<number, SeedProduct[]>();
  private importedById = new Map<number, SeedProduct>();
  private recorded: SandboxReceive[] = [];
  private nextInventoryId = FIRST_RECEIVED_INVENTORY_ID;
  private nextHistoryId = FIRST_RECEIVE_HISTORY_ID;
  private nextProductId = FIRST_IMPORTED_PRODUCT_ID;
  /** Bumped on every import, so cached catalog answers know they are stale. */
  catalogVersion = 0;

  constructor(readonly seed: Seed) {}

  reset(): void {
    this.received = new Map();
    this.imported = new Map();
    this.importedById = new Map();
    this.recorded = [];
    this.nextInventoryId = FIRST_RECEIVED_INVENTORY_ID;
    this.nextHistoryId = FIRST_RECEIVE_HISTORY_ID;
    this.nextProductId = FIRST_IMPORTED_PRODUCT_ID;
    this.catalogVersion += 1;
  }

  product(productId: number): SeedProduct | undefined {
    return this.seed.product(productId) ?? this.importedById.get(productId);
  }

  importedProducts(lspId: number): readonly SeedProduct[] {
    return this.imported.get(lspId) ?? [];
  }

  addProduct(product: Omit<SeedProduct, 'productId'>): SeedProduct {
    const stored = { ...product, productId: this.nextProductId };
    this.nextProductId += 1;
    const list = this.imported.get(product.lspId) ?? [];
    list.push(stored);
    this.imported.set(product.lspId, list);
    this.importedById.set(stored.productId, stored);
    this.catalogVersion += 1;

    return stored;
  }

  receivedAt(locId: number): readonly StoredPackage[] {
    return this.received.get(locId) ?? [];
  }

  addPackage(pkg: Omit<StoredPackage, 'inventoryId'>): StoredPackage {
    const stored = { ...pkg, inventoryId: this.nextInventoryId };
    this.nextInventoryId += 1;

    const list = this.received.get(pkg.locId) ?? [];
    list.push(stored);
    this.received.set(pkg.locId, list);

    return stored;
  }

  /** Like an identity column, an id is used up even when the receive then fails. */
  takeHistoryId(): number {
    const id = this.nextHistoryId;
    this.nextHistoryId += 1;

    return id;
  }

  record(receive: SandboxReceive): void {
    this.recorded.push(receive);
  }

  receives(): readonly SandboxReceive[] {
    return this.recorded;
  }

  findReceive(receiveHistoryId: number): SandboxReceive | undefined {
    return this.recorded.find((receive) => receive.receiveHistoryId === receiveHistoryId);
  }

  /** Every package at a location as stored: seed first, then received in order. */
  packagesAt(locId: number): SandboxPackage[] {
    const seeded = this.seed.packagesAt(locId).map((pkg) => toPublic(pkg, null, 0));
    const received = this.receivedAt(locId).map((pkg) =>
      toPublic(pkg, pkg.receiveHistoryId, pkg.visibleAt),
    );

    return [...seeded, ...received];
  }
}

function toPublic(pkg: SeedPackage, receiveHistoryId: number | null, visibleAt: number) {
  return {
    inventoryId: pkg.inventoryId,
    locId: pkg.locId,
    packageId: pkg.packageId,
    productId: pkg.productId,
    quantity: pkg.quantity,
    roomId: pkg.roomId,
    vendorId: pkg.vendorId,
    receiveHistoryId,
    visibleAt,
  };
}
