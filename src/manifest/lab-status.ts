import type { LabStatus } from './manifest-types';
import { read, show, type Read } from './read-result';

const PASS_WORDS = new Set(['pass', 'passed', 'p', 'true', '1']);
const FAIL_WORDS = new Set(['fail', 'failed', 'f', 'false', '0']);

/**
 * The spec says 'pass' | 'fail' | null; Cultivera writes "passed", some systems booleans. Other
 * words ("pending", "N/A") read as unknown, with a note.
 */
export function readLabStatus(value: unknown): Read<LabStatus | null> {
  if (value === undefined || value === null || value === '') return read(null);

  const word = String(typeof value === 'object' ? '' : value)
    .trim()
    .toLowerCase();
  if (PASS_WORDS.has(word)) return read('pass');
  if (FAIL_WORDS.has(word)) return read('fail');

  return read(null, {
    code: 'LAB_STATUS_UNREADABLE',
    fragment: `${show(value)} is neither pass nor fail; read as unknown`,
  });
}

/** Any fail wins over any pass: one failed certificate is enough to hold a lot back. */
export function combineLabStatuses(statuses: readonly (LabStatus | null)[]): LabStatus | null {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('pass')) return 'pass';

  return null;
}
