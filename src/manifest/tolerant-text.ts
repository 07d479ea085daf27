import { read, show, type Read } from './read-result';

/**
 * Readers for the text fields of a manifest. Senders pad names with trailing spaces, send ids
 * as JSON numbers and leave expected fields null or "", so every reader trims, treats "" as
 * absent and never fails: a value it cannot use becomes null with a note.
 */
export function readText(value: unknown): Read<string | null> {
  if (value === undefined || value === null) return read(null);
  if (typeof value === 'number' || typeof value === 'boolean') return read(String(value));
  if (typeof value !== 'string') {
    return read(null, { code: 'TEXT_UNREADABLE', fragment: `should be text (got ${show(value)})` });
  }

  const text = value.trim();

  return read(text === '' ? null : text);
}

/** Like readText, lower-cased: units, manifest types and sample types compare that way. */
export function readLowerText(value: unknown): Read<string | null> {
  const text = readText(value);

  return read(text.value?.toLowerCase() ?? null, ...text.notes);
}

/**
 * Ids are strings in the spec (17-digit numbers at Cultivera). One sent as a JSON number past
 * 2^53 has already lost digits in JSON.parse, which only a note can tell.
 */
export function readId(value: unknown): Read<string | null> {
  if (typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value)) {
    return read(String(value), {
      code: 'ID_PRECISION_LOST',
      fragment: `arrived as the JSON number ${value}, too large to keep every digit; send it as text`,
    });
  }

  return readText(value);
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/i;

/** ISO 8601 dates and datetimes, with or without an offset (`+00:00` and `+0000` both seen). */
export function readDate(value: unknown): Read<string | null> {
  const text = readText(value);
  if (text.value === null || ISO_8601.test(text.value)) return text;

  return read(null, { code: 'DATE_NOT_ISO', fragment: `${show(text.value)} is not ISO 8601` });
}

/**
 * Older Cultivera links repeat their origin ("https://files.cultivera.com/https://files...");
 * the repeated prefix is removed so the link can be fetched.
 */
export function readUrl(value: unknown): Read<string | null> {
  const text = readText(value);
  if (text.value === null) return text;

  return read(collapseDoubledOrigin(text.value), ...text.notes);
}

export function collapseDoubledOrigin(url: string): string {
  let current = url;

  for (;;) {
    const match = /^(https?:\/\/[^/]+)\/(https?:\/\/.*)$/i.exec(current);
    if (!match) return current;

    current = match[2];
  }
}
