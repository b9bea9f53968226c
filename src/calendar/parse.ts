/**
 * iCalendar text (RFC 5545) to the engine's model. The text is read by our own lexer
 * (`ics/`: unfolding, content lines, BEGIN/END nesting with per-component recovery); this module
 * turns VEVENTs into {@link CalendarEvent}s and resolves their zones. `parseCalendar` does it at
 * once; `parseCalendarAsync` does it in slices for the browser's main thread and can leave
 * one-off events that end before a given instant unread.
 */
import { CalendarError } from './errors.js';
import { readDateTimeValue } from './ics/date-value.js';
import { readIcs, readIcsInSlices } from './ics/read.js';
import { endsBefore, uidsWithOverrides } from './ics/skip-before.js';
import type { IcsComponent } from './ics/tree.js';
import { type SliceOptions, Slicer } from './ics/yield.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { type JCalComponent, type JCalProperty, param, properties, property, text } from './jcal.js';
import { InvalidRuleError, type RecurParts, validateRule } from './rrule/parse-rrule.js';
import { DAY, durationToMs, parseDateTime, parseDuration } from './time.js';
import type {
  Calendar,
  CalendarEvent,
  CalendarWarning,
  DateValue,
  EventStatus,
  RecurrenceDate,
  RecurrenceRule,
  Zone,
} from './types.js';
import { ZoneResolver, needsWindowsZones, registerWindowsZones } from './zones/resolve-zone.js';

export { DEFAULT_MAX_BYTES } from './limits.js';

export interface ParseOptions {
  /** Largest accepted input, in UTF-16 code units (≈ bytes for calendar text). */
  readonly maxBytes?: number;
}

export interface AsyncParseOptions extends ParseOptions, SliceOptions {
  /**
   * An instant (ms or Date): one-off events that certainly end before it are not read (see
   * `ics/skip-before.ts` for the exact rule; series, overrides and anything unclear are kept).
   * Leave it out to read every event.
   */
  readonly notBefore?: number | Date;
}

/** A component that cannot be used; it is skipped and reported, the rest of the feed is kept. */
class ComponentError extends Error {}

const STATUSES: readonly EventStatus[] = ['TENTATIVE', 'CONFIRMED', 'CANCELLED'];
const CONFERENCE_PROPERTIES = [
  'conference',
  'x-google-conference',
  'x-microsoft-skypeteamsmeetingurl',
  'x-microsoft-onlinemeetingconflink',
  'x-microsoft-onlinemeetingexternallink',
];
/** Calendar-level components that belong inside a VCALENDAR even when found outside one. */
const CALENDAR_CHILDREN = new Set(['vevent', 'vtimezone']);

function describeNonCalendar(input: string): string {
  const head = input.slice(0, 512).trimStart().toLowerCase();
  if (head.startsWith('<')) return 'This is an HTML/XML page, not an iCalendar file';
  if (head.startsWith('{') || head.startsWith('[')) return 'This is JSON, not an iCalendar file';
  if (head.length === 0) return 'The calendar is empty (no data)';
  return 'This is not an iCalendar file (no BEGIN:VCALENDAR)';
}

function wrap(body: string): string {
  return `BEGIN:VCALENDAR\r\n${body}\r\nEND:VCALENDAR\r\n`;
}

/** Size check, BOM, and a bare VEVENT list wrapped in a VCALENDAR; throws when it is not a calendar. */
function prepareSource(input: string, options: ParseOptions): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.length > maxBytes) {
    throw new CalendarError(
      'too-large',
      `The calendar is ${(input.length / 1048576).toFixed(1)} MB, more than the ${(maxBytes / 1048576).toFixed(1)} MB limit`,
    );
  }
  const source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (/BEGIN:VCALENDAR/i.test(source)) return source;
  if (/^BEGIN:VEVENT/im.test(source)) return wrap(source);
  throw new CalendarError('not-calendar', describeNonCalendar(source));
}

/**
 * The VCALENDARs of the file. VEVENTs and VTIMEZONEs found outside any VCALENDAR (after a
 * stray END:VCALENDAR) are kept in the first one.
 */
function calendarsOf(roots: readonly IcsComponent[], source: string): IcsComponent[] {
  const calendars = roots.filter((c) => c.name === 'vcalendar');
  const strays = roots.filter((c) => CALENDAR_CHILDREN.has(c.name));
  if (strays.length > 0) {
    const first = calendars[0];
    if (first) first.components.push(...strays);
    else calendars.push({ name: 'vcalendar', properties: [], components: strays, line: strays[0]?.line ?? 1 });
  }
  if (calendars.length === 0) throw new CalendarError('not-calendar', describeNonCalendar(source));
  return calendars;
}

