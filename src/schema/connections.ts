import type { SnapshotPage } from '../resolvers/snapshot-page';
import { builder } from './builder';
import { PackageRef, ProductRef } from './refs';

/** The connection objects resolve to a SnapshotPage, which carries these beside the edges. */
const pageOf = (connection: unknown) => connection as SnapshotPage<unknown>;

export const PackageConnectionRef = builder.connectionObject(
  {
    type: PackageRef,
    name: 'PackageConnection',
    description:
      'Packages paged over one inventory snapshot: every cursor names the snapshot it was cut ' +
      'from, so later pages read the same rows even while the cache refreshes.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'Packages in the snapshot that match the filters, on every page.',
        resolve: (connection) => pageOf(connection).totalCount,
      }),
      fetchedAt: t.field({
        type: 'DateTime',
        description: 'When the snapshot these pages come from was read from Backoffice.',
        resolve: (connection) => pageOf(connection).fetchedAt,
      }),
    }),
  },
  { name: 'PackageEdge' },
);

export const ProductConnectionRef = builder.connectionObject(
  {
    type: ProductRef,
    name: 'ProductConnection',
    description: 'Products of an LSP catalog, paged over one snapshot of it.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'Products in the snapshot that match the filters, on every page.',
        resolve: (connection) => pageOf(connection).totalCount,
      }),
      fetchedAt: t.field({
        type: 'DateTime',
        description: 'When the catalog these pages come from was read from Backoffice.',
        resolve: (connection) => pageOf(connection).fetchedAt,
      }),
    }),
  },
  { name: 'ProductEdge' },
);
