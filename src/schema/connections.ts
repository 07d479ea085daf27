import type { ObjectRef } from '@pothos/core';
import type { SnapshotPage } from '../resolvers/snapshot-page';
import { builder, type GraphSchemaTypes } from './builder';
import { PackageRef, ProductRef } from './refs';

/** The connection objects resolve to a SnapshotPage, which carries these beside the edges. */
const pageOf = (connection: unknown) => connection as SnapshotPage<unknown>;

/** A connection paged over one snapshot, with the count and age of what it pages. */
function snapshotConnection<T>(
  type: ObjectRef<PothosSchemaTypes.ExtendDefaultTypes<GraphSchemaTypes>, T>,
  name: string,
  description: string,
  rows: string,
) {
  return builder.connectionObject(
    {
      type,
      name: `${name}Connection`,
      description,
      fields: (t) => ({
        totalCount: t.int({
          description: `${rows} in the snapshot that match the filters, on every page.`,
          resolve: (connection) => pageOf(connection).totalCount,
        }),
        fetchedAt: t.field({
          type: 'DateTime',
          description: 'When the snapshot these pages come from was read from Backoffice.',
          resolve: (connection) => pageOf(connection).fetchedAt,
        }),
      }),
    },
    { name: `${name}Edge` },
  );
}

export const PackageConnectionRef = snapshotConnection(
  PackageRef,
  'Package',
  'Packages paged over one inventory snapshot: every cursor names the snapshot it was cut ' +
    'from, so later pages read the same rows even while the cache refreshes.',
  'Packages',
);

export const ProductConnectionRef = snapshotConnection(
  ProductRef,
  'Product',
  'Products of an LSP catalog, paged over one snapshot of it.',
  'Products',
);
