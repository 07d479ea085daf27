import { envelope } from '../answers';
import { findLsp, SEED_LOCATIONS, type SeedLocation } from '../seed';
import { LSP_FILTER_TRAP } from '../seed-facts';
import { lenientInt } from '../body-values';
import type { Route } from './context';

export const locationsRoute: Route = {
  endpoint: 'posv3/maintenance/GetLspLocationsBackend',
  needsSession: true,
  handle({ body }) {
    const filter = body.LspId;
    if (filter === undefined || filter === null || filter === '') {
      return envelope(true, null, SEED_LOCATIONS.map(locationRow));
    }

    // THE TRAP (observed for 575): a filter silently answers another LSP's rows.
    const lspId = lenientInt(filter);
    const shown = lspId === null ? undefined : LSP_FILTER_TRAP[lspId];
    const rows = SEED_LOCATIONS.filter((location) => location.lspId === shown);

    return envelope(true, null, rows.map(locationRow));
  },
};

function locationRow(location: SeedLocation) {
  const lsp = findLsp(location.lspId)!;

  return {
    LocId: location.locId,
    LocationName: location.name,
    LspId: location.lspId,
    LspName: lsp.name,
    State: lsp.state,
    CompanyType: location.companyType,
    LicenseNumber: location.licenseNumber,
    IsActive: location.isActive,
  };
}
