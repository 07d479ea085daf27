import type { GraphContext } from '../resolvers/context';
import type { ScopedId } from '../resolvers/loaders';
import { productOfRow, roomOfRow, vendorOfRow, type PackageSource } from '../resolvers/sources';
import { authorizedLoad } from './auth-guard';
import { locIdScopes } from './auth-scopes';
import { builder } from './builder';
import { formatScopedId, parseScopedLabel } from './ids';
import { locationOf } from './location-of';
import { LocationRef, PackageRef, ProductRef, RoomRef, VendorRef } from './refs';

builder.node(PackageRef, {
  description:
    'A package (PackageInventory row) at a location. product { sku name }, vendor { name } and ' +
    'room { name } are answered from the row itself, without another upstream call.',
  authScopes: ({ row }, context) => locIdScopes(context, row.locId),
  id: {
    resolve: ({ row }) => formatScopedId({ scope: row.locId, id: row.packageId }),
    parse: (id) => parseScopedLabel('Package', id),
  },
  loadOne: (key, context) =>
    authorizedLoad(context, 'node(Package)', { locId: key.scope }, () => loadPackage(key, context)),
  fields: (t) => ({
    locId: t.int({ resolve: ({ row }) => row.locId }),
    packageId: t.string({ description: 'The package label.', resolve: ({ row }) => row.packageId }),
    inventoryId: t.int({ resolve: ({ row }) => row.inventoryId }),
    quantity: t.field({ type: 'Decimal', resolve: ({ row }) => row.quantity }),
    unitCost: t.field({ type: 'Decimal', nullable: true, resolve: ({ row }) => row.unitCost }),
    unit: t.string({
      nullable: true,
      description: 'The unit abbreviation of the quantity, e.g. "g" or "ea".',
      resolve: ({ row }) => row.unitAbbreviation,
    }),
    batchName: t.string({ nullable: true, resolve: ({ row }) => row.batchName }),
    receivedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: "When it was received, with the location's UTC offset.",
      resolve: ({ row }) => row.receivedAt,
    }),
    receiveHistoryId: t.int({
      nullable: true,
      description: 'The ReceiveInventoryHistoryId of the receive that created it.',
      resolve: ({ row }) => row.receiveHistoryId,
    }),
    product: t.field({
      type: ProductRef,
      nullable: true,
      resolve: (source) => productOfRow(source),
    }),
    room: t.field({ type: RoomRef, nullable: true, resolve: ({ row }) => roomOfRow(row) }),
    vendor: t.field({ type: VendorRef, nullable: true, resolve: ({ row }) => vendorOfRow(row) }),
    location: t.field({
      type: LocationRef,
      nullable: true,
      resolve: ({ row }, _args, context) => locationOf(row.locId, context),
    }),
  }),
});

builder.asEntity(PackageRef, {
  key: builder.selection<{ locId: number; packageId: string }>('locId packageId'),
  resolveReference: (reference, context) =>
    authorizedLoad(context, '_entities(Package)', { locId: reference.locId }, () =>
      loadPackage({ scope: reference.locId, id: reference.packageId }, context),
    ),
});

builder.queryField('package', (t) =>
  t.field({
    type: PackageRef,
    nullable: true,
    description: 'One package by its label at a location; null when the location has none.',
    args: {
      locId: t.arg.int({ required: true }),
      packageId: t.arg.string({ required: true, description: 'The package label.' }),
    },
    authScopes: (_root, args, context) => locIdScopes(context, args.locId),
    resolve: (_root, args, context) =>
      loadPackage({ scope: args.locId, id: args.packageId }, context),
  }),
);

function loadPackage(key: ScopedId<string>, context: GraphContext): Promise<PackageSource | null> {
  return context.loaders.package.load(key);
}
