import { GraphQLError } from 'graphql';
import type { ManifestProblem } from '../manifest';

const MAX_LISTED = 10;

export const MANIFEST_INVALID_HINT =
  'Fix the fields named in problems (paths are JSONPath into the manifest) or ask the sender for a corrected manifest; nothing was read or written upstream.';

/**
 * A manifest that cannot be received at all (no transfer_id, no items, a qty that is not a
 * number): `extensions.code` MANIFEST_INVALID with every problem and its path, so a caller can
 * fix them in one round. Raised as a GraphQLError, so the edge passes it through unmasked.
 */
export class ManifestInvalidError extends GraphQLError {
  readonly problems: readonly ManifestProblem[];

  constructor(problems: readonly ManifestProblem[]) {
    super(manifestInvalidMessage(problems), {
      extensions: { code: 'MANIFEST_INVALID', hint: MANIFEST_INVALID_HINT, problems },
    });
    this.name = 'ManifestInvalidError';
    this.problems = problems;
  }
}

/** "the manifest cannot be received (2 problems): $.transfer_id: ...; $...qty: ..." */
export function manifestInvalidMessage(problems: readonly ManifestProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const shown = problems
    .slice(0, MAX_LISTED)
    .map((problem) => `${problem.path}: ${problem.message}`);
  const more = problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : '';

  return `the manifest cannot be received (${count}): ${shown.join('; ')}${more}`;
}
