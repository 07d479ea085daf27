import { describe, expect, it } from 'vitest';
import {
  parseManifest,
  previewManifest,
  selectManifestLines,
  type ManifestPreview,
} from '../../src/manifest';
import { catalogOf } from './support/catalog';
import { parsedFixture } from './support/fixtures';
import { itemDocument, manifestDocument } from './support/documents';

const AZ_SANDBOX = { locId: 1989, lspId: 575, licenseNumber: '00000089DCQP00412778' };
const VENDORS = [{ vendorId: 4102, locId: 1989, name: 'Wyld', code: '00000143ESGT00815590' }];

/** The Wyld fixture's products, as the seed holds them. */
const CATALOG = catalogOf([
  {
    productId: 310004,
    name: 'Wyld - Marionberry Gummies 100mg',
    sku: 'WYLD-ED-MB-100',
    brand: 'Wyld',
    vendorId: 4102,
  },
  {
    productId: 310005,
    name: 'Wyld - Marionberry Gummies 100mg (Old Packaging)',
    sku: 'WYLD-ED-MB-100',
    brand: 'Wyld',
    vendorId: 4102,
  },
  {
    productId: 310006,
    name: 'Wyld - Raspberry Gummies 100mg',
    sku: 'WYLD-ED-RA-100',
    brand: 'Wyld',
    vendorId: 4102,
  },
  {
    productId: 312330,
    name: 'Wyld - Raspberry Sugar-Free Gummies 100mg',
    brand: 'Wyld',
    vendorId: 4102,
  },
  {
    productId: 313878,
    name: 'Agave Bites - Raspberry Gummies 100mg',
    brand: 'Agave Bites',
    vendorId: 4106,
  },
]);

/** Wyld 2.0.0: 0 resolved by SKU, 1 ambiguous, 2 unresolved, 3 a sample resolved by SKU. */
function wyldPreview(): ManifestPreview {
  const { manifest, warnings } = parsedFixture('wyld-2.0.0');

  return previewManifest({
    location: AZ_SANDBOX,
    vendors: VENDORS,
    catalog: CATALOG,
    manifest,
    warnings,
  });
}

