import type { DecimalValue } from '../util/decimal';
import type { MatchStatus, ProductCandidate } from './match-product';
import type { ManifestPreview, ManifestPreviewLine } from './preview-types';

export interface ManifestLineChoice {
  /** The line's index in the manifest (from 0). */
  index: number;
  /** Receive this line as this catalog product, whatever the matcher said. */
  productId?: number | null;
  /** Leave this line out of the receive. */
  exclude?: boolean | null;
}

export interface SelectManifestLinesOptions {
  lineChoices?: readonly ManifestLineChoice[];
  /** Receive sample lines too. Default false; a choice with a productId includes its sample line. */
  includeSamples?: boolean;
}

/** One line of the receive, in the terms of the receive engine. */
export interface ManifestReceiveLine {
  index: number;
  productId: number;
  quantity: DecimalValue;
  /** line_price / qty, half-even to four decimals. */
  unitCost: DecimalValue;
  /** Exactly the manifest's line_price. */
  totalPackageCost: DecimalValue;
  /** The package label: the sender's inventory_id. */
  packageId: string;
  batchName: string | null;
  isSample: boolean;
}

export type InvalidChoiceReason =
  'UNKNOWN_INDEX' | 'PRODUCT_NOT_IN_CATALOG' | 'DUPLICATE_CHOICE' | 'CONFLICTING_CHOICE';

export interface InvalidLineChoice {
  index: number;
  productId: number | null;
  reason: InvalidChoiceReason;
  message: string;
}

export interface UnresolvedLine {
  index: number;
  status: MatchStatus;
  productName: string | null;
  candidates: ProductCandidate[];
}

/** Why the selection cannot be received as asked; every offending line and choice is listed. */
export interface ManifestSelectionRefusal {
  code: 'MANIFEST_SELECTION_INVALID';
  message: string;
  /** Selected lines with no product: choose one or exclude the line. */
  unresolvedLines: UnresolvedLine[];
  /** Selected lines whose manifest has no price. */
  unpricedLines: number[];
  invalidChoices: InvalidLineChoice[];
  /** Every line was excluded or is a sample left out. */
  nothingSelected: boolean;
}

export type SelectManifestLinesResult =
  | { ok: true; lines: ManifestReceiveLine[]; skipped: SkippedLine[] }
  | { ok: false; refusal: ManifestSelectionRefusal };

export interface SkippedLine {
  index: number;
  reason: 'sample' | 'excluded';
}

/**
 * Turns a preview and the receiver's choices into receive lines. Nothing is guessed: a line
 * that is still AMBIGUOUS or UNRESOLVED must be given a product or excluded, and every choice
 * must name a line of the manifest and a product of the location's catalog.
 */
export function selectManifestLines(
  preview: ManifestPreview,
  options: SelectManifestLinesOptions = {},
): SelectManifestLinesResult {
  const { choices, invalid } = readChoices(preview, options.lineChoices ?? []);
  const selected: ManifestReceiveLine[] = [];
  const skipped: SkippedLine[] = [];
  const unresolvedLines: UnresolvedLine[] = [];
  const unpricedLines: number[] = [];

  for (const line of preview.lines) {
    const choice = choices.get(line.index);
    const chosenProduct = choice?.productId ?? null;

    if (choice?.exclude) {
      skipped.push({ index: line.index, reason: 'excluded' });
      continue;
    }

    if (line.isSample && !options.includeSamples && chosenProduct === null) {
      skipped.push({ index: line.index, reason: 'sample' });
      continue;
    }

    const productId =
      chosenProduct ?? (line.status === 'RESOLVED' ? line.product?.productId : null);
    if (productId == null) unresolvedLines.push(unresolved(line));
    if (line.lineTotal === null) unpricedLines.push(line.index);
    if (productId == null || line.lineTotal === null || line.unitCost === null) continue;

    selected.push(receiveLine(line, productId, line.lineTotal, line.unitCost));
  }

  const nothingSelected =
    selected.length === 0 && unresolvedLines.length === 0 && unpricedLines.length === 0;
  if (
    invalid.length === 0 &&
    unresolvedLines.length === 0 &&
    unpricedLines.length === 0 &&
    !nothingSelected
  ) {
    return { ok: true, lines: selected, skipped };
  }

  const refusal: ManifestSelectionRefusal = {
    code: 'MANIFEST_SELECTION_INVALID',
    message: refusalMessage(preview, unresolvedLines, unpricedLines, invalid, nothingSelected),
    unresolvedLines,
    unpricedLines,
    invalidChoices: invalid,
    nothingSelected,
  };

  return { ok: false, refusal };
}

