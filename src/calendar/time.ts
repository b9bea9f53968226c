/**
 * Civil-date arithmetic on plain numbers (no Date allocation in hot loops) and the
 * value formats the engine reads and writes.
 */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

/** Inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday, for a day number from {@link daysFromCivil}. */
export function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] ?? 30);
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Wall time (ms) of a local date-time. */
export function wallOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return daysFromCivil(year, month, day) * DAY + hour * HOUR + minute * MINUTE + second * SECOND;
}

/** Day number of a wall time or instant. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY);
}

/** Milliseconds since midnight of a wall time or instant. */
export function timeOfDay(ms: number): number {
  return ms - dayOf(ms) * DAY;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of a wall time (or of an instant, read in UTC). */
export function formatDate(ms: number): string {
  const { year, month, day } = civilFromDays(dayOf(ms));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `YYYY-MM-DDTHH:MM:SS` of a wall time. */
export function formatWall(ms: number): string {
  const t = timeOfDay(ms);
  return `${formatDate(ms)}T${pad(Math.floor(t / HOUR))}:${pad(Math.floor((t % HOUR) / MINUTE))}:${pad(
    Math.floor((t % MINUTE) / SECOND),
  )}`;
}

/** `YYYY-MM-DDTHH:MM:SSZ` of an instant. */
export function formatInstant(ms: number): string {
  return `${formatWall(ms)}Z`;
}

const DATE_TIME = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?)?(Z)?$/i;

export interface ParsedDateTime {
  readonly wall: number;
  readonly isDate: boolean;
  readonly utc: boolean;
}

/**
 * Reads `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[Z]` (jCal) or the basic forms `YYYYMMDD`,
 * `YYYYMMDDTHHMMSS[Z]` (iCalendar). Returns undefined for anything else or impossible dates.
 */
export function parseDateTime(text: string): ParsedDateTime | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const isDate = m[4] === undefined;
  const hour = isDate ? 0 : Number(m[4]);
  const minute = isDate ? 0 : Number(m[5]);
  // A leap second (60) is read as the last second of the minute.
  const second = isDate ? 0 : Math.min(59, Number(m[6]));
  if (hour > 24 || minute > 59 || (hour === 24 && (minute > 0 || second > 0))) return undefined;
  return { wall: wallOf(year, month, day, hour, minute, second), isDate, utc: m[7] !== undefined };
}

/**
 * A duration as RFC 5545 defines it: nominal days (and weeks) keep the wall-clock time across
 * DST changes; hours, minutes and seconds are exact.
 */
export interface Duration {
  readonly days: number;
  readonly ms: number;
}

const DURATION = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

/** Parses an RFC 5545 / ISO 8601 duration (`P1W`, `PT1H30M`, `-P1D`); undefined when invalid. */
export function parseDuration(text: string): Duration | undefined {
  const m = DURATION.exec(text.trim());
  if (!m || text.trim().toUpperCase().endsWith('T') || /^[+-]?P$/i.test(text.trim())) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const days = Number(m[2] ?? 0) * 7 + Number(m[3] ?? 0);
  const ms = Number(m[4] ?? 0) * HOUR + Number(m[5] ?? 0) * MINUTE + Number(m[6] ?? 0) * SECOND;
  return { days: sign * days, ms: sign * ms };
}

export function durationToMs(d: Duration): number {
  return d.days * DAY + d.ms;
}

/** Reads a `±HH:MM[:SS]` or `±HHMM[SS]` UTC offset into ms; undefined when invalid. */
export function parseUtcOffset(text: string): number | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  const seconds = Number(m[4] ?? 0);
  if (minutes > 59 || seconds > 59) return undefined;
  const value = hours * HOUR + minutes * MINUTE + seconds * SECOND;
  return m[1] === '-' ? -value : value;
}
