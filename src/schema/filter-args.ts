import { builder } from './builder';

type ArgBuilder = Parameters<Parameters<typeof builder.queryFields>[0]>[0]['arg'];

/** Filters shared by the product and inventory connections. */
export function productFilterArgs(arg: ArgBuilder) {
  return {
    search: arg.string({ description: 'Case-insensitive, within the product name, SKU or brand.' }),
    vendorId: arg.int(),
    productId: arg.int(),
    sku: arg.string({ description: 'Exact SKU.' }),
  };
}

/** Filters of an inventory connection; `roomId` is left out where the room is the parent. */
export function packageFilterArgs(arg: ArgBuilder) {
  return {
    ...productFilterArgs(arg),
    includeZeroQuantity: arg.boolean({
      defaultValue: false,
      description: 'Packages with quantity 0 are left out unless true.',
    }),
  };
}
