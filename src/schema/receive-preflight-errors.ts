import type {
  DuplicatePackage,
  DuplicatePackageError,
  LocationNotWritableError,
  OrphanRiskError,
  ProductCandidate,
  ProductNotFoundError,
  ProductProblem,
  RoomProblem,
  ValidationError,
  ValidationIssue,
  VendorNotFoundError,
} from '../receive';
import { builder } from './builder';
import {
  DuplicateWhereEnum,
  LocationNotWritableReasonEnum,
  ProductProblemReasonEnum,
  RoomProblemReasonEnum,
} from './receive-enums';
import { ErrorRef } from './receive-error';

/**
 * The refusals that come before anything is sent: the input, then preflight's reads of the
 * location, its rooms, the vendor, the catalog and the location's package labels. Nothing was
 * written for any of them, so the same idempotency key may be sent again once corrected.
 */

const PATH = 'Dotted path inside the input argument, e.g. `lines.2.quantity`.';

const ValidationIssueRef = builder.objectRef<ValidationIssue>('ValidationIssue').implement({
  fields: (t) => ({
    path: t.exposeString('path', { description: `${PATH} "" means the input as a whole.` }),
    message: t.exposeString('message'),
  }),
});

export const ValidationErrorRef = builder.objectRef<ValidationError>('ValidationError').implement({
  description: 'The input broke its rules; every problem is listed at once, each with its path.',
  interfaces: [ErrorRef],
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssueRef], resolve: (error) => error.issues }),
  }),
});

export const LocationNotWritableErrorRef = builder
  .objectRef<LocationNotWritableError>('LocationNotWritableError')
  .implement({
    description:
      'The LocId is unknown to the login, or not among the locations that may be written.',
    interfaces: [ErrorRef],
    fields: (t) => ({
      locId: t.exposeInt('locId'),
      locationName: t.exposeString('locationName', {
        nullable: true,
        description: 'Null when the login does not see the location.',
      }),
      reason: t.expose('reason', { type: LocationNotWritableReasonEnum }),
      writableLocIds: t.exposeIntList('writableLocIds'),
    }),
  });

const RoomProblemRef = builder.objectRef<RoomProblem>('RoomProblem').implement({
  fields: (t) => ({
    roomId: t.exposeInt('roomId', { nullable: true, description: 'Null for NO_ROOMS.' }),
    roomName: t.exposeString('roomName', { nullable: true }),
    paths: t.exposeStringList('paths', { description: 'The input fields that name the room.' }),
    reason: t.expose('reason', { type: RoomProblemReasonEnum }),
  }),
});

export const OrphanRiskErrorRef = builder.objectRef<OrphanRiskError>('OrphanRiskError').implement({
  description:
    'The upstream would accept this receive and create no packages (an orphaned receive): the ' +
    'location has no rooms, or a destination is not one of its inventory rooms.',
  interfaces: [ErrorRef],
  fields: (t) => ({
    locId: t.exposeInt('locId'),
    // Named apart from ProductNotFoundError's, so one selection over the union can ask for both.
    roomProblems: t.field({ type: [RoomProblemRef], resolve: (error) => error.problems }),
  }),
});

export const VendorNotFoundErrorRef = builder
  .objectRef<VendorNotFoundError>('VendorNotFoundError')
  .implement({
    description: 'The vendorId is not a vendor of the location (vendors are listed per LocId).',
    interfaces: [ErrorRef],
    fields: (t) => ({
      locId: t.exposeInt('locId'),
      vendorId: t.exposeInt('vendorId', {
        nullable: true,
        description:
          'Null when no vendor was named: receiveManifest found none (or several) matching the sender.',
      }),
      vendorsAtLocation: t.exposeInt('vendorsAtLocation'),
    }),
  });

const ProductCandidateRef = builder.objectRef<ProductCandidate>('ProductCandidate').implement({
  fields: (t) => ({
    productId: t.exposeInt('productId'),
    sku: t.exposeString('sku', { nullable: true }),
    name: t.exposeString('name'),
  }),
});

const ProductProblemRef = builder.objectRef<ProductProblem>('ProductProblem').implement({
  fields: (t) => ({
    path: t.exposeString('path', { description: PATH }),
    productId: t.exposeInt('productId', { nullable: true }),
    sku: t.exposeString('sku', { nullable: true }),
    reason: t.expose('reason', { type: ProductProblemReasonEnum }),
    candidates: t.field({
      type: [ProductCandidateRef],
      description: 'For an ambiguous SKU its products; for an unknown SKU near spellings.',
      resolve: (problem) => problem.candidates,
    }),
  }),
});

export const ProductNotFoundErrorRef = builder
  .objectRef<ProductNotFoundError>('ProductNotFoundError')
  .implement({
    description: "A line's product is not in the location's LSP catalog, or its SKU is ambiguous.",
    interfaces: [ErrorRef],
    fields: (t) => ({
      lspId: t.exposeInt('lspId'),
      productProblems: t.field({ type: [ProductProblemRef], resolve: (error) => error.problems }),
    }),
  });

type ExistingPackage = NonNullable<DuplicatePackage['existing']>;

const ExistingPackageRef = builder.objectRef<ExistingPackage>('ExistingPackage').implement({
  fields: (t) => ({
    inventoryId: t.exposeInt('inventoryId'),
    productId: t.exposeInt('productId'),
    roomId: t.exposeInt('roomId', { nullable: true }),
    quantity: t.field({ type: 'Decimal', resolve: (row) => row.quantity }),
  }),
});

const DuplicatePackageRef = builder.objectRef<DuplicatePackage>('DuplicatePackage').implement({
  fields: (t) => ({
    packageId: t.exposeString('packageId', { description: 'The package label.' }),
    where: t.expose('where', { type: DuplicateWhereEnum }),
    paths: t.exposeStringList('paths'),
    existing: t.field({
      type: ExistingPackageRef,
      nullable: true,
      description: 'The package already at the location (LOCATION only).',
      resolve: (duplicate) => duplicate.existing,
    }),
  }),
});

export const DuplicatePackageErrorRef = builder
  .objectRef<DuplicatePackageError>('DuplicatePackageError')
  .implement({
    description:
      'A package label is repeated among the lines or already at the location (read fresh, ' +
      'sold-out packages included): it would receive into an existing package.',
    interfaces: [ErrorRef],
    fields: (t) => ({
      locId: t.exposeInt('locId'),
      duplicates: t.field({ type: [DuplicatePackageRef], resolve: (error) => error.duplicates }),
    }),
  });
