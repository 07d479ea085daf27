import type { GraphqlError } from './manifest-client';
import { textTable } from './manifest-table';

/** How the manifest commands end; `backoffice-graph manifest --help` lists them. */
export const EXIT = {
  ok: 0,
  /** The server refused: nothing was received. */
  refused: 1,
  /** Bad options, or the manifest file cannot be read. */
  usage: 2,
  /** The server cannot be reached, or did not answer as a GraphQL server. */
  unreachable: 3,
  /** Sent, but not (fully) confirmed: check Backoffice before anything else. */
  unconfirmed: 4,
} as const;

const UNCONFIRMED = new Set([
  'ReceiveOutcomeUnknownError',
  'PartialReceiveError',
  'OrphanedReceiveError',
]);

type Json = Record<string, any>;

export function formatPreview(preview: Json): string {
  const rows = preview.lines.map((line: Json) => [
    String(line.index),
    line.status,
    line.packageId,
    `${line.quantity}${line.uom ? ` ${line.uom}` : ''}`,
    line.unitCost ?? '-',
    line.lineTotal ?? '-',
    line.isSample ? 'yes' : '',
    productCell(line),
  ]);
  const table = textTable(
    [
      { header: '#', align: 'right' },
      { header: 'status' },
      { header: 'label', maxWidth: 26 },
      { header: 'qty', align: 'right' },
      { header: 'unit cost', align: 'right' },
      { header: 'line total', align: 'right' },
      { header: 'sample' },
      { header: 'product / top candidate', maxWidth: 60 },
    ],
    rows,
  );
  const { totals } = preview;

  return [
    `manifest ${preview.transferId} from ${party(preview.sender)} at LocId ${preview.locId}`,
    '',
    table,
    '',
    `totals: ${totals.lineCount} lines (${totals.sampleCount} samples), ${totals.resolvedCount} resolved, ${totals.ambiguousCount} ambiguous, ${totals.unresolvedCount} unresolved; total price ${totals.totalPrice}`,
    `vendor: ${vendorLine(preview.vendor)}`,
    ...warningLines(preview.warnings),
  ].join('\n');
}

function productCell(line: Json): string {
  if (line.product) return `${line.product.productId} ${line.product.name}`;

  const top = line.candidates[0];
  if (!top) return '- (no candidate: choose a product or exclude the line)';

  // The score first, so that cutting a long name never hides it.
  return `? (${top.score}) ${top.productId} ${top.name}`;
}

function vendorLine(vendor: Json): string {
  if (vendor.status === 'RESOLVED') {
    return `${vendor.vendor.vendorId} ${vendor.vendor.name} (by ${String(vendor.matchedBy).toLowerCase()})`;
  }
  if (vendor.status === 'AMBIGUOUS') {
    const ids = vendor.candidates.map((c: Json) => `${c.vendorId} ${c.name}`).join(', ');

    return `ambiguous (${ids}): pass --vendor`;
  }

  return 'no vendor of this location matches the sender: pass --vendor';
}

function warningLines(warnings: readonly string[]): string[] {
  if (warnings.length === 0) return ['warnings: none'];

  return [`warnings (${warnings.length}):`, ...warnings.map((warning) => `  - ${warning}`)];
}

function party(sender: Json): string {
  return `${sender.name ?? '?'} (license ${sender.licenseNumber ?? 'none'})`;
}

export interface Printed {
  text: string;
  exitCode: number;
}

/** A receiveManifest answer as a person reads it, and how the command ends. */
export function formatReceive(result: Json): Printed {
  if (result.__typename === 'ReceiveInventorySuccess')
    return { text: success(result), exitCode: EXIT.ok };
  if (result.__typename === 'ReceiveInventoryPlan')
    return { text: plan(result), exitCode: EXIT.ok };

  const exitCode = UNCONFIRMED.has(result.__typename) ? EXIT.unconfirmed : EXIT.refused;
  const lines = [
    `${exitCode === EXIT.refused ? 'refused' : 'not confirmed'}: ${result.code}: ${result.message}`,
    ...details(result),
    `hint: ${result.hint}`,
  ];

  return { text: lines.join('\n'), exitCode };
}

function success(result: Json): string {
  const head = result.replayed
    ? `already received (receive history ${result.receiveHistoryId}); nothing was sent again`
    : `received ${result.packages.length} packages (receive history ${result.receiveHistoryId})`;
  const table = textTable(
    [
      { header: 'label' },
      { header: 'qty', align: 'right' },
      { header: 'product', maxWidth: 60 },
      { header: 'room' },
    ],
    result.packages.map((p: Json) => [
      p.packageId,
      `${p.quantity}${p.unit ? ` ${p.unit}` : ''}`,
      p.product ? `${p.product.productId} ${p.product.name}` : '-',
      p.room ? `${p.room.roomId} ${p.room.name}` : '-',
    ]),
  );

  return [head, `idempotency key: ${result.idempotencyKey}`, '', table].join('\n');
}

function plan(result: Json): string {
  const table = textTable(
    [
      { header: '#', align: 'right' },
      { header: 'label' },
      { header: 'qty', align: 'right' },
      { header: 'unit cost', align: 'right' },
      { header: 'total', align: 'right' },
      { header: 'product', maxWidth: 60 },
    ],
    result.lines.map((line: Json) => [
      String(line.line),
      line.packageId,
      line.quantity,
      line.unitCost,
      line.totalPackageCost,
      `${line.productId} ${line.productName}`,
    ]),
  );

  return [
    `dry run: nothing was sent; ${result.lines.length} packages would be received`,
    `idempotency key: ${result.idempotencyKey}`,
    '',
    table,
  ].join('\n');
}

function details(result: Json): string[] {
  switch (result.__typename) {
    case 'ManifestSelectionError':
      return [
        ...result.unresolvedLines.map(
          (line: Json) =>
            `  line ${line.index} ${line.status} "${line.productName ?? '?'}": ${candidatesText(line.candidates)}`,
        ),
        ...result.invalidChoices.map((choice: Json) => `  ${choice.message}`),
      ];
    case 'ManifestInvalidError':
      return result.problems.map((p: Json) => `  ${p.path}: ${p.message} (${p.code})`);
    case 'ValidationError':
      return result.issues.map((issue: Json) => `  ${issue.path || '(input)'}: ${issue.message}`);
    case 'DuplicatePackageError':
      return result.duplicates.map(
        (d: Json) => `  ${d.packageId} (${d.paths.join(', ')}): ${String(d.where).toLowerCase()}`,
      );
    default:
      return [];
  }
}

function candidatesText(candidates: readonly Json[]): string {
  if (candidates.length === 0) return 'no candidate; --exclude it or --choice it';

  return candidates.map((c) => `${c.productId} ${c.name} (${c.score})`).join('; ');
}

/** Top-level GraphQL errors (MANIFEST_INVALID from a preview, an unknown location, ...). */
export function formatGraphqlErrors(errors: readonly GraphqlError[]): string {
  return errors
    .flatMap((error) => {
      const extensions = error.extensions ?? {};
      const problems = Array.isArray(extensions.problems) ? (extensions.problems as Json[]) : [];

      return [
        `error: ${String(extensions.code ?? 'ERROR')}: ${error.message}`,
        ...problems.map((p) => `  ${p.path}: ${p.message} (${p.code})`),
        ...(typeof extensions.hint === 'string' ? [`hint: ${extensions.hint}`] : []),
      ];
    })
    .join('\n');
}
