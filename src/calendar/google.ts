/**
 * Google Calendar as a source for the widgets: the occurrences of a public calendar in a window,
 * read through the Calendar API v3 (`events.list`) with an API key. Google's API sends CORS
 * headers; its public ICS URLs do not, so in a browser this is the way to read a Google calendar
 * without a proxy. Google expands the recurrences (`singleEvents=true`), so nothing here needs the
 * ICS parser or the expander. Errors are {@link CalendarError}s, like {@link fetchCalendarText}'s.
 */
import { CalendarError } from './errors.js';
import { compareOccurrences, overlaps } from './occurrences.js';
import { isHttpUrl, stripBidiControls } from './safe-url.js';
import { meetingUrlsIn } from './join-url.js';
import { DAY, formatDate, formatInstant, parseDateTime } from './time.js';
import type { EventStatus, Occurrence, Zone } from './types.js';
import { intlZone, localZoneName } from './zones/intl-zone.js';

/** A public Google calendar and the API key to read it with (a browser key, restricted by referrer). */
export interface GoogleCalendarSource {
  /** The calendar ID, e.g. `abc123@group.calendar.google.com` (Settings → Integrate calendar). */
  readonly calendarId: string;
  /** An API key whose project has the Google Calendar API enabled. */
  readonly apiKey: string;
}

export interface GoogleCalendarOptions {
  /** Window start (instant, ms). Occurrences overlapping `[from, to)` are returned. */
  readonly from: number;
  /** Window end (instant, ms), exclusive. */
  readonly to: number;
  /** Cancels the fetch (an `aborted` error). */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds each page request may take before a `timeout` error. Default 15 000. */
  readonly timeout?: number | undefined;
  /** The `fetch` to use (tests, Node without global fetch). */
  readonly fetch?: typeof fetch | undefined;
  /** Most pages (of 250 events) to read; later events are left out (`truncated`). Default 10. */
  readonly maxPages?: number | undefined;
  /** The viewer's IANA zone, where all-day dates are placed. Default: the runtime's. */
  readonly timeZone?: string | undefined;
}

export interface GoogleCalendarResult {
  /** The calendar's title (`summary`), when Google sends it. */
  readonly name: string | undefined;
  /** The calendar's own IANA zone, when Google sends it. */
  readonly timeZone: string | undefined;
  /** Occurrences overlapping the window, sorted by start, end, title, uid. */
  readonly occurrences: Occurrence[];
  /** Malformed items (no usable start, no id) that were left out. */
  readonly skipped: number;
  /** True when `maxPages` stopped the paging before Google's last page. */
  readonly truncated: boolean;
}

const API = 'https://www.googleapis.com/calendar/v3/calendars/';
const DEFAULT_TIMEOUT = 15_000;
const DEFAULT_MAX_PAGES = 10;
/**
 * Google matches all-day events against the window in the calendar's zone, the widget in the
 * viewer's (up to 26 h apart), so the request is widened by this much on each side and the
 * result cut to the window here.
 */
const MARGIN = 2 * DAY;
/** Event types that are meetings; status events (out of office, focus time…) and birthdays are not. */
const SHOWN_TYPES: ReadonlySet<string> = new Set(['default', 'fromGmail']);
const STATUSES: ReadonlyMap<string, EventStatus> = new Map([
  ['confirmed', 'CONFIRMED'],
  ['tentative', 'TENTATIVE'],
  ['cancelled', 'CANCELLED'],
]);
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * An absolute http(s) URL from the response, as the URL parser normalises it (so what reaches an
 * `href` is exactly what was checked: no leading control characters or whitespace), else undefined.
 */
function httpUrl(value: unknown, httpsOnly = false): string | undefined {
  const text = str(value);
  return text ? isHttpUrl(text, { httpsOnly }) : undefined;
}

/** An EventDateTime: `date` for all-day events, else `dateTime` (RFC 3339) with an optional zone. */
interface GoogleTime {
  readonly date: string | undefined;
  readonly dateTime: string | undefined;
  readonly timeZone: string | undefined;
}

