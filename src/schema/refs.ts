import type { Location } from '../dutchie/models';
import type { PackageSource, ProductSource, RoomSource, VendorSource } from '../resolvers/sources';
import { builder } from './builder';

/**
 * The object refs, declared before any type is implemented, so that the domain files can point
 * at each other (a Room has a Location, a Location has Rooms) without circular imports.
 */
export const LocationRef = builder.objectRef<Location>('Location');
export const RoomRef = builder.objectRef<RoomSource>('Room');
export const VendorRef = builder.objectRef<VendorSource>('Vendor');
export const ProductRef = builder.objectRef<ProductSource>('Product');
export const PackageRef = builder.objectRef<PackageSource>('Package');
