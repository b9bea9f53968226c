/**
 * The calendar engine's data model. Framework-free; used in the browser and in Node.
 *
 * Times are plain numbers:
 * - an *instant* is milliseconds since the Unix epoch (UTC), like `Date.getTime()`;
 * - a *wall time* is a local date-time written as if it were UTC (`Date.UTC(y, m - 1, d, h, mi, s)`),
 *   i.e. the clock on the wall in some zone, with no zone attached.
 */

/** A time zone as the engine uses it: offsets by instant, and local wall time to instant. */
export interface Zone {
  /** The TZID as written in the feed, or the IANA name for zones resolved by name. */
  readonly id: string;
  /** The IANA name when known (used for display through `Intl`), else undefined. */
  readonly iana: string | undefined;
  /** Offset from UTC in milliseconds at the given instant (positive east of Greenwich). */
  offsetAt(instant: number): number;
  /**
   * The instant of a local wall time. A wall time in a DST gap is read with the offset before the
   * gap; an ambiguous one (repeated hour) takes the first occurrence (RFC 5545 §3.3.5).
   */
  toInstant(wall: number): number;
}

/** A DATE or DATE-TIME value from the feed. */
export interface DateValue {
  /** Wall time (see module doc). For a DATE, midnight of that date. For UTC values, the UTC wall time. */
  readonly wall: number;
  /** True for VALUE=DATE. */
  readonly isDate: boolean;
  /** `'utc'` for values written with `Z`, `'floating'` for values without zone, else the resolved zone. */
  readonly zone: Zone | 'utc' | 'floating';
}

/** One RDATE value: a date, a date-time, or a PERIOD (start with an explicit end or duration). */
export interface RecurrenceDate {
  readonly start: DateValue;
  /** Duration in ms for PERIOD values, when given. */
  readonly duration: number | undefined;
}

export type Frequency = 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** Weekday number as in `Date.getUTCDay()`: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface ByDay {
  readonly weekday: Weekday;
  /** 0 = every such weekday in the period; ±n = the nth (from the end when negative). */
  readonly ordinal: number;
}

/** A validated RRULE (RFC 5545 §3.3.10). */
export interface RecurrenceRule {
  readonly freq: Frequency;
  readonly interval: number;
  readonly count: number | undefined;
  readonly until: DateValue | undefined;
  readonly wkst: Weekday;
  readonly bySecond: readonly number[] | undefined;
  readonly byMinute: readonly number[] | undefined;
  readonly byHour: readonly number[] | undefined;
  readonly byDay: readonly ByDay[] | undefined;
  readonly byMonthDay: readonly number[] | undefined;
  readonly byYearDay: readonly number[] | undefined;
  readonly byWeekNo: readonly number[] | undefined;
  readonly byMonth: readonly number[] | undefined;
  readonly bySetPos: readonly number[] | undefined;
}

export type EventStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';

/** One VEVENT, as parsed. */
export interface CalendarEvent {
  readonly uid: string;
  readonly summary: string;
  /** DESCRIPTION as written (plain text or HTML; untrusted: sanitize before rendering). */
  readonly description: string | undefined;
  readonly location: string | undefined;
  /** URL property, only when it is an http(s) URL. */
  readonly url: string | undefined;
  readonly status: EventStatus | undefined;
  readonly categories: readonly string[];
  readonly start: DateValue;
  /** DTEND when present and not before DTSTART. */
  readonly end: DateValue | undefined;
  /** DURATION in ms when present (and no valid DTEND). */
  readonly duration: number | undefined;
  readonly rrules: readonly RecurrenceRule[];
  readonly rdates: readonly RecurrenceDate[];
  readonly exdates: readonly DateValue[];
  readonly recurrenceId: DateValue | undefined;
  /** RECURRENCE-ID;RANGE=THISANDFUTURE. */
  readonly thisAndFuture: boolean;
  readonly sequence: number;
  /** Conference/meeting URLs from CONFERENCE and vendor X- properties (Google, Microsoft). */
  readonly conferenceUrls: readonly string[];
  /** ORGANIZER common name or address, when present. */
  readonly organizer: string | undefined;
  /** 1-based line of BEGIN:VEVENT in the source, when known (for warnings). */
  readonly line: number | undefined;
  /**
   * The component as ical.js parsed it (jCal, see `jcal.ts`), e.g. to export the series.
   * Undefined for events not read from iCalendar text.
   */
  readonly raw: unknown;
}

export type WarningCode =
  | 'malformed-component'
  | 'invalid-property'
  | 'invalid-rrule'
  | 'unknown-timezone'
  | 'invalid-timezone'
  | 'end-before-start'
  | 'expansion-limit';

/** Something in a feed that was skipped or repaired. The rest of the feed is still used. */
export interface CalendarWarning {
  readonly code: WarningCode;
  readonly message: string;
  readonly uid?: string;
  readonly line?: number;
}

/** A parsed calendar file. */
export interface Calendar {
  /** X-WR-CALNAME (or NAME) when present. */
  readonly name: string | undefined;
  readonly description: string | undefined;
  /** X-WR-TIMEZONE when it names a usable zone: used for floating times. */
  readonly timezone: Zone | undefined;
  readonly events: readonly CalendarEvent[];
  readonly warnings: readonly CalendarWarning[];
  /** The file's VTIMEZONE components as ical.js parsed them (jCal), by TZID, for exporting events. */
  readonly timezoneComponents: ReadonlyMap<string, unknown>;
}

/** Where one occurrence came from. */
export type OccurrenceSource = 'single' | 'series' | 'override';

/** One occurrence of an event, in a window. */
export interface Occurrence {
  readonly uid: string;
  readonly title: string;
  /** Start instant (ms). For all-day events, midnight of the start date in the viewer's zone. */
  readonly start: number;
  /** End instant (ms), exclusive. Equal to `start` for zero-length events. */
  readonly end: number;
  readonly allDay: boolean;
  /** For all-day occurrences: start date `YYYY-MM-DD`. */
  readonly startDate: string | undefined;
  /** For all-day occurrences: exclusive end date `YYYY-MM-DD`. */
  readonly endDate: string | undefined;
  readonly status: EventStatus | undefined;
  readonly cancelled: boolean;
  /**
   * For instances of a series, the original start (RECURRENCE-ID) as a UTC instant
   * `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DD` for all-day series; null for single events.
   */
  readonly recurrenceId: string | null;
  readonly location: string | undefined;
  readonly url: string | undefined;
  /** Zoom / Meet / Teams / Jitsi / Webex link found in the event, if any. */
  readonly joinUrl: string | undefined;
  readonly description: string | undefined;
  readonly categories: readonly string[];
  /** The host's zone (IANA) for timed events with a known zone, else undefined. */
  readonly timeZone: string | undefined;
  readonly source: OccurrenceSource;
  /**
   * The VEVENT this occurrence was generated from (the override for moved instances);
   * undefined for occurrences read from a JSON snapshot.
   */
  readonly event: CalendarEvent | undefined;
}
