/**
 * "Add to calendar" for a whole series: the master, its overrides and the VTIMEZONEs they use,
 * written back from the parsed components with our serializer (`ics/serialize.ts`).
 */
import { DEFAULT_PRODUCT_ID, type IcsOptions, nowOf, stripControls, toStream } from './export-links.js';
import { componentLines } from './ics/serialize.js';
import type { IcsComponent, IcsProperty } from './ics/tree.js';
import { DAY, formatInstant } from './time.js';
import type { Calendar, CalendarEvent, DateValue } from './types.js';

function isComponent(value: unknown): value is IcsComponent {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<Record<keyof IcsComponent, unknown>>;
  return typeof c.name === 'string' && Array.isArray(c.properties) && Array.isArray(c.components);
}

/**
 * A cleaned copy of a component (the input is not touched): no VALARM, no ATTENDEE, stray
 * control characters removed from text.
 */
function cleanComponent(component: IcsComponent): IcsComponent {
  const properties: IcsProperty[] = [];
  for (const prop of component.properties) {
    if (prop.name === 'attendee') continue;
    const values =
      prop.type === 'text'
        ? prop.values.map((v) => (typeof v === 'string' ? stripControls(v.replace(/\r\n?/g, '\n')) : v))
        : prop.values;
    properties.push(structuredClone({ ...prop, values }));
  }
  const components: IcsComponent[] = [];
  for (const c of component.components) if (c.name !== 'valarm') components.push(cleanComponent(c));
  return { name: component.name, properties, components, line: component.line };
}

/** Every TZID parameter used in a component (in order of first use). */
function tzidsOf(component: IcsComponent, into: string[]): void {
  for (const p of component.properties) {
    const tzid = p.params['tzid'];
    const ids = tzid === undefined ? [] : typeof tzid === 'string' ? [tzid] : tzid;
    for (const id of ids) if (id && !into.includes(id)) into.push(id);
  }
  for (const c of component.components) tzidsOf(c, into);
}

function hasProperty(component: IcsComponent, name: string): boolean {
  return component.properties.some((p) => p.name === name);
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

  const stamp = formatInstant(nowOf(options)).replace(/[-:]/g, '');
  const vevents: IcsComponent[] = [];
  for (const e of ordered) {
    if (!isComponent(e.raw)) continue;
    const copy = cleanComponent(e.raw);
    if (!hasProperty(copy, 'uid')) copy.properties.unshift({ name: 'uid', params: {}, type: 'text', values: [e.uid] });
    if (!hasProperty(copy, 'dtstamp'))
      copy.properties.splice(1, 0, { name: 'dtstamp', params: {}, type: 'date-time', values: [stamp] });
    vevents.push(copy);
  }
  const tzids: string[] = [];
  for (const v of vevents) tzidsOf(v, tzids);
  const timezones: IcsComponent[] = [];
  for (const tzid of tzids) {
    const component = findTimezone(calendar, tzid);
    if (isComponent(component)) timezones.push(cleanComponent(component));
  }

  const text = (value: string): IcsProperty['values'] => [value];
  const root: IcsComponent = {
    name: 'vcalendar',
    properties: [
      { name: 'version', params: {}, type: 'text', values: text('2.0') },
      { name: 'prodid', params: {}, type: 'text', values: text(options.productId ?? DEFAULT_PRODUCT_ID) },
      { name: 'calscale', params: {}, type: 'text', values: text('GREGORIAN') },
      { name: 'method', params: {}, type: 'text', values: text('PUBLISH') },
    ],
    components: [...timezones, ...vevents],
    line: 0,
  };
  return toStream(componentLines(root));
}

// ---------------------------------------------------------------------------------------------
// Web links
// ---------------------------------------------------------------------------------------------

/** Query string with spaces as `%20`: some calendar web apps show `+` literally. */