function readTime(value: unknown): GoogleTime | undefined {
  if (!isRecord(value)) return undefined;
  const time = { date: str(value['date']), dateTime: str(value['dateTime']), timeZone: str(value['timeZone']) };
  return time.date !== undefined || time.dateTime !== undefined ? time : undefined;
}

/** The instant of an RFC 3339 date-time; one without offset is read in `zoneName` (else `fallback`). */
function instantOf(dateTime: string | undefined, zoneName: string | undefined, fallback: Zone): number | undefined {
  const m = DATE_TIME.exec(dateTime ?? '');
  if (!m?.[1]) return undefined;
  if (m[2]) {
    const t = Date.parse(`${m[1]}${m[2]}`);
    return Number.isFinite(t) ? t : undefined;
  }
  const wall = parseDateTime(m[1]);
  return wall ? ((zoneName ? intlZone(zoneName) : undefined) ?? fallback).toInstant(wall.wall) : undefined;
}

/** Wall time of midnight of a `YYYY-MM-DD` date. */
function dateWall(date: string | undefined): number | undefined {
  const parsed = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? parseDateTime(date) : undefined;
  return parsed?.wall;
}

interface Context {
  readonly viewer: Zone;
  readonly calendarZone: string | undefined;
}

/** One `events.list` item as an occurrence; `'ignored'` for non-meetings, `'malformed'` when unusable. */
function toOccurrence(item: unknown, ctx: Context): Occurrence | 'ignored' | 'malformed' {
  if (!isRecord(item)) return 'malformed';
  const eventType = str(item['eventType']);
  if (eventType !== undefined && !SHOWN_TYPES.has(eventType)) return 'ignored';
  const statusText = str(item['status']);
  const start = readTime(item['start']);
  if (!start) return statusText === 'cancelled' ? 'ignored' : 'malformed';
  const end = readTime(item['end']);
  const recurringEventId = str(item['recurringEventId']);
  const uid = str(item['iCalUID']) ?? recurringEventId ?? str(item['id']);
  if (uid === undefined) return 'malformed';

  const allDay = start.dateTime === undefined;
  let startInstant: number;
  let endInstant: number;
  let startDate: string | undefined;
  let endDate: string | undefined;
  if (allDay) {
    const startWall = dateWall(start.date);
    if (startWall === undefined) return 'malformed';
    const givenEnd = dateWall(end?.date);
    const endWall = givenEnd !== undefined && givenEnd > startWall ? givenEnd : startWall + DAY;
    startInstant = ctx.viewer.toInstant(startWall);
    endInstant = ctx.viewer.toInstant(endWall);
    startDate = formatDate(startWall);
    endDate = formatDate(endWall);
  } else {
    const s = instantOf(start.dateTime, start.timeZone ?? ctx.calendarZone, ctx.viewer);
    if (s === undefined) return 'malformed';
    const e = instantOf(end?.dateTime, end?.timeZone ?? start.timeZone ?? ctx.calendarZone, ctx.viewer);
    startInstant = s;
    endInstant = e !== undefined && e >= s ? e : s;
  }

  const original = readTime(item['originalStartTime']);
  let recurrenceId: string | null = null;
  if (original?.dateTime !== undefined) {
    const t = instantOf(original.dateTime, original.timeZone ?? ctx.calendarZone, ctx.viewer);
    if (t !== undefined) recurrenceId = formatInstant(t);
  } else if (dateWall(original?.date) !== undefined) {
    recurrenceId = original?.date ?? null;
  }
  const startKey = allDay ? startDate : formatInstant(startInstant);
  const source = !recurringEventId
    ? 'single'
    : recurrenceId !== null && recurrenceId !== startKey
      ? 'override'
      : 'series';

  const status = statusText === undefined ? undefined : STATUSES.get(statusText);
  const location = str(item['location']);
  const description = str(item['description']);
  const conference = item['conferenceData'];
  const entryPoints = isRecord(conference) && Array.isArray(conference['entryPoints']) ? conference['entryPoints'] : [];
  const video = entryPoints.find(
    (p): p is Record<string, unknown> =>
      isRecord(p) && p['entryPointType'] === 'video' && httpUrl(p['uri']) !== undefined,
  );
  const joinUrl =
    httpUrl(video?.['uri']) ??
    httpUrl(item['hangoutLink']) ??
    meetingUrlsIn(location)[0] ??
    meetingUrlsIn(description)[0];

  return {
    uid,
    title: str(item['summary']) ?? '',
    start: startInstant,
    end: endInstant,
    allDay,
    startDate,
    endDate,
    status,
    cancelled: status === 'CANCELLED',
    recurrenceId,
    location,
    url: httpUrl(item['htmlLink'], true),
    joinUrl,
    description,
    categories: [],
    timeZone: allDay ? undefined : (start.timeZone ?? ctx.calendarZone),
    source,
    event: undefined,
  };
}

