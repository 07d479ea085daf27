import { readFileSync } from 'node:fs';

/**
 * The tabs GraphiQL opens with on a first visit (later visits restore the user's own tabs).
 * Both are documents of several operations, cheap in upstream calls: most reads are answered
 * from the shared cache, and each answer's extensions.cost says what it spent.
 */
export interface GraphiqlTab {
  query: string;
  variables?: string;
}

function example(name: string): string {
  return readFileSync(new URL(`./examples/${name}.graphql`, import.meta.url), 'utf8');
}

/**
 * "Intake walk-through": find the sandboxes, fetch the ids a receive needs at 1989, receive a
 * delivery (a dry run first) and read the packages back.
 */
export const INTAKE_WALK_THROUGH = example('intake-walk-through');

/** "Classic failures": an orphan risk, the empty read the client avoids, a SQL refusal. */
export const CLASSIC_FAILURES = example('classic-failures');

/** The variables of the walk-through: its receive starts as a dry run. */
export const INTAKE_WALK_THROUGH_VARIABLES = JSON.stringify({ dryRun: true }, null, 2);

/** "WCIA manifest": preview a vendor's transfer manifest at 1989, then receive it (dry run first). */
export const MANIFEST_WALK_THROUGH = example('manifest-walk-through');

/** Its variables: one of the project's own fixtures, read where the tests read it. */
export const MANIFEST_WALK_THROUGH_VARIABLES = JSON.stringify(
  {
    dryRun: true,
    manifest: JSON.parse(
      readFileSync(
        new URL('../../test/fixtures/manifests/stiiizy-2.1.0.json', import.meta.url),
        'utf8',
      ),
    ),
  },
  null,
  2,
);

export const GRAPHIQL_EXAMPLE_TABS: readonly GraphiqlTab[] = [
  { query: INTAKE_WALK_THROUGH, variables: INTAKE_WALK_THROUGH_VARIABLES },
  { query: CLASSIC_FAILURES },
  { query: MANIFEST_WALK_THROUGH, variables: MANIFEST_WALK_THROUGH_VARIABLES },
];