interface EventContext {
  readonly zones: ZoneResolver;
  readonly warnings: CalendarWarning[];
  /** X-WR-TIMEZONE, else the file's only VTIMEZONE: the zone the calendar was written in. */
  readonly hostZone: Zone | undefined;
}

function readDateText(
  value: string,
  prop: JCalProperty,
  ctx: EventContext,
  defaultZone?: DateValue['zone'],
): DateValue | undefined {
  const parsed = readDateTimeValue(value);
  if (!parsed) return undefined;
  const isDate = parsed.isDate || prop.type === 'date';
  if (isDate) return { wall: parsed.wall, isDate: true, zone: 'floating' };
  if (parsed.utc) return { wall: parsed.wall, isDate: false, zone: 'utc' };
  const tzid = param(prop, 'tzid');
  if (tzid) return { wall: parsed.wall, isDate: false, zone: ctx.zones.resolve(tzid) ?? 'floating' };
  return { wall: parsed.wall, isDate: false, zone: defaultZone ?? 'floating' };
}

function readDate(component: JCalComponent, name: string, ctx: EventContext): DateValue | undefined {
  const prop = property(component, name);
  const value = prop?.values[0];
  return prop && typeof value === 'string' ? readDateText(value, prop, ctx) : undefined;
}

/**
 * DTEND, or undefined when absent or unreadable. An unreadable one is reported (UID and line of
 * the event) and the event is read as if it had none: RFC 5545's defaults (a DATE start lasts
 * one day, a DATE-TIME start lasts zero) or its DURATION.
 */
function readEnd(component: IcsComponent, uid: string, ctx: EventContext): DateValue | undefined {
  const prop = property(component, 'dtend');
  if (!prop) return undefined;
  const value = prop.values[0];
  const end = typeof value === 'string' ? readDateText(value, prop, ctx) : undefined;
  if (!end) {
    ctx.warnings.push({
      code: 'invalid-property',
      message: `Ignored unreadable DTEND value "${String(value ?? '')}"; the event is read without an end`,
      uid,
      line: component.line,
    });
  }
  return end;
}

/** Rough instant for sanity checks (DTEND before DTSTART); floating read as UTC. */
function roughInstant(value: DateValue): number {
  return typeof value.zone === 'object' ? value.zone.toInstant(value.wall) : value.wall;
}

function readDateList(component: JCalComponent, name: string, ctx: EventContext, uid: string): RecurrenceDate[] {
  const out: RecurrenceDate[] = [];
  for (const prop of properties(component, name)) {
    for (const value of prop.values) {
      if (Array.isArray(value)) {
        // PERIOD: [start, end] or [start, duration]
        const start = typeof value[0] === 'string' ? readDateText(value[0], prop, ctx) : undefined;
        const second = typeof value[1] === 'string' ? value[1] : '';
        if (!start) continue;
        const duration = parseDuration(second);
        const end = duration ? undefined : readDateText(second, prop, ctx);
        out.push({
          start,
          duration: duration
            ? durationToMs(duration)
            : end
              ? Math.max(0, roughInstant(end) - roughInstant(start))
              : undefined,
        });
        continue;
      }
      const start = typeof value === 'string' ? readDateText(value, prop, ctx) : undefined;
      if (start) out.push({ start, duration: undefined });
      else {
        ctx.warnings.push({
          code: 'invalid-property',
          message: `Ignored unreadable ${name.toUpperCase()} value "${String(value)}"`,
          uid,
          line: component.line,
        });
      }
    }
  }
  return out;
}

function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  return /^https?:\/\/[^\s]+$/i.test(trimmed) ? trimmed : undefined;
}

