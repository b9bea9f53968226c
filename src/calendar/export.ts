/**
 * "Add to calendar" for a whole series: the master, its overrides and the VTIMEZONEs they use,
 * written back from the parsed components with ical.js (so this module is loaded on demand).
 */
import ICAL from 'ical.js';
import { DEFAULT_PRODUCT_ID, type IcsOptions, nowOf, stripControls, toStream } from './export-links.js';
import { DAY, formatInstant } from './time.js';
import type { Calendar, CalendarEvent, DateValue } from './types.js';

type JCalArray = unknown[];
type JCalTuple = [string, unknown[], unknown[]];

function isComponent(value: unknown): value is JCalTuple {
  return Array.isArray(value) && value.length >= 3 && typeof value[0] === 'string' && Array.isArray(value[1]) && Array.isArray(value[2]);
}

function isProperty(value: unknown): value is [string, Record<string, unknown>, string, ...unknown[]] {
  return (
    Array.isArray(value) &&
    value.length >= 3 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'object' &&
    value[1] !== null &&
    !Array.isArray(value[1]) &&
    typeof value[2] === 'string'
  );
}

/** ical.js reads `DTSTART:20231224` (a date without VALUE=DATE) as the date-time `2023-12-24T::`. */
const BARE_DATE = /^(\d{4}-\d{2}-\d{2})T::$/;

/**
 * A cleaned copy of a component (the input is not touched): no VALARM, no ATTENDEE, dates
 * without VALUE=DATE written as dates, stray control characters removed from text.
 */
function cleanComponent(component: JCalTuple): JCalTuple {
  const [name, props, comps] = component;
  const properties: JCalArray = [];
  for (const raw of props) {
    if (!isProperty(raw) || raw[0] === 'attendee') continue;
    const [propName, params, type, ...values] = raw;
    let outType = type;
    let outValues = values;
    if (type === 'date-time' && values.length > 0 && values.every((v) => typeof v === 'string' && BARE_DATE.test(v))) {
      outType = 'date';
      outValues = values.map((v) => String(v).replace(BARE_DATE, '$1'));
    } else if (type === 'text') {
      outValues = values.map((v) =>
        typeof v === 'string' ? stripControls(v.replace(/\r\n?/g, '\n')) : v,
      );
    }
    properties.push([propName, structuredClone(params), outType, ...structuredClone(outValues)]);
  }
  const components: JCalArray = [];
  for (const c of comps) {
    if (isComponent(c) && c[0] !== 'valarm') components.push(cleanComponent(c));
  }
  return [name, properties, components];
}

/** Every TZID parameter used in a component (in order of first use). */
function tzidsOf(component: unknown, into: string[]): void {
  if (!isComponent(component)) return;
  for (const p of component[1]) {
    if (!isProperty(p)) continue;
    const tzid = p[1]['tzid'];
    const ids = Array.isArray(tzid) ? tzid : [tzid];
    for (const id of ids) if (typeof id === 'string' && id && !into.includes(id)) into.push(id);
  }
  for (const c of component[2]) tzidsOf(c, into);
}

function hasProperty(component: JCalTuple, name: string): boolean {
  return component[1].some((p) => isProperty(p) && p[0] === name);
}

/** A comparable key of a DateValue: its instant when zoned or UTC, else its wall time. */
function instantKey(value: DateValue): number {
  return typeof value.zone === 'object' ? value.zone.toInstant(value.wall) : value.wall;
}

function dayNumber(wall: number): number {
  return Math.floor(wall / DAY);
}

/** The key an override's RECURRENCE-ID is matched by (as `expandCalendar` matches it). */
function recurrenceKey(rid: DateValue, seriesIsDate: boolean): string {
  if (seriesIsDate) return `d${dayNumber(rid.wall)}`;
  return rid.isDate ? `d${dayNumber(rid.wall)}` : `t${instantKey(rid)}`;
}

/** True when the master's EXDATEs remove the instance an override is about (the EXDATE wins). */
function excludedByMaster(master: CalendarEvent, rid: DateValue): boolean {
  const seriesIsDate = master.start.isDate;
  return master.exdates.some((ex) => {
    if (seriesIsDate || rid.isDate || ex.isDate) return (ex.isDate || seriesIsDate) && dayNumber(ex.wall) === dayNumber(rid.wall);
    return instantKey(ex) === instantKey(rid);
  });
}

