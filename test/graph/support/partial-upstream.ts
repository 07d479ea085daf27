import type { BackofficeApi } from '../../../src/dutchie/backoffice-api';
import type { Catalog, Product } from '../../../src/dutchie/models';

export interface Omissions {
  /** ProductIds the catalog answer leaves out. */
  products?: number[];
  /** VendorIds the vendor list leaves out. */
  vendors?: number[];
}

/**
 * The real client, over the real sandbox, except that some rows are missing from its answers
 * and the rest come back in reverse order: the upstream inconsistencies (a package pointing at a
 * product or vendor the lists do not have) that the sandbox's own data never has.
 */
export function withOmissions(client: BackofficeApi, omissions: Omissions): BackofficeApi {
  const hiddenProducts = new Set(omissions.products ?? []);
  const hiddenVendors = new Set(omissions.vendors ?? []);

  const overrides: Partial<BackofficeApi> = {
    getCatalog: async (lspId, call) => {
      const catalog = await client.getCatalog(lspId, call);

      return indexed(
        lspId,
        catalog.products.filter((product) => !hiddenProducts.has(product.productId)).reverse(),
      );
    },
    getVendors: async (locId, call) => {
      const vendors = await client.getVendors(locId, call);

      return vendors.filter((vendor) => !hiddenVendors.has(vendor.vendorId)).reverse();
    },
  };

  return new Proxy(client, {
    get(target, property) {
      const override = overrides[property as keyof BackofficeApi];
      if (override) return override;
      const value = Reflect.get(target, property, target);

      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function indexed(lspId: number, products: Product[]): Catalog {
  const bySku = new Map<string, Product[]>();
  for (const product of products) {
    if (product.sku !== null) bySku.set(product.sku, [...(bySku.get(product.sku) ?? []), product]);
  }

  return { lspId, products, byId: new Map(products.map((p) => [p.productId, p])), bySku };
}
