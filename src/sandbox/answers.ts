import { STATUS_CODES } from 'node:http';

/** What the server writes for one request, before any post-processing fault. */
export interface Answer {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string | string[]>;
  /** The envelope's Result, for the request log. */
  result?: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html';

export function json(status: number, value: unknown, result?: boolean): Answer {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value), result };
}

/** The Backoffice envelope; business failures are HTTP 200 with Result false. */
export function envelope(result: boolean, message: string | null, data: unknown = null): Answer {
  return json(200, { Result: result, Message: message, Data: data }, result);
}

/** The envelope around Data that is already serialized (large cached catalogs). */
export function envelopeRaw(message: string | null, dataJson: string): Answer {
  const head = `{"Result":true,"Message":${JSON.stringify(message)},"Data":`;

  return { status: 200, contentType: JSON_TYPE, body: `${head}${dataJson}}`, result: true };
}

export const SESSION_MESSAGE = 'Session expired or invalid. Please log in.';

export function sessionExpired401(): Answer {
  return json(401, { Result: false, Message: SESSION_MESSAGE }, false);
}

export function sessionExpired200(): Answer {
  return envelope(false, SESSION_MESSAGE);
}

/** The page the edge proxy serves in front of Backoffice, as nginx words it. */
export function nginxPage(status: number): Answer {
  const title = `${status} ${status === 401 ? 'Authorization Required' : STATUS_CODES[status]}`;
  const body =
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

  return { status, contentType: HTML_TYPE, body };
}

export function notFound(path: string): Answer {
  return json(404, {
    Message: `No HTTP resource was found that matches the request URI '${path}'.`,
  });
}

export function methodNotAllowed(method: string): Answer {
  return {
    ...json(405, { Message: `The requested resource does not support http method '${method}'.` }),
    headers: { Allow: 'POST' },
  };
}

export function invalidJson(): Answer {
  return json(400, { Message: 'The request is invalid.' });
}

/** ASP.NET Core's validation problem, which is what a wrong body key earns. */
export function validationProblem(key: string, traceId: string): Answer {
  return {
    status: 422,
    contentType: 'application/problem+json; charset=utf-8',
    body: JSON.stringify({
      type: 'https://tools.ietf.org/html/rfc4918#section-11.2',
      title: 'One or more validation errors occurred.',
      status: 422,
      errors: { [key]: [`The ${key} field is required.`] },
      traceId,
    }),
  };
}

/** The .NET answer to a missing nested object; the text starts with the exception message. */
export function nullReference500(action: string): Answer {
  const body =
    'Object reference not set to an instance of an object.\r\n' +
    `   at LeafLogix.Api.Controllers.InventoryController.${action}(ReceiveInventoryRequest request)\r\n` +
    '   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.SyncObjectResultExecutor.Execute(ActionContext context)\r\n';

  return { status: 500, contentType: 'text/plain; charset=utf-8', body };
}