function readEvent(component: JCalComponent, index: number, ctx: EventContext): CalendarEvent {
  const uid = text(component, 'uid')?.trim() || `otel-generated-${index}`;
  const start = readDate(component, 'dtstart', ctx);
  if (!start) throw new ComponentError('it has no valid DTSTART');

  let end = readEnd(component, uid, ctx);
  if (end && roughInstant(end) < roughInstant(start)) {
    ctx.warnings.push({
      code: 'end-before-start',
      message: `DTEND is before DTSTART; the event is treated as having no end`,
      uid,
      line: component.line,
    });
    end = undefined;
  }
  const durationText = text(component, 'duration');
  const parsedDuration = durationText === undefined ? undefined : parseDuration(durationText);
  const duration =
    !end && parsedDuration && durationToMs(parsedDuration) >= 0 ? durationToMs(parsedDuration) : undefined;

  const rrules: RecurrenceRule[] = [];
  for (const prop of properties(component, 'rrule')) {
    const value = prop.values[0];
    if (typeof value !== 'object' || value === null) throw new ComponentError('its RRULE cannot be read');
    try {
      rrules.push(
        validateRule(
          value as RecurParts,
          (_part, detail) => {
            ctx.warnings.push({ code: 'invalid-rrule', message: detail, uid, line: component.line });
          },
          (untilText) => {
            const until = parseDateTime(untilText);
            if (!until) return undefined;
            if (start.isDate && until.utc && !until.isDate) {
              // A UTC UNTIL on an all-day series (Exchange) means a local date in the calendar's zone.
              const host = ctx.hostZone;
              const local = host ? until.wall + host.offsetAt(until.wall) : until.wall;
              return { wall: local - (((local % DAY) + DAY) % DAY), isDate: true, zone: 'floating' };
            }
            // A floating UNTIL on a zoned series (Exchange) is read in the series' zone.
            return { wall: until.wall, isDate: until.isDate, zone: until.utc ? 'utc' : start.zone };
          },
        ),
      );
    } catch (error) {
      if (error instanceof InvalidRuleError) throw new ComponentError(`its RRULE is invalid: ${error.message}`);
      throw error;
    }
  }

  const recurrenceIdProp = property(component, 'recurrence-id');
  const recurrenceId = recurrenceIdProp ? readDate(component, 'recurrence-id', ctx) : undefined;
  // An override whose RECURRENCE-ID cannot be read must not pass for its series' master.
  if (recurrenceIdProp && !recurrenceId) throw new ComponentError('its RECURRENCE-ID cannot be read');
  const statusText = text(component, 'status')?.trim().toUpperCase();
  const categories = properties(component, 'categories')
    .flatMap((p) => p.values.map((v) => String(v).trim()))
    .filter((c) => c.length > 0);
  const organizerProp = property(component, 'organizer');
  const organizer = organizerProp
    ? (param(organizerProp, 'cn') ?? String(organizerProp.values[0] ?? '').replace(/^mailto:/i, '')) || undefined
    : undefined;
  const sequence = Number(text(component, 'sequence') ?? 0);
  return {
    uid,
    summary: text(component, 'summary') ?? '',
    description: text(component, 'description') || undefined,
    location: text(component, 'location')?.trim() || undefined,
    url: httpUrl(text(component, 'url')),
    status: STATUSES.find((s) => s === statusText),
    categories,
    start,
    end,
    duration,
    rrules,
    rdates: readDateList(component, 'rdate', ctx, uid),
    exdates: readDateList(component, 'exdate', ctx, uid).map((d) => d.start),
    recurrenceId,
    thisAndFuture: recurrenceIdProp ? /^THISANDFUTURE$/i.test(param(recurrenceIdProp, 'range') ?? '') : false,
    sequence: Number.isFinite(sequence) ? sequence : 0,
    conferenceUrls: CONFERENCE_PROPERTIES.flatMap((name) =>
      properties(component, name).flatMap((p) => p.values.map((v) => String(v).trim())),
    ).filter((v) => httpUrl(v) !== undefined),
    organizer,
    line: component.line,
    raw: component,
  };
}

/** The file's zones: VTIMEZONEs by TZID, X-WR-TIMEZONE, and the zone the calendar was written in. */
function eventContext(calendars: readonly IcsComponent[], warnings: CalendarWarning[]) {
  const vtimezones: [string, JCalComponent][] = [];
  for (const cal of calendars) {
    for (const c of cal.components) {
      const id = c.name === 'vtimezone' ? text(c, 'tzid') : undefined;
      if (id) vtimezones.push([id, c]);
    }
  }
  const zones = new ZoneResolver(vtimezones, warnings);
  const head = calendars[0];
  const wrTimezone = head ? text(head, 'x-wr-timezone')?.trim() : undefined;
  const timezone = wrTimezone ? zones.resolve(wrTimezone) : undefined;
  const onlyZone = vtimezones.length === 1 && vtimezones[0] ? zones.resolve(vtimezones[0][0]) : undefined;
  const ctx: EventContext = { zones, warnings, hostZone: timezone ?? onlyZone };
  return { ctx, timezone, vtimezones };
}

