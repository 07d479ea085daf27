import type { InventoryRow, Product } from '../dutchie/models';
import type { GraphContext } from './context';
import {
  inventoryMatcher,
  productMatcher,
  type InventoryFilter,
  type ProductFilter,
} from './filters';
import { loadedSource, type PackageSource, type ProductSource } from './sources';
import { pageSnapshot, type PageArgs, type SnapshotPage } from './snapshot-page';

/** A location's packages that match, one page, over the snapshot the cursor names. */
export async function pageInventory(
  context: GraphContext,
  location: { locId: number; lspId: number },
  filter: InventoryFilter,
  args: PageArgs,
): Promise<SnapshotPage<PackageSource>> {
  const { loaders, services } = context;
  const catalog = filter.search ? await loaders.catalog.load(location.lspId) : null;

  const page = await pageSnapshot<InventoryRow>({
    kind: 'inventory',
    scope: location.locId,
    args,
    limits: pageLimits(context),
    store: services.snapshots,
    current: () => loaders.inventory.load(location.locId),
    matches: inventoryMatcher(filter, catalog),
  });

  return mapNodes(page, (row) => ({ row, lspId: location.lspId }));
}

/** An LSP catalog's products that match, one page, over the snapshot the cursor names. */
export async function pageProducts(
  context: GraphContext,
  location: { locId: number; lspId: number },
  filter: ProductFilter,
  args: PageArgs,
): Promise<SnapshotPage<ProductSource>> {
  const { loaders, services } = context;
  const lspId = location.lspId;

  const page = await pageSnapshot<Product>({
    kind: 'catalog',
    scope: lspId,
    args,
    limits: pageLimits(context),
    store: services.snapshots,
    current: () => loaders.catalog.load(lspId),
    matches: productMatcher(filter),
  });

  return mapNodes(page, (product) => ({
    ...loadedSource({ scope: lspId, id: product.productId }, product),
    locId: location.locId,
  }));
}

function pageLimits(context: GraphContext) {
  const { defaultPageSize, maxPageSize } = context.services.config;

  return { defaultSize: defaultPageSize, maxSize: maxPageSize };
}

function mapNodes<T, U>(page: SnapshotPage<T>, map: (node: T) => U): SnapshotPage<U> {
  return {
    ...page,
    edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })),
  };
}
