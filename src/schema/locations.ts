import { locIdScopes, mayTouchLocation } from './auth-scopes';
import { builder } from './builder';
import { LocationRef } from './refs';

builder.queryFields((t) => ({
  locations: t.field({
    type: [LocationRef],
    description:
      'Every location the login sees (and the API key may see), filtered here: the upstream ' +
      'list is always read unfiltered, because its own LspId filter silently hides locations.',
    args: {
      state: t.arg.string({ description: 'Two-letter state code, e.g. AZ.' }),
      lspId: t.arg.int(),
      sandbox: t.arg.boolean({ description: 'Only locations named "Sandbox" (or only others).' }),
    },
    resolve: async (_root, args, context) => {
      const all = await context.data.locations();

      // A key limited to some LocIds sees only those: the others are left out, not refused.
      return all.filter(
        (location) =>
          mayTouchLocation(context.principal, location.locId) &&
          (args.state == null || location.state === args.state.toUpperCase()) &&
          (args.lspId == null || location.lspId === args.lspId) &&
          (args.sandbox == null || location.isSandbox === args.sandbox),
      );
    },
  }),
  location: t.field({
    type: LocationRef,
    nullable: true,
    args: { locId: t.arg.int({ required: true }) },
    authScopes: (_root, args, context) => locIdScopes(context, args.locId),
    resolve: (_root, args, context) => context.loaders.location.load(args.locId),
  }),
}));
