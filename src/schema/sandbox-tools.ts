import { importManifestProducts, type SandboxProductImport } from '../resolvers/sandbox-import';
import { builder } from './builder';
import { ProductRef } from './refs';

/**
 * The embedded sandbox's own tools. They are registered like any field, and cut out of the
 * schema a live server serves (see `withoutSandboxTools`); the resolver refuses as well when no
 * sandbox is in use, should a full schema ever be served without one.
 */

const SandboxProductImportRef = builder
  .objectRef<SandboxProductImport>('SandboxProductImport')
  .implement({
    description: "A manifest's products as they now stand in the sandbox catalog of one LSP.",
    fields: (t) => ({
      lspId: t.exposeInt('lspId'),
      created: t.field({
        type: [ProductRef],
        description: 'Products added by this call.',
        resolve: (result) => result.created,
      }),
      alreadyPresent: t.field({
        type: [ProductRef],
        description: 'Products of the manifest the catalog already held (same name and SKU).',
        resolve: (result) => result.alreadyPresent,
      }),
    }),
  });

builder.mutationField('sandboxImportProducts', (t) =>
  t.field({
    type: SandboxProductImportRef,
    description:
      "Embedded sandbox only: adds a manifest's products (one per distinct product, named as " +
      "the manifest names them, the sender as brand) to an LSP's sandbox catalog, so that the " +
      'manifest previews RESOLVED and can be received end to end. Products already there are ' +
      'not added twice. The cached catalog is dropped.',
    args: {
      lspId: t.arg.int({ required: true, description: 'e.g. 575 for the AZ sandbox 1989.' }),
      manifest: t.arg({ type: 'JSON', required: true, description: 'The document or its text.' }),
      vendorId: t.arg.int({ description: "The products' vendor, e.g. the one you receive from." }),
    },
    // Mutation's own scope (inventory:receive) applies too; the catalog must be one the key sees.
    authScopes: (_root, args) => ({ lspId: args.lspId }),
    resolve: (_root, args, context) =>
      importManifestProducts(context, args.lspId, args.manifest, args.vendorId ?? null),
  }),
);
