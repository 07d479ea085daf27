import type { Room } from '../dutchie/models';
import { pageInventory } from '../resolvers/connections';
import type { GraphContext } from '../resolvers/context';
import { describeRoom } from '../resolvers/describe';
import type { ScopedId } from '../resolvers/loaders';
import { lazyField, loadSource, type RoomSource } from '../resolvers/sources';
import { authorizedLoad } from './auth-guard';
import { locIdScopes } from './auth-scopes';
import { builder } from './builder';
import { PackageConnectionRef } from './connections';
import { packageFilterArgs } from './filter-args';
import { formatScopedId, parseScopedId } from './ids';
import { locationOf } from './location-of';
import { LocationRef, PackageRef, RoomRef } from './refs';

builder.node(RoomRef, {
  description: 'A room of a location; receive only into one whose isInventoryRoom is true.',
  authScopes: (room, context) => locIdScopes(context, room.key.scope),
  id: { resolve: (room) => formatScopedId(room.key), parse: (id) => parseScopedId('Room', id) },
  loadOne: (key, context) =>
    authorizedLoad(context, 'node(Room)', { locId: key.scope }, () => loadRoom(key, context)),
  fields: (t) => ({
    locId: t.int({ resolve: (room) => room.key.scope }),
    roomId: t.int({ resolve: (room) => room.key.id }),
    name: t.string({ resolve: (room, _args, context) => field(room, 'name', context) }),
    isInventoryRoom: t.boolean({
      description: 'Upstream InventoryRoom "yes".',
      resolve: (room, _args, context) => field(room, 'isInventoryRoom', context),
    }),
    isPosRoom: t.boolean({
      description: 'Upstream PosRoom "yes".',
      resolve: (room, _args, context) => field(room, 'isPosRoom', context),
    }),
    location: t.field({
      type: LocationRef,
      nullable: true,
      resolve: (room, _args, context) => locationOf(room.key.scope, context),
    }),
    packages: t.connection(
      {
        type: PackageRef,
        nullable: true,
        description: 'Packages in this room, paged over one inventory snapshot.',
        args: packageFilterArgs(t.arg),
        resolve: async (room, args, context) => {
          const location = await locationOf(room.key.scope, context);

          return pageInventory(context, location, { ...args, roomId: room.key.id }, args);
        },
      },
      PackageConnectionRef,
    ),
  }),
});

builder.asEntity(RoomRef, {
  key: builder.selection<{ locId: number; roomId: number }>('locId roomId'),
  resolveReference: (reference, context) =>
    authorizedLoad(context, '_entities(Room)', { locId: reference.locId }, () =>
      loadRoom({ scope: reference.locId, id: reference.roomId }, context),
    ),
});

function loadRoom(key: ScopedId, context: GraphContext): Promise<RoomSource | null> {
  return loadSource(context.loaders.room, key);
}

function field<F extends keyof Room>(room: RoomSource, name: F, context: GraphContext) {
  return lazyField(room, name, (key) => context.loaders.room.load(key), describeRoom);
}
