import { AZ_VENDORS, IL_VENDORS, OH_VENDORS } from '../seed-facts';

export interface SeedVendor {
  vendorId: number;
  lspId: number;
  name: string;
  /** The vendor's state license number, sent upstream as VendorCode. */
  code: string;
}

const list = (lspId: number, rows: { vendorId: number; name: string; code: string }[]) =>
  rows.map((row) => ({ ...row, lspId }));

// LIMITATION: vendors are modelled per LSP, so every location of an LSP lists the same vendors;
// no public evidence says whether Backoffice scopes them per location.
/**
 * Vendors belong to an LSP; get-vendors at a location lists its LSP's vendors. Wyld and
 * Stiiizy appear in several markets under separate ids, as multi-state brands do.
 */
export const SEED_VENDORS: readonly SeedVendor[] = [
  ...list(575, Object.values(AZ_VENDORS)),
  ...list(576, [
    { vendorId: 4201, name: 'Wyld', code: 'PR-000412' },
    { vendorId: 4202, name: 'Stiiizy', code: 'PR-000587' },
    { vendorId: 4203, name: 'Great Lakes Growers', code: 'GR-C-000233' },
    { vendorId: 4204, name: 'Motor City Melts', code: 'PR-000649' },
    { vendorId: 4205, name: 'Mitten Made Edibles', code: 'PR-000702' },
    { vendorId: 4206, name: 'Lakeshore Distribution', code: 'SC-000118' },
  ]),
  ...list(805, [
    ...Object.values(IL_VENDORS),
    { vendorId: 4302, name: 'Windy City Extracts', code: '1503060713-IN' },
    { vendorId: 4303, name: 'Wyld', code: '1503060725-IN' },
    { vendorId: 4304, name: 'Lake Michigan Supply', code: '1503060730-TR' },
  ]),
  ...list(820, [
    { vendorId: 4401, name: 'Mojave Growers', code: 'C-0412' },
    { vendorId: 4402, name: 'Neon Extracts', code: 'P-0588' },
    { vendorId: 4403, name: 'Stiiizy', code: 'P-0631' },
    { vendorId: 4404, name: 'Silver State Sweets', code: 'P-0672' },
  ]),
  ...list(723, [
    { vendorId: 4501, name: 'Ozark Cultivation', code: 'CUL000127' },
    { vendorId: 4502, name: 'Gateway Extracts', code: 'MAN000244' },
    { vendorId: 4503, name: 'Show Me Edibles', code: 'MAN000318' },
    { vendorId: 4504, name: 'Wyld', code: 'MAN000352' },
  ]),
  ...list(901, [
    ...Object.values(OH_VENDORS),
    { vendorId: 4602, name: 'Cuyahoga Concentrates', code: 'MMCPP00231' },
    { vendorId: 4603, name: 'Wyld', code: 'MMCPP00276' },
    { vendorId: 4604, name: 'Lake Erie Labs', code: 'MMCPP00305' },
  ]),
];

const vendorsByLsp = new Map<number, SeedVendor[]>();
const vendorById = new Map<number, SeedVendor>();
for (const vendor of SEED_VENDORS) {
  vendorById.set(vendor.vendorId, vendor);
  vendorsByLsp.set(vendor.lspId, [...(vendorsByLsp.get(vendor.lspId) ?? []), vendor]);
}

export function vendorsOfLsp(lspId: number): readonly SeedVendor[] {
  return vendorsByLsp.get(lspId) ?? [];
}

export function findVendor(vendorId: number): SeedVendor | undefined {
  return vendorById.get(vendorId);
}
