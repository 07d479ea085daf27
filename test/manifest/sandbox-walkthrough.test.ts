import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackofficeClient, type BackofficeClient } from '../../src/dutchie';
import type { Catalog, Location, Vendor } from '../../src/dutchie/models';
import {
  manifestIdempotencyKey,
  manifestToSandboxProducts,
  parseManifestJson,
  previewManifest,
  selectManifestLines,
} from '../../src/manifest';
import {
  AZ_VENDORS,
  KNOWN_PRODUCTS,
  SANDBOX_DEFAULT_PASSWORD,
  SANDBOX_DEFAULT_USERNAME,
  SANDBOX_LOC_IDS,
  startSandbox,
  type Sandbox,
} from '../../src/sandbox';
import { FakeClock } from '../../src/util/clock';
import {
  HAS_REAL_MANIFEST,
  REAL_MANIFEST_SKIP_REASON,
  parsedFixture,
  realManifestText,
} from './support/fixtures';

let sandbox: Sandbox;
let client: BackofficeClient;
let location: Location;
let vendors: Vendor[];
let catalog: Catalog;

beforeAll(async () => {
  const clock = new FakeClock();
  sandbox = await startSandbox({ clock, callsPerMinute: 0 });
  client = createBackofficeClient({
    baseUrl: sandbox.url,
    username: SANDBOX_DEFAULT_USERNAME,
    password: SANDBOX_DEFAULT_PASSWORD,
    clock,
    registry: new Registry(),
  });
  location = (await client.getLocations()).find((row) => row.locId === SANDBOX_LOC_IDS.az)!;
  vendors = await client.getVendors(location.locId);
  catalog = await client.getCatalog(location.lspId);
});

afterAll(async () => {
  await client?.close();
  await sandbox?.close();
});

function previewFixture(name: 'swallowtail-1.0.0.0' | 'wyld-2.0.0' | 'stiiizy-2.1.0') {
  const { manifest, warnings } = parsedFixture(name);

  return previewManifest({ location, vendors, catalog, manifest, warnings });
}

describe('the fixtures against the AZ sandbox catalog', () => {
  it('matches Swallowtail 1.0 flower by the gram, one line left to choose', () => {
    const preview = previewFixture('swallowtail-1.0.0.0');

    expect(preview.vendor.vendor?.vendorId).toBe(AZ_VENDORS.swallowtail.vendorId);
    expect(preview.lines.map((line) => [line.status, line.product?.productId ?? null])).toEqual([
      ['RESOLVED', KNOWN_PRODUCTS.swallowtailBlueDream.productId],
      ['RESOLVED', KNOWN_PRODUCTS.swallowtailGelato.productId],
      ['RESOLVED', KNOWN_PRODUCTS.swallowtailWeddingCake.productId],
      ['AMBIGUOUS', null],
      ['RESOLVED', KNOWN_PRODUCTS.swallowtailGelato.productId],
    ]);
    expect(
      preview.lines[3].candidates.every((candidate) =>
        candidate.name.startsWith('Swallowtail Cultivation - Blue Dream'),
      ),
    ).toBe(true);
    expect(preview.lines[0].unitCost?.toFixed()).toBe('4.25');
    expect(preview.totals.totalPrice.toFixed()).toBe('3220.13');
  });

  it('matches Wyld 2.0.0 by the ambiguous SKU, and leaves an unknown product unresolved', () => {
    const preview = previewFixture('wyld-2.0.0');

    expect(preview.vendor.vendor?.vendorId).toBe(AZ_VENDORS.wyld.vendorId);
    expect(preview.lines.map((line) => [line.status, line.matchedBy])).toEqual([
      ['RESOLVED', 'sku'],
      ['AMBIGUOUS', 'name'],
      ['UNRESOLVED', null],
      ['RESOLVED', 'sku'],
    ]);
    expect(preview.lines[0].product?.productId).toBe(KNOWN_PRODUCTS.wyldMarionberry.productId);
    expect(preview.lines[1].candidates[0].productId).toBe(KNOWN_PRODUCTS.wyldRaspberry.productId);
    expect(preview.lines[2].unitCost?.toFixed()).toBe('8.3312');
    expect(preview.warnings.map((warning) => warning.code)).toEqual(['LAB_MISSING']);
  });

  it('matches every Stiiizy 2.1.0 line and flags the failed lab result', () => {
    const preview = previewFixture('stiiizy-2.1.0');

    expect(preview.lines.map((line) => line.product?.productId)).toEqual([
      KNOWN_PRODUCTS.stiiizyOgKush.productId,
      KNOWN_PRODUCTS.stiiizyBlueDream.productId,
      KNOWN_PRODUCTS.stiiizyBlueDream.productId,
      KNOWN_PRODUCTS.stiiizyOgKush.productId,
    ]);
    expect(preview.warnings.map((warning) => warning.code)).toEqual([
      'LAB_STATUS_CONFLICT',
      'LAB_FAILED',
    ]);
  });
});

describe.skipIf(!HAS_REAL_MANIFEST)('the real manifest received into the sandbox catalog', () => {
  it('resolves all 40 lines once its products are imported, read back through the client', async () => {
    const parsed = parseManifestJson(realManifestText());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));

    const vendorId = AZ_VENDORS.desertSun.vendorId;
    sandbox.importProducts(
      location.lspId,
      manifestToSandboxProducts(parsed.manifest, { vendorId }),
    );
    const fresh = await client.getCatalog(location.lspId);

    const preview = previewManifest({
      location,
      vendors,
      catalog: fresh,
      manifest: parsed.manifest,
      warnings: parsed.warnings,
    });

    expect(fresh.products.length).toBe(catalog.products.length + 37);
    expect(preview.totals).toMatchObject({ lineCount: 40, sampleCount: 5, resolvedCount: 40 });
    expect(preview.totals.totalPrice.toFixed()).toBe('3047.75');
    expect(new Set(preview.lines.map((line) => line.packageId)).size).toBe(40);
    expect(preview.warnings.map((warning) => warning.code)).toEqual([
      'RECEIVER_LICENSE_MISMATCH',
      'VENDOR_NOT_FOUND',
    ]);

    const selection = selectManifestLines(preview, { includeSamples: true });
    expect(selection.ok).toBe(true);
    if (!selection.ok) return;
    expect(
      selection.lines.every((line) => fresh.byId.get(line.productId)?.vendorId === vendorId),
    ).toBe(true);

    const key = manifestIdempotencyKey({
      senderLicense: preview.sender.licenseNumber,
      transferId: preview.transferId,
      selectedLines: selection.lines,
    });
    const again = selectManifestLines(
      previewManifest({ location, vendors, catalog: fresh, manifest: parsed.manifest }),
      { includeSamples: true },
    );
    expect(
      again.ok &&
        manifestIdempotencyKey({
          senderLicense: '413632',
          transferId: '15410217973875889',
          selectedLines: again.lines,
        }),
    ).toBe(key);
  });
});

// Said only when the file is absent, so that a skipped run says why.
if (!HAS_REAL_MANIFEST) {
  describe('the real manifest received into the sandbox catalog', () => {
    it.skip(REAL_MANIFEST_SKIP_REASON, () => {});
  });
}
