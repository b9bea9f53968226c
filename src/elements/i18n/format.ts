/**
 * How occurrences read to a person: times in the viewer's zone (and the host's beside them when
 * the clocks differ), all-day and multi-day spans, relative hints and group headings — all through
 * `Intl`, with formatters cached (creating them is the expensive part).
 */
import { DAY, dayOf, formatDate } from '../../calendar/time.js';
import type { Occurrence } from '../../calendar/types.js';
import { intlZone } from '../../calendar/zones/intl-zone.js';
import { dateTimeFormat } from './date-time-format.js';

const texts = new Map<string, string>();

/** `make()`, remembered under `key` when there is one (bounded: cleared when it grows large). */
function remembered(key: string | undefined, make: () => string): string {
  if (key === undefined) return make();
  let text = texts.get(key);
  if (text === undefined) {
    text = make();
    if (texts.size >= 2000) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/** The viewer-zone calendar date (`YYYY-MM-DD`) of an instant. */
export function localDate(instant: number, timeZone: string): string {
  const zone = intlZone(timeZone);
  return formatDate(instant + (zone ? zone.offsetAt(instant) : 0));
}

function dateOnly(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export interface When {
  /** Text of the start (`<time datetime=startAttr>`). */
  readonly start: string;
  readonly startAttr: string;
  /** Text of the end, when shown. */
  readonly end: string | undefined;
  readonly endAttr: string | undefined;
  /** The same span in the host's zone ("11:00 – 12:00 CET") when its clock differs. */
  readonly host: string | undefined;
  readonly allDay: boolean;
}

/**
 * The time of an occurrence for display in `timeZone`. `withDate` adds the date to times (when
 * the list is not grouped under day headings).
 */
export function describeWhen(o: Occurrence, locale: string, timeZone: string, withDate = false): When {
  if (o.allDay) {
    const startDate = o.startDate ?? localDate(o.start, timeZone);
    const endDate = o.endDate ?? localDate(o.end, timeZone);
    const lastDay = dateOnly(endDate) - DAY;
    const days = Math.round((dateOnly(endDate) - dateOnly(startDate)) / DAY);
    const format = dateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', weekday: 'short' });
    if (days <= 1) {
      const start = withDate ? format.format(dateOnly(startDate)) : '';
      return { start, startAttr: startDate, end: undefined, endAttr: undefined, host: undefined, allDay: true };
    }
    return {
      start: format.format(dateOnly(startDate)),
      startAttr: startDate,
      end: format.format(lastDay),
      endAttr: formatDate(lastDay),
      host: undefined,
      allDay: true,
    };
  }
  const sameDay = localDate(o.start, timeZone) === localDate(Math.max(o.start, o.end - 1), timeZone);
  const time = dateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const dateTime = dateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
  const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const hasEnd = o.end > o.start;
  let host: string | undefined;
  const hostZone = o.timeZone ? intlZone(o.timeZone) : undefined;
  const viewerZone = intlZone(timeZone);
  if (o.timeZone && hostZone && viewerZone && hostZone.offsetAt(o.start) !== viewerZone.offsetAt(o.start)) {
    const hostFormat = dateTimeFormat(locale, {
      timeZone: o.timeZone,
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    const startOffset = hostZone.offsetAt(o.start);
    const endOffset = hasEnd ? hostZone.offsetAt(o.end) : startOffset;
    // Within one host day the text depends only on the wall times and the offsets.
    const oneDay = Math.floor((o.start + startOffset) / DAY) === Math.floor((o.end + endOffset) / DAY);
    const key = oneDay
      ? `${locale}|${o.timeZone}|${(o.start + startOffset) % DAY}|${(o.end + endOffset) % DAY}|${startOffset}|${endOffset}|${hasEnd}`
      : undefined;
    host = remembered(key, () => (hasEnd ? hostFormat.formatRange(o.start, o.end) : hostFormat.format(o.start)));
  }
  // The same time of day formats the same: a list of weekly series asks for few different ones.
  const timeOfDay = (t: number): string => {
    const offset = viewerZone?.offsetAt(t);
    return remembered(offset === undefined ? undefined : `${locale}|${timeZone}|${(t + offset) % DAY}`, () =>
      time.format(t),
    );
  };
  return {
    start: sameDay && !withDate ? timeOfDay(o.start) : dateTime.format(o.start),
    startAttr: iso(o.start),
    end: hasEnd ? (sameDay ? timeOfDay(o.end) : dateTime.format(o.end)) : undefined,
    endAttr: hasEnd ? iso(o.end) : undefined,
    host,
    allDay: false,
  };
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  return format;
}

/** True when the occurrence is in progress at `now`. */
export function isHappening(o: Occurrence, now: number): boolean {
  return o.start <= now && now < (o.end > o.start ? o.end : o.start + 1);
}

/**
 * "in 25 minutes", "in 3 hours", "tomorrow", "in 3 days", "in 2 weeks" — or undefined when the
 * occurrence has started.
 */
export function relativeHint(o: Occurrence, now: number, locale: string, timeZone: string): string | undefined {
  if (o.start <= now) return undefined;
  const rtf = relativeFormat(locale);
  const startDay =
    o.allDay && o.startDate ? dayOf(dateOnly(o.startDate)) : dayOf(dateOnly(localDate(o.start, timeZone)));
  const days = startDay - dayOf(dateOnly(localDate(now, timeZone)));
  const minutes = Math.ceil((o.start - now) / 60_000);
  if (!o.allDay && days === 0)
    return minutes < 60 ? rtf.format(minutes, 'minute') : rtf.format(Math.round(minutes / 60), 'hour');
  if (days < 14) return rtf.format(days, 'day');
  return rtf.format(Math.round(days / 7), 'week');
}

export type GroupBy = 'day' | 'month' | 'none';

/** The group an occurrence is listed under: its start day (or today, once it is in progress). */
export function groupKey(o: Occurrence, groupBy: GroupBy, now: number, timeZone: string): string {
  if (groupBy === 'none') return '';
  const today = localDate(now, timeZone);
  const startDate = o.allDay && o.startDate ? o.startDate : localDate(o.start, timeZone);
  const date = startDate < today ? today : startDate;
  return groupBy === 'month' ? date.slice(0, 7) : date;
}

/**
 * The heading of a group from {@link groupKey}; today and tomorrow are named so ("Today — …"),
 * unless `relative` is false (a page rendered at build time is read on other days).
 */
export function groupHeading(
  key: string,
  groupBy: GroupBy,
  locale: string,
  now: number,
  timeZone: string,
  relative = true,
): string {
  if (groupBy === 'month') {
    return dateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(dateOnly(`${key}-01`));
  }
  const sameYear = key.slice(0, 4) === localDate(now, timeZone).slice(0, 4);
  const label = dateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(dateOnly(key));
  const days = Math.round((dateOnly(key) - dateOnly(localDate(now, timeZone))) / DAY);
  if (relative && (days === 0 || days === 1)) {
    const word = relativeFormat(locale).format(days, 'day');
    return `${word.charAt(0).toLocaleUpperCase(locale)}${word.slice(1)} — ${label}`;
  }
  return label;
}

/** A short name of a zone at an instant ("CET", "GMT+9"), for labelling times. */
export function zoneLabel(timeZone: string, locale: string, at: number): string {
  const part = dateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** A date for "Next: …" lines. */
export function formatDateTime(o: Occurrence, locale: string, timeZone: string): string {
  if (o.allDay && o.startDate) {
    return dateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(dateOnly(o.startDate));
  }
  return dateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(o.start);
}
