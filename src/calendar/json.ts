/**
 * The JSON forms of occurrences: the CLI's `list --format json` rows (a stable contract) and the
 * pre-expanded snapshot `otel-calendar snapshot -o file.json` writes for the widgets' JSON
 * source, and reading a snapshot back. Nothing here imports the ICS parser or the expander, so
 * reading a snapshot stays small; writing them is json-write.ts.
 */
import { CalendarError } from './errors.js';
import { isHttpUrl, isSafeUrl, stripBidiControls } from './safe-url.js';
import { DAY, parseDateTime } from './time.js';
import type { EventStatus, Occurrence } from './types.js';
import { intlZone, localZoneName } from './zones/intl-zone.js';

/** One row of `otel-calendar list --format json`. */
export interface OccurrenceJson {
  readonly uid: string;
  readonly title: string;
  /** UTC instant `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DD` when `allDay`. */
  readonly start: string;
  /** Exclusive end, same forms as `start`. */
  readonly end: string;
  readonly allDay: boolean;
  readonly status: EventStatus | null;
  readonly recurrenceId: string | null;
  readonly location: string | null;
  readonly url: string | null;
  readonly joinUrl: string | null;
}

/** A snapshot row: the list row plus what a widget renders. */
export interface SnapshotEvent extends OccurrenceJson {
  readonly description: string | null;
  readonly categories: readonly string[];
  /** The host's IANA zone for timed events, when known. */
  readonly timeZone: string | null;
}

export const SNAPSHOT_FORMAT = 'otel-calendar-snapshot';
export const SNAPSHOT_VERSION = 1;

export interface CalendarSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof SNAPSHOT_VERSION;
  /** When the snapshot was written (UTC instant). */
  readonly generated: string;
  /** The calendar it was made from (URL or file name), when known. */
  readonly source: string | null;
  readonly name: string | null;
  /** The window it covers, UTC instants; occurrences overlapping it are included. */
  readonly from: string;
  readonly to: string;
  readonly events: readonly SnapshotEvent[];
}

export interface SnapshotInfo {
  readonly generated: Date | number;
  readonly source?: string | undefined;
  readonly name?: string | undefined;
  readonly from: Date | number;
  readonly to: Date | number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * A snapshot's link, kept only when it is safe to put in an `href`: `http(s)` (and `mailto` when
 * `allowMailto`). A snapshot is untrusted input like a feed (it may be hand-edited or served by
 * anyone), so `javascript:`, `data:` and relative links are dropped here, before any element sees them.
 */
function safeLink(value: unknown, allowMailto: boolean): string | null {
  if (typeof value !== 'string') return null;
  return (allowMailto ? isSafeUrl(value) : isHttpUrl(value)) ?? null;
}

/** An IANA zone name the runtime knows, else null (the host zone is then not shown). */
function knownZone(value: unknown): string | null {
  return typeof value === 'string' && intlZone(value) ? value : null;
}

const STATUSES: readonly EventStatus[] = ['TENTATIVE', 'CONFIRMED', 'CANCELLED'];

/** A value from the file quoted in an error message (shown to readers): short, no control or bidi characters. */
function shown(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const text = stripBidiControls(String(value)).replace(/[\u0000-\u001F\u007F\u2028\u2029]/g, ' ');
  return text.length > 20 ? `${text.slice(0, 19)}\u2026` : text;
}

function readEvent(raw: unknown, index: number): SnapshotEvent {
  if (!isRecord(raw)) throw new Error(`event ${index} is not an object`);
  const { uid, title, start, end, allDay } = raw;
  if (typeof uid !== 'string' || typeof title !== 'string' || typeof start !== 'string' || typeof end !== 'string') {
    throw new Error(`event ${index} lacks uid, title, start or end`);
  }
  const s = parseDateTime(start);
  const e = parseDateTime(end);
  if (
    !s ||
    !e ||
    s.isDate !== (allDay === true) ||
    e.isDate !== (allDay === true) ||
    (!s.isDate && (!s.utc || !e.utc))
  ) {
    throw new Error(`event ${index} has invalid start/end`);
  }
  const status = STATUSES.find((x) => x === raw['status']) ?? null;
  const categories = Array.isArray(raw['categories'])
    ? raw['categories'].filter((c): c is string => typeof c === 'string')
    : [];
  return {
    uid,
    title,
    start,
    end,
    allDay: allDay === true,
    status,
    recurrenceId: optionalString(raw['recurrenceId']),
    location: optionalString(raw['location']),
    url: safeLink(raw['url'], true),
    joinUrl: safeLink(raw['joinUrl'], false),
    description: optionalString(raw['description']),
    categories,
    timeZone: knownZone(raw['timeZone']),
  };
}

/** Validates parsed JSON as a snapshot; a `not-calendar` {@link CalendarError} otherwise. */
export function readSnapshot(json: unknown): CalendarSnapshot {
  try {
    if (!isRecord(json) || json['format'] !== SNAPSHOT_FORMAT) throw new Error('it is not an otel-calendar snapshot');
    if (json['version'] !== SNAPSHOT_VERSION)
      throw new Error(`snapshot version ${shown(json['version'])} is not supported`);
    const events = json['events'];
    if (!Array.isArray(events)) throw new Error('it has no events list');
    return {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      generated: String(json['generated'] ?? ''),
      source: optionalString(json['source']),
      name: optionalString(json['name']),
      from: String(json['from'] ?? ''),
      to: String(json['to'] ?? ''),
      events: events.map(readEvent),
    };
  } catch (error) {
    throw new CalendarError(
      'not-calendar',
      `The JSON is not a calendar snapshot: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Occurrences of a snapshot, with all-day dates placed in the viewer's zone (`timeZone`,
 * default the runtime's). `event` is undefined: a snapshot carries no VEVENT.
 */
export function snapshotOccurrences(snapshot: CalendarSnapshot, timeZone?: string): Occurrence[] {
  const zoneName = timeZone ?? localZoneName();
  const viewer = intlZone(zoneName);
  if (!viewer) throw new RangeError(`Unknown time zone "${zoneName}"`);
  return snapshot.events.map((e) => {
    const s = parseDateTime(e.start);
    const en = parseDateTime(e.end);
    const start = s ? (e.allDay ? viewer.toInstant(s.wall) : s.wall) : 0;
    const end = en ? (e.allDay ? viewer.toInstant(en.wall) : en.wall) : start;
    return {
      uid: e.uid,
      title: e.title,
      start,
      end: Math.max(start, e.allDay && end === start ? start + DAY : end),
      allDay: e.allDay,
      startDate: e.allDay ? e.start : undefined,
      endDate: e.allDay ? e.end : undefined,
      status: e.status ?? undefined,
      cancelled: e.status === 'CANCELLED',
      recurrenceId: e.recurrenceId,
      location: e.location ?? undefined,
      url: e.url ?? undefined,
      joinUrl: e.joinUrl ?? undefined,
      description: e.description ?? undefined,
      categories: e.categories,
      timeZone: e.timeZone ?? undefined,
      source: e.recurrenceId ? 'series' : 'single',
      event: undefined,
    };
  });
}