/** Longest part of Google's own error message shown to readers. */
const MAX_DETAIL = 300;

/**
 * Text from the server's answer, fit to show in an error message: control and bidi override
 * characters removed (the answer is untrusted, like a feed), whitespace collapsed, cut at
 * {@link MAX_DETAIL} characters.
 */
function serverText(value: unknown): string | undefined {
  const text = stripBidiControls(str(value) ?? '')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return undefined;
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}\u2026` : text;
}

/** A sentence for an error answer, from Google's JSON error (`{error: {code, message, errors: [{reason}]}}`). */
function describeFailure(status: number, body: string): { message: string; google: unknown } {
  let google: unknown;
  try {
    google = JSON.parse(body);
  } catch {
    google = undefined;
  }
  const error = isRecord(google) && isRecord(google['error']) ? google['error'] : {};
  const detail = serverText(error['message']);
  const reasons = [error['errors'], error['details']]
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .map((entry) => (isRecord(entry) ? str(entry['reason']) : undefined));
  const has = (...names: string[]): boolean => names.some((name) => reasons.includes(name));
  const suffix = detail ? `: ${detail}` : ` (HTTP ${status})`;
  let message: string;
  if (status === 404) message = 'The calendar was not found (check the calendar ID; it must be public)';
  else if (has('keyInvalid', 'API_KEY_INVALID'))
    message = 'The API key was refused (check that it is complete and not deleted)';
  else if (has('accessNotConfigured', 'SERVICE_DISABLED'))
    message = "The Google Calendar API is not enabled for this key's project";
  else if (has('dailyLimitExceeded')) message = "The API key's daily quota is used up; try again tomorrow";
  else if (has('rateLimitExceeded', 'userRateLimitExceeded') || status === 429)
    message = 'Google is limiting requests made with this API key; try again later';
  else if (status === 401 || status === 403)
    message = `Google refused access to the calendar (is it public, and may this site use the key?)${suffix}`;
  else if (status === 400) message = `Bad request: ${detail ?? 'HTTP 400'}`;
  else if (status >= 500) message = `Google Calendar failed${suffix}`;
  else message = `Google Calendar answered HTTP ${status}${detail ? `: ${detail}` : ''}`;
  return { message, google };
}

/** GETs one page: an AbortController per request, a timer, and the caller's signal forwarded. */
async function fetchPage(target: string, url: string, options: GoogleCalendarOptions): Promise<unknown> {
  const { signal } = options;
  if (signal?.aborted) throw new CalendarError('aborted', 'The request was cancelled', { url });
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const failure = (cause: unknown, network: string): CalendarError => {
    if (timedOut)
      return new CalendarError('timeout', `Google Calendar did not answer within ${Math.round(timeout / 1000)} s`, {
        url,
        cause,
      });
    if (controller.signal.aborted) return new CalendarError('aborted', 'The request was cancelled', { url, cause });
    return new CalendarError('network', network, { url, cause });
  };
  try {
    let response: Response;
    try {
      response = await doFetch(target, { signal: controller.signal, headers: { accept: 'application/json' } });
    } catch (cause) {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      throw failure(
        cause,
        offline
          ? 'You appear to be offline'
          : 'Could not reach the calendar (network error, or the server does not allow this site to read it: CORS)',
      );
    }
    let body: string;
    try {
      body = await response.text();
    } catch (cause) {
      throw failure(cause, 'The connection was lost while loading the calendar');
    }
    if (!response.ok) {
      const { message, google } = describeFailure(response.status, body);
      throw new CalendarError('http', message, { url, status: response.status, cause: google });
    }
    try {
      return JSON.parse(body);
    } catch (cause) {
      throw new CalendarError('not-calendar', 'Google Calendar did not answer with JSON', { url, cause });
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The occurrences of a public Google calendar that overlap `[from, to)`, sorted by start,
 * through `events.list` (`singleEvents=true`, `orderBy=startTime`, 250 per page, following
 * `nextPageToken` up to `maxPages`). Timed events keep Google's instants; all-day dates are
 * placed at midnight in the viewer's zone (`options.timeZone`). Status events (working location,
 * out of office, focus time) and birthdays are left out; malformed items are counted in `skipped`.
 *
 * Errors are {@link CalendarError}s: `network` (offline, CORS), `timeout`, `aborted`, `http`
 * (with `status` and a sentence from Google's error, e.g. a refused key or a disabled API) and
 * `not-calendar` (a success answer that is not an event list). The API key is never put in an
 * error's `url`. Throws a RangeError for an invalid window or an unknown `timeZone`.
 */
export async function fetchGoogleCalendar(
  source: GoogleCalendarSource,
  options: GoogleCalendarOptions,
): Promise<GoogleCalendarResult> {
  const from = Number(options.from);
  const to = Number(options.to);
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('The window needs a valid start and end');
  const zoneName = options.timeZone ?? localZoneName();
  const viewer = intlZone(zoneName);
  if (!viewer) throw new RangeError(`Unknown time zone "${zoneName}"`);
  if (to <= from) return { name: undefined, timeZone: undefined, occurrences: [], skipped: 0, truncated: false };
  const maxPages = Math.max(1, Math.floor(options.maxPages ?? DEFAULT_MAX_PAGES));
  const base = `${API}${encodeURIComponent(source.calendarId)}/events`;
  const query = {
    singleEvents: 'true',
    orderBy: 'startTime',
    timeMin: new Date(from - MARGIN).toISOString(),
    timeMax: new Date(to + MARGIN).toISOString(),
    maxResults: '250',
  };

  let name: string | undefined;
  let calendarZone: string | undefined;
  let skipped = 0;
  const occurrences: Occurrence[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const params = new URLSearchParams({ key: source.apiKey, ...query });
    if (pageToken !== undefined) params.set('pageToken', pageToken);
    const target = `${base}?${params.toString()}`;
    params.delete('key');
    const url = `${base}?${params.toString()}`;
    const json = await fetchPage(target, url, options);
    if (!isRecord(json) || !(Array.isArray(json['items']) || json['kind'] === 'calendar#events')) {
      throw new CalendarError('not-calendar', 'Google Calendar did not answer with a list of events', { url });
    }
    if (pages === 0) {
      name = str(json['summary']);
      calendarZone = str(json['timeZone']);
    }
    const ctx: Context = { viewer, calendarZone };
    for (const item of Array.isArray(json['items']) ? json['items'] : []) {
      const o = toOccurrence(item, ctx);
      if (o === 'malformed') skipped++;
      else if (o !== 'ignored' && overlaps(o, from, to)) occurrences.push(o);
    }
    pageToken = str(json['nextPageToken']);
    pages++;
  } while (pageToken !== undefined && pages < maxPages);

  occurrences.sort(compareOccurrences);
  return { name, timeZone: calendarZone, occurrences, skipped, truncated: pageToken !== undefined };
}
