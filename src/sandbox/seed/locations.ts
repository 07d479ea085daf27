import { SANDBOX_LOC_IDS } from '../types';

export type CompanyType = 'Dispensary' | 'Manufacturing';

export interface SeedLsp {
  lspId: number;
  name: string;
  state: string;
  /** The zone the location's offset-less dates are written in. */
  timeZone: string;
}

export interface SeedLocation {
  locId: number;
  name: string;
  lspId: number;
  companyType: CompanyType;
  licenseNumber: string;
  isActive: boolean;
}

/** One LSP per state market; OH's real id is unknown, so the model uses 901. */
export const SEED_LSPS: readonly SeedLsp[] = [
  { lspId: 575, name: 'Leaf Collective Arizona', state: 'AZ', timeZone: 'America/Phoenix' },
  { lspId: 576, name: 'Leaf Collective Michigan', state: 'MI', timeZone: 'America/Detroit' },
  { lspId: 805, name: 'Leaf Collective Illinois', state: 'IL', timeZone: 'America/Chicago' },
  { lspId: 820, name: 'Leaf Collective Nevada', state: 'NV', timeZone: 'America/Los_Angeles' },
  { lspId: 723, name: 'Leaf Collective Missouri', state: 'MO', timeZone: 'America/Chicago' },
  { lspId: 901, name: 'Leaf Collective Ohio', state: 'OH', timeZone: 'America/New_York' },
];

/** Flagstaff is the one inactive store: a closed location still appears in the list. */
export const INACTIVE_LOC_ID = 2031;

const az = (locId: number, name: string, licenseNumber: string): SeedLocation => ({
  locId,
  name,
  lspId: 575,
  companyType: 'Dispensary',
  licenseNumber,
  isActive: locId !== INACTIVE_LOC_ID,
});

/** The 18 locations the employee account sees, in the order the list endpoint returns them. */
export const SEED_LOCATIONS: readonly SeedLocation[] = [
  az(SANDBOX_LOC_IDS.az, 'Sandbox', '00000089DCQP00412778'),
  az(1993, 'Phoenix - Camelback Rd', '00000012DCHE00164403'),
  az(2004, 'Tempe - Mill Ave', '00000031DCLA00257719'),
  az(2011, 'Mesa - Main St', '00000044DCOT00318865'),
  az(2017, 'Scottsdale - Old Town', '00000052DCWX00377120'),
  az(2025, 'Tucson - 4th Ave', '00000067DCBR00429954'),
  az(INACTIVE_LOC_ID, 'Flagstaff - Route 66', '00000073DCNV00481306'),
  az(2046, 'Chandler - Arizona Ave', '00000081DCKM00533672'),
  az(2052, 'Glendale - 59th Ave', '00000095DCSD00590218'),
  store(2101, 576, 'Detroit - Woodward Ave', 'AU-R-000318'),
  store(2108, 576, 'Ann Arbor - State St', 'AU-R-000452'),
  store(2115, 576, 'Grand Rapids - Division Ave', 'AU-R-000587'),
  store(2122, 576, 'Lansing - Michigan Ave', 'AU-R-000641'),
  {
    locId: SANDBOX_LOC_IDS.il,
    name: 'Sandbox',
    lspId: 805,
    companyType: 'Manufacturing',
    licenseNumber: '1503060741-CG',
    isActive: true,
  },
  store(2855, 805, 'Chicago - Wicker Park', '284.000217-AUDO'),
  store(2630, 820, 'Las Vegas - Fremont St', 'RD-0864'),
  store(2410, 723, 'St. Louis - Delmar Blvd', 'DIS000391'),
  store(SANDBOX_LOC_IDS.oh, 901, 'Sandbox', 'MMD.0700928'),
];

function store(locId: number, lspId: number, name: string, licenseNumber: string): SeedLocation {
  return { locId, name, lspId, companyType: 'Dispensary', licenseNumber, isActive: true };
}

const lspById = new Map(SEED_LSPS.map((lsp) => [lsp.lspId, lsp]));
const locationById = new Map(SEED_LOCATIONS.map((location) => [location.locId, location]));

export function findLsp(lspId: number): SeedLsp | undefined {
  return lspById.get(lspId);
}

export function findLocation(locId: number): SeedLocation | undefined {
  return locationById.get(locId);
}

/** The LSP a location belongs to; every seeded location has one. */
export function lspOf(location: SeedLocation): SeedLsp {
  return lspById.get(location.lspId)!;
}
