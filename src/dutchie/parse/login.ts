import { z } from 'zod';
import { zInt, zOptionalInt, zOptionalText } from './fields';
import { parseWith } from './schema-mismatch';

const LoginDataSchema = z.object({
  // The GUID that is the session; `SessionId` (a numeric string) is not.
  SessionGId: zOptionalText,
  UserId: zInt,
  LocId: zOptionalInt,
  LspId: zOptionalInt,
  LoginType: zOptionalText,
});

export interface LoginData {
  sessionGId: string | null;
  userId: number;
  locId: number | null;
  lspId: number | null;
}

export function parseLoginData(data: unknown): LoginData {
  const row = parseWith(LoginDataSchema, data);

  return { sessionGId: row.SessionGId, userId: row.UserId, locId: row.LocId, lspId: row.LspId };
}

/** The LLSession value from Set-Cookie, which may arrive beside other cookies. */
export function sessionFromSetCookie(header: string | string[] | undefined): string | null {
  const cookies = Array.isArray(header) ? header : header ? [header] : [];

  for (const cookie of cookies) {
    const match = /(?:^|[;,]\s*)LLSession=([^;,\s]+)/.exec(cookie);
    if (match) return match[1];
  }

  return null;
}
