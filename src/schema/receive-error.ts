import { builder } from './builder';

/** What every error member of a result union carries, whatever else it says. */
export interface ErrorShape {
  __typename: string;
  message: string;
  code: string;
  hint: string;
}

/**
 * The `Error` interface of the result unions: one selection (`... on Error { code message
 * hint }`) reads any failure a caller did not select by name, including members added later.
 */
export const ErrorRef = builder.interfaceRef<ErrorShape>('Error').implement({
  description:
    'A failure the caller can act on, answered as a member of a result union rather than as a ' +
    'top-level GraphQL error. Select it with `... on Error { code message hint }`.',
  resolveType: (error) => error.__typename,
  fields: (t) => ({
    message: t.exposeString('message', {
      description: 'What happened, naming the things involved and what arrived.',
    }),
    code: t.exposeString('code', {
      description: 'Stable and upper case, e.g. ORPHAN_RISK; branch on this, not on message.',
    }),
    hint: t.exposeString('hint', { description: 'What to do about it.' }),
  }),
});
