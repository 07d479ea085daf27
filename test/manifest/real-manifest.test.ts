import { describe, expect, it } from 'vitest';
import {
  manifestToSandboxProducts,
  parseManifestJson,
  previewManifest,
  selectManifestLines,
  type ParsedManifest,
} from '../../src/manifest';
import { catalogOf, rowsFromInputs } from './support/catalog';
import { HAS_REAL_MANIFEST, REAL_MANIFEST_SKIP_REASON, realManifestText } from './support/fixtures';

const location = { locId: 1989, lspId: 575, licenseNumber: '413541' };
const vendors = [{ vendorId: 4999, locId: 1989, name: 'Quality Green Trees, LLC', code: '413632' }];

/** Near misses a real catalog holds: other sizes, other brands, the same strain elsewhere. */
const DECOYS = [
  { productId: 1, name: "Freddy's Fuego Flower - Lyon King - 7g (Legacy)" },
  { productId: 2, name: "Freddy's Fuego Flower - Lyon King - 3.5g" },
  { productId: 3, name: 'Pirate Crystals - Kawazaki - 0.5g' },
  { productId: 4, name: 'Liquid Gold Cartridge - Grape Qoolaid - 0.5g' },
  {
    productId: 5,
    name: 'Swallowtail Cultivation - Permanent Marker 3.5g',
    brand: 'Swallowtail Cultivation',
  },
  { productId: 6, name: 'Sauced HTE Disposable - Lemon Shortbread - 0.5g' },
  { productId: 7, name: "Freddy's Finest Joint - Kawazaki - 1g 5pk" },
];

function parseReal(): ParsedManifest {
  const result = parseManifestJson(realManifestText());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));

  return result.manifest;
}

describe.skipIf(!HAS_REAL_MANIFEST)('the real Cultivera 2.1.0 manifest', () => {
  it('parses with every one of its 40 lines and no warning', () => {
    const result = parseManifestJson(realManifestText());

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.manifest.version).toBe('2.1.0');
    expect(result.manifest.transferId).toBe('15410217973875889');
    expect(result.manifest.externalId).toBe('0000020830');
    expect(result.manifest.sender).toEqual({
      licenseNumber: '413632',
      name: 'QUALITY GREEN TREES',
    });
    expect(result.manifest.items).toHaveLength(40);
    expect(new Set(result.manifest.items.map((item) => item.inventoryId)).size).toBe(40);
  });

  it('reads Cultivera\'s "passed", "0"/"1" flags, padded strains and doubled link origins', () => {
    const [first] = parseReal().items;

    expect(first.lab.status).toBe('pass');
    expect(first.isSample).toBe(false);
    expect(first.isMedical).toBe(true);
    expect(first.integratorData).toBe('C5011F1F92750000251374');
    expect(first.lab.resultUrl).toMatch(/^https:\/\/files\.cultivera\.com\/435553542D/);
    expect(first.lab.resultUrl).not.toMatch(/cultivera\.com\/https:/);
    expect(first.lab.potency.map((reading) => reading.unit)).toContain('pct');
    expect(parseReal().items[2].strain).toBe('Permanent Marker');
  });

  it('previews 40 lines, 5 samples and a total of exactly 3047.75, each line resolved once', () => {
    const manifest = parseReal();
    const imported = rowsFromInputs(manifestToSandboxProducts(manifest, { vendorId: 4999 }), 100);
    const catalog = catalogOf([...DECOYS, ...imported]);

    const preview = previewManifest({ location, vendors, catalog, manifest });

    expect(preview.totals.lineCount).toBe(40);
    expect(preview.totals.sampleCount).toBe(5);
    expect(preview.totals.totalPrice.toFixed()).toBe('3047.75');
    expect(new Set(preview.lines.map((line) => line.packageId)).size).toBe(40);
    expect(preview.lines.filter((line) => line.status !== 'RESOLVED')).toEqual([]);
    expect(preview.vendor.vendor?.vendorId).toBe(4999);
    expect(preview.warnings).toEqual([]);

    for (const line of preview.lines) {
      const product = catalog.byId.get(line.product!.productId)!;
      expect(product.name).toBe(manifest.items[line.index].productName);
    }
  });

  it('keeps each line total exact and derives the unit cost from it', () => {
    const manifest = parseReal();
    const catalog = catalogOf(rowsFromInputs(manifestToSandboxProducts(manifest), 100));
    const preview = previewManifest({ location, vendors, catalog, manifest });
    const first = preview.lines[0];

    expect(first.lineTotal?.toFixed()).toBe('199.95');
    expect(first.quantity.toFixed()).toBe('15');
    expect(first.unitCost?.toFixed()).toBe('13.33');
    expect(preview.lines.filter((line) => line.isSample).map((line) => line.index)).toEqual([
      35, 36, 37, 38, 39,
    ]);
  });

  it('selects the 35 priced lines by default and all 40 with samples', () => {
    const manifest = parseReal();
    const catalog = catalogOf(rowsFromInputs(manifestToSandboxProducts(manifest), 100));
    const preview = previewManifest({ location, vendors, catalog, manifest });

    const selection = selectManifestLines(preview);
    const withSamples = selectManifestLines(preview, { includeSamples: true });

    expect(selection.ok && selection.lines.length).toBe(35);
    expect(withSamples.ok && withSamples.lines.length).toBe(40);
  });
});

// Said only when the file is absent, so that a skipped run says why.
if (!HAS_REAL_MANIFEST) {
  describe('the real Cultivera 2.1.0 manifest', () => {
    it.skip(REAL_MANIFEST_SKIP_REASON, () => {});
  });
}
