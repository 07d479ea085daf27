import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphError } from '../resolvers/graph-error';

/**
 * Reads a Relay global id the way Pothos does, but answers one that this graph never issued
 * (not base64, no local part, a type it does not have) as the caller's mistake. Pothos's own
 * errors for these carry no code, and the edge would report them as INTERNAL_SERVER_ERROR.
 */
export function decodeNodeId(
  globalID: string,
  hasType: (typename: string) => boolean,
): { typename: string; id: string } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalID);
  } catch {
    throw notIssued(globalID);
  }

  if (!hasType(decoded.typename)) throw notIssued(globalID);

  return decoded;
}

export function notIssued(globalID: string): GraphError {
  const shown = globalID.length > 40 ? `${globalID.slice(0, 40)}...` : globalID;

  return new GraphError('BAD_USER_INPUT', `"${shown}" is not a global ID this API issued`, {
    hint: 'Pass the id field of an object this API returned, unchanged.',
  });
}
