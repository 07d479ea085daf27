import type { Location } from '../dutchie/models';
import type { GraphContext } from '../resolvers/context';
import { unknownLocation } from '../resolvers/upstream-data';

/** The location a room, vendor or package belongs to; NOT_FOUND if the login lost sight of it. */
export async function locationOf(locId: number, context: GraphContext): Promise<Location> {
  const location = await context.loaders.location.load(locId);
  if (!location) throw unknownLocation(locId);

  return location;
}
