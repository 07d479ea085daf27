import { pad2, wallTimeAt } from '../util/wall-time';
/**
 * Upstream dates are local wall time at the location with no offset ("2026-11-30T14:05:00"):
 * the reader must know the zone. This writes an instant that way.
 */
export function toLocalDateTime(epochMs: number, timeZone: string): string {
  const wall = wallTimeAt(epochMs, timeZone);
  const date = `${wall.year}-${pad2(wall.month)}-${pad2(wall.day)}`;

  return `${date}T${pad2(wall.hour)}:${pad2(wall.minute)}:${pad2(wall.second)}`;
}

const RECEIVE_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads the web app's receiveDate ("12/03/2026 9:15 am", any case) or an offset-less ISO form
 * as local wall time; null when the text is neither, which the caller answers the way SQL
 * Server refuses a bad datetime.
 */
export function parseLocalDateTime(text: string): string | null {
  const us = RECEIVE_DATE.exec(text.trim());
  if (us) {
    const [, month, day, year, hour = '0', minute = '00', second = '00', meridiem] = us;
    const hour24 = to24Hour(Number(hour), meridiem?.toLowerCase());

    return compose(
      Number(year),
      Number(month),
      Number(day),
      hour24,
      Number(minute),
      Number(second),
    );
  }

  const iso = ISO_LOCAL.exec(text.trim());
  if (!iso) return null;

  const [, year, month, day, hour = '0', minute = '0', second = '0'] = iso;

  return compose(+year, +month, +day, +hour, +minute, +second);
}

function to24Hour(hour: number, meridiem: string | undefined): number {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return -1;

  return (hour % 12) + (meridiem === 'pm' ? 12 : 0);
}

function compose(y: number, mo: number, d: number, h: number, mi: number, s: number) {
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const valid =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h >= 0 &&
    h < 24 &&
    mi < 60 &&
    s < 60;

  return valid ? date.toISOString().slice(0, 19) : null;
}
