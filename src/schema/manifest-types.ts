import type {
  ManifestPreviewLine,
  ManifestPreviewTotals,
  ManifestWarning,
  ProductCandidate,
  VendorProposal,
  VendorRef,
} from '../manifest';
import type { ManifestParty } from '../manifest';
import type { ProductSource } from '../resolvers/sources';
import { builder } from './builder';
import { ProductRef } from './refs';

/**
 * The object types of a manifest preview, shared by `previewManifest` and the refusals of
 * `receiveManifest`. They read the manifest core's plain values (src/manifest) as they are.
 */

export const ManifestMatchStatusRef = builder.enumType('ManifestMatchStatus', {
  description:
    'RESOLVED: exactly one product (or vendor) fits. AMBIGUOUS: several fit; choose one. ' +
    'UNRESOLVED: none fits well enough; choose one or exclude the line.',
  values: ['RESOLVED', 'AMBIGUOUS', 'UNRESOLVED'] as const,
});

export const ManifestMatchedByRef = builder.enumType('ManifestMatchedBy', {
  values: {
    SKU: { value: 'sku' },
    NAME: { value: 'name' },
    LICENSE: { value: 'license', description: "The vendor's VendorCode is the sender's license." },
  } as const,
});

export const ManifestLabStatusRef = builder.enumType('ManifestLabStatus', {
  description: 'Combined over the line and its lab results: any fail wins.',
  values: {
    PASS: { value: 'pass' },
    FAIL: { value: 'fail' },
    MISSING: { value: 'missing', description: 'No lab result says pass or fail.' },
  } as const,
});

export const ManifestPartyRef = builder.objectRef<ManifestParty>('ManifestParty').implement({
  description: 'A licensee as the manifest names it.',
  fields: (t) => ({
    licenseNumber: t.exposeString('licenseNumber', { nullable: true }),
    name: t.exposeString('name', { nullable: true }),
  }),
});

/** A candidate with the LSP it was matched in, so it can link to its catalog product. */
export type CandidateSource = ProductCandidate & { lspId: number };

export const ManifestProductCandidateRef = builder
  .objectRef<CandidateSource>('ManifestProductCandidate')
  .implement({
    description: 'A catalog product a manifest line was matched to, or could be.',
    fields: (t) => ({
      productId: t.exposeInt('productId'),
      name: t.exposeString('name'),
      sku: t.exposeString('sku', { nullable: true }),
      score: t.exposeFloat('score', {
        description: '0 to 1; 1 is the same name once normalized, or the same SKU.',
      }),
      catalogProduct: t.field({
        type: ProductRef,
        description: 'The product itself (read from the cached catalog).',
        resolve: (candidate): ProductSource => ({
          key: { scope: candidate.lspId, id: candidate.productId },
          known: { name: candidate.name, sku: candidate.sku },
        }),
      }),
    }),
  });

/** A preview line with its LSP, for its candidates. */
export type PreviewLineSource = ManifestPreviewLine & { lspId: number };

