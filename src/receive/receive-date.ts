/**
 * Upstream dates are local wall-clock text without an offset: `receiveDate` is
 * "MM/DD/YYYY h:mm am" in the location's own time zone, `expirationDate` is "MM/DD/YYYY".
 */
export function formatReceiveDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value ?? '';

  return `${part('month')}/${part('day')}/${part('year')} ${part('hour')}:${part('minute')} ${part('dayPeriod').toLowerCase()}`;
}

/** An ISO calendar date (YYYY-MM-DD, already validated) as the upstream's MM/DD/YYYY. */
export function formatExpirationDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');

  return `${month}/${day}/${year}`;
}