describe('choosing the lines to receive', () => {
  it('matches the fixture as the walk-through expects', () => {
    expect(wyldPreview().lines.map((line) => line.status)).toEqual([
      'RESOLVED',
      'AMBIGUOUS',
      'UNRESOLVED',
      'RESOLVED',
    ]);
  });

  it('refuses while lines are unresolved, listing each with its candidates', () => {
    const result = selectManifestLines(wyldPreview());

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.code).toBe('MANIFEST_SELECTION_INVALID');
    expect(result.refusal.unresolvedLines.map((line) => [line.index, line.status])).toEqual([
      [1, 'AMBIGUOUS'],
      [2, 'UNRESOLVED'],
    ]);
    expect(result.refusal.unresolvedLines[0].candidates[0].productId).toBe(310006);
    expect(result.refusal.invalidChoices).toEqual([]);
    expect(result.refusal.message).toBe(
      'manifest WY413287.TR88213 cannot be received as chosen: lines 1, 2 have no product: choose one or exclude them',
    );
  });

  it('receives chosen products and leaves out excluded lines and samples', () => {
    const result = selectManifestLines(wyldPreview(), {
      lineChoices: [
        { index: 1, productId: 310006 },
        { index: 2, exclude: true },
      ],
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.skipped).toEqual([
      { index: 2, reason: 'excluded' },
      { index: 3, reason: 'sample' },
    ]);
    expect(
      result.lines.map((line) => ({
        ...line,
        quantity: line.quantity.toFixed(),
        unitCost: line.unitCost.toFixed(),
        totalPackageCost: line.totalPackageCost.toFixed(),
      })),
    ).toEqual([
      {
        index: 0,
        productId: 310004,
        quantity: '120',
        unitCost: '6.5',
        totalPackageCost: '780',
        packageId: 'WY413287.IN88213A',
        batchName: 'WY413287.IN88213A',
        isSample: false,
      },
      {
        index: 1,
        productId: 310006,
        quantity: '48',
        unitCost: '6.5',
        totalPackageCost: '312',
        packageId: 'WY413287.IN88213B',
        batchName: 'WY413287.IN88213B',
        isSample: false,
      },
    ]);
  });

  it('receives samples when asked, or when a choice names their product', () => {
    const choices = [
      { index: 1, productId: 310006 },
      { index: 2, exclude: true },
    ];
    const withSamples = selectManifestLines(wyldPreview(), {
      lineChoices: choices,
      includeSamples: true,
    });
    const chosenSample = selectManifestLines(wyldPreview(), {
      lineChoices: [...choices, { index: 3, productId: 310005 }],
    });

    expect(withSamples.ok && withSamples.lines.map((line) => [line.index, line.isSample])).toEqual([
      [0, false],
      [1, false],
      [3, true],
    ]);
    expect(chosenSample.ok && chosenSample.lines.at(-1)).toMatchObject({
      index: 3,
      productId: 310005,
    });
  });

  it('lets a choice replace the product a line resolved to', () => {
    const result = selectManifestLines(wyldPreview(), {
      lineChoices: [
        { index: 0, productId: 310005 },
        { index: 1, exclude: true },
        { index: 2, exclude: true },
      ],
    });

    expect(result.ok && result.lines.map((line) => line.productId)).toEqual([310005]);
  });

  it('refuses unknown lines, products outside the catalog, repeated and contradictory choices', () => {
    const result = selectManifestLines(wyldPreview(), {
      lineChoices: [
        { index: 7, productId: 310006 },
        { index: 1, productId: 530001 },
        { index: 2, exclude: true },
        { index: 2, productId: 310006 },
        { index: 0, productId: 310004, exclude: true },
      ],
    });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.refusal.invalidChoices.map(({ index, productId, reason }) => [
        index,
        productId,
        reason,
      ]),
    ).toEqual([
      [7, 310006, 'UNKNOWN_INDEX'],
      [1, 530001, 'PRODUCT_NOT_IN_CATALOG'],
      [2, null, 'DUPLICATE_CHOICE'],
      [2, 310006, 'DUPLICATE_CHOICE'],
      [0, 310004, 'CONFLICTING_CHOICE'],
    ]);
    expect(result.refusal.invalidChoices[0].message).toBe(
      'line 7 is not in manifest WY413287.TR88213 (lines 0 to 3)',
    );
    expect(result.refusal.invalidChoices[1].message).toBe(
      'product 530001 chosen for line 1 is not in the catalog of LSP 575',
    );
  });

  it('refuses a selection in which nothing is left to receive', () => {
    const result = selectManifestLines(wyldPreview(), {
      lineChoices: [0, 1, 2].map((index) => ({ index, exclude: true })),
    });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.refusal.nothingSelected).toBe(true);
  });

  it('refuses a selected line without a price, and accepts it excluded', () => {
    const document = {
      ...manifestDocument(),
      inventory_transfer_items: [
        itemDocument({ product_name: 'Wyld - Raspberry Gummies 100mg', line_price: null }),
        itemDocument({ inventory_id: 'B', product_name: 'Wyld - Raspberry Gummies 100mg' }),
      ],
    };
    const parsed = parseManifest(document);
    if (!parsed.ok) throw new Error('fixture');
    const preview = previewManifest({
      location: AZ_SANDBOX,
      vendors: VENDORS,
      catalog: CATALOG,
      manifest: parsed.manifest,
    });

    const refused = selectManifestLines(preview);
    const excluded = selectManifestLines(preview, { lineChoices: [{ index: 0, exclude: true }] });

    expect(!refused.ok && refused.refusal.unpricedLines).toEqual([0]);
    expect(excluded.ok && excluded.lines.map((line) => line.packageId)).toEqual(['B']);
  });
});
