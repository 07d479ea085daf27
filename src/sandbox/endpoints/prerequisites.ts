import { envelope } from '../answers';
import { findLocation, vendorsOfLsp } from '../seed';
import { readInt } from '../body-values';
import type { Route } from './context';

export const vendorsRoute: Route = {
  endpoint: 'vendor/get-vendors',
  needsSession: true,
  requiredKey: 'LocId',
  handle({ body }) {
    const location = findLocation(readInt(body.LocId) ?? -1);
    const vendors = location ? vendorsOfLsp(location.lspId) : [];

    return envelope(
      true,
      null,
      vendors.map((vendor) => ({
        VendorId: vendor.vendorId,
        VendorName: vendor.name,
        VendorCode: vendor.code,
      })),
    );
  },
};

export const roomsRoute: Route = {
  endpoint: 'v2/room/get-rooms',
  needsSession: true,
  requiredKey: 'LocId',
  handle({ body, state }) {
    const rooms = state.seed.rooms(readInt(body.LocId) ?? -1);

    // Observed: the flags are the strings "yes" and "no", not booleans.
    return envelope(
      true,
      null,
      rooms.map((room) => ({
        RoomId: room.roomId,
        RoomName: room.name,
        PosRoom: room.posRoom ? 'yes' : 'no',
        InventoryRoom: room.inventoryRoom ? 'yes' : 'no',
      })),
    );
  },
};
