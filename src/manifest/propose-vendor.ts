import type { Vendor } from '../dutchie/models';
import type { ManifestParty } from './manifest-types';
import type { MatchStatus } from './match-product';

export interface VendorRef {
  vendorId: number;
  name: string;
  code: string | null;
}

export interface VendorProposal {
  status: MatchStatus;
  matchedBy: 'license' | 'name' | null;
  /** Set when RESOLVED. */
  vendor: VendorRef | null;
  /** The vendors that fit equally well when AMBIGUOUS (names repeat upstream). */
  candidates: VendorRef[];
}

/**
 * The vendor to receive from: the location's vendor whose `code` (its state license, upstream
 * VendorCode) is the manifest's `from_license_number`; failing that, the vendor whose name is
 * the sender's name once normalized. Vendors of other locations are never proposed.
 */
export function proposeVendor(
  sender: ManifestParty,
  vendors: readonly Vendor[],
  locId: number,
): VendorProposal {
  const local = vendors.filter((vendor) => vendor.locId === locId);
  const license = licenseKey(sender.licenseNumber);
  const byLicense =
    license === null ? [] : local.filter((vendor) => licenseKey(vendor.code) === license);
  if (byLicense.length > 0) return proposal(byLicense, 'license');

  const name = vendorNameKey(sender.name);
  const byName = name === '' ? [] : local.filter((vendor) => vendorNameKey(vendor.name) === name);
  if (byName.length > 0) return proposal(byName, 'name');

  return { status: 'UNRESOLVED', matchedBy: null, vendor: null, candidates: [] };
}

/** Licenses compare without case, spaces or punctuation: "ab-12 " and "AB12" are one license. */
export function licenseKey(license: string | null): string | null {
  const key = license?.replace(/[^a-z0-9]/gi, '').toUpperCase() ?? '';

  return key === '' ? null : key;
}

const COMPANY_WORDS = new Set(['llc', 'inc', 'co', 'corp', 'ltd', 'company', 'the']);

/** "QUALITY GREEN TREES, LLC" and "Quality Green Trees" are one vendor. */
export function vendorNameKey(name: string | null): string {
  return (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !COMPANY_WORDS.has(word))
    .join(' ');
}

function proposal(matches: Vendor[], matchedBy: 'license' | 'name'): VendorProposal {
  const refs = matches.map(({ vendorId, name, code }) => ({ vendorId, name, code }));
  if (refs.length === 1)
    return { status: 'RESOLVED', matchedBy, vendor: refs[0], candidates: refs };

  return { status: 'AMBIGUOUS', matchedBy, vendor: null, candidates: refs };
}
