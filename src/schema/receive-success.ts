import type { ReceivePlan, ReceiveSuccess, ResolvedLine } from '../receive';
import { packagesOfSuccess } from '../resolvers/receive-packages';
import { planBody } from '../resolvers/receive-plan-body';
import { builder } from './builder';
import { PackageRef } from './refs';

/** The two answers that are not failures: the verified receive, and a dry run's plan. */

export const ReceiveInventorySuccessRef = builder
  .objectRef<ReceiveSuccess>('ReceiveInventorySuccess')
  .implement({
    description:
      'The receive landed: every line was read back from the location as sent, so each package ' +
      'below exists upstream with its quantity, product and room.',
    fields: (t) => ({
      idempotencyKey: t.exposeString('idempotencyKey'),
      receiveHistoryId: t.exposeInt('receiveHistoryId', {
        nullable: true,
        description:
          'The ReceiveInventoryHistoryId the upstream answered; null only when its answer was ' +
          'lost and the packages read back carry none.',
      }),
      packages: t.field({
        type: [PackageRef],
        description: 'The verified packages, one per line, in line order.',
        resolve: (success, _args, context) => packagesOfSuccess(success, context),
      }),
      replayed: t.exposeBoolean('replayed', {
        description:
          'True when this answer came from the receipt ledger (a repeated key, or a receive ' +
          'confirmed later by read-back) and no receive was sent by this call.',
      }),
    }),
  });

const ResolvedReceiveLineRef = builder.objectRef<ResolvedLine>('ResolvedReceiveLine').implement({
  description: 'One line as preflight resolved it: its product, unit, room and totals.',
  fields: (t) => ({
    line: t.exposeInt('line', { description: "The line's index in the input." }),
    productId: t.exposeInt('productId'),
    sku: t.exposeString('sku', { nullable: true }),
    productName: t.exposeString('productName'),
    unitId: t.exposeInt('unitId', {
      nullable: true,
      description: "The line's unitId, else the product's own unit.",
    }),
    roomId: t.exposeInt('roomId'),
    roomName: t.exposeString('roomName'),
    packageId: t.exposeString('packageId'),
    quantity: t.field({ type: 'Decimal', resolve: (line) => line.quantity }),
    unitCost: t.field({ type: 'Decimal', resolve: (line) => line.unitCost }),
    totalPackageCost: t.field({ type: 'Decimal', resolve: (line) => line.totalPackageCost }),
  }),
});

export const ReceiveInventoryPlanRef = builder
  .objectRef<ReceivePlan>('ReceiveInventoryPlan')
  .implement({
    description:
      'A dry run: every check passed and nothing was sent or recorded. `body` is what the ' +
      'receive would POST; send the same input with dryRun false to receive it.',
    fields: (t) => ({
      idempotencyKey: t.exposeString('idempotencyKey'),
      endpoint: t.string({
        description: 'Where the body would be POSTed, after /api/.',
        resolve: () => 'v2/inventory/receive',
      }),
      body: t.field({
        type: 'JSON',
        description:
          'The upstream body as JSON, keyed as Backoffice sees it, without the session block ' +
          '(added at send time). Decimals are exact strings.',
        resolve: (plan) => planBody(plan.body),
      }),
      lines: t.field({ type: [ResolvedReceiveLineRef], resolve: (plan) => plan.lines }),
    }),
  });
