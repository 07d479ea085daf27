import { z } from 'zod';
import type { Location } from '../models';
import { timeZoneForState } from '../time-zones';
import { zFlag, zInt, zOptionalText, zText } from './fields';
import { listData, parseWith } from './schema-mismatch';

const LocationRowSchema = z.object({
  LocId: zInt,
  LocationName: zText,
  LspId: zInt,
  LspName: zOptionalText,
  State: zText,
  CompanyType: zOptionalText,
  LicenseNumber: zOptionalText,
  IsActive: zFlag,
});

const LocationListSchema = z.array(LocationRowSchema);

/** Where a state has no known zone, this one is used and the caller is told. */
export const FALLBACK_TIME_ZONE = 'UTC';

export interface LocationParseOptions {
  timeZoneOverrides: Readonly<Record<string, string>>;
  onUnknownState: (state: string, locId: number) => void;
}

/** GetLspLocationsBackend rows → Locations, each with its zone and its sandbox flag. */
export function parseLocations(data: unknown, options: LocationParseOptions): Location[] {
  const rows = parseWith(LocationListSchema, listData(data));

  return rows.map((row) => {
    const state = row.State.trim().toUpperCase();
    let timeZone = timeZoneForState(state, options.timeZoneOverrides);

    if (!timeZone) {
      // LIMITATION: a state outside the built-in map and the overrides reads its dates in UTC,
      // because location rows carry no zone of their own.
      options.onUnknownState(state, row.LocId);
      timeZone = FALLBACK_TIME_ZONE;
    }

    return {
      locId: row.LocId,
      name: row.LocationName,
      lspId: row.LspId,
      lspName: row.LspName,
      state,
      companyType: row.CompanyType,
      licenseNumber: row.LicenseNumber,
      isActive: row.IsActive,
      timeZone,
      isSandbox: row.LocationName.trim() === 'Sandbox',
    };
  });
}
