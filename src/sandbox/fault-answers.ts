import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { json, nginxPage, sessionExpired200, envelope, type Answer } from './answers';
import type { SandboxFault } from './types';

/**
 * The answer a fault sends instead of the endpoint's own, for faults that answer before the
 * request is processed. Faults that shape the endpoint's answer (truncated-json,
 * destroy-after-write, orphan, partial) and the ones that send nothing (no-headers) are
 * handled where the request is processed.
 */
export function faultAnswer(fault: SandboxFault, rateMessage: string): Answer | undefined {
  switch (fault.kind) {
    case 'status':
      return {
        status: fault.status,
        contentType: fault.contentType ?? 'application/json; charset=utf-8',
        body:
          fault.body ??
          JSON.stringify({
            Result: false,
            Message: STATUS_CODES[fault.status] ?? 'Error',
            Data: null,
          }),
      };
    case 'rate-limit-429':
      return {
        ...json(429, {
          Result: false,
          Message: 'Too Many Requests',
          TraceId: fault.traceId ?? randomUUID(),
        }),
        headers: { 'Retry-After': String(fault.retryAfterSeconds) },
      };
    case 'rate-limit-200':
      return envelope(false, rateMessage);
    case 'html':
      return nginxPage(fault.status ?? 502);
    case 'redirect-login':
      return {
        status: 302,
        contentType: 'text/html; charset=utf-8',
        body: '<html><head><title>Object moved</title></head><body><h2>Object moved to <a href="/login">here</a>.</h2></body></html>',
        headers: { Location: '/login' },
      };
    case 'session-expired-200':
      return sessionExpired200();
    case 'session-expired-401':
      return nginxPage(401);
    case 'sql-500':
      return sql500();
    default:
      return undefined;
  }
}

function sql500(): Answer {
  return json(500, {
    Message: 'An error has occurred.',
    ExceptionMessage:
      "Invalid column name 'IsDeleted'. Statement: SELECT pi.InventoryId, pi.PackageId, pi.Quantity FROM dbo.PackageInventory pi INNER JOIN dbo.Product p ON p.ProductId = pi.ProductId WHERE pi.LocId = @LocId AND pi.IsDeleted = 0",
    ExceptionType: 'System.Data.SqlClient.SqlException',
    StackTrace:
      '   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)\r\n' +
      '   at System.Data.SqlClient.SqlDataReader.TryConsumeMetaData()\r\n' +
      '   at LeafLogix.Data.InventoryRepository.GetInventory(Int32 locId, Int32 lspId)\r\n' +
      '   at LeafLogix.Api.Controllers.InventoryController.GetInventory(InventoryRequest request)',
  });
}
