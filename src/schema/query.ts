import { builder } from './builder';

builder.queryType({
  description:
    'Reads of Dutchie Backoffice through a shared cache: reference data (locations, rooms, ' +
    'vendors, catalogs) and inventory are fetched once per TTL for every caller.',
});
