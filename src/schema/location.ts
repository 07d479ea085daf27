import type { Location } from '../dutchie/models';
import { pageInventory, pageProducts } from '../resolvers/connections';
import type { GraphContext } from '../resolvers/context';
import { loadedSource } from '../resolvers/sources';
import { authorizedLoad } from './auth-guard';
import { locIdScopes } from './auth-scopes';
import { builder } from './builder';
import { PackageConnectionRef, ProductConnectionRef } from './connections';
import { packageFilterArgs, productFilterArgs } from './filter-args';
import { parseIntId } from './ids';
import { LocationRef, ProductRef, PackageRef, RoomRef, VendorRef } from './refs';

// Every field that needs its own upstream read is nullable: when that read fails, the error
// lands on the field and the rest of the location (and of the dashboard) still resolves.
builder.node(LocationRef, {
  description: 'A location (LocId) the Backoffice login sees, from the unfiltered list.',
  // However a location was reached, its fields show only to a key that may see its LocId.
  authScopes: (location, context) => locIdScopes(context, location.locId),
  id: { resolve: (location) => location.locId, parse: (id) => parseIntId('Location', id) },
  loadOne: (locId, context) =>
    authorizedLoad(context, 'node(Location)', { locId }, () =>
      context.loaders.location.load(locId),
    ),
  fields: (t) => ({
    locId: t.exposeInt('locId'),
    name: t.exposeString('name'),
    state: t.exposeString('state'),
    lspId: t.exposeInt('lspId'),
    lspName: t.exposeString('lspName', { nullable: true }),
    companyType: t.exposeString('companyType', {
      nullable: true,
      description: 'Dispensary or Manufacturing.',
    }),
    licenseNumber: t.exposeString('licenseNumber', {
      nullable: true,
      description: 'The state license of the location.',
    }),
    isActive: t.exposeBoolean('isActive'),
    isSandbox: t.exposeBoolean('isSandbox', {
      description: 'Named "Sandbox" upstream: writes here are safe by default.',
    }),
    timeZone: t.exposeString('timeZone', {
      description: 'IANA zone, from the state; upstream dates are read in it.',
    }),
    canReceive: t.boolean({
      nullable: true,
      description: 'True when the location has at least one inventory room to receive into.',
      resolve: async (location, _args, context) =>
        (await roomsOf(location, context)).some((room) => room.isInventoryRoom),
    }),
    rooms: t.field({
      type: [RoomRef],
      nullable: true,
      resolve: async (location, _args, context) =>
        (await roomsOf(location, context)).map((room) =>
          loadedSource({ scope: location.locId, id: room.roomId }, room),
        ),
    }),
    vendors: t.field({
      type: [VendorRef],
      nullable: true,
      resolve: async (location, _args, context) =>
        (await context.loaders.vendors.load(location.locId)).map((vendor) =>
          loadedSource({ scope: location.locId, id: vendor.vendorId }, vendor),
        ),
    }),
    products: t.connection(
      {
        type: ProductRef,
        nullable: true,
        description: "The LSP's catalog (one upstream call per LSP, shared by its locations).",
        args: productFilterArgs(t.arg),
        resolve: (location, args, context) => pageProducts(context, location, args, args),
      },
      ProductConnectionRef,
    ),
    inventory: t.connection(
      {
        type: PackageRef,
        nullable: true,
        description: 'Packages at this location, paged over one inventory snapshot.',
        args: { ...packageFilterArgs(t.arg), roomId: t.arg.int() },
        resolve: (location, args, context) => pageInventory(context, location, args, args),
      },
      PackageConnectionRef,
    ),
  }),
});

builder.asEntity(LocationRef, {
  key: builder.selection<{ locId: number }>('locId'),
  resolveReference: (reference, context) =>
    authorizedLoad(context, '_entities(Location)', { locId: reference.locId }, () =>
      context.loaders.location.load(reference.locId),
    ),
});

function roomsOf(location: Location, context: GraphContext) {
  return context.loaders.rooms.load(location.locId);
}
