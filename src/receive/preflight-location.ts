import type { Location, Room, Vendor } from '../dutchie/models';
import type { ParsedReceiveInput } from './input-schema';
import type {
  LocationNotWritableError,
  OrphanRiskError,
  RoomProblem,
  VendorNotFoundError,
} from './results';

/**
 * Preflight steps about where the receive goes: the location, its rooms, the vendor. Each
 * takes what was read and answers the value to go on with, or the error that stops here.
 */

/** Which locations may be written; absent means the ones named "Sandbox". */
export type WritablePolicy = readonly number[] | undefined;

export function checkLocation(
  locations: readonly Location[],
  locId: number,
  writable: WritablePolicy,
): Location | LocationNotWritableError {
  const location = locations.find((candidate) => candidate.locId === locId);
  const writableLocIds = writable
    ? [...writable]
    : locations.filter((candidate) => candidate.isSandbox).map((candidate) => candidate.locId);
  const allowed = `receives are allowed at LocId ${writableLocIds.join(', ') || '(none)'}`;

  if (!location) {
    return {
      __typename: 'LocationNotWritableError',
      code: 'LOCATION_NOT_WRITABLE',
      message: `LocId ${locId} is not among the ${locations.length} locations this login sees; ${allowed}`,
      hint: 'Take the LocId from the locations query, which reads the unfiltered location list.',
      locId,
      locationName: null,
      reason: 'unknown-location',
      writableLocIds,
    };
  }

  if (writableLocIds.includes(locId)) return location;

  return {
    __typename: 'LocationNotWritableError',
    code: 'LOCATION_NOT_WRITABLE',
    message: `LocId ${locId} ("${location.name}", ${location.state}) is not writable; ${allowed}`,
    hint: writable
      ? 'Add the LocId to the writableLocIds option if receiving there is intended.'
      : 'Only locations named "Sandbox" are writable by default, so that a production store is never written by accident; set writableLocIds to allow others.',
    locId,
    locationName: location.name,
    reason: 'not-writable',
    writableLocIds,
  };
}

/**
 * Every destination room (the header's and each line's) must be an inventory room of this
 * location. A location with no rooms is refused outright: the upstream answers such a receive
 * with a history id and creates no packages (the orphaned receive seen at 2862).
 */
export function checkRooms(
  rooms: readonly Room[],
  input: ParsedReceiveInput,
  location: Location,
): Map<number, Room> | OrphanRiskError {
  const destinations = destinationPaths(input);
  const byId = new Map(rooms.map((room) => [room.roomId, room]));
  const problems: RoomProblem[] = [];

  if (rooms.length === 0) {
    const paths = [...destinations.values()].flat();
    problems.push({ roomId: null, roomName: null, paths, reason: 'no-rooms' });
  } else {
    for (const [roomId, paths] of destinations) {
      const room = byId.get(roomId);
      if (!room) problems.push({ roomId, roomName: null, paths, reason: 'unknown-room' });
      else if (!room.isInventoryRoom) {
        problems.push({ roomId, roomName: room.name, paths, reason: 'not-inventory-room' });
      }
    }
  }

  if (problems.length === 0) return byId;

  return {
    __typename: 'OrphanRiskError',
    code: 'ORPHAN_RISK',
    message: problems.map((problem) => describeRoomProblem(problem, location, rooms)).join('; '),
    hint:
      rooms.length === 0
        ? 'Receive at a location that has inventory rooms (for AZ intake work, LocId 1989); create rooms at this location in Backoffice first if it must take stock.'
        : `Send a roomId whose InventoryRoom is 'yes' at LocId ${location.locId}: ${inventoryRoomList(rooms)}.`,
    locId: location.locId,
    problems,
  };
}

export function checkVendor(
  vendors: readonly Vendor[],
  vendorId: number,
  location: Location,
): Vendor | VendorNotFoundError {
  const vendor = vendors.find((candidate) => candidate.vendorId === vendorId);
  if (vendor) return vendor;

  return {
    __typename: 'VendorNotFoundError',
    code: 'VENDOR_NOT_FOUND',
    message: `vendor ${vendorId} is not a vendor at LocId ${location.locId} ("${location.name}"), which lists ${vendors.length} vendors`,
    hint: 'Take the VendorId from the vendors of this location; vendor names repeat, so match on the license number (VendorCode).',
    locId: location.locId,
    vendorId,
    vendorsAtLocation: vendors.length,
  };
}

/** Destination room id → the input fields that name it, header first. */
function destinationPaths(input: ParsedReceiveInput): Map<number, string[]> {
  const paths = new Map<number, string[]>([[input.roomId, ['roomId']]]);

  input.lines.forEach((line, index) => {
    if (line.roomId === undefined) return;

    const list = paths.get(line.roomId) ?? [];
    list.push(`lines.${index}.roomId`);
    paths.set(line.roomId, list);
  });

  return paths;
}

function describeRoomProblem(
  problem: RoomProblem,
  location: Location,
  rooms: readonly Room[],
): string {
  const at = `LocId ${location.locId}`;

  if (problem.reason === 'no-rooms') {
    return `${at} ("${location.name}") has no rooms: a receive there is answered with a history id and creates no packages (an orphaned receive)`;
  }
  if (problem.reason === 'unknown-room') {
    return `room ${problem.roomId} is not a room of ${at} (named by ${problem.paths.join(', ')}; its rooms are ${rooms.map((room) => room.roomId).join(', ')})`;
  }

  return `room ${problem.roomId} at ${at} is not an inventory room (InventoryRoom: 'no'): "${problem.roomName}", named by ${problem.paths.join(', ')}`;
}

function inventoryRoomList(rooms: readonly Room[]): string {
  const usable = rooms.filter((room) => room.isInventoryRoom);
  if (usable.length === 0) return 'none of its rooms is one';

  return usable.map((room) => `${room.roomId} "${room.name}"`).join(', ');
}
