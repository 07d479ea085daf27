import { wallTimeAt as wallClockAt } from '../util/wall-time';
/**
 * Location rows carry no time zone, so the state decides it. Arizona keeps standard time all
 * year (America/Phoenix), which is why its offset is -07:00 in December and in July.
 */
export const STATE_TIME_ZONES: Readonly<Record<string, string>> = {
  AZ: 'America/Phoenix',
  MI: 'America/Detroit',
  IL: 'America/Chicago',
  MO: 'America/Chicago',
  NV: 'America/Los_Angeles',
  OH: 'America/New_York',
};

/** The zone for a state, configuration first; null when neither knows the state. */
export function timeZoneForState(
  state: string,
  overrides: Readonly<Record<string, string>> = {},
): string | null {
  const code = state.trim().toUpperCase();

  return overrides[code] ?? overrides[state] ?? STATE_TIME_ZONES[code] ?? null;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const ISO_LOCAL =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const US_LOCAL =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

/** The zone's offset from UTC at an instant, in minutes (Phoenix: -420). */
function offsetMinutesAt(zone: string, instant: number): number {
  const wall = wallClockAt(instant, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const wholeSeconds = instant - (((instant % 1000) + 1000) % 1000);

  return Math.round((asUtc - wholeSeconds) / 60_000);
}

const HALF_DAY_MS = 12 * 3_600_000;

/** Memo per zone and local hour: US offsets only change on the hour. */
const offsetCache = new Map<string, number>();

/**
 * The offset in force at a wall-clock time in a zone. The offsets twelve hours either side are
 * the only candidates; a candidate is right when the instant it implies carries it. In the
 * autumn's repeated hour both are, and the earlier (daylight) reading wins; in the spring gap
 * neither is, and the offset from before the gap moves the time forward, as clocks did.
 */
function offsetForWallTime(zone: string, wall: WallTime): number {
  const key = `${zone}|${wall.year}-${wall.month}-${wall.day}T${wall.hour}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;

  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const before = offsetMinutesAt(zone, asUtc - HALF_DAY_MS);
  const after = offsetMinutesAt(zone, asUtc + HALF_DAY_MS);
  const fits = [before, after].filter((o) => offsetMinutesAt(zone, asUtc - o * 60_000) === o);
  const offset = fits.length > 0 ? Math.max(...fits) : before;

  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);

  return offset;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);

  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function formatWall(wall: WallTime, offsetMinutes: number): string {
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  const time = `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  const fraction = wall.millisecond > 0 ? `.${pad(wall.millisecond, 3)}` : '';

  return `${date}T${time}${fraction}${formatOffset(offsetMinutes)}`;
}

function wallTimeAt(zone: string, instant: number): { wall: WallTime; offset: number } {
  const offset = offsetMinutesAt(zone, instant);
  const shifted = new Date(instant + offset * 60_000);
  const wall: WallTime = {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };

  return { wall, offset };
}

function isValidWall(wall: WallTime): boolean {
  const probe = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));

  return (
    probe.getUTCMonth() === wall.month - 1 &&
    probe.getUTCDate() === wall.day &&
    wall.hour < 24 &&
    wall.minute < 60 &&
    wall.second < 60
  );
}

function parseWall(text: string): { wall: WallTime; offset: string | null } | null {
  const iso = ISO_LOCAL.exec(text);
  if (iso) {
    const fraction = iso[7] ? Number(iso[7].padEnd(3, '0').slice(0, 3)) : 0;
    const wall: WallTime = {
      year: Number(iso[1]),
      month: Number(iso[2]),
      day: Number(iso[3]),
      hour: Number(iso[4] ?? 0),
      minute: Number(iso[5] ?? 0),
      second: Number(iso[6] ?? 0),
      millisecond: fraction,
    };

    return { wall, offset: iso[8] ?? null };
  }

  const us = US_LOCAL.exec(text);
  if (!us) return null;

  let hour = Number(us[4] ?? 0);
  const meridiem = us[7]?.toUpperCase();
  if (meridiem === 'PM' && hour < 12) hour += 12;
  if (meridiem === 'AM' && hour === 12) hour = 0;

  const wall: WallTime = {
    year: Number(us[3]),
    month: Number(us[1]),
    day: Number(us[2]),
    hour,
    minute: Number(us[5] ?? 0),
    second: Number(us[6] ?? 0),
    millisecond: 0,
  };

  return { wall, offset: null };
}

/**
 * Reads an upstream date as ISO 8601 with the location's offset. Dates without an offset are
 * wall-clock time at the location (get-inventory's ReceivedDate); dates with one are moved to
 * the location's wall clock. Returns undefined for text that is not a date.
 */
export function toZonedIso(text: string, zone: string): string | undefined {
  const parsed = parseWall(text.trim());
  if (!parsed || !isValidWall(parsed.wall)) return undefined;

  if (parsed.offset === null) return formatWall(parsed.wall, offsetForWallTime(zone, parsed.wall));

  const { wall } = parsed;
  const sign = parsed.offset.toUpperCase() === 'Z' ? 0 : parsed.offset.startsWith('-') ? -1 : 1;
  const digits = parsed.offset.replace(/[^0-9]/g, '');
  const offsetMinutes =
    sign * (Number(digits.slice(0, 2) || 0) * 60 + Number(digits.slice(2) || 0));
  const instant =
    Date.UTC(
      wall.year,
      wall.month - 1,
      wall.day,
      wall.hour,
      wall.minute,
      wall.second,
      wall.millisecond,
    ) -
    offsetMinutes * 60_000;
  const local = wallTimeAt(zone, instant);

  return formatWall(local.wall, local.offset);
}
