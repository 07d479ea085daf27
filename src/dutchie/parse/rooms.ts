import { z } from 'zod';
import type { Room } from '../models';
import { zFlag, zInt, zText } from './fields';
import { listData, parseWith } from './schema-mismatch';

/** Rooms come back with their flags as the strings "yes"/"no". */
const RoomListSchema = z.array(
  z.object({
    RoomId: zInt,
    RoomName: zText,
    PosRoom: zFlag,
    InventoryRoom: zFlag,
  }),
);

export function parseRooms(data: unknown, locId: number): Room[] {
  return parseWith(RoomListSchema, listData(data)).map((row) => ({
    roomId: row.RoomId,
    locId,
    name: row.RoomName,
    isInventoryRoom: row.InventoryRoom,
    isPosRoom: row.PosRoom,
  }));
}
