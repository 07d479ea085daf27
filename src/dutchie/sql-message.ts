import type { SqlErrorClass } from './errors';

export interface SqlMessageReading {
  classification: SqlErrorClass;
  subject?: string;
  /** A plain sentence for `message`; the raw SQL Server text only ever goes to `excerpt`. */
  summary: string;
}

/** Phrases only SQL Server's own messages use. */
const SQL_MARKERS = new RegExp(
  [
    'conversion failed',
    'error converting data type',
    '(FOREIGN|PRIMARY|UNIQUE) KEY constraint',
    'CHECK constraint',
    'duplicate key',
    'Cannot insert the value NULL',
    'Invalid (column|object) name',
    'SqlException',
    'Msg \\d+, Level \\d+',
  ].join('|'),
  'i',
);

/**
 * Recognises a SQL Server error echoed in a `Result: false` Message (or a 500 body). The
 * upstream leaks these for a field of the wrong type or a reference to a row that does not
 * exist, e.g. a product outside the LSP or a room of another location.
 */
export function readSqlMessage(text: string): SqlMessageReading | null {
  if (!SQL_MARKERS.test(text)) return null;

  if (/conversion failed|error converting data type/i.test(text)) {
    return {
      classification: 'type-conversion',
      summary: 'a value had a type the upstream database could not convert',
    };
  }

  if (/FOREIGN KEY constraint/i.test(text)) {
    const subject = /table\s+"([^"]+)"/i.exec(text)?.[1];
    const thing = subject ? `a row of ${subject}` : 'a row';

    return {
      classification: 'missing-reference',
      subject,
      summary: `it refers to ${thing} that does not exist upstream`,
    };
  }

  if (
    /PRIMARY KEY|UNIQUE KEY|CHECK constraint|duplicate key|Cannot insert the value NULL/i.test(text)
  ) {
    const subject = /(?:table|object)\s+'?"?([\w.]+)/i.exec(text)?.[1];

    return {
      classification: 'constraint',
      subject,
      summary: 'it broke a constraint of the upstream database',
    };
  }

  return { classification: 'other', summary: 'the upstream database reported an error' };
}
