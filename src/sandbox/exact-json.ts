import { randomUUID } from 'node:crypto';
import { Decimal } from '../util/decimal';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;

/**
 * JSON.parse, except that a number literal a double cannot hold exactly
 * (1234.567890123456789) arrives as its digits in a string instead of rounded. The upstream
 * binds quantities to .NET decimals, which keep those digits, and the sandbox must too; every
 * reader of the body takes numeric strings wherever it takes numbers.
 */
export function parseExactJson(raw: string): unknown {
  const mark = `\u0000${randomUUID()}:`;
  let rewritten = '';
  let copiedUpTo = 0;

  for (let i = 0; i < raw.length;) {
    const char = raw[i];
    if (char === '"') {
      i = endOfString(raw, i);
      continue;
    }
    if (char !== '-' && (char < '0' || char > '9')) {
      i += 1;
      continue;
    }

    NUMBER.lastIndex = i;
    const literal = NUMBER.exec(raw)?.[0];
    if (!literal) return JSON.parse(raw);
    if (!holdsExactly(literal)) {
      rewritten += raw.slice(copiedUpTo, i) + JSON.stringify(mark + literal);
      copiedUpTo = i + literal.length;
    }
    i += literal.length;
  }

  if (copiedUpTo === 0) return JSON.parse(raw);

  return JSON.parse(rewritten + raw.slice(copiedUpTo), (_key, value) =>
    typeof value === 'string' && value.startsWith(mark) ? value.slice(mark.length) : value,
  );
}

/** The index just past the string that opens at `start`. */
function endOfString(raw: string, start: number): number {
  let i = start + 1;
  while (i < raw.length && raw[i] !== '"') i += raw[i] === '\\' ? 2 : 1;

  return i + 1;
}

function holdsExactly(literal: string): boolean {
  // Fifteen significant digits always survive a double; most literals stop here.
  if (literal.replace(/[-.]/g, '').length <= 15 && !/[eE]/.test(literal)) return true;

  const asNumber = Number(literal);

  return Number.isFinite(asNumber) && new Decimal(literal).eq(new Decimal(asNumber));
}
