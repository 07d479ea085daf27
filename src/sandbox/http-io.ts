import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from './answers';
import { parseExactJson } from './exact-json';

/** Bodies past this size are cut off; no Backoffice call comes near it. */
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;

  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false };

/** An empty body reads as `{}`, which is what the upstream's model binding makes of it. */
export function parseJson(raw: string): ParsedBody {
  if (raw.trim() === '') return { ok: true, value: {} };

  try {
    return { ok: true, value: parseExactJson(raw) };
  } catch {
    return { ok: false };
  }
}

export function send(response: ServerResponse, answer: Answer): void {
  if (response.destroyed) return;

  response.writeHead(answer.status, {
    'Content-Type': answer.contentType,
    'Content-Length': Buffer.byteLength(answer.body),
    ...answer.headers,
  });
  response.end(answer.body);
}

export function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }

  return undefined;
}
