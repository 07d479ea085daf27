import type { Location } from '../dutchie/models';
import {
  previewManifest,
  selectManifestLines,
  type ManifestLineChoice,
  type ManifestPreview,
} from '../manifest';
import type { ReceiveCall, ReceiveDataSource, VendorNotFoundError } from '../receive';
import { isBackofficeError } from '../dutchie/errors';
import { upstreamFailure } from '../receive/upstream-failure';
import type { GraphContext } from './context';
import { readManifestDocument } from './manifest-preview';
import { engineRequest } from './manifest-receive-input';
import { inManifestTerms } from './manifest-outcome';
import {
  manifestInvalidResult,
  manifestSelectionError,
  type ReceiveManifestOutcome,
} from './manifest-receive-results';
import { actorOf } from './receive-mutation';
import { receiveDataSource } from './receive-data-source';

export interface ReceiveManifestArgs {
  locId: number;
  roomId: number;
  manifest?: unknown;
  vendorId?: number | null;
  lineChoices?: readonly ManifestLineChoice[] | null;
  includeSamples?: boolean | null;
  dryRun?: boolean | null;
  note?: string | null;
  receivedBy?: string | null;
}

// The reads a receive makes go ahead of dashboards, as the engine's own preflight reads do.
const CALL: ReceiveCall = { priority: 'verify' };

// LIMITATION: a selected line whose lab result failed (LAB_FAILED in the preview) is received like any other: what a store does with a failed COA is its own rule, so it is shown, not enforced.
/**
 * receiveManifest, in receiveInventory's order of steps: the manifest is read (the input's
 * validation), the location checked, the manifest matched against the location's vendors and
 * catalog, the vendor and lines settled; then the engine takes over with the derived key and
 * does what it does for receiveInventory: the ledger, preflight (rooms, vendor, products,
 * labels already at the location), one POST with each line_price as totalPackageCost, and the
 * read-back. Every outcome is a union member; the request's cost counts every call.
 */
export async function receiveManifest(
  args: ReceiveManifestArgs,
  context: GraphContext,
): Promise<ReceiveManifestOutcome> {
  const parsed = readManifestDocument(args.manifest);
  if (!parsed.ok) return manifestInvalidResult(parsed.problems);

  const source = receiveDataSource(context.services, context.cost);
  const location = await context.services.receive.checkLocation(args.locId, { source });
  if ('__typename' in location) return location;

  const previewed = await previewAt(location, parsed, source);
  if ('__typename' in previewed) return previewed;

  const { preview, vendorCount } = previewed;
  const vendorId = args.vendorId ?? proposedVendor(preview, location, vendorCount);
  if (typeof vendorId !== 'number') return vendorId;

  const selection = selectManifestLines(preview, {
    lineChoices: args.lineChoices ?? [],
    includeSamples: args.includeSamples ?? false,
  });
  if (!selection.ok) return manifestSelectionError(selection.refusal, location.lspId);

  const request = engineRequest(parsed.manifest, selection.lines, {
    locId: location.locId,
    roomId: args.roomId,
    vendorId,
    dryRun: args.dryRun ?? false,
    note: args.note,
    receivedBy: args.receivedBy,
  });
  const outcome = await context.services.receive.receive(request.input, {
    actor: actorOf(context),
    lineTotals: request.lineTotals,
    source,
  });

  return inManifestTerms(outcome, request.manifestIndexes);
}

async function previewAt(
  location: Location,
  parsed: Extract<ReturnType<typeof readManifestDocument>, { ok: true }>,
  source: ReceiveDataSource,
) {
  try {
    const [vendors, catalog] = await Promise.all([
      source.vendors(location.locId, CALL),
      source.catalog(location.lspId, CALL),
    ]);

    const preview = previewManifest({
      location,
      vendors,
      catalog,
      manifest: parsed.manifest,
      warnings: parsed.warnings,
    });

    return { preview, vendorCount: vendors.length };
  } catch (error) {
    if (!isBackofficeError(error)) throw error;

    return upstreamFailure(error, 'preflight');
  }
}

/**
 * Without a vendorId, the preview's proposal: the location's vendor whose VendorCode is the
 * sender's license, else the one of the sender's name. None, or several, is a refusal: the
 * receive is never filed under a guessed vendor.
 */
function proposedVendor(
  preview: ManifestPreview,
  location: Location,
  vendorCount: number,
): number | VendorNotFoundError {
  const { vendor, status, candidates } = preview.vendor;
  if (status === 'RESOLVED' && vendor) return vendor.vendorId;

  const sender = `sender '${preview.sender.name ?? '?'}' (license ${preview.sender.licenseNumber ?? 'none'})`;
  const listed = candidates.map((candidate) => `${candidate.vendorId} "${candidate.name}"`);
  const message =
    status === 'AMBIGUOUS'
      ? `vendors ${listed.join(', ')} at LocId ${location.locId} all match ${sender} by ${preview.vendor.matchedBy}; no vendorId was given`
      : `no vendor at LocId ${location.locId} ("${location.name}") matches ${sender} by license (VendorCode) or name, and no vendorId was given`;

  return {
    __typename: 'VendorNotFoundError',
    code: 'VENDOR_NOT_FOUND',
    message,
    hint:
      status === 'AMBIGUOUS'
        ? `Pass vendorId: one of ${candidates.map((candidate) => candidate.vendorId).join(', ')}.`
        : `Pass the vendorId of the sender at this location (see { location(locId: ${location.locId}) { vendors { vendorId name code } } }), or set that vendor's VendorCode to license ${preview.sender.licenseNumber ?? '(none)'} in Backoffice.`,
    locId: location.locId,
    vendorId: null,
    vendorsAtLocation: vendorCount,
  };
}