/** Reads one VEVENT into `events`, or reports why it was skipped. */
function addEvent(component: IcsComponent, index: number, ctx: EventContext, events: CalendarEvent[]): void {
  try {
    events.push(readEvent(component, index, ctx));
  } catch (error) {
    if (!(error instanceof ComponentError)) throw error;
    const uid = text(component, 'uid');
    ctx.warnings.push({
      code: error.message.includes('RRULE') ? 'invalid-rrule' : 'malformed-component',
      message: `Skipped event ${uid ? `"${uid}"` : `#${index}`}: ${error.message}`,
      ...(uid ? { uid } : {}),
      line: component.line,
    });
  }
}

/** Every TZID a file names: parameters, VTIMEZONE TZIDs and X-WR-TIMEZONE. */
function tzidsOf(components: readonly IcsComponent[], into = new Set<string>()): Set<string> {
  for (const component of components) {
    for (const prop of component.properties) {
      const tzid = prop.params['tzid'];
      if (typeof tzid === 'string') into.add(tzid);
      if ((prop.name === 'tzid' || prop.name === 'x-wr-timezone') && typeof prop.values[0] === 'string')
        into.add(prop.values[0]);
    }
    tzidsOf(component.components, into);
  }
  return into;
}

function vevents(calendars: readonly IcsComponent[]): IcsComponent[] {
  return calendars.flatMap((cal) => cal.components.filter((c) => c.name === 'vevent'));
}

function assemble(
  calendars: readonly IcsComponent[],
  timezone: Zone | undefined,
  events: CalendarEvent[],
  warnings: CalendarWarning[],
  vtimezones: readonly [string, JCalComponent][],
): Calendar {
  const head = calendars[0];
  return {
    name: (head && (text(head, 'x-wr-calname') ?? text(head, 'name')))?.trim() || undefined,
    description: (head && (text(head, 'x-wr-caldesc') ?? text(head, 'description')))?.trim() || undefined,
    timezone,
    events,
    warnings,
    timezoneComponents: new Map<string, unknown>(vtimezones),
  };
}

/**
 * Parses iCalendar text (RFC 5545) into the engine's model. Never throws for a bad component:
 * it is skipped and listed in `warnings` (with its UID and line when known). Throws a
 * {@link CalendarError} only when the input is not a calendar at all (`not-calendar`) or is
 * larger than `maxBytes` (`too-large`).
 */
export function parseCalendar(input: string, options: ParseOptions = {}): Calendar {
  const source = prepareSource(input, options);
  const warnings: CalendarWarning[] = [];
  const calendars = calendarsOf(readIcs(source, warnings), source);
  const { ctx, timezone, vtimezones } = eventContext(calendars, warnings);
  const events: CalendarEvent[] = [];
  let index = 0;
  for (const component of vevents(calendars)) addEvent(component, ++index, ctx, events);
  return assemble(calendars, timezone, events, warnings, vtimezones);
}

/** Events read between two clock checks. */
const EVENTS_PER_CHECK = 16;

/**
 * {@link parseCalendar} for the main thread: the same result, computed in slices of about
 * `sliceMs` (default 6 ms) with a yield to the event loop between them (`scheduler.yield`,
 * else a MessageChannel message, else `setTimeout`), so a large feed causes no long task.
 * `signal` aborts it (the promise rejects with the signal's reason). With `notBefore`, one-off
 * events that certainly end before that instant are left out without being read (see
 * `ics/skip-before.ts`); series and overrides are always read.
 *
 * @returns the parsed calendar; rejects with a {@link CalendarError} like `parseCalendar`.
 */
export async function parseCalendarAsync(input: string, options: AsyncParseOptions = {}): Promise<Calendar> {
  const source = prepareSource(input, options);
  const warnings: CalendarWarning[] = [];
  const calendars = calendarsOf(await readIcsInSlices(source, warnings, options), source);
  // The Windows zone table is loaded only for a feed that has a TZID the runtime does not know.
  if (needsWindowsZones(tzidsOf(calendars)))
    registerWindowsZones((await import('./zones/windows-zones.js')).WINDOWS_ZONES);
  const slicer = new Slicer(options);
  await slicer.start();
  const { ctx, timezone, vtimezones } = eventContext(calendars, warnings);
  const all = vevents(calendars);
  const notBefore = options.notBefore instanceof Date ? options.notBefore.getTime() : options.notBefore;
  const overridden = notBefore === undefined ? new Set<string>() : uidsWithOverrides(all);
  const events: CalendarEvent[] = [];
  let index = 0;
  for (const component of all) {
    index++;
    if (index % EVENTS_PER_CHECK === 0) await slicer.maybeYield();
    if (notBefore !== undefined && endsBefore(component, notBefore, overridden)) continue;
    addEvent(component, index, ctx, events);
  }
  return assemble(calendars, timezone, events, warnings, vtimezones);
}
