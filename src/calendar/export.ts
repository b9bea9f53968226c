/**
 * "Add to calendar" for a whole series: the master, its overrides and the VTIMEZONEs they use,
 * written back from the components as ical.js parsed them (jCal): ical.js writes each property
 * (TEXT escapes, RFC 6868 parameter values, `VALUE=` when a value's type is not its property's
 * default), and `toStream` folds the lines at 75 octets (ical.js's own folding writes continuation
 * lines of 76) without splitting a character.
 */
import ICAL from 'ical.js';
import { DEFAULT_PRODUCT_ID, type IcsOptions, nowOf, stripControls, toStream } from './export-links.js';
import { BARE_DATE, isJCalComponent, type JCalComponent, type JCalProperty, param, values } from './jcal.js';
import { DAY, formatInstant } from './time.js';
import type { Calendar, CalendarEvent, DateValue } from './types.js';

/** Properties whose DATE-TIME values ical.js may hold as dates (`DTSTART:20231224` without VALUE=DATE). */
const DATE_OR_DATE_TIME = new Set(['dtstart', 'dtend', 'due', 'recurrence-id', 'exdate', 'rdate']);

/** A copy of a property with stray control characters removed from text, and a bare date typed as DATE. */
function cleanProperty(prop: JCalProperty): JCalProperty {
  const [name, params, type] = prop;
  let list = values(prop).map((v) =>
    type === 'text' && typeof v === 'string' ? stripControls(v.replace(/\r\n?/g, '\n')) : v,
  );
  const bareDate =
    type === 'date-time' &&
    DATE_OR_DATE_TIME.has(name) &&
    list.every((v) => typeof v === 'string' && BARE_DATE.test(v));
  if (bareDate) list = list.map((v) => String(v).slice(0, 10));
  return structuredClone([name, params, bareDate ? 'date' : type, ...list]);
}

/**
 * A cleaned copy of a component (the input is not touched): no VALARM, no ATTENDEE, stray
 * control characters removed from text.
 */
function cleanComponent(component: JCalComponent): JCalComponent {
  const [name, props, components] = component;
  return [
    name,
    props.filter((p) => p[0] !== 'attendee').map(cleanProperty),
    components.filter((c) => c[0] !== 'valarm').map(cleanComponent),
  ];
}

/** Every TZID parameter used in a component (in order of first use). */
function tzidsOf(component: JCalComponent, into: string[]): void {
  for (const p of component[1]) {
    const id = param(p, 'tzid');
    if (id && !into.includes(id)) into.push(id);
  }
  for (const c of component[2]) tzidsOf(c, into);
}

function hasProperty(component: JCalComponent, name: string): boolean {
  return component[1].some((p) => p[0] === name);
}

/** A component and its subcomponents as unfolded content lines, each property written by ical.js. */
function componentLines(component: JCalComponent, into: string[] = []): string[] {
  const name = component[0].toUpperCase();
  into.push(`BEGIN:${name}`);
  for (const prop of component[1]) into.push(ICAL.stringify.property(prop, ICAL.design.icalendar, true));
  for (const child of component[2]) componentLines(child, into);
  into.push(`END:${name}`);
  return into;
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
    if (seriesIsDate || rid.isDate || ex.isDate)
      return (ex.isDate || seriesIsDate) && dayNumber(ex.wall) === dayNumber(rid.wall);
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
 * (RECURRENCE-ID), each serialized from the parsed component (`event.raw`).
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
  const events = calendar.events.filter((e) => e.uid === uid && isJCalComponent(e.raw));
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
  const vevents: JCalComponent[] = [];
  for (const e of ordered) {
    if (!isJCalComponent(e.raw)) continue;
    const copy = cleanComponent(e.raw);
    if (!hasProperty(copy, 'uid')) copy[1].unshift(['uid', {}, 'text', e.uid]);
    if (!hasProperty(copy, 'dtstamp')) copy[1].splice(1, 0, ['dtstamp', {}, 'date-time', stamp]);
    vevents.push(copy);
  }
  const tzids: string[] = [];
  for (const v of vevents) tzidsOf(v, tzids);
  const timezones: JCalComponent[] = [];
  for (const tzid of tzids) {
    const component = findTimezone(calendar, tzid);
    if (isJCalComponent(component)) timezones.push(cleanComponent(component));
  }

  const root: JCalComponent = [
    'vcalendar',
    [
      ['version', {}, 'text', '2.0'],
      ['prodid', {}, 'text', options.productId ?? DEFAULT_PRODUCT_ID],
      ['calscale', {}, 'text', 'GREGORIAN'],
      ['method', {}, 'text', 'PUBLISH'],
    ],
    [...timezones, ...vevents],
  ];
  return toStream(componentLines(root));
}

// ---------------------------------------------------------------------------------------------
// Web links
// ---------------------------------------------------------------------------------------------

/** Query string with spaces as `%20`: some calendar web apps show `+` literally. */
