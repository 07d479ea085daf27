import {
  parseManifest,
  parseManifestJson,
  previewManifest,
  type ManifestPreview,
  type ParseManifestResult,
  type ParsedManifest,
} from '../manifest';
import type { Location } from '../dutchie/models';
import type { GraphContext } from './context';
import { ManifestInvalidError } from './manifest-invalid';
import { unknownLocation } from './upstream-data';

export interface LoadedPreview {
  location: Location;
  manifest: ParsedManifest;
  preview: ManifestPreview;
}

/**
 * A manifest arrives as a JSON value, or as its text (a file pasted into a variable): both read
 * the same. Never throws; a document that cannot be read gives its problems.
 */
export function readManifestDocument(document: unknown): ParseManifestResult {
  return typeof document === 'string' ? parseManifestJson(document) : parseManifest(document);
}

/**
 * Parses a manifest and previews it at a location, reading the location, its vendors and its
 * LSP's catalog through the request's cached facade: a warm preview costs no upstream call,
 * a cold one three (locations, vendors, the catalog). The manifest is parsed first, so a bad
 * one costs nothing upstream.
 */
export async function loadManifestPreview(
  context: GraphContext,
  locId: number,
  document: unknown,
): Promise<LoadedPreview> {
  const parsed = readManifestDocument(document);
  if (!parsed.ok) throw new ManifestInvalidError(parsed.problems);

  const location = await context.data.location(locId);
  if (!location) throw unknownLocation(locId);

  const [vendors, catalog] = await Promise.all([
    context.data.vendors(locId),
    context.data.catalog(location.lspId),
  ]);
  const preview = previewManifest({
    location,
    vendors,
    catalog,
    manifest: parsed.manifest,
    warnings: parsed.warnings,
  });

  return { location, manifest: parsed.manifest, preview };
}
