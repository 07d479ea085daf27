import type { ManifestWarningCode } from './manifest-types';

/**
 * What a tolerant reader returns: the value it settled on, plus notes on anything it had to
 * bend. A note's `fragment` reads after the field's name ("'maybe' is not a 0/1 flag; ..."),
 * and `path` (when set) is relative to that field, for readers of nested blocks.
 */
export interface Note {
  code: ManifestWarningCode;
  fragment: string;
  path?: string;
}

export interface Read<T> {
  value: T;
  notes: Note[];
}

export function read<T>(value: T, ...notes: Note[]): Read<T> {
  return { value, notes };
}

/** Gathers the notes of several fields, each under its own path, while handing back values. */
export class NoteCollector {
  readonly notes: Note[] = [];

  take<T>(field: Read<T>, path: string): T {
    for (const note of field.notes) {
      this.notes.push({ ...note, path: note.path ? joinPath(path, note.path) : path });
    }

    return field.value;
  }

  add(note: Note): void {
    this.notes.push(note);
  }

  result<T>(value: T): Read<T> {
    return { value, notes: this.notes };
  }
}

/** `items` + `[3]` gives `items[3]`; `lab` + `coa` gives `lab.coa`. */
export function joinPath(parent: string, child: string): string {
  if (parent === '') return child;

  return child.startsWith('[') ? `${parent}${child}` : `${parent}.${child}`;
}

/** A short rendering of what arrived, for messages: strings quoted, long values cut. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${cut(value)}'`;

  try {
    return cut(JSON.stringify(value) ?? String(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function cut(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
