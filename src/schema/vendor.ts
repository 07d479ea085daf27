import type { Vendor } from '../dutchie/models';
import type { GraphContext } from '../resolvers/context';
import { describeVendor } from '../resolvers/describe';
import type { ScopedId } from '../resolvers/loaders';
import { lazyField, loadSource, type VendorSource } from '../resolvers/sources';
import { authorizedLoad } from './auth-guard';
import { locIdScopes } from './auth-scopes';
import { builder } from './builder';
import { formatScopedId, parseScopedId } from './ids';
import { locationOf } from './location-of';
import { LocationRef, VendorRef } from './refs';

builder.node(VendorRef, {
  description: 'A vendor as configured at one location (names can repeat).',
  authScopes: (vendor, context) => locIdScopes(context, vendor.key.scope),
  id: {
    resolve: (vendor) => formatScopedId(vendor.key),
    parse: (id) => parseScopedId('Vendor', id),
  },
  loadOne: (key, context) =>
    authorizedLoad(context, 'node(Vendor)', { locId: key.scope }, () => loadVendor(key, context)),
  fields: (t) => ({
    locId: t.int({ resolve: (vendor) => vendor.key.scope }),
    vendorId: t.int({ resolve: (vendor) => vendor.key.id }),
    name: t.string({ resolve: (vendor, _args, context) => field(vendor, 'name', context) }),
    code: t.string({
      nullable: true,
      description: "The vendor's state license number (upstream VendorCode).",
      resolve: (vendor, _args, context) => field(vendor, 'code', context),
    }),
    location: t.field({
      type: LocationRef,
      nullable: true,
      resolve: (vendor, _args, context) => locationOf(vendor.key.scope, context),
    }),
  }),
});

builder.asEntity(VendorRef, {
  key: builder.selection<{ locId: number; vendorId: number }>('locId vendorId'),
  resolveReference: (reference, context) =>
    authorizedLoad(context, '_entities(Vendor)', { locId: reference.locId }, () =>
      loadVendor({ scope: reference.locId, id: reference.vendorId }, context),
    ),
});

export function loadVendor(key: ScopedId, context: GraphContext): Promise<VendorSource | null> {
  return loadSource(context.loaders.vendor, key);
}

function field<F extends keyof Vendor>(vendor: VendorSource, name: F, context: GraphContext) {
  return lazyField(vendor, name, (key) => context.loaders.vendor.load(key), describeVendor);
}
