/**
 * "Add to calendar" without the parser: one occurrence as an `.ics` file or as a Google / Outlook
 * web link. (A whole series is in `export.ts`, which writes the parsed components back and is
 * loaded on demand.)
 *
 * Everything written is RFC 5545: CRLF line endings, TEXT escaping, lines folded at 75 octets
 * of UTF-8 without splitting a character. Timed occurrences are written in UTC, all-day ones as
 * dates with an exclusive end, so no VTIMEZONE is needed for a single occurrence.
 */
import { descriptionToText } from './html.js';
import { CRLF, foldLine } from './ics/fold.js';
import { isHttpUrl } from './safe-url.js';
import { DAY, formatDate, formatInstant, parseDateTime } from './time.js';
import type { Occurrence } from './types.js';
import { intlZone, localZoneName } from './zones/intl-zone.js';

/** Options of {@link occurrenceToIcs} and {@link seriesToIcs}. */
export interface IcsOptions {
  /** The DTSTAMP (ms since the epoch). Default `Date.now()`. */
  readonly now?: number;
  /** PRODID of the VCALENDAR. Default {@link DEFAULT_PRODUCT_ID}. */
  readonly productId?: string;
}

/** Options of {@link googleCalendarUrl}. */
export interface GoogleCalendarOptions {
  /**
   * Recurrence lines for Google's `recur` parameter, e.g. `RRULE:FREQ=WEEKLY;BYDAY=WE`; a line
   * without a property name is read as an RRULE. The lines are sent as one parameter, one per line.
   */
  readonly recurrence?: readonly string[];
}

/** Options of {@link outlookCalendarUrl}. */
export interface OutlookCalendarOptions {
  /** `live` (Outlook.com, personal accounts; the default) or `office` (Microsoft 365 work accounts). */
  readonly service?: 'live' | 'office';
}

/** The PRODID written when none is given. */
export const DEFAULT_PRODUCT_ID = '-//otel-community-widgets//EN';

/** Longest description (in characters) put into a Google or Outlook link; longer ones are cut. */
export const MAX_LINK_DETAILS = 1500;

// ---------------------------------------------------------------------------------------------
// Text: escaping, folding (HTML descriptions become text with html.ts)
// ---------------------------------------------------------------------------------------------

/** Replaces unpaired UTF-16 surrogates (not encodable in UTF-8) with U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\ufffd');
}

/** Drops control characters other than tab, line feed and carriage return (not allowed in TEXT). */
export function stripControls(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) continue;
    out += ch;
  }
  return out;
}

