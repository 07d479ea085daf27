import { z } from 'zod';
import type { Product } from '../dutchie/models';
import type { GraphContext } from '../resolvers/context';
import { describeProduct, describeVendor } from '../resolvers/describe';
import { GraphError, notFound } from '../resolvers/graph-error';
import type { ScopedId } from '../resolvers/loaders';
import { lazyField, loadedSource, loadSource, type ProductSource } from '../resolvers/sources';
import { authorizedLoad } from './auth-guard';
import { lspIdScopes } from './auth-scopes';
import { builder } from './builder';
import { formatScopedId, parseScopedId } from './ids';
import { ProductRef, VendorRef } from './refs';
import { loadVendor } from './vendor';

builder.node(ProductRef, {
  description: "A product of an LSP's catalog (products are scoped by LSP, not by location).",
  authScopes: (product, context) => lspIdScopes(context, product.key.scope),
  id: {
    resolve: (product) => formatScopedId(product.key),
    parse: (id) => parseScopedId('Product', id),
  },
  loadOne: (key, context) =>
    authorizedLoad(context, 'node(Product)', { lspId: key.scope }, () => loadProduct(key, context)),
  fields: (t) => ({
    lspId: t.int({ resolve: (product) => product.key.scope }),
    productId: t.int({ resolve: (product) => product.key.id }),
    sku: t.string({
      nullable: true,
      description: 'Not unique upstream: several products can share one.',
      resolve: (product, _args, context) => field(product, 'sku', context),
    }),
    name: t.string({ resolve: (product, _args, context) => field(product, 'name', context) }),
    category: t.string({
      nullable: true,
      resolve: (product, _args, context) => field(product, 'category', context),
    }),
    masterCategory: t.string({
      nullable: true,
      resolve: (product, _args, context) => field(product, 'masterCategory', context),
    }),
    brand: t.string({
      nullable: true,
      resolve: (product, _args, context) => field(product, 'brand', context),
    }),
    unit: t.string({
      nullable: true,
      description: 'The unit abbreviation, e.g. "g" or "ea".',
      resolve: (product, _args, context) => field(product, 'unitAbbreviation', context),
    }),
    unitId: t.int({
      nullable: true,
      description: '1 means sold by the unit; anything else by weight.',
      resolve: (product, _args, context) => field(product, 'unitId', context),
    }),
    netWeight: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (product, _args, context) => field(product, 'netWeight', context),
    }),
    vendor: t.field({
      type: VendorRef,
      nullable: true,
      description:
        'Vendors are listed per location: the one this product was reached through, or locId.',
      args: { locId: t.arg.int() },
      // Without a LocId the resolver refuses with LOCATION_REQUIRED; nothing to check first.
      authScopes: (product, args) => {
        const locId = args.locId ?? product.locId;

        return locId == null ? true : { locId };
      },
      resolve: (product, args, context) => vendorOf(product, args.locId ?? product.locId, context),
    }),
  }),
});

builder.asEntity(ProductRef, {
  key: builder.selection<{ lspId: number; productId: number }>('lspId productId'),
  resolveReference: (reference, context) =>
    authorizedLoad(context, '_entities(Product)', { lspId: reference.lspId }, () =>
      loadProduct({ scope: reference.lspId, id: reference.productId }, context),
    ),
});

const ProductLookup = z
  .object({ lspId: z.number(), productId: z.number().nullish(), sku: z.string().nullish() })
  .refine((args) => (args.productId == null) !== (args.sku == null), {
    message: 'product needs exactly one of productId and sku',
  });

builder.queryField('product', (t) =>
  t.field({
    type: ProductRef,
    nullable: true,
    description: 'One product of an LSP catalog by ProductId or SKU; null when there is none.',
    args: {
      lspId: t.arg.int({ required: true }),
      productId: t.arg.int(),
      sku: t.arg.string(),
    },
    validate: ProductLookup,
    authScopes: (_root, args, context) => lspIdScopes(context, args.lspId),
    resolve: (_root, args, context) =>
      args.productId != null
        ? loadProduct({ scope: args.lspId, id: args.productId }, context)
        : productBySku({ scope: args.lspId, id: args.sku! }, context),
  }),
);

function loadProduct(key: ScopedId, context: GraphContext): Promise<ProductSource | null> {
  return loadSource(context.loaders.product, key);
}

async function productBySku(key: ScopedId<string>, context: GraphContext) {
  const products = (await context.loaders.productsBySku.load(key)) ?? [];
  if (products.length > 1) {
    const ids = products.map((product) => product.productId);

    throw new GraphError(
      'AMBIGUOUS_SKU',
      `SKU "${key.id}" belongs to ${products.length} products of LspId ${key.scope}: ${ids.join(', ')}`,
      { hint: 'Look the product up by productId.', details: { productIds: ids } },
    );
  }

  const [product] = products;

  return product ? loadedSource({ scope: key.scope, id: product.productId }, product) : null;
}

async function vendorOf(
  product: ProductSource,
  locId: number | undefined | null,
  context: GraphContext,
) {
  const vendorId = await field(product, 'vendorId', context);
  if (vendorId === null) return null;
  if (locId == null) {
    throw new GraphError(
      'LOCATION_REQUIRED',
      `vendor ${vendorId} of ${describeProduct(product.key)} needs a location: vendors are listed per LocId`,
      { hint: 'Ask for vendor(locId: ...) or reach the product through a location.' },
    );
  }

  const key = { scope: locId, id: vendorId };
  const vendor = await loadVendor(key, context);
  if (!vendor) throw notFound(describeVendor(key));

  return vendor;
}

function field<F extends keyof Product>(product: ProductSource, name: F, context: GraphContext) {
  return lazyField(product, name, (key) => context.loaders.product.load(key), describeProduct);
}
