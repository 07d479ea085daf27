/**
 * Logger redaction works on object paths; it cannot see a cookie inside an error message or a
 * stack. These patterns blank the secrets that travel as text: the session cookie, bearer
 * tokens, and credential fields of a JSON body (a rejected login echoes the password back).
 */
const TEXT_SECRETS: Array<[RegExp, string]> = [
  [/(LLSession=)[^;\s"',]+/gi, '$1[redacted]'],
  [/(Bearer\s+)[^\s"',]+/gi, '$1[redacted]'],
  [
    /("?(?:password|sessiongid|sessionid|cookie|apikey)"?\s*[:=]\s*)("[^"]*"|[^\s,}]+)/gi,
    '$1[redacted]',
  ],
];

export function scrubSecrets(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of TEXT_SECRETS) {
    scrubbed = scrubbed.replace(pattern, replacement);
  }

  return scrubbed;
}