/** RFC 5545 §3.3.11 TEXT: `\` `;` `,` escaped, line breaks as `\n`, other control characters dropped. */
function escapeText(text: string): string {
  return stripControls(wellFormed(text))
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Joins content lines into an iCalendar stream: each line folded and ended with CRLF. */
export function toStream(lines: readonly string[]): string {
  return lines.map((l) => foldLine(l) + CRLF).join('');
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** `YYYYMMDDTHHMMSSZ` of an instant. */
function utcStamp(ms: number): string {
  return formatInstant(ms).replace(/[-:]/g, '');
}

/** `YYYYMMDD` of a `YYYY-MM-DD` date. */
function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

/** Start and exclusive end dates (`YYYY-MM-DD`) of an all-day occurrence. */
function allDayDates(o: Occurrence): { start: string; end: string } | undefined {
  if (!o.allDay) return undefined;
  const start = o.startDate && parseDateTime(o.startDate)?.isDate ? o.startDate : undefined;
  if (!start) return undefined;
  const parsedEnd = o.endDate ? parseDateTime(o.endDate) : undefined;
  const startWall = parseDateTime(start)?.wall ?? 0;
  const end =
    parsedEnd?.isDate && parsedEnd.wall > startWall ? formatDate(parsedEnd.wall) : formatDate(startWall + DAY);
  return { start, end };
}

function httpUrl(value: string | undefined): string | undefined {
  return value ? isHttpUrl(value) : undefined;
}

/**
 * The plain-text details of an occurrence: the description as text, then the join link and
 * (when `withUrl`) the event URL on their own lines unless the text already contains them.
 */
function detailsOf(o: Occurrence, withUrl: boolean): string {
  const parts = [o.description ? descriptionToText(o.description) : ''];
  const seen = (link: string): boolean => parts.some((p) => p.includes(link)) || o.location?.includes(link) === true;
  const url = httpUrl(o.url);
  const join = httpUrl(o.joinUrl);
  if (join && !seen(join) && (withUrl || join !== url)) parts.push(join);
  if (withUrl && url && !seen(url)) parts.push(url);
  return parts.filter((p) => p.length > 0).join('\n\n');
}

/** Cuts text to at most `max` characters (code points), ending with `…` when cut. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// One occurrence
// ---------------------------------------------------------------------------------------------

function calendarHeader(options: IcsOptions): string[] {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(options.productId ?? DEFAULT_PRODUCT_ID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
}

export function nowOf(options: IcsOptions): number {
  return options.now !== undefined && Number.isFinite(options.now) ? options.now : Date.now();
}

/**
 * The UID an exported occurrence gets: the event's UID, plus `-` and the compact RECURRENCE-ID
 * (`20261202T170000Z`, or `20261202` for all-day series) for instances of a series, so the
 * single event does not replace or clash with the series when both are imported.
 */
export function occurrenceUid(o: Occurrence): string {
  return o.recurrenceId ? `${o.uid}-${o.recurrenceId.replace(/[-:]/g, '')}` : o.uid;
}

/**
 * One occurrence as a complete iCalendar file (RFC 5545): a VCALENDAR (`VERSION:2.0`, `PRODID`,
 * `CALSCALE:GREGORIAN`, `METHOD:PUBLISH`) holding one VEVENT for exactly this occurrence — no
 * RRULE, no RECURRENCE-ID; see {@link occurrenceUid} for its UID.
 *
 * Timed occurrences are written as UTC date-times (`DTSTART:20261124T170000Z`; no DTEND for a
 * zero-length one), all-day ones as dates with an exclusive end (`DTSTART;VALUE=DATE:20261201`,
 * `DTEND;VALUE=DATE:20261204`). Also written: `DTSTAMP` (from `options.now`), `SUMMARY`,
 * `DESCRIPTION` (the description as plain text, see {@link descriptionToText}, plus the join
 * link when the text does not already contain it), `LOCATION`, `URL` (http/https only),
 * `CATEGORIES` and `STATUS` (e.g. `CANCELLED`).
 *
 * Works for occurrences expanded from a feed and for those read from a JSON snapshot (no `event`).
 *
 * @param o The occurrence (from `expandCalendar` or `snapshotOccurrences`).
 * @param options `now`: the DTSTAMP instant (default `Date.now()`); `productId`: the PRODID.
 * @returns The file's text: CRLF line endings, escaped, folded at 75 octets.
 */
export function occurrenceToIcs(o: Occurrence, options: IcsOptions = {}): string {
  const lines = calendarHeader(options);
  lines.push('BEGIN:VEVENT', `UID:${escapeText(occurrenceUid(o))}`, `DTSTAMP:${utcStamp(nowOf(options))}`);
  const dates = allDayDates(o);
  if (dates) {
    lines.push(`DTSTART;VALUE=DATE:${compactDate(dates.start)}`, `DTEND;VALUE=DATE:${compactDate(dates.end)}`);
  } else {
    lines.push(`DTSTART:${utcStamp(o.start)}`);
    if (o.end > o.start) lines.push(`DTEND:${utcStamp(o.end)}`);
  }
  if (o.title) lines.push(`SUMMARY:${escapeText(o.title)}`);
  const details = detailsOf(o, false);
  if (details) lines.push(`DESCRIPTION:${escapeText(details)}`);
  if (o.location) lines.push(`LOCATION:${escapeText(o.location)}`);
  const url = httpUrl(o.url);
  if (url) lines.push(`URL:${url}`);
  if (o.categories.length > 0) lines.push(`CATEGORIES:${o.categories.map(escapeText).join(',')}`);
  const status = o.cancelled ? 'CANCELLED' : o.status;
  if (status) lines.push(`STATUS:${status}`);
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return toStream(lines);
}

/** A recurring schedule given without a calendar file (a discussion group's inline schedule). */
export interface Schedule {
  readonly uid: string;
  readonly title: string;
  /** RRULE text without the `RRULE:` prefix, e.g. `FREQ=MONTHLY;BYDAY=3TU`. */
  readonly rrule: string;
  /** Local start `YYYY-MM-DDTHH:MM[:SS]` in `timeZone`. */
  readonly dtstart: string;
  /** IANA zone of `dtstart`. */
  readonly timeZone: string;
  /** ISO 8601 duration, e.g. `PT1H`. */
  readonly duration: string;
  readonly description?: string | undefined;
  readonly url?: string | undefined;
  readonly location?: string | undefined;
}

/**
 * A recurring schedule as an iCalendar file: one VEVENT with `DTSTART;TZID=…` in local time, the
 * RRULE and a DURATION, so calendar apps keep the local time across DST. The zone is written as
 * its IANA name without a VTIMEZONE, which Google, Apple, Outlook and Thunderbird resolve.
 */
export function scheduleToIcs(schedule: Schedule, options: IcsOptions = {}): string {
  const local = schedule.dtstart
    .replace(/[-:]/g, '')
    .replace(/^(\d{8}T\d{4})$/, '$100')
    .slice(0, 15);
  const lines = calendarHeader(options);
  lines.push(
    'BEGIN:VEVENT',
    `UID:${escapeText(schedule.uid)}`,
    `DTSTAMP:${utcStamp(nowOf(options))}`,
    `DTSTART;TZID=${schedule.timeZone}:${local}`,
    `RRULE:${schedule.rrule.replace(/^RRULE:/i, '')}`,
    `DURATION:${schedule.duration}`,
    `SUMMARY:${escapeText(schedule.title)}`,
  );
  if (schedule.description) lines.push(`DESCRIPTION:${escapeText(descriptionToText(schedule.description))}`);
  if (schedule.location) lines.push(`LOCATION:${escapeText(schedule.location)}`);
  const url = httpUrl(schedule.url);
  if (url) lines.push(`URL:${url}`);
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return toStream(lines);
}

// ---------------------------------------------------------------------------------------------
// Web links
// ---------------------------------------------------------------------------------------------

function query(params: URLSearchParams): string {
  return params.toString().replace(/\+/g, '%20');
}

/**
 * A link that opens Google Calendar's "new event" page filled in with this occurrence:
 * `https://calendar.google.com/calendar/render?action=TEMPLATE&text=…&dates=…&details=…&location=…`.
 *
 * `dates` is `20261124T170000Z/20261124T180000Z` for timed occurrences (UTC) and
 * `20261201/20261204` for all-day ones (exclusive end). `ctz` is the host's time zone when
 * known (the zone Google shows the event in). `details` is the description as plain text plus
 * the join link and URL, cut to {@link MAX_LINK_DETAILS} characters to keep the link usable.
 *
 * @param o The occurrence.
 * @param options `recurrence`: lines such as `RRULE:FREQ=WEEKLY;BYDAY=WE` for the `recur` parameter.
 * @returns The URL (spaces encoded as `%20`).
 */
export function googleCalendarUrl(o: Occurrence, options: GoogleCalendarOptions = {}): string {
  const params = new URLSearchParams({ action: 'TEMPLATE', text: o.title });
  const dates = allDayDates(o);
  params.set(
    'dates',
    dates ? `${compactDate(dates.start)}/${compactDate(dates.end)}` : `${utcStamp(o.start)}/${utcStamp(o.end)}`,
  );
  if (!dates && o.timeZone) params.set('ctz', o.timeZone);
  const details = truncate(detailsOf(o, true), MAX_LINK_DETAILS);
  if (details) params.set('details', details);
  if (o.location) params.set('location', o.location);
  const recur = (options.recurrence ?? [])
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => (/^[A-Za-z-]+[;:]/.test(line) ? line : `RRULE:${line}`));
  if (recur.length > 0) params.set('recur', recur.join('\n'));
  return `https://calendar.google.com/calendar/render?${query(params)}`;
}

/**
 * A link that opens Outlook on the web's "new event" form filled in with this occurrence:
 * `https://outlook.live.com/calendar/0/action/compose?path=/calendar/action/compose&rru=addevent&subject=…&startdt=…&enddt=…&body=…&location=…`
 * (`outlook.office.com` for Microsoft 365 work accounts).
 *
 * `startdt`/`enddt` are UTC instants (`2026-11-24T10:00:00Z`) for timed occurrences, and dates
 * (`2026-12-01`, exclusive end) with `allday=true` for all-day ones. `body` is the description
 * as plain text plus the join link and URL, cut to {@link MAX_LINK_DETAILS} characters.
 *
 * @param o The occurrence.
 * @param options `service`: `live` (default) or `office`.
 * @returns The URL (spaces encoded as `%20`).
 */
export function outlookCalendarUrl(o: Occurrence, options: OutlookCalendarOptions = {}): string {
  const host = options.service === 'office' ? 'outlook.office.com' : 'outlook.live.com';
  const params = new URLSearchParams({ path: '/calendar/action/compose', rru: 'addevent', subject: o.title });
  const dates = allDayDates(o);
  if (dates) {
    params.set('startdt', dates.start);
    params.set('enddt', dates.end);
    params.set('allday', 'true');
  } else {
    params.set('startdt', formatInstant(o.start));
    params.set('enddt', formatInstant(o.end));
  }
  const body = truncate(detailsOf(o, true), MAX_LINK_DETAILS);
  if (body) params.set('body', body);
  if (o.location) params.set('location', o.location);
  return `https://${host}/calendar/0/action/compose?${query(params)}`;
}

// ---------------------------------------------------------------------------------------------
// File name
// ---------------------------------------------------------------------------------------------

const MAX_SLUG = 60;

/** The local date (`YYYY-MM-DD`) an occurrence starts on: the host's zone, else the runtime's. */
function startDateOf(o: Occurrence): string {
  const dates = allDayDates(o);
  if (dates) return dates.start;
  const zone = (o.timeZone ? intlZone(o.timeZone) : undefined) ?? intlZone(localZoneName());
  return formatDate(o.start + (zone ? zone.offsetAt(o.start) : 0));
}

/**
 * A safe file name for {@link occurrenceToIcs}'s output: an ASCII slug of the title (accents
 * removed, lowercase, words joined by `-`, at most 60 characters; `event` when nothing is
 * left), the start date and `.ics` — e.g. `sig-collector-2026-11-24.ics`. The date is the
 * all-day start date, or the local start date in the host's zone (else the runtime's).
 *
 * @param o The occurrence.
 * @returns A file name of `[a-z0-9-]` and `.ics`.
 */
export function icsFileName(o: Occurrence): string {
  let slug = o.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG + 1);
    const lastDash = cut.lastIndexOf('-');
    slug = (lastDash >= MAX_SLUG / 2 ? cut.slice(0, lastDash) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '');
  }
  return `${slug || 'event'}-${startDateOf(o)}.ics`;
}