/**
 * The batch is the lot: inventory_id is what the sender's invoice calls "Lot" and the COA
 * "Batch #". Strain names are a poor batch: several lots share one, and senders attach strains
 * that differ from the product's ("Quickz" on a "Black Trop Cherry" joint).
 */
function receiveLine(
  line: ManifestPreviewLine,
  productId: number,
  totalPackageCost: DecimalValue,
  unitCost: DecimalValue,
): ManifestReceiveLine {
  return {
    index: line.index,
    productId,
    quantity: line.quantity,
    unitCost,
    totalPackageCost,
    packageId: line.packageId,
    batchName: line.packageId,
    isSample: line.isSample,
  };
}

function readChoices(preview: ManifestPreview, lineChoices: readonly ManifestLineChoice[]) {
  const indexes = new Set(preview.lines.map((line) => line.index));
  const counts = new Map<number, number>();
  for (const choice of lineChoices) counts.set(choice.index, (counts.get(choice.index) ?? 0) + 1);

  const choices = new Map<number, ManifestLineChoice>();
  const invalid: InvalidLineChoice[] = [];
  const refuse = (choice: ManifestLineChoice, reason: InvalidChoiceReason, message: string) =>
    invalid.push({ index: choice.index, productId: choice.productId ?? null, reason, message });

  for (const choice of lineChoices) {
    const productId = choice.productId ?? null;

    if (!indexes.has(choice.index)) {
      refuse(
        choice,
        'UNKNOWN_INDEX',
        `line ${choice.index} is not in manifest ${preview.transferId} (lines 0 to ${preview.lines.length - 1})`,
      );
    } else if ((counts.get(choice.index) ?? 0) > 1) {
      refuse(
        choice,
        'DUPLICATE_CHOICE',
        `line ${choice.index} is chosen ${counts.get(choice.index)} times; give one choice per line`,
      );
    } else if (choice.exclude && productId !== null) {
      refuse(
        choice,
        'CONFLICTING_CHOICE',
        `line ${choice.index} is both excluded and given product ${productId}`,
      );
    } else if (productId !== null && !preview.catalog.byId.has(productId)) {
      refuse(
        choice,
        'PRODUCT_NOT_IN_CATALOG',
        `product ${productId} chosen for line ${choice.index} is not in the catalog of LSP ${preview.catalog.lspId}`,
      );
    } else {
      choices.set(choice.index, choice);
    }
  }

  return { choices, invalid };
}

function unresolved(line: ManifestPreviewLine): UnresolvedLine {
  return {
    index: line.index,
    status: line.status,
    productName: line.productName,
    candidates: line.candidates,
  };
}

function refusalMessage(
  preview: ManifestPreview,
  unresolvedLines: readonly UnresolvedLine[],
  unpricedLines: readonly number[],
  invalid: readonly InvalidLineChoice[],
  nothingSelected: boolean,
): string {
  const parts = [
    unresolvedLines.length > 0
      ? `lines ${unresolvedLines.map((line) => line.index).join(', ')} have no product: choose one or exclude them`
      : null,
    unpricedLines.length > 0 ? `lines ${unpricedLines.join(', ')} have no line_price` : null,
    ...invalid.map((choice) => choice.message),
    nothingSelected ? 'no line is selected (every line is excluded or a sample left out)' : null,
  ];

  return `manifest ${preview.transferId} cannot be received as chosen: ${parts.filter((part) => part !== null).join('; ')}`;
}
