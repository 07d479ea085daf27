import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxSchema, schema } from '../../src/schema';
import { SANDBOX_LOC_IDS, SEED_LSP_IDS, startSandbox, type Sandbox } from '../../src/sandbox';
import { itemDocument, manifestDocument as manifestJson } from '../manifest/support/documents';
import {
  manifestDocument,
  startManifestServer,
  type ManifestServer,
} from './support/manifest-server';

const IMPORT = `mutation Import($lspId: Int!, $manifest: JSON!) {
  sandboxImportProducts(lspId: $lspId, manifest: $manifest) {
    lspId
    created { productId name sku }
    alreadyPresent { productId }
  }
}`;
const PREVIEW = manifestDocument('manifest-preview');

/** A one-line manifest of a product the seed does not have. */
function newProductManifest() {
  return manifestJson(
    itemDocument({ product_name: 'Stiiizy - Guava Mango Pod 0.5g', inventory_id: 'STZ-NEW-1' }),
  );
}

function mutationFields(target: GraphQLSchema): string[] {
  return Object.keys(target.getMutationType()?.getFields() ?? {}).sort();
}

async function serviceSdl(target: GraphQLSchema): Promise<string> {
  const result = await execute({ schema: target, document: parse('{ _service { sdl } }') });

  return (result.data as { _service: { sdl: string } })._service.sdl;
}

describe('the schema with and without the sandbox tools', () => {
  it('leaves sandboxImportProducts and its type out of the live schema and its federation SDL', async () => {
    expect(mutationFields(sandboxSchema)).toContain('sandboxImportProducts');
    expect(mutationFields(schema)).toEqual(
      mutationFields(sandboxSchema).filter((name) => name !== 'sandboxImportProducts'),
    );
    expect(schema.getType('SandboxProductImport')).toBeUndefined();
    expect(sandboxSchema.getType('SandboxProductImport')).toBeDefined();

    const liveSdl = await serviceSdl(schema);
    expect(liveSdl).toContain('receiveManifest(');
    expect(liveSdl).not.toMatch(/sandboxImportProducts|SandboxProductImport/);
    expect(await serviceSdl(sandboxSchema)).toContain('sandboxImportProducts(');
  });

  it('refuses with SANDBOX_NOT_IN_USE should the full schema be served without a sandbox', async () => {
    const result = await execute({
      schema: sandboxSchema,
      document: parse(IMPORT),
      variableValues: { lspId: SEED_LSP_IDS.az, manifest: newProductManifest() },
      contextValue: { services: { sandbox: null } },
    });

    expect(result.errors![0].message).toBe(
      'sandboxImportProducts works only over the embedded sandbox',
    );
    expect(result.errors![0].extensions.code).toBe('SANDBOX_NOT_IN_USE');
  });

  it('keeps every other type of the full schema as it is', () => {
    const names = (target: GraphQLSchema) => Object.keys(target.getTypeMap()).sort();

    expect(names(schema)).toEqual(names(sandboxSchema).filter((n) => n !== 'SandboxProductImport'));
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(
      Object.keys(sandboxSchema.getQueryType()!.getFields()),
    );
  });
});

describe('sandboxImportProducts over the embedded sandbox', () => {
  let graph: ManifestServer;

  beforeAll(async () => {
    graph = await startManifestServer();
  });

  afterAll(async () => {
    await graph?.close();
  });

  it('adds the products a manifest needs, and the next preview resolves them', async () => {
    const before = await graph.graphql(PREVIEW, {
      locId: SANDBOX_LOC_IDS.az,
      manifest: newProductManifest(),
    });

    const { body } = await graph.graphql(IMPORT, {
      lspId: SEED_LSP_IDS.az,
      manifest: newProductManifest(),
    });
    const after = await graph.graphql(PREVIEW, {
      locId: SANDBOX_LOC_IDS.az,
      manifest: newProductManifest(),
    });

    expect(before.body.data!.previewManifest.lines[0].status).not.toBe('RESOLVED');
    const created = body.data!.sandboxImportProducts.created;
    expect(created).toEqual([
      { productId: expect.any(Number), name: 'Stiiizy - Guava Mango Pod 0.5g', sku: null },
    ]);
    expect(after.body.data!.previewManifest.lines[0]).toMatchObject({
      status: 'RESOLVED',
      product: { productId: created[0].productId },
    });
  });

  it('answers NOT_FOUND for an LSP no location belongs to, and MANIFEST_INVALID for a bad manifest', async () => {
    const unknown = await graph.graphql(IMPORT, { lspId: 4242, manifest: newProductManifest() });
    const invalid = await graph.graphql(IMPORT, {
      lspId: SEED_LSP_IDS.az,
      manifest: { items: [] },
    });

    expect(unknown.body.errors![0].message).toBe(
      'LSP 4242 is not the LSP of any location this login sees',
    );
    expect(unknown.body.errors![0].extensions.code).toBe('NOT_FOUND');
    expect(invalid.body.errors![0].extensions.code).toBe('MANIFEST_INVALID');
  });
});

describe('a server against a live tenant', () => {
  let upstream: Sandbox;
  let graph: ManifestServer;
  let dataDir: string;

  beforeAll(async () => {
    // A standalone sandbox stands in for the tenant: the server sees only a URL and a login.
    upstream = await startSandbox({ callsPerMinute: 0 });
    dataDir = mkdtempSync(path.join(tmpdir(), 'manifest-live-'));
    graph = await startManifestServer({
      DUTCHIE_BACKOFFICE_URL: upstream.url,
      DUTCHIE_BACKOFFICE_USERNAME: 'sandbox.employee@example.com',
      DUTCHIE_BACKOFFICE_PASSWORD: 'sandbox-password',
      DATA_DIR: dataDir,
      GRAPH_AUTH: 'off',
    });
  });

  afterAll(async () => {
    await graph?.close();
    await upstream?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('does not offer sandboxImportProducts at all, and adds nothing upstream', async () => {
    const { body } = await graph.graphql(IMPORT, {
      lspId: SEED_LSP_IDS.az,
      manifest: newProductManifest(),
    });

    expect(graph.server.sandbox).toBeNull();
    expect(body.data).toBeUndefined();
    expect(body.errors![0].message).toBe(
      'Cannot query field "sandboxImportProducts" on type "Mutation".',
    );
    expect(upstream.requests.count('product-master/get-products-lite')).toBe(0);
  });

  it('still previews manifests, and the refused import added no product', async () => {
    const { body } = await graph.graphql(PREVIEW, {
      locId: SANDBOX_LOC_IDS.az,
      manifest: newProductManifest(),
    });

    expect(body.data!.previewManifest.lines).toHaveLength(1);
    expect(body.data!.previewManifest.lines[0].status).not.toBe('RESOLVED');
  });
});
