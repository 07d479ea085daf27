import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifestJson, unitCostOf } from '../../src/manifest';
import { AZ_SANDBOX_ROOMS, AZ_VENDORS, SANDBOX_LOC_IDS, SEED_LSP_IDS } from '../../src/sandbox';
import { Decimal } from '../../src/util/decimal';
import {
  HAS_REAL_MANIFEST,
  REAL_MANIFEST_SKIP_REASON,
  realManifestText,
} from '../manifest/support/fixtures';
import {
  manifestDocument,
  startManifestServer,
  type ManifestServer,
} from './support/manifest-server';

const PREVIEW = manifestDocument('manifest-preview');
const RECEIVE = manifestDocument('manifest-receive');
const IMPORT = `mutation Import($lspId: Int!, $manifest: JSON!, $vendorId: Int) {
  sandboxImportProducts(lspId: $lspId, manifest: $manifest, vendorId: $vendorId) {
    lspId
    created { productId name unitId vendor(locId: 1989) { vendorId } }
    alreadyPresent { productId }
  }
}`;

const AZ = SANDBOX_LOC_IDS.az;
const VENDOR = AZ_VENDORS.desertSun.vendorId;

/** The sender, QUALITY GREEN TREES, is no vendor at 1989: the receive names one. */
const RECEIVE_INPUT = { locId: AZ, roomId: AZ_SANDBOX_ROOMS.vault, vendorId: VENDOR };

function realManifest() {
  return JSON.parse(realManifestText()) as Record<string, any>;
}

function manifestLines() {
  const parsed = parseManifestJson(realManifestText());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));

  return parsed.manifest.items;
}

async function importProducts(graph: ManifestServer) {
  const { body } = await graph.graphql(IMPORT, {
    lspId: SEED_LSP_IDS.az,
    manifest: realManifest(),
    vendorId: VENDOR,
  });
  expect(body.errors).toBeUndefined();

  return body.data!.sandboxImportProducts;
}

async function receive(graph: ManifestServer, input: Record<string, unknown> = {}) {
  const { body } = await graph.graphql(RECEIVE, {
    input: { ...RECEIVE_INPUT, manifest: realManifest(), ...input },
  });
  expect(body.errors).toBeUndefined();

  return body.data!.receiveManifest;
}

function receivesSent(graph: ManifestServer) {
  return graph.server.sandbox!.requests.all().filter((r) => r.endpoint === 'v2/inventory/receive');
}

describe.skipIf(!HAS_REAL_MANIFEST)('the real Cultivera manifest, received at 1989', () => {
  let graph: ManifestServer;

  beforeAll(async () => {
    graph = await startManifestServer();
  });

  afterAll(async () => {
    await graph?.close();
  });

  it("imports its 37 distinct products into the AZ sandbox catalog once, under the receive's vendor", async () => {
    const first = await importProducts(graph);
    const second = await importProducts(graph);

    expect(first.lspId).toBe(575);
    expect(first.created).toHaveLength(37);
    expect(first.alreadyPresent).toEqual([]);
    expect(first.created[0]).toMatchObject({
      name: "Freddy's FUEGO Pack 3 - 3.75g (0.75g x 5)",
      unitId: 1,
      vendor: { vendorId: VENDOR },
    });
    expect(second.created).toEqual([]);
    expect(second.alreadyPresent.map((p: any) => p.productId)).toEqual(
      first.created.map((p: any) => p.productId),
    );
  });

  it('previews every line RESOLVED: 40 lines, 5 samples, exactly 3047.75, 40 distinct labels', async () => {
    const { body } = await graph.graphql(PREVIEW, { locId: AZ, manifest: realManifest() });
    const preview = body.data!.previewManifest;

    expect(preview.totals).toEqual({
      lineCount: 40,
      sampleCount: 5,
      resolvedCount: 40,
      totalPrice: '3047.75',
    });
    expect(preview.lines.every((line: any) => line.status === 'RESOLVED')).toBe(true);
    expect(new Set(preview.lines.map((line: any) => line.packageId)).size).toBe(40);
  });

  it('receives the 35 priced lines as verified packages, each line_price sent exactly', async () => {
    const lines = manifestLines();
    const priced = lines.filter((line) => !line.isSample && !line.linePrice!.isZero());

    const result = await receive(graph);

    expect(result.__typename).toBe('ReceiveInventorySuccess');
    expect(result.replayed).toBe(false);
    expect(result.idempotencyKey).toMatch(/^wcia:413632:15410217973875889:[0-9a-f]{24}$/);
    expect(result.packages).toHaveLength(35);
    expect(result.packages.map((p: any) => p.packageId).sort()).toEqual(
      priced.map((line) => line.inventoryId).sort(),
    );

    const [sent] = receivesSent(graph);
    const body = sent.body as { products: Record<string, unknown>[] };
    const byLabel = new Map(lines.map((line) => [line.inventoryId, line]));
    for (const product of body.products) {
      const line = byLabel.get(String(product.packageId))!;
      expect(new Decimal(String(product.totalPackageCost)).toFixed()).toBe(
        line.linePrice!.toFixed(),
      );
      expect(new Decimal(String(product.cost)).toFixed()).toBe(
        unitCostOf(line.linePrice!, line.quantity).toFixed(),
      );
      expect(new Decimal(String(product.quantity)).toFixed()).toBe(line.quantity.toFixed());
    }
  });

  it('answers the same selection again as a replay, with no upstream receive', async () => {
    const sentBefore = receivesSent(graph).length;

    const result = await receive(graph);

    expect(result.__typename).toBe('ReceiveInventorySuccess');
    expect(result.replayed).toBe(true);
    expect(result.packages).toHaveLength(35);
    expect(receivesSent(graph)).toHaveLength(sentBefore);
  });

  it('refuses the selection with samples, which repeats the 35 received labels, as DuplicatePackageError', async () => {
    const sentBefore = receivesSent(graph).length;

    const result = await receive(graph, { includeSamples: true });

    expect(result.__typename).toBe('DuplicatePackageError');
    expect(result.duplicates).toHaveLength(35);
    expect(result.duplicates.every((d: any) => d.where === 'LOCATION')).toBe(true);
    expect(receivesSent(graph)).toHaveLength(sentBefore);
  });
});

describe.skipIf(!HAS_REAL_MANIFEST)('the real Cultivera manifest on a fresh sandbox', () => {
  let graph: ManifestServer;

  beforeAll(async () => {
    graph = await startManifestServer();
  });

  afterAll(async () => {
    await graph?.close();
  });

  it('receives all 40 lines with includeSamples, the samples at a cost of 0', async () => {
    await importProducts(graph);

    const result = await receive(graph, { includeSamples: true });

    expect(result.__typename).toBe('ReceiveInventorySuccess');
    expect(result.packages).toHaveLength(40);
    const samples = manifestLines().filter((line) => line.isSample);
    const received = new Map(result.packages.map((p: any) => [p.packageId, p]));
    expect(samples.map((line) => (received.get(line.inventoryId) as any)?.unitCost)).toEqual(
      samples.map(() => '0'),
    );
  });
});

// Said only when the file is absent, so that a skipped run says why.
if (!HAS_REAL_MANIFEST) {
  describe('the real Cultivera manifest, received at 1989', () => {
    it.skip(REAL_MANIFEST_SKIP_REASON, () => {});
  });
}