export const ManifestPreviewLineRef = builder
  .objectRef<PreviewLineSource>('ManifestPreviewLine')
  .implement({
    description: 'One item of the manifest, matched against the catalog of the location.',
    fields: (t) => ({
      index: t.exposeInt('index', {
        description: 'Position in inventory_transfer_items, from 0; line choices name it.',
      }),
      status: t.field({ type: ManifestMatchStatusRef, resolve: (line) => line.status }),
      matchedBy: t.field({
        type: ManifestMatchedByRef,
        nullable: true,
        resolve: (line) => line.matchedBy,
      }),
      packageId: t.exposeString('packageId', {
        description: "The sender's inventory_id: the package label on receive.",
      }),
      productName: t.exposeString('productName', { nullable: true }),
      productSku: t.exposeString('productSku', { nullable: true }),
      strain: t.exposeString('strain', { nullable: true }),
      quantity: t.field({ type: 'Decimal', resolve: (line) => line.quantity }),
      uom: t.exposeString('uom', { nullable: true }),
      unitCost: t.field({
        type: 'Decimal',
        nullable: true,
        description: 'line_price / qty, rounded half-even to four decimals.',
        resolve: (line) => line.unitCost,
      }),
      lineTotal: t.field({
        type: 'Decimal',
        nullable: true,
        description: "Exactly the manifest's line_price; sent upstream as totalPackageCost.",
        resolve: (line) => line.lineTotal,
      }),
      isSample: t.exposeBoolean('isSample', { description: 'is_sample set, or a zero price.' }),
      sampleType: t.exposeString('sampleType', { nullable: true }),
      product: t.field({
        type: ManifestProductCandidateRef,
        nullable: true,
        description: 'Set when RESOLVED.',
        resolve: (line) => line.product && { ...line.product, lspId: line.lspId },
      }),
      candidates: t.field({
        type: [ManifestProductCandidateRef],
        description: 'Best first: the product when RESOLVED, the choices otherwise.',
        resolve: (line) =>
          line.candidates.map((candidate) => ({ ...candidate, lspId: line.lspId })),
      }),
      labStatus: t.field({ type: ManifestLabStatusRef, resolve: (line) => line.labStatus }),
      coaUrl: t.exposeString('coaUrl', { nullable: true, description: 'The COA PDF.' }),
      labResultUrl: t.exposeString('labResultUrl', {
        nullable: true,
        description: 'The WCIA Lab Result JSON.',
      }),
    }),
  });

export const ManifestPreviewTotalsRef = builder
  .objectRef<ManifestPreviewTotals>('ManifestPreviewTotals')
  .implement({
    fields: (t) => ({
      lineCount: t.exposeInt('lineCount', { description: 'Every item, samples included.' }),
      sampleCount: t.exposeInt('sampleCount'),
      resolvedCount: t.exposeInt('resolvedCount'),
      ambiguousCount: t.exposeInt('ambiguousCount'),
      unresolvedCount: t.exposeInt('unresolvedCount'),
      totalPrice: t.field({
        type: 'Decimal',
        description: 'The exact sum of line_price over the lines that have one.',
        resolve: (totals) => totals.totalPrice,
      }),
    }),
  });

export const ManifestVendorRef = builder.objectRef<VendorRef>('ManifestVendor').implement({
  description: 'A vendor of the receiving location.',
  fields: (t) => ({
    vendorId: t.exposeInt('vendorId'),
    name: t.exposeString('name'),
    code: t.exposeString('code', {
      nullable: true,
      description: "The vendor's state license number (upstream VendorCode).",
    }),
  }),
});

export const ManifestVendorProposalRef = builder
  .objectRef<VendorProposal>('ManifestVendorProposal')
  .implement({
    description:
      "The vendor receiveManifest uses when no vendorId is given: the location's vendor whose " +
      "license (VendorCode) is the manifest's from_license_number, else the one of the same name.",
    fields: (t) => ({
      status: t.field({ type: ManifestMatchStatusRef, resolve: (proposal) => proposal.status }),
      matchedBy: t.field({
        type: ManifestMatchedByRef,
        nullable: true,
        resolve: (proposal) => proposal.matchedBy,
      }),
      vendor: t.field({
        type: ManifestVendorRef,
        nullable: true,
        description: 'Set when RESOLVED.',
        resolve: (proposal) => proposal.vendor,
      }),
      candidates: t.field({
        type: [ManifestVendorRef],
        resolve: (proposal) => proposal.candidates,
      }),
    }),
  });

export const ManifestWarningRef = builder.objectRef<ManifestWarning>('ManifestWarning').implement({
  description: 'Something to look at before receiving; the manifest can still be received.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable, e.g. LAB_FAILED or UNIT_MISMATCH.' }),
    message: t.exposeString('message'),
    path: t.exposeString('path', {
      nullable: true,
      description: 'JSONPath into the manifest, e.g. $.inventory_transfer_items[3].qty.',
    }),
    lines: t.exposeIntList('lines', { nullable: true, description: 'The line indexes concerned.' }),
  }),
});
