import type { ReceiveRequest } from '../dutchie/backoffice-api';
import { receiveFields } from '../dutchie/receive-body';
import { Decimal, formatDecimal, type DecimalValue } from '../util/decimal';

/**
 * The body a dry run would have sent to v2/inventory/receive: the client's own fields
 * (src/dutchie/receive-body.ts), so plan and write cannot drift apart. The session block
 * (SessionId, UserId) is added at send time and never shown. Decimals are exact strings here:
 * as JSON numbers a GraphQL client could round them.
 */
export function planBody(request: ReceiveRequest): Record<string, unknown> {
  const fields = receiveFields(request);

  return {
    ...fields,
    products: fields.products.map((line) =>
      Object.fromEntries(Object.entries(line).map(([key, value]) => [key, exact(value)])),
    ),
  };
}

function exact(value: unknown): unknown {
  return Decimal.isDecimal(value) ? formatDecimal(value as DecimalValue) : value;
}
