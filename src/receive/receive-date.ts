import { pad2, wallTimeAt } from '../util/wall-time';

/**
 * Upstream dates are local wall-clock text without an offset: `receiveDate` is
 * "MM/DD/YYYY h:mm am" in the location's own time zone, `expirationDate` is "MM/DD/YYYY".
 */
export function formatReceiveDate(instant: Date, timeZone: string): string {
  const wall = wallTimeAt(instant.getTime(), timeZone);
  const hour12 = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
  const period = wall.hour < 12 ? 'am' : 'pm';

  return `${pad2(wall.month)}/${pad2(wall.day)}/${wall.year} ${hour12}:${pad2(wall.minute)} ${period}`;
}

/** An ISO calendar date (YYYY-MM-DD, already validated) as the upstream's MM/DD/YYYY. */
export function formatExpirationDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');

  return `${month}/${day}/${year}`;
}
