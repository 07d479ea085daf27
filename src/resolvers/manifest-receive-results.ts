import type {
  InvalidLineChoice,
  ManifestProblem,
  ManifestSelectionRefusal,
  UnresolvedLine,
} from '../manifest';
import type { ReceiveOutcome } from '../receive';
import { MANIFEST_INVALID_HINT, manifestInvalidMessage } from './manifest-invalid';

/**
 * What `receiveManifest` answers beyond `receiveInventory`'s members: the two refusals that
 * only a manifest can have. Both come before anything is read for the receive itself or sent
 * upstream, and neither is recorded in the ledger.
 */

/** The manifest cannot be received at all: the same problems previewManifest reports. */
export interface ManifestInvalidResult {
  __typename: 'ManifestInvalidError';
  code: 'MANIFEST_INVALID';
  message: string;
  hint: string;
  problems: ManifestProblem[];
}

/** The selection cannot be received as chosen: every offending line and choice listed. */
export interface ManifestSelectionError {
  __typename: 'ManifestSelectionError';
  code: 'MANIFEST_SELECTION_INVALID';
  message: string;
  hint: string;
  /** Selected lines with no product yet, with their candidates: choose one or exclude them. */
  unresolvedLines: UnresolvedLine[];
  /** Selected lines whose manifest gives no line_price. */
  unpricedLines: number[];
  invalidChoices: InvalidLineChoice[];
  nothingSelected: boolean;
  /** The LSP whose catalog the candidates come from. */
  lspId: number;
}

export type ReceiveManifestOutcome =
  ReceiveOutcome | ManifestInvalidResult | ManifestSelectionError;

export function manifestInvalidResult(problems: ManifestProblem[]): ManifestInvalidResult {
  return {
    __typename: 'ManifestInvalidError',
    code: 'MANIFEST_INVALID',
    message: manifestInvalidMessage(problems),
    hint: MANIFEST_INVALID_HINT,
    problems,
  };
}

export function manifestSelectionError(
  refusal: ManifestSelectionRefusal,
  lspId: number,
): ManifestSelectionError {
  return {
    __typename: 'ManifestSelectionError',
    ...refusal,
    hint: selectionHint(refusal),
    lspId,
  };
}

function selectionHint(refusal: ManifestSelectionRefusal): string {
  if (refusal.unresolvedLines.length > 0) {
    return 'Give each unresolved line a product (lineChoices: [{ index, productId }], e.g. one of its candidates) or leave it out ({ index, exclude: true }); nothing was sent upstream.';
  }
  if (refusal.unpricedLines.length > 0) {
    return 'A line without line_price cannot be received at a made-up cost: exclude it, or ask the sender for a corrected manifest.';
  }
  if (refusal.nothingSelected) {
    return 'Select at least one line: stop excluding it, or pass includeSamples: true to receive the samples.';
  }

  return "Correct the lineChoices named in invalidChoices: one choice per manifest line, and products of the location's catalog.";
}
