import { z } from 'zod';
import type { ManifestWarning, ParsedManifest } from './manifest-types';
import { buildItem, itemSchema } from './item-schema';
import { NoteCollector, show, type Note, type Read } from './read-result';
import { nonEmptyListOf, recordOf, requiredId } from './refusals';
import { readDate, readId, readLowerText, readText, readUrl } from './tolerant-text';

/** Versions this parser has been written against; 1.0 and 1.1 carried a 4th digit. */
export const KNOWN_VERSIONS: readonly string[] = [
  '1.0.0',
  '1.0.0.0',
  '1.1.0',
  '1.1.0.0',
  '1.2.0',
  '1.3.0',
  '2.0.0',
  '2.1.0',
];

/** The guide's title, and the one both real senders write. */
const DOCUMENT_NAMES = ['wcia transfer data schema', 'wcia transfer schema'];
const MANIFEST_TYPES = ['delivery', 'pick-up', 'transporter'];

const tolerant = <T>(reader: (value: unknown) => Read<T>) =>
  z.unknown().optional().transform(reader);

export const manifestSchema = recordOf(
  {
    document_name: tolerant(readText),
    document_schema_version: tolerant(readText),
    document_origin: tolerant(readUrl),
    transfer_id: requiredId('transfer_id', 'NO_TRANSFER_ID'),
    integrator_data: tolerant(readId),
    external_id: tolerant(readId),
    manifest_type: tolerant(readLowerText),
    from_license_number: tolerant(readId),
    from_license_name: tolerant(readText),
    to_license_number: tolerant(readId),
    to_license_name: tolerant(readText),
    to_license_type: tolerant(readText),
    transporter_name: tolerant(readText),
    transporter_license: tolerant(readId),
    created_at: tolerant(readDate),
    updated_at: tolerant(readDate),
    transferred_at: tolerant(readDate),
    est_departed_at: tolerant(readDate),
    est_arrival_at: tolerant(readDate),
    inventory_transfer_items: nonEmptyListOf(itemSchema, 'inventory_transfer_items'),
  },
  'NOT_AN_OBJECT',
  'a WCIA transfer manifest',
);

export type ManifestFields = z.output<typeof manifestSchema>;

/** The manifest in its final form, with every warning of the header and of its lines. */
export function buildManifest(fields: ManifestFields) {
  const header = new NoteCollector();
  const take = <T>(field: Read<T>, key: keyof ManifestFields & string) => header.take(field, key);
  const built = fields.inventory_transfer_items.map((item, index) => buildItem(item, index));

  const manifest: ParsedManifest = {
    version: take(fields.document_schema_version, 'document_schema_version'),
    documentName: take(fields.document_name, 'document_name'),
    documentOrigin: take(fields.document_origin, 'document_origin'),
    transferId: take(fields.transfer_id, 'transfer_id'),
    // 2.0.0 renamed root external_id to integrator_data; Cultivera still sends the old name.
    externalId:
      take(fields.integrator_data, 'integrator_data') ?? take(fields.external_id, 'external_id'),
    manifestType: take(fields.manifest_type, 'manifest_type'),
    sender: {
      licenseNumber: take(fields.from_license_number, 'from_license_number'),
      name: take(fields.from_license_name, 'from_license_name'),
    },
    receiver: {
      licenseNumber: take(fields.to_license_number, 'to_license_number'),
      name: take(fields.to_license_name, 'to_license_name'),
      type: take(fields.to_license_type, 'to_license_type'),
    },
    transporter: {
      name: take(fields.transporter_name, 'transporter_name'),
      licenseNumber: take(fields.transporter_license, 'transporter_license'),
    },
    dates: {
      createdAt: take(fields.created_at, 'created_at'),
      updatedAt: take(fields.updated_at, 'updated_at'),
      transferredAt: take(fields.transferred_at, 'transferred_at'),
      estDepartedAt: take(fields.est_departed_at, 'est_departed_at'),
      estArrivalAt: take(fields.est_arrival_at, 'est_arrival_at'),
    },
    items: built.map(({ item }) => item),
  };

  for (const note of headerChecks(manifest)) header.add(note);

  const warnings = [
    ...header.notes.map(headerWarning),
    ...groupProductPriceWarnings(built.flatMap(({ warnings: lineWarnings }) => lineWarnings)),
  ];

  return { manifest, warnings };
}

function headerChecks(manifest: ParsedManifest): Note[] {
  const notes: Note[] = [];
  const { version, documentName, manifestType } = manifest;

  if (version === null) {
    const fragment = 'is missing; read by structure as 2.1.0';
    notes.push({ code: 'VERSION_MISSING', path: 'document_schema_version', fragment });
  } else if (!KNOWN_VERSIONS.includes(version)) {
    const fragment = `${show(version)} is not one of ${KNOWN_VERSIONS.join(', ')}; read by structure`;
    notes.push({ code: 'VERSION_UNKNOWN', path: 'document_schema_version', fragment });
  }

  if (documentName !== null && !DOCUMENT_NAMES.includes(documentName.toLowerCase())) {
    const fragment = `${show(documentName)} is not "WCIA Transfer Schema"; read by structure`;
    notes.push({ code: 'DOCUMENT_NAME_UNKNOWN', path: 'document_name', fragment });
  }

  if (manifestType !== null && !MANIFEST_TYPES.includes(manifestType)) {
    const fragment = `${show(manifestType)} is not one of ${MANIFEST_TYPES.join(', ')}`;
    notes.push({ code: 'MANIFEST_TYPE_UNKNOWN', path: 'manifest_type', fragment });
  }

  if (manifest.sender.licenseNumber === null) {
    const fragment = 'is missing; the vendor can only be proposed by name';
    notes.push({ code: 'SENDER_LICENSE_MISSING', path: 'from_license_number', fragment });
  }

  if (manifest.receiver.licenseNumber === null) {
    const fragment = 'is missing; the manifest cannot be checked against the receiving location';
    notes.push({ code: 'RECEIVER_LICENSE_MISSING', path: 'to_license_number', fragment });
  }

  return notes;
}

function headerWarning(note: Note): ManifestWarning {
  return { code: note.code, message: `${note.path} ${note.fragment}`, path: `$.${note.path}` };
}

/** A 1.0 document has product_price on every line: one warning says it, not forty. */
function groupProductPriceWarnings(warnings: ManifestWarning[]): ManifestWarning[] {
  const grouped = warnings.filter((warning) => warning.code === 'PRODUCT_PRICE_AS_LINE_TOTAL');
  if (grouped.length < 2) return warnings;

  const lines = grouped.flatMap((warning) => warning.lines ?? []);
  const summary: ManifestWarning = {
    code: 'PRODUCT_PRICE_AS_LINE_TOTAL',
    message: `lines ${lines.join(', ')} carry 1.0's product_price and no line_price; each is read as the line total (check it is not a unit price)`,
    path: '$.inventory_transfer_items[*].product_price',
    lines,
  };

  return [summary, ...warnings.filter((warning) => warning.code !== 'PRODUCT_PRICE_AS_LINE_TOTAL')];
}
