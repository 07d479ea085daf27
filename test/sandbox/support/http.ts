import {
  SANDBOX_DEFAULT_PASSWORD,
  SANDBOX_DEFAULT_USERNAME,
  type Sandbox,
} from '../../../src/sandbox';

export interface PostOptions {
  /** The LLSession cookie value (a SessionGId). */
  session?: string;
  headers?: Record<string, string>;
  method?: string;
  /** Sent verbatim instead of JSON-encoding `body`. */
  raw?: string;
  redirect?: RequestRedirect;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: any;
}

/** One call over real HTTP, the way the client makes it. */
export async function post(
  sandbox: Sandbox,
  endpoint: string,
  body: unknown = {},
  options: PostOptions = {},
): Promise<Reply> {
  const response = await fetch(`${sandbox.url}/api/${endpoint}`, {
    method: options.method ?? 'POST',
    redirect: options.redirect ?? 'manual',
    headers: {
      'content-type': 'application/json',
      appname: 'Backoffice',
      ...(options.session ? { cookie: `LLSession=${options.session}` } : {}),
      ...options.headers,
    },
    body: options.method === 'GET' ? undefined : (options.raw ?? JSON.stringify(body)),
  });
  const text = await response.text();

  return { status: response.status, headers: response.headers, text, json: tryJson(text) };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Logs in with the default credentials and returns the SessionGId. */
export async function login(sandbox: Sandbox): Promise<string> {
  const reply = await post(sandbox, 'posv3/user/EmployeeLogin', {
    UserName: SANDBOX_DEFAULT_USERNAME,
    Password: SANDBOX_DEFAULT_PASSWORD,
  });
  if (reply.json?.Result !== true) throw new Error(`login failed: ${reply.status} ${reply.text}`);

  return reply.json.Data.SessionGId;
}

/** A call with a session, answering the parsed envelope. */
export async function call(
  sandbox: Sandbox,
  session: string,
  endpoint: string,
  body: unknown = {},
): Promise<Reply> {
  return post(sandbox, endpoint, body, { session });
}
