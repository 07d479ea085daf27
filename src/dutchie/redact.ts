/** Longest excerpt an error carries. */
export const EXCERPT_LIMIT = 300;

/**
 * Enough of a body to redact before cutting: redactions only shorten text, and a secret cut in
 * half at this boundary lands far past the excerpt limit, so no fragment of one survives.
 */
const SCAN_LIMIT = 4_000;

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const PASSWORD_FIELD = /("?password"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^\s,;&}]+)/gi;
const SESSION_FIELD = /("?(?:SessionGId|SessionId|LLSession)"?\s*[:=]\s*)("[^"]*"|[^\s,;&}]+)/gi;
const COOKIE_HEADER = /((?:set-)?cookie"?\s*[:=]\s*)("[^"]*"|[^\r\n]+)/gi;

/**
 * Removes what must never leave the client from upstream text: the password (a rejected login
 * echoes it back), session ids (GUIDs, and any value keyed as a session), cookies, and the
 * upstream's own address. Known secrets are replaced literally first, patterns second.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.addSecret(secret);
  }

  /** Registers a literal to strip, e.g. each SessionGId issued to this client. */
  addSecret(secret: string | null | undefined): void {
    if (secret && secret.length > 0) this.secrets.add(secret);
  }

  clean(text: string): string {
    let out = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;

    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');

    return out
      .replace(PASSWORD_FIELD, '$1"[redacted]"')
      .replace(SESSION_FIELD, '$1"[redacted]"')
      .replace(COOKIE_HEADER, '$1[redacted]')
      .replace(/LLSession=[^;\s"',]*/gi, 'LLSession=[redacted]')
      .replace(GUID, '[guid]')
      .replace(/https?:\/\/[^\s"'<>]+/gi, '[url]');
  }

  /** A cleaned excerpt of at most EXCERPT_LIMIT characters, whitespace collapsed. */
  excerpt(text: string): string {
    const cleaned = this.clean(text).replace(/\s+/g, ' ').trim();

    return cleaned.length > EXCERPT_LIMIT ? `${cleaned.slice(0, EXCERPT_LIMIT - 1)}…` : cleaned;
  }
}