/** The latest of several (highest SEQUENCE; the later one on a tie), as `expandCalendar` picks. */
function latest(events: readonly CalendarEvent[]): CalendarEvent | undefined {
  let best: CalendarEvent | undefined;
  for (const e of events) if (!best || e.sequence >= best.sequence) best = e;
  return best;
}

function findTimezone(calendar: Calendar, tzid: string): unknown {
  const exact = calendar.timezoneComponents.get(tzid);
  if (exact !== undefined) return exact;
  const lower = tzid.toLowerCase();
  for (const [id, component] of calendar.timezoneComponents) if (id.toLowerCase() === lower) return component;
  return undefined;
}

/**
 * A whole series as published, as an iCalendar file: a VCALENDAR (`VERSION:2.0`, `PRODID`,
 * `CALSCALE:GREGORIAN`, `METHOD:PUBLISH`) with the file's VTIMEZONE for every TZID the events
 * use (DTSTART, DTEND, RDATE, EXDATE, RECURRENCE-ID…), then the master VEVENT and its overrides
 * (RECURRENCE-ID), each serialized from the parsed component (`event.raw`) with `ICAL.stringify`.
 *
 * The export is what the widgets show: of duplicate masters, or of several overrides of one
 * instance, only the one with the highest SEQUENCE is kept, and overrides of instances the
 * master's EXDATE removes are left out. VALARM subcomponents and ATTENDEE properties are
 * removed (the person downloading is not an attendee and gets no one's reminders); a missing
 * UID or DTSTAMP is added. The calendar is never modified: all changes are made on copies.
 *
 * A TZID without a VTIMEZONE in the source (an IANA name, e.g. `Europe/Paris`) is written as it
 * is, without VTIMEZONE.
 *
 * @param calendar A calendar from `parseCalendar`.
 * @param uid The series' UID.
 * @param options `now`: the DTSTAMP added where one is missing; `productId`: the PRODID.
 * @returns The file's text, or undefined when no event has this UID or none was read from
 *   iCalendar text (no `raw`).
 */
export function seriesToIcs(calendar: Calendar, uid: string, options: IcsOptions = {}): string | undefined {
  const events = calendar.events.filter((e) => e.uid === uid && isComponent(e.raw));
  const master = latest(events.filter((e) => !e.recurrenceId));
  const seriesIsDate = master?.start.isDate ?? false;
  const overrides = new Map<string, CalendarEvent>();
  for (const e of events) {
    const rid = e.recurrenceId;
    if (!rid) continue;
    if (master && excludedByMaster(master, rid)) continue;
    const key = recurrenceKey(rid, seriesIsDate);
    const previous = overrides.get(key);
    if (!previous || e.sequence >= previous.sequence) overrides.set(key, e);
  }
  const chosen = new Set<CalendarEvent>([...(master ? [master] : []), ...overrides.values()]);
  // Master first, then the overrides in file order.
  const ordered = [...(master ? [master] : []), ...events.filter((e) => e !== master && chosen.has(e))];
  if (ordered.length === 0) return undefined;

  const stamp = formatInstant(nowOf(options));
  const vevents: JCalTuple[] = [];
  for (const e of ordered) {
    if (!isComponent(e.raw)) continue;
    const copy = cleanComponent(e.raw);
    if (!hasProperty(copy, 'uid')) copy[1].unshift(['uid', {}, 'text', e.uid]);
    if (!hasProperty(copy, 'dtstamp')) copy[1].splice(1, 0, ['dtstamp', {}, 'date-time', stamp]);
    vevents.push(copy);
  }
  const tzids: string[] = [];
  for (const v of vevents) tzidsOf(v, tzids);
  const timezones: JCalTuple[] = [];
  for (const tzid of tzids) {
    const component = findTimezone(calendar, tzid);
    if (isComponent(component)) timezones.push(cleanComponent(component));
  }

  const jcal: JCalArray = [
    'vcalendar',
    [
      ['version', {}, 'text', '2.0'],
      ['prodid', {}, 'text', options.productId ?? DEFAULT_PRODUCT_ID],
      ['calscale', {}, 'text', 'GREGORIAN'],
      ['method', {}, 'text', 'PUBLISH'],
    ],
    [...timezones, ...vevents],
  ];
  const text: string = ICAL.stringify(jcal);
  // ical.js folds continuation lines at 76 octets; unfold and fold again to 75.
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/).filter((l) => l.length > 0);
  return toStream(lines);
}

// ---------------------------------------------------------------------------------------------
// Web links
// ---------------------------------------------------------------------------------------------

/** Query string with spaces as `%20`: some calendar web apps show `+` literally. */
