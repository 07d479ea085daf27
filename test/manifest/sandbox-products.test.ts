import { describe, expect, it } from 'vitest';
import { GRAMS_UNIT_ID, manifestToSandboxProducts, previewManifest } from '../../src/manifest';
import { catalogOf, rowsFromInputs } from './support/catalog';
import { parsedFixture } from './support/fixtures';

const AZ_SANDBOX = { locId: 1989, lspId: 575, licenseNumber: '00000089DCQP00412778' };

describe('products for the sandbox catalog from a manifest', () => {
  it('makes one product per distinct product, named as the manifest names it', () => {
    const { manifest } = parsedFixture('swallowtail-1.0.0.0');

    expect(manifestToSandboxProducts(manifest, { vendorId: 4101 })).toEqual([
      {
        sku: null,
        name: 'Swallowtail Cultivation - Blue Dream - 3.5g',
        category: 'Flower',
        masterCategory: 'Flower',
        brand: 'Swallowtail Cultivation',
        vendorId: 4101,
        unitId: GRAMS_UNIT_ID,
        netWeight: '1',
      },
      expect.objectContaining({ name: 'Swallowtail Cultivation - Gelato - 3.5g' }),
      expect.objectContaining({ name: 'Swallowtail Cultivation - Wedding Cake - 28g' }),
      expect.objectContaining({ name: 'Swallowtail Cultivation - Blue Dream - Smalls' }),
    ]);
  });

  it('sells each-lines by the unit with their weight in grams, and keeps SKUs', () => {
    const wyld = manifestToSandboxProducts(parsedFixture('wyld-2.0.0').manifest);
    const stiiizy = manifestToSandboxProducts(parsedFixture('stiiizy-2.1.0').manifest);

    expect(
      wyld.map((product) => [product.name, product.sku, product.unitId, product.category]),
    ).toEqual([
      ['Wyld Marionberry Gummies 100mg', 'WYLD-ED-MB-100', 1, 'Gummies'],
      ['Wyld Raspberry Gummies 10pk 100mg', null, 1, 'Gummies'],
      ['Wyld Dragonfruit Sleep Chews 20ct', null, 1, 'Edibles'],
    ]);
    expect(
      stiiizy.map((product) => [
        product.name,
        product.netWeight,
        product.category,
        product.masterCategory,
      ]),
    ).toEqual([
      ['STIIIZY - OG Kush Pod - .5g', '0.5', 'Pods', 'Vapes'],
      ['STIIIZY - Blue Dream Pod - 1g', '1', 'Pods', 'Vapes'],
    ]);
  });

  it('gives every line of each fixture exactly one product once imported', () => {
    for (const name of ['swallowtail-1.0.0.0', 'wyld-2.0.0', 'stiiizy-2.1.0'] as const) {
      const { manifest } = parsedFixture(name);
      const catalog = catalogOf(rowsFromInputs(manifestToSandboxProducts(manifest), 900_000));

      const preview = previewManifest({ location: AZ_SANDBOX, vendors: [], catalog, manifest });

      expect(preview.lines.map((line) => line.status)).toEqual(
        manifest.items.map(() => 'RESOLVED'),
      );
    }
  });
});
