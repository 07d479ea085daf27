import { read, show, type Read } from './read-result';

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 't']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'f']);

/**
 * The spec's booleans are the strings "0" and "1"; OpenTHC writes JSON false, others 0/1 as
 * numbers. Anything else reads as not set (null), with a note.
 */
export function readFlag(value: unknown): Read<boolean | null> {
  if (value === undefined || value === null || value === '') return read(null);
  if (typeof value === 'boolean') return read(value);
  if (value === 1 || value === 0) return read(value === 1);

  const word = typeof value === 'string' ? value.trim().toLowerCase() : null;
  if (word !== null && TRUE_WORDS.has(word)) return read(true);
  if (word !== null && FALSE_WORDS.has(word)) return read(false);

  return read(null, { code: 'FLAG_UNREADABLE', fragment: `${show(value)} is not a 0/1 flag` });
}
