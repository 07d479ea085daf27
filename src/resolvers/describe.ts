import type { ScopedId } from './loaders';

/** How errors name things: the way the upstream and its users name them. */
export const describeProduct = (key: ScopedId) => `product ${key.id} of LspId ${key.scope}`;
export const describeRoom = (key: ScopedId) => `room ${key.id} at LocId ${key.scope}`;
export const describeVendor = (key: ScopedId) => `vendor ${key.id} at LocId ${key.scope}`;
export const describeLocation = (locId: number) => `LocId ${locId}`;
