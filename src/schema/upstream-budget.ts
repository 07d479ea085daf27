import type { UpstreamBudget } from '../dutchie/backoffice-api';
import { builder } from './builder';

const UpstreamBudgetRef = builder.objectRef<UpstreamBudget>('UpstreamBudget').implement({
  description: "The client's rolling minute of upstream calls (about 60 allowed per login).",
  fields: (t) => ({
    limitPerMinute: t.exposeInt('limitPerMinute'),
    usedLastMinute: t.exposeInt('usedLastMinute'),
    queued: t.exposeInt('queued', { description: 'Calls waiting for budget right now.' }),
  }),
});

builder.queryField('upstreamBudget', (t) =>
  t.field({
    type: UpstreamBudgetRef,
    description: 'Costs no upstream call.',
    resolve: (_root, _args, context) => context.services.client.budget(),
  }),
);
