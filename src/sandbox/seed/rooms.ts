import { AZ_SANDBOX_ROOMS, OH_SANDBOX_ROOMS } from '../seed-facts';
import { SANDBOX_LOC_IDS } from '../types';
import { SEED_LOCATIONS } from './locations';
import { BASE_SEED, createPrng, seedFor } from './prng';

export interface SeedRoom {
  roomId: number;
  locId: number;
  name: string;
  posRoom: boolean;
  inventoryRoom: boolean;
}

const room = (roomId: number, locId: number, name: string, pos: boolean, inventory: boolean) => ({
  roomId,
  locId,
  name,
  posRoom: pos,
  inventoryRoom: inventory,
});

/** Store rooms in the order a store adds them; a store has the first three to six. */
const STORE_ROOMS: readonly [name: string, pos: boolean, inventory: boolean][] = [
  ['Sales Floor', true, true],
  ['Vault', false, true],
  ['Back Stock', false, true],
  ['Quarantine', false, true],
  ['Display Case', true, false],
  ['Returns', false, false],
];

function buildRooms(): Map<number, SeedRoom[]> {
  const az = SANDBOX_LOC_IDS.az;
  const oh = SANDBOX_LOC_IDS.oh;
  const rooms = new Map<number, SeedRoom[]>([
    [
      az,
      [
        room(AZ_SANDBOX_ROOMS.vault, az, 'Vault', false, true),
        room(AZ_SANDBOX_ROOMS.backStock, az, 'Back Stock', false, true),
        // Sells from here but holds no stock: receiving into it is refused (skipped upstream).
        room(AZ_SANDBOX_ROOMS.salesFloor, az, 'Sales Floor', true, false),
        room(AZ_SANDBOX_ROOMS.quarantine, az, 'Quarantine', false, true),
      ],
    ],
    // The IL manufacturing sandbox has no rooms at all: receives there orphan.
    [SANDBOX_LOC_IDS.il, []],
    [
      oh,
      [
        room(OH_SANDBOX_ROOMS.vault, oh, 'Vault', false, true),
        room(OH_SANDBOX_ROOMS.salesFloor, oh, 'Sales Floor', true, true),
        room(OH_SANDBOX_ROOMS.receiving, oh, 'Receiving', false, true),
      ],
    ],
  ]);

  SEED_LOCATIONS.forEach((location, index) => {
    if (rooms.has(location.locId)) return;

    const count = createPrng(seedFor(BASE_SEED, location.locId, 1)).int(3, STORE_ROOMS.length);
    const storeRooms = STORE_ROOMS.slice(0, count).map(([name, pos, inventory], k) =>
      room(31000 + index * 10 + k, location.locId, name, pos, inventory),
    );
    rooms.set(location.locId, storeRooms);
  });

  return rooms;
}

export const SEED_ROOMS: ReadonlyMap<number, readonly SeedRoom[]> = buildRooms();

const roomById = new Map([...SEED_ROOMS.values()].flat().map((r) => [r.roomId, r]));

export function findRoom(roomId: number): SeedRoom | undefined {
  return roomById.get(roomId);
}
