import { builder } from './builder';

builder.queryType({
  // Every query field, those other plugins add too (node, nodes, _entities, _service), needs a
  // key with inventory:read; fields that reach one location's data ask for its LocId as well.
  authScopes: { read: true },
  description:
    'Reads of Dutchie Backoffice through a shared cache: reference data (locations, rooms, ' +
    'vendors, catalogs) and inventory are fetched once per TTL for every caller.',
});
