import { describe, expect, it } from 'vitest';
import {
  ManifestInputError,
  parseManifest,
  previewManifest,
  unitCostOf,
  type ManifestPreview,
} from '../../src/manifest';
import type { Vendor } from '../../src/dutchie/models';
import { Decimal } from '../../src/util/decimal';
import { catalogOf } from './support/catalog';
import { itemDocument, manifestDocument } from './support/documents';
import { parsedFixture } from './support/fixtures';

const AZ_SANDBOX = { locId: 1989, lspId: 575, licenseNumber: '00000089DCQP00412778' };

const VENDORS: Vendor[] = [
  { vendorId: 4103, locId: 1989, name: 'Stiiizy', code: '00000158ESRK00842217' },
  { vendorId: 4102, locId: 1989, name: 'Wyld', code: '00000143ESGT00815590' },
  { vendorId: 4108, locId: 1989, name: 'Desert Sun Distribution', code: '00000189ESMW00927781' },
  { vendorId: 4107, locId: 1989, name: 'Desert Sun Distribution', code: '00000176ESLB00903342' },
  { vendorId: 4203, locId: 2101, name: 'Stiiizy', code: 'PR-000587' },
];

const CATALOG = catalogOf([
  { productId: 310007, name: 'Stiiizy - Blue Dream Pod 1g', brand: 'Stiiizy', vendorId: 4103 },
  { productId: 310008, name: 'Stiiizy - OG Kush Pod 0.5g', brand: 'Stiiizy', vendorId: 4103 },
  {
    productId: 310004,
    name: 'Wyld - Marionberry Gummies 100mg',
    sku: 'WYLD-ED-MB-100',
    brand: 'Wyld',
  },
  {
    productId: 310001,
    name: 'Swallowtail Cultivation - Blue Dream 3.5g',
    brand: 'Swallowtail Cultivation',
    unitId: 3,
  },
]);

function preview(
  items: Record<string, unknown>[],
  header: Record<string, unknown> = {},
  vendors = VENDORS,
): ManifestPreview {
  const document = {
    ...manifestDocument({}, header),
    inventory_transfer_items: items.map(itemDocument),
  };
  const parsed = parseManifest(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));

  return previewManifest({
    location: AZ_SANDBOX,
    vendors,
    catalog: CATALOG,
    manifest: parsed.manifest,
    warnings: parsed.warnings,
  });
}

describe('unit cost and totals', () => {
  it('takes the line total as sent and derives the unit cost half-even to 4 decimals', () => {
    const cases: [number | string, number | string, string][] = [
      [199.95, 15, '13.33'],
      [199.95, 24, '8.3312'],
      [199.95, 8, '24.9938'],
      ['10.00015', 1, '10.0002'],
      ['10.00025', 1, '10.0002'],
      [100, 3, '33.3333'],
      [200, 3, '66.6667'],
      [0, 1, '0'],
    ];

    for (const [linePrice, qty, unitCost] of cases) {
      const [line] = preview([{ line_price: linePrice, qty }]).lines;

      expect(line.unitCost?.toFixed()).toBe(unitCost);
      expect(line.lineTotal?.toFixed()).toBe(new Decimal(linePrice).toFixed());
    }
  });

  it('rounds exact ties to the even digit', () => {
    expect(unitCostOf(new Decimal('0.00005'), new Decimal(1)).toFixed()).toBe('0');
    expect(unitCostOf(new Decimal('0.00015'), new Decimal(1)).toFixed()).toBe('0.0002');
    expect(unitCostOf(new Decimal('0.00025'), new Decimal(1)).toFixed()).toBe('0.0002');
  });

  it('sums line prices exactly, and counts every line, samples included', () => {
    const result = preview([
      { line_price: 0.1, inventory_id: 'A' },
      { line_price: '0.2', inventory_id: 'B' },
      { line_price: 0, is_sample: '1', sample_type: 'vendor', inventory_id: 'C' },
      { line_price: 0, inventory_id: 'D' },
      { line_price: 5, is_sample: 1, inventory_id: 'E' },
    ]);

    expect(result.totals.totalPrice.toFixed()).toBe('5.3');
    expect(result.totals.lineCount).toBe(5);
    expect(result.totals.sampleCount).toBe(3);
    expect(result.lines.map((line) => line.isSample)).toEqual([false, false, true, true, true]);
  });
});

