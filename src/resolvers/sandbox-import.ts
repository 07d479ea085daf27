import { GraphQLError } from 'graphql';
import { manifestToSandboxProducts } from '../manifest';
import type { Catalog } from '../dutchie/models';
import { SandboxError, type SandboxProductInput } from '../sandbox';
import type { GraphContext } from './context';
import { ManifestInvalidError } from './manifest-invalid';
import { readManifestDocument } from './manifest-preview';
import type { ProductSource } from './sources';

export interface SandboxProductImport {
  lspId: number;
  created: ProductSource[];
  alreadyPresent: ProductSource[];
}

// LIMITATION: "already there" means the same name and SKU; a product the sender renamed between manifests is added again, and the two then match AMBIGUOUS.
/**
 * Adds a manifest's products to an LSP's catalog in the embedded sandbox, as someone would in
 * Dutchie's product master, so that a real delivery can be previewed and received end to end.
 * A product the catalog already holds under the same name and SKU is not added twice (a second
 * import would otherwise make every line AMBIGUOUS). The cached catalog is dropped, so the next
 * preview sees the new products.
 */
export async function importManifestProducts(
  context: GraphContext,
  lspId: number,
  document: unknown,
  vendorId: number | null,
): Promise<SandboxProductImport> {
  const sandbox = context.services.sandbox;
  if (!sandbox) throw sandboxNotInUse();

  const parsed = readManifestDocument(document);
  if (!parsed.ok) throw new ManifestInvalidError(parsed.problems);

  // A fresh catalog: the duplicate check must see products imported a moment ago.
  context.data.invalidateCatalog(lspId);
  const catalog = await catalogOf(context, lspId);
  const wanted = manifestToSandboxProducts(parsed.manifest, { vendorId });
  const existing = new Map(catalog.products.map((product) => [productKey(product), product]));
  const missing = wanted.filter((input) => !existing.has(productKey(input)));

  const created = importInto(context, lspId, missing);
  context.data.invalidateCatalog(lspId);

  const alreadyPresent = wanted
    .map((input) => existing.get(productKey(input)))
    .filter((product) => product !== undefined)
    .map((product) => source(lspId, product.productId, product.name, product.sku));

  return { lspId, created, alreadyPresent };
}

function importInto(
  context: GraphContext,
  lspId: number,
  inputs: SandboxProductInput[],
): ProductSource[] {
  try {
    return context.services
      .sandbox!.importProducts(lspId, inputs)
      .map((product) => source(lspId, product.productId, product.name, product.sku));
  } catch (error) {
    if (error instanceof SandboxError) throw sandboxRefused(error);
    throw error;
  }
}

/** Only an LSP of a location the login sees: reading another's catalog would be empty. */
async function catalogOf(context: GraphContext, lspId: number): Promise<Catalog> {
  const locations = await context.data.locations();
  if (locations.some((location) => location.lspId === lspId)) return context.data.catalog(lspId);

  const known = [...new Set(locations.map((location) => location.lspId))].sort((a, b) => a - b);

  throw new GraphQLError(`LSP ${lspId} is not the LSP of any location this login sees`, {
    extensions: {
      code: 'NOT_FOUND',
      hint: `Use one of LSPs ${known.join(', ')}, e.g. { locations(sandbox: true) { locId lspId } }.`,
    },
  });
}

function productKey(product: { name: string; sku?: string | null }): string {
  return JSON.stringify([
    product.name.trim().toLowerCase(),
    product.sku?.trim().toLowerCase() ?? '',
  ]);
}

function source(lspId: number, productId: number, name: string, sku: string | null): ProductSource {
  return { key: { scope: lspId, id: productId }, known: { name, sku } };
}

function sandboxNotInUse(): GraphQLError {
  return new GraphQLError('sandboxImportProducts works only over the embedded sandbox', {
    extensions: {
      code: 'SANDBOX_NOT_IN_USE',
      hint: 'Start the server without DUTCHIE_BACKOFFICE_URL to use the embedded sandbox.',
    },
  });
}

function sandboxRefused(error: SandboxError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code === 'SANDBOX_UNKNOWN_LSP' ? 'NOT_FOUND' : 'BAD_USER_INPUT' },
  });
}
