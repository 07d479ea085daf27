import type { InventoryScope, ReceiveRequest } from '../dutchie/backoffice-api';
import type { InventoryRow } from '../dutchie/models';
import { parseDecimal } from '../util/decimal';
import type { ReceiveOutcome } from './results';

/**
 * Results as the ledger stores them. Everything but a success's inventory rows is plain JSON
 * already; those rows carry exact decimals, which travel as strings and come back as decimals,
 * so a replayed success is the same value as the original.
 */
export function outcomeToJson(outcome: ReceiveOutcome): string {
  return JSON.stringify(outcome);
}

export function outcomeFromJson(text: string): ReceiveOutcome {
  const outcome = JSON.parse(text) as ReceiveOutcome;
  if (outcome.__typename !== 'ReceiveSuccess') return outcome;

  return { ...outcome, packages: outcome.packages.map(reviveRow) };
}

function reviveRow(row: InventoryRow): InventoryRow {
  const stored = row as unknown as Record<string, unknown>;

  return {
    ...row,
    quantity: parseDecimal(stored.quantity)!,
    unitCost: stored.unitCost === null ? null : parseDecimal(stored.unitCost),
  };
}

/** What the ledger keeps of a sent receive: enough to read it back after a restart. */
export interface StoredRequest {
  scope: InventoryScope;
  body: ReceiveRequest;
}

export function requestToJson(request: StoredRequest): string {
  return JSON.stringify(request);
}

export function requestFromJson(text: string): StoredRequest {
  const stored = JSON.parse(text) as StoredRequest;
  const decimal = (value: unknown) => parseDecimal(value)!;

  return {
    scope: stored.scope,
    body: {
      ...stored.body,
      products: stored.body.products.map((line) => ({
        ...line,
        quantity: decimal(line.quantity),
        cost: decimal(line.cost),
        totalPackageCost: decimal(line.totalPackageCost),
        productGrams: line.productGrams === null ? null : decimal(line.productGrams),
      })),
    },
  };
}