describe('the preview of a manifest', () => {
  it('previews the Stiiizy fixture line by line', () => {
    const { manifest, warnings } = parsedFixture('stiiizy-2.1.0');
    const result = previewManifest({
      location: AZ_SANDBOX,
      vendors: VENDORS,
      catalog: CATALOG,
      manifest,
      warnings,
    });

    expect(result.transferId).toBe('15410217973899012');
    expect(result.sender).toEqual({ licenseNumber: '00000158ESRK00842217', name: 'STIIIZY' });
    expect(
      result.lines.map((line) => [
        line.index,
        line.status,
        line.product?.productId,
        line.packageId,
      ]),
    ).toEqual([
      [0, 'RESOLVED', 310008, '15410167200699001'],
      [1, 'RESOLVED', 310007, '15410167200699002'],
      [2, 'RESOLVED', 310007, '15410167200699003'],
      [3, 'RESOLVED', 310008, '15410167200699004'],
    ]);
    expect(result.lines[0]).toMatchObject({
      labStatus: 'pass',
      coaUrl: 'https://files.example.com/5354495A/Coas/26/11/20/COA_15418385823799001.pdf',
      labResultUrl: 'https://files.example.com/5354495A/Interop/26/40/C501_qa99001.json',
    });
    expect(result.totals).toMatchObject({ lineCount: 4, sampleCount: 1, resolvedCount: 4 });
    expect(result.totals.totalPrice.toFixed()).toBe('1233.25');
  });

  it("proposes the vendor whose code is the sender's license, at this location only", () => {
    const result = preview([{}], {
      from_license_number: '00000158-ESRK-00842217',
      from_license_name: 'Someone Else',
    });

    expect(result.vendor).toEqual({
      status: 'RESOLVED',
      matchedBy: 'license',
      vendor: { vendorId: 4103, name: 'Stiiizy', code: '00000158ESRK00842217' },
      candidates: [{ vendorId: 4103, name: 'Stiiizy', code: '00000158ESRK00842217' }],
    });
  });

  it('proposes a vendor by name when no code matches, and lists repeated names', () => {
    const byName = preview([{}], { from_license_number: '999999', from_license_name: 'WYLD, LLC' });
    const repeated = preview([{}], {
      from_license_number: null,
      from_license_name: 'Desert Sun Distribution',
    });

    expect(byName.vendor).toMatchObject({
      status: 'RESOLVED',
      matchedBy: 'name',
      vendor: { vendorId: 4102 },
    });
    expect(repeated.vendor.status).toBe('AMBIGUOUS');
    expect(repeated.vendor.candidates.map((vendor) => vendor.vendorId)).toEqual([4108, 4107]);
    expect(repeated.warnings.map((warning) => warning.code)).toContain('VENDOR_AMBIGUOUS');
  });

  it('warns when no vendor matches', () => {
    const result = preview([{}], {
      from_license_number: '413632',
      from_license_name: 'Quality Green Trees',
    });

    expect(result.vendor).toMatchObject({ status: 'UNRESOLVED', vendor: null, candidates: [] });
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'VENDOR_NOT_FOUND',
        message:
          "no vendor at this location matches sender 'Quality Green Trees' (license 413632) by license or name",
      }),
    ]);
  });

  it("warns when the manifest is addressed to another license than the location's", () => {
    const result = preview([{}], { to_license_number: '413541' });

    expect(result.warnings).toEqual([
      {
        code: 'RECEIVER_LICENSE_MISMATCH',
        message:
          "to_license_number '413541' is not location 1989's license '00000089DCQP00412778': this delivery may be meant for another store",
        path: '$.to_license_number',
      },
    ]);
    expect(preview([{}], { to_license_number: ' 00000089dcqp00412778 ' }).warnings).toEqual([]);
  });

  it('warns about an inventory_id that appears on several lines', () => {
    const result = preview([
      { inventory_id: 'LOT-1' },
      { inventory_id: 'LOT-2' },
      { inventory_id: 'LOT-1' },
    ]);

    expect(result.warnings).toEqual([
      {
        code: 'DUPLICATE_INVENTORY_ID',
        message: "inventory_id 'LOT-1' appears on lines 0, 2",
        path: '$.inventory_transfer_items[0].inventory_id',
        lines: [0, 2],
      },
    ]);
  });

  it('warns about failed lab results line by line and missing ones together', () => {
    const result = preview([
      { inventory_id: 'A', lab_result_passed: 'failed', lab_result_data: null },
      { inventory_id: 'B', lab_result_passed: null, lab_result_data: null },
      { inventory_id: 'C' },
      { inventory_id: 'D', lab_result_passed: null, lab_result_data: { lab_result_status: null } },
    ]);

    expect(result.lines.map((line) => line.labStatus)).toEqual([
      'fail',
      'missing',
      'pass',
      'missing',
    ]);
    expect(result.warnings.map(({ code, lines }) => [code, lines])).toEqual([
      ['LAB_FAILED', [0]],
      ['LAB_MISSING', [1, 3]],
    ]);
  });

  it('warns when a line counts in another unit than its product is sold in', () => {
    const blueDream = 'Swallowtail Cultivation - Blue Dream 3.5g';
    const result = preview([
      { inventory_id: 'A', product_name: blueDream, uom: 'ea', qty: 10 },
      { inventory_id: 'B', product_name: blueDream, uom: 'g', qty: 35 },
      { inventory_id: 'C', uom: 'oz', qty: 2 },
      { inventory_id: 'D', uom: 'ea' },
    ]);

    expect(result.warnings.map(({ code, lines }) => [code, lines])).toEqual([
      ['UNIT_MISMATCH', [0]],
      ['UNIT_MISMATCH', [2]],
    ]);
    expect(result.warnings[0].message).toBe(
      "line 0 counts qty 10 in 'ea', but product 310001 (Swallowtail Cultivation - Blue Dream 3.5g) is sold by the gram; the quantity is not converted",
    );
  });

  it('carries the parse warnings ahead of its own', () => {
    const result = preview([{ uom: 'case' }], { to_license_number: '413541' });

    expect(result.warnings.map((warning) => warning.code)).toEqual([
      'UOM_UNKNOWN',
      'RECEIVER_LICENSE_MISMATCH',
    ]);
  });

  it('does not serialise the catalog it was matched against', () => {
    const result = preview([{}]);

    expect(result.catalog).toBe(CATALOG);
    expect(Object.keys(result)).not.toContain('catalog');
    expect(JSON.stringify(result)).not.toContain('Marionberry');
  });

  it('refuses a catalog of another LSP than the location', () => {
    const parsed = parseManifest(manifestDocument());
    if (!parsed.ok) throw new Error('fixture');

    const attempt = () =>
      previewManifest({
        location: { ...AZ_SANDBOX, lspId: 805 },
        vendors: VENDORS,
        catalog: CATALOG,
        manifest: parsed.manifest,
      });

    expect(attempt).toThrow(ManifestInputError);
    expect(attempt).toThrow('catalog of LSP 575 cannot match lines for location 1989 of LSP 805');
  });
});
