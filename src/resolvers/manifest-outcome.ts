import { isReceiveError, type ReceiveOutcome } from '../receive';

const LINE_PATH = /\blines\.(\d+)\b/g;

/**
 * The engine names lines by their position in its own input (`lines.2.quantity`). A caller of
 * receiveManifest knows the manifest's lines, so each `lines.N` in an error (its paths and its
 * message) becomes `lines.<manifest index>`, the index previewManifest shows; a plan's
 * `line` becomes the manifest index too. A success is the engine's, unchanged.
 */
export function inManifestTerms(
  outcome: ReceiveOutcome,
  manifestIndexes: readonly number[],
): ReceiveOutcome {
  const rename = (text: string) =>
    text.replace(LINE_PATH, (whole, position: string) => {
      const index = manifestIndexes[Number(position)];

      return index === undefined ? whole : `lines.${index}`;
    });

  if (outcome.__typename === 'ReceivePlan') {
    const lines = outcome.lines.map((line) => ({
      ...line,
      line: manifestIndexes[line.line] ?? line.line,
    }));

    return { ...outcome, lines };
  }

  if (!isReceiveError(outcome)) return outcome;

  return renameStrings(outcome, rename);
}

function renameStrings<T>(value: T, rename: (text: string) => string): T {
  if (typeof value === 'string') return rename(value) as T;
  if (Array.isArray(value)) return value.map((item) => renameStrings(item, rename)) as T;
  if (value === null || typeof value !== 'object') return value;

  const entries = Object.entries(value).map(([key, item]) => [key, renameStrings(item, rename)]);

  return Object.fromEntries(entries) as T;
}
