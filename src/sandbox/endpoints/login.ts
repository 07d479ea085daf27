import { randomUUID } from 'node:crypto';
import { envelope } from '../answers';
import type { Body, EndpointContext, Route } from './context';

/** The observed Data of a successful EmployeeLogin; SessionGId is the session. */
const EMPLOYEE = { UserId: 60672, Id: 60672, FullName: 'Sandbox Employee', LocId: 1989 } as const;

export const loginRoute: Route = {
  endpoint: 'posv3/user/EmployeeLogin',
  needsSession: false,
  handle(context) {
    if (context.headers['appname'] !== 'Backoffice') {
      return envelope(false, 'The appname header is required.');
    }

    const userName = keyInsensitive(context.body, 'username');
    const password = keyInsensitive(context.body, 'password');
    if (!matches(context, userName, password)) {
      // Observed: the rejection echoes what was submitted, password included.
      return envelope(false, 'Invalid user name or password.', {
        UserName: userName ?? null,
        Password: password ?? null,
      });
    }

    const session = context.sessions.issue(String(userName));
    const answer = envelope(true, null, {
      SessionGId: session.gid,
      SessionId: session.numericId,
      ...EMPLOYEE,
      UserName: userName,
      LoginType: 'LSP',
      TraceId: randomUUID(),
    });

    return {
      ...answer,
      headers: {
        'Set-Cookie': [
          `ASP.NET_SessionId=${randomUUID().replaceAll('-', '')}; path=/; HttpOnly; SameSite=Lax`,
          `LLSession=${session.gid}; Path=/; HttpOnly`,
        ],
      },
    };
  },
};

function keyInsensitive(body: Body, key: string): unknown {
  const found = Object.keys(body).find((candidate) => candidate.toLowerCase() === key);

  return found === undefined ? undefined : body[found];
}

function matches(context: EndpointContext, userName: unknown, password: unknown): boolean {
  const expected = context.credentials;

  return (
    typeof userName === 'string' &&
    typeof password === 'string' &&
    userName.toLowerCase() === expected.username.toLowerCase() &&
    password === expected.password
  );
}
