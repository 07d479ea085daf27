import type { Catalog } from '../dutchie/models';
import type { ManifestWarning, ParsedManifest } from './manifest-types';
import type { ManifestPreviewLine, PreviewLocation } from './preview-types';
import { licenseKey, type VendorProposal } from './propose-vendor';
import { unitWarnings } from './unit-warnings';

export interface PreviewWarningsInput {
  manifest: ParsedManifest;
  location: PreviewLocation;
  lines: readonly ManifestPreviewLine[];
  vendor: VendorProposal;
  catalog: Catalog;
}

/**
 * What a receiver should look at before accepting the delivery, beyond the parse warnings.
 *
 * LIMITATION: COA expiry dates are read (lab.results[].expireDate) but not compared with
 * today: the preview takes no clock, and the rule for an expired COA is the store's to set.
 */
export function previewWarnings(input: PreviewWarningsInput): ManifestWarning[] {
  const { manifest, location, lines, vendor, catalog } = input;

  return [
    ...receiverWarnings(manifest, location),
    ...vendorWarnings(manifest, vendor),
    ...duplicateWarnings(lines),
    ...labWarnings(lines),
    ...unitWarnings(lines, catalog),
  ];
}

function receiverWarnings(manifest: ParsedManifest, location: PreviewLocation): ManifestWarning[] {
  const sent = manifest.receiver.licenseNumber;
  if (sent === null) return [];

  const path = '$.to_license_number';

  if (location.licenseNumber === null) {
    const message = `location ${location.locId} has no license number; to_license_number '${sent}' cannot be checked`;

    return [{ code: 'RECEIVER_LICENSE_UNCHECKED', message, path }];
  }

  if (licenseKey(sent) === licenseKey(location.licenseNumber)) return [];

  const message = `to_license_number '${sent}' is not location ${location.locId}'s license '${location.licenseNumber}': this delivery may be meant for another store`;

  return [{ code: 'RECEIVER_LICENSE_MISMATCH', message, path }];
}

function vendorWarnings(manifest: ParsedManifest, vendor: VendorProposal): ManifestWarning[] {
  const { licenseNumber, name } = manifest.sender;
  const sender = `sender '${name ?? '?'}' (license ${licenseNumber ?? 'none'})`;

  if (vendor.status === 'UNRESOLVED') {
    return [
      {
        code: 'VENDOR_NOT_FOUND',
        message: `no vendor at this location matches ${sender} by license or name`,
        path: '$.from_license_number',
      },
    ];
  }

  if (vendor.status === 'AMBIGUOUS') {
    const ids = vendor.candidates.map((candidate) => candidate.vendorId).join(', ');

    return [
      {
        code: 'VENDOR_AMBIGUOUS',
        message: `vendors ${ids} all match ${sender} by ${vendor.matchedBy}; choose one`,
        path: '$.from_license_number',
      },
    ];
  }

  return [];
}

/** One package label on two lines would make two packages with one label, or a merge. */
function duplicateWarnings(lines: readonly ManifestPreviewLine[]): ManifestWarning[] {
  const byLabel = new Map<string, number[]>();

  for (const line of lines)
    byLabel.set(line.packageId, [...(byLabel.get(line.packageId) ?? []), line.index]);

  return [...byLabel]
    .filter(([, indexes]) => indexes.length > 1)
    .map(([label, indexes]) => ({
      code: 'DUPLICATE_INVENTORY_ID' as const,
      message: `inventory_id '${label}' appears on lines ${indexes.join(', ')}`,
      path: `$.inventory_transfer_items[${indexes[0]}].inventory_id`,
      lines: indexes,
    }));
}

function labWarnings(lines: readonly ManifestPreviewLine[]): ManifestWarning[] {
  const failed: ManifestWarning[] = lines
    .filter((line) => line.labStatus === 'fail')
    .map((line) => ({
      code: 'LAB_FAILED',
      message: `line ${line.index} (${line.productName ?? line.packageId}) failed its lab test`,
      path: `$.inventory_transfer_items[${line.index}].lab_result_data`,
      lines: [line.index],
    }));

  const missing = lines.filter((line) => line.labStatus === 'missing').map((line) => line.index);
  if (missing.length === 0) return failed;

  const which =
    missing.length === 1 ? `line ${missing[0]} has` : `lines ${missing.join(', ')} have`;

  return [
    ...failed,
    { code: 'LAB_MISSING', message: `${which} no lab result (pass or fail)`, lines: missing },
  ];
}
