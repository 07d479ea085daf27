import type { ManifestPreview } from '../manifest';
import { loadManifestPreview } from '../resolvers/manifest-preview';
import { builder } from './builder';
import {
  ManifestPartyRef,
  ManifestPreviewLineRef,
  ManifestPreviewTotalsRef,
  ManifestVendorProposalRef,
  ManifestWarningRef,
} from './manifest-types';

const ManifestPreviewRef = builder.objectRef<ManifestPreview>('ManifestPreview').implement({
  description:
    'A WCIA transfer manifest matched against a location: every line with its product (or the ' +
    'choices), unit cost and exact total, samples marked, the vendor proposed, and warnings.',
  fields: (t) => ({
    transferId: t.exposeString('transferId'),
    version: t.exposeString('version', {
      nullable: true,
      description: 'document_schema_version as sent.',
    }),
    manifestType: t.exposeString('manifestType', { nullable: true }),
    estArrivalAt: t.exposeString('estArrivalAt', { nullable: true, description: 'ISO 8601.' }),
    locId: t.exposeInt('locId'),
    sender: t.field({ type: ManifestPartyRef, resolve: (preview) => preview.sender }),
    receiver: t.field({ type: ManifestPartyRef, resolve: (preview) => preview.receiver }),
    lines: t.field({
      type: [ManifestPreviewLineRef],
      resolve: (preview) =>
        preview.lines.map((line) => ({ ...line, lspId: preview.catalog.lspId })),
    }),
    totals: t.field({ type: ManifestPreviewTotalsRef, resolve: (preview) => preview.totals }),
    vendor: t.field({ type: ManifestVendorProposalRef, resolve: (preview) => preview.vendor }),
    warnings: t.stringList({
      description: 'The warnings as sentences; warningDetails carries their codes and paths.',
      resolve: (preview) => preview.warnings.map((warning) => warning.message),
    }),
    warningDetails: t.field({ type: [ManifestWarningRef], resolve: (preview) => preview.warnings }),
  }),
});

builder.queryField('previewManifest', (t) =>
  t.field({
    type: ManifestPreviewRef,
    description:
      'Reads a WCIA transfer manifest (the JSON document, or its text) against a location and ' +
      'persists nothing. Reads the location, its vendors and its catalog through the shared ' +
      'cache. A manifest that cannot be received fails with extensions.code MANIFEST_INVALID ' +
      'and every problem with its path in extensions.problems.',
    args: {
      locId: t.arg.int({ required: true }),
      manifest: t.arg({ type: 'JSON', required: true }),
    },
    authScopes: (_root, args) => ({ locId: args.locId }),
    resolve: async (_root, args, context) =>
      (await loadManifestPreview(context, args.locId, args.manifest)).preview,
  }),
);
