import { Counter, type Registry } from 'prom-client';
import type { ReceiveOutcome } from './results';

export const RECEIPTS_METRIC = 'backoffice_receipts_total';

/** Counts every answered receive by outcome: success, replayed, plan, or the error code. */
export function receiptCounter(registry: Registry): Counter<'outcome'> {
  // One registry may hold a server's several services; register the counter once.
  const existing = registry.getSingleMetric(RECEIPTS_METRIC);
  if (existing) return existing as Counter<'outcome'>;

  return new Counter({
    name: RECEIPTS_METRIC,
    help: 'Receives answered by the intake write path, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
}

export function outcomeLabel(outcome: ReceiveOutcome): string {
  if (outcome.__typename === 'ReceiveSuccess') return outcome.replayed ? 'replayed' : 'success';
  if (outcome.__typename === 'ReceivePlan') return 'plan';

  return outcome.code.toLowerCase();
}
