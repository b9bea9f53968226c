/**
 * iCalendar text (RFC 5545) to the engine's model. ical.js reads the text: its parser turns each
 * component into jCal (unfolding, content lines, parameters, TEXT escapes, lists, dates, periods,
 * RRULE parts) and its Duration reads durations. Around it, our own code does what ical.js does
 * not: the text is first cut into components (`ics/split.ts`) so that one broken component costs
 * only itself and a large feed is read in slices; `ics/read.ts` keeps what can be read of a
 * component ical.js refuses; this module turns VEVENTs into {@link CalendarEvent}s, validates
 * their rules and resolves their zones. `parseCalendar` does it at once; `parseCalendarAsync` does
 * it in slices for the browser's main thread and can leave one-off events that end before a given
 * instant unparsed.
 */
import ICAL from 'ical.js';
import { CalendarError } from './errors.js';
import { parseComponent, unescapeText } from './ics/read.js';
import { readByLines } from './ics/recover.js';
import { endsBefore, uidsWithOverrides } from './ics/skip-before.js';
import { ComponentSplitter, type ComponentText } from './ics/split.js';
import { type SliceOptions, Slicer } from './ics/yield.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { type JCalComponent, type JCalProperty, param, properties, property, text, values } from './jcal.js';
import { InvalidRuleError, type RecurParts, validateRule } from './rrule/parse-rrule.js';
import { DAY, type ParsedDateTime, parseDateTime } from './time.js';
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

function describeNonCalendar(input: string): string {
  const head = input.slice(0, 512).trimStart().toLowerCase();
  if (head.startsWith('<')) return 'This is an HTML/XML page, not an iCalendar file';
  if (head.startsWith('{') || head.startsWith('[')) return 'This is JSON, not an iCalendar file';
  if (head.length === 0) return 'The calendar is empty (no data)';
  return 'This is not an iCalendar file (no BEGIN:VCALENDAR)';
}

/** Size check, and a bare VEVENT list wrapped in a VCALENDAR; throws when it is not a calendar. */
function prepareSource(input: string, options: ParseOptions): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.length > maxBytes) {
    throw new CalendarError(
      'too-large',
      `The calendar is ${(input.length / 1048576).toFixed(1)} MB, more than the ${(maxBytes / 1048576).toFixed(1)} MB limit`,
    );
  }
  if (/BEGIN:VCALENDAR/i.test(input)) return input;
  if (/^BEGIN:VEVENT/im.test(input)) return `BEGIN:VCALENDAR\r\n${input}\r\nEND:VCALENDAR\r\n`;
  throw new CalendarError('not-calendar', describeNonCalendar(input.replace(/^\uFEFF/, '')));
}

/** A value as iCalendar writes it (`20261199T110000Z`), for warnings: ical.js's jCal form turned back. */
function asWritten(value: unknown, prop: JCalProperty): string {
  try {
    return String(ICAL.stringify.value(value as string, prop[2], ICAL.design.icalendar, false));
  } catch {
    return String(value);
  }
}

interface EventContext {
  readonly zones: ZoneResolver;
  readonly warnings: CalendarWarning[];
  /** X-WR-TIMEZONE, else the file's only VTIMEZONE: the zone the calendar was written in. */
  readonly hostZone: Zone | undefined;
}

/** A VEVENT as ical.js read it, with its text and its place in the feed. */
interface ReadEvent {
  readonly component: JCalComponent;
  readonly text: string;
  readonly line: number;
  /** 1-based position among the file's VEVENTs (names events without UID). */
  readonly index: number;
}

/**
 * A jCal DATE or DATE-TIME as ical.js writes it (`2026-11-24`, `2026-11-24T10:00:00Z`), or a
 * date in iCalendar's basic form (an UNTIL read by `recurPartsFromText`). `2023-12-24T::`, a bare
 * date where a DATE-TIME was expected (`BARE_DATE`), is a DATE, as RFC 5545 readers take it.
 */
function readJCalDate(value: string): ParsedDateTime | undefined {
  return parseDateTime(value.endsWith('T::') ? value.slice(0, -3) : value);
}

/** A DATE or DATE-TIME property value (see {@link readJCalDate}) in its zone. */
function readDateText(value: unknown, prop: JCalProperty, ctx: EventContext): DateValue | undefined {
  const parsed = typeof value === 'string' ? readJCalDate(value) : undefined;
  if (!parsed) return undefined;
  if (parsed.isDate || prop[2] === 'date') return { wall: parsed.wall, isDate: true, zone: 'floating' };
  if (parsed.utc) return { wall: parsed.wall, isDate: false, zone: 'utc' };
  const tzid = param(prop, 'tzid');
  if (tzid) return { wall: parsed.wall, isDate: false, zone: ctx.zones.resolve(tzid) ?? 'floating' };
  return { wall: parsed.wall, isDate: false, zone: 'floating' };
}

function readDate(component: JCalComponent, name: string, ctx: EventContext): DateValue | undefined {
  const prop = property(component, name);
  return prop && readDateText(prop[3], prop, ctx);
}

/** A DURATION value in ms (ical.js's Duration), or undefined when unreadable. */
function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ICAL.Duration.isValueString(value.trim())) return undefined;
  try {
    return ICAL.Duration.fromString(value.trim()).toSeconds() * 1000;
  } catch {
    return undefined;
  }
}

/**
 * DTEND, or undefined when absent or unreadable. An unreadable one is reported (UID and line of
 * the event) and the event is read as if it had none: RFC 5545's defaults (a DATE start lasts
 * one day, a DATE-TIME start lasts zero) or its DURATION.
 */
function readEnd(event: ReadEvent, uid: string, ctx: EventContext): DateValue | undefined {
  const prop = property(event.component, 'dtend');
  if (!prop) return undefined;
  const end = readDateText(prop[3], prop, ctx);
  if (!end) {
    ctx.warnings.push({
      code: 'invalid-property',
      message: `Ignored unreadable DTEND value "${asWritten(prop[3], prop)}"; the event is read without an end`,
      uid,
      line: event.line,
    });
  }
  return end;
}

/** Rough instant for sanity checks (DTEND before DTSTART); floating read as UTC. */
function roughInstant(value: DateValue): number {
  return typeof value.zone === 'object' ? value.zone.toInstant(value.wall) : value.wall;
}

function readDateList(event: ReadEvent, name: string, ctx: EventContext, uid: string): RecurrenceDate[] {
  const out: RecurrenceDate[] = [];
  for (const prop of properties(event.component, name)) {
    for (const value of values(prop)) {
      if (Array.isArray(value)) {
        // PERIOD: [start, end] or [start, duration]
        const start = readDateText(value[0], prop, ctx);
        if (!start) continue;
        const duration = durationMs(value[1]);
        const end = duration === undefined ? readDateText(value[1], prop, ctx) : undefined;
        out.push({
          start,
          duration: duration ?? (end ? Math.max(0, roughInstant(end) - roughInstant(start)) : undefined),
        });
        continue;
      }
      const start = readDateText(value, prop, ctx);
      if (start) out.push({ start, duration: undefined });
      else {
        ctx.warnings.push({
          code: 'invalid-property',
          message: `Ignored unreadable ${name.toUpperCase()} value "${asWritten(value, prop)}"`,
          uid,
          line: event.line,
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

/** An INTERVAL below 1 as written: ical.js reads it as 1 without a word, `validateRule` reports it. */
const INTERVAL_BELOW_ONE = /^RRULE[;:][^\r\n]*?\bINTERVAL=([-+]?0+|-\d+)\b/im;

/** RRULE parts as ical.js reads them (UNTIL as a jCal date), or as `recurPartsFromText` kept them. */
function readRules(event: ReadEvent, start: DateValue, uid: string, ctx: EventContext): RecurrenceRule[] {
  const rules: RecurrenceRule[] = [];
  for (const prop of properties(event.component, 'rrule')) {
    const value = prop[3];
    if (typeof value !== 'object' || value === null) throw new ComponentError('its RRULE cannot be read');
    const parts = value as RecurParts;
    const written = parts['interval'] === 1 ? INTERVAL_BELOW_ONE.exec(event.text)?.[1] : undefined;
    try {
      rules.push(
        validateRule(
          written === undefined ? parts : { ...parts, interval: written },
          (_part, detail) => {
            ctx.warnings.push({ code: 'invalid-rrule', message: detail, uid, line: event.line });
          },
          (untilText) => {
            const until = readJCalDate(untilText);
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
  return rules;
}

function readEvent(event: ReadEvent, ctx: EventContext): CalendarEvent {
  const { component } = event;
  const uid = text(component, 'uid')?.trim() || `otel-generated-${event.index}`;
  const start = readDate(component, 'dtstart', ctx);
  if (!start) throw new ComponentError('it has no valid DTSTART');

  let end = readEnd(event, uid, ctx);
  if (end && roughInstant(end) < roughInstant(start)) {
    ctx.warnings.push({
      code: 'end-before-start',
      message: `DTEND is before DTSTART; the event is treated as having no end`,
      uid,
      line: event.line,
    });
    end = undefined;
  }
  const duration = end ? undefined : durationMs(property(component, 'duration')?.[3]);

  const rrules = readRules(event, start, uid, ctx);
  const recurrenceIdProp = property(component, 'recurrence-id');
  const recurrenceId = recurrenceIdProp ? readDateText(recurrenceIdProp[3], recurrenceIdProp, ctx) : undefined;
  // An override whose RECURRENCE-ID cannot be read must not pass for its series' master.
  if (recurrenceIdProp && !recurrenceId) throw new ComponentError('its RECURRENCE-ID cannot be read');
  const statusText = text(component, 'status')?.trim().toUpperCase();
  const categories = properties(component, 'categories')
    .flatMap((p) => values(p).map((v) => String(v).trim()))
    .filter((c) => c.length > 0);
  const organizerProp = property(component, 'organizer');
  const organizer = organizerProp
    ? (param(organizerProp, 'cn') ?? String(organizerProp[3] ?? '').replace(/^mailto:/i, '')) || undefined
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
    duration: duration !== undefined && duration >= 0 ? duration : undefined,
    rrules,
    rdates: readDateList(event, 'rdate', ctx, uid),
    exdates: readDateList(event, 'exdate', ctx, uid).map((d) => d.start),
    recurrenceId,
    thisAndFuture: recurrenceIdProp ? /^THISANDFUTURE$/i.test(param(recurrenceIdProp, 'range') ?? '') : false,
    sequence: Number.isFinite(sequence) ? sequence : 0,
    conferenceUrls: CONFERENCE_PROPERTIES.flatMap((name) =>
      properties(component, name).flatMap((p) => values(p).map((v) => String(v).trim())),
    ).filter((v) => httpUrl(v) !== undefined),
    organizer,
    line: event.line,
    raw: component,
  };
}

/** Reads one VEVENT into `events`, or reports why it was skipped. */
function addEvent(event: ReadEvent, ctx: EventContext, events: CalendarEvent[]): void {
  try {
    events.push(readEvent(event, ctx));
  } catch (error) {
    if (!(error instanceof ComponentError)) throw error;
    const uid = text(event.component, 'uid')?.trim();
    ctx.warnings.push({
      code: error.message.includes('RRULE') ? 'invalid-rrule' : 'malformed-component',
      message: `Skipped event ${uid ? `"${uid}"` : `#${event.index}`}: ${error.message}`,
      ...(uid ? { uid } : {}),
      line: event.line,
    });
  }
}

/** A calendar-level property that ical.js leaves as written (X-WR-CALNAME…), TEXT escapes decoded. */
function calendarText(header: JCalComponent | undefined, name: string): string | undefined {
  const prop = header && property(header, name);
  const value = prop?.[3];
  if (typeof value !== 'string') return undefined;
  return (prop?.[2] === 'text' ? value : unescapeText(value)).trim() || undefined;
}

/** Every TZID the events name (parameters), for deciding whether the Windows zone table is needed. */
function tzidsOf(events: readonly ReadEvent[], into: Set<string>): Set<string> {
  for (const { component } of events) {
    for (const prop of component[1]) {
      const tzid = param(prop, 'tzid');
      if (tzid) into.add(tzid);
    }
  }
  return into;
}

/**
 * Where {@link readCalendar} lets its driver act: a clock check, a request to load the Windows
 * zone table, or a request for the line-by-line reading (`ics/recover.ts`), answered by passing
 * it to the generator's `next`.
 */
type Pause = 'slice' | 'windows-zones' | 'recovery';
type Recovery = typeof readByLines;

/** Components handled between two clock checks. */
const PER_CHECK = 16;

/**
 * The whole reading, as a generator that pauses between components ({@link Pause}), so that
 * `parseCalendar` runs it at once and `parseCalendarAsync` in slices. `recovery` is the
 * line-by-line reading when the caller has it at hand; else it is asked for when first needed.
 */
function* readCalendar(
  source: string,
  notBefore: number | undefined,
  recovery: Recovery | undefined,
): Generator<Pause, Calendar, Recovery | undefined> {
  const warnings: CalendarWarning[] = [];
  let recover = recovery;
  /** One component: ical.js's reading, else the line-by-line one. */
  function* read(part: ComponentText): Generator<Pause, JCalComponent | undefined, Recovery | undefined> {
    const component = parseComponent(part.text);
    if (component) return component;
    recover ??= yield 'recovery';
    return recover?.(part.text, part.line, warnings);
  }
  const splitter = new ComponentSplitter(source, warnings);
  const veventTexts: ComponentText[] = [];
  const vtimezones: [string, JCalComponent][] = [];
  let count = 0;
  for (let part = splitter.next(); part; part = splitter.next()) {
    if (part.name === 'vevent') veventTexts.push(part);
    else if (part.name === 'vtimezone') {
      const component = yield* read(part);
      const id = component && text(component, 'tzid');
      if (component && id) vtimezones.push([id, component]);
    }
    if (++count % PER_CHECK === 0) yield 'slice';
  }
  if (!splitter.sawCalendar && veventTexts.length === 0)
    throw new CalendarError('not-calendar', describeNonCalendar(source));
  const header = yield* read({ name: 'vcalendar', text: splitter.header(), line: splitter.calendarLine });

  const overridden = notBefore === undefined ? undefined : uidsWithOverrides(veventTexts.map((v) => v.text));
  const events: ReadEvent[] = [];
  for (let i = 0; i < veventTexts.length; i++) {
    if (i % PER_CHECK === PER_CHECK - 1) yield 'slice';
    const part = veventTexts[i];
    if (!part || (overridden && notBefore !== undefined && endsBefore(part.text, notBefore, overridden))) continue;
    const component = yield* read(part);
    if (component) events.push({ component, text: part.text, line: part.line, index: i + 1 });
  }

  const wrTimezone = calendarText(header, 'x-wr-timezone');
  const tzids = tzidsOf(events, new Set(vtimezones.map(([id]) => id)));
  if (wrTimezone) tzids.add(wrTimezone);
  // The Windows zone table is loaded only for a feed that has a TZID the runtime does not know.
  if (needsWindowsZones(tzids)) yield 'windows-zones';

  const zones = new ZoneResolver(vtimezones, warnings);
  const timezone = wrTimezone ? zones.resolve(wrTimezone) : undefined;
  const onlyZone = vtimezones.length === 1 && vtimezones[0] ? zones.resolve(vtimezones[0][0]) : undefined;
  const ctx: EventContext = { zones, warnings, hostZone: timezone ?? onlyZone };
  const model: CalendarEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    if (i % PER_CHECK === PER_CHECK - 1) yield 'slice';
    const event = events[i];
    if (event) addEvent(event, ctx, model);
  }
  return {
    name: calendarText(header, 'x-wr-calname') ?? calendarText(header, 'name'),
    description: calendarText(header, 'x-wr-caldesc') ?? calendarText(header, 'description'),
    timezone,
    events: model,
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
  const reading = readCalendar(prepareSource(input, options), undefined, readByLines);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link parseCalendar} for the main thread: the same result, computed in slices of about
 * `sliceMs` (default 6 ms) with a yield to the event loop between them (`scheduler.yield`,
 * else a MessageChannel message, else `setTimeout`), so a large feed causes no long task; a feed
 * read within one slice never yields. `signal` aborts it (the promise rejects with the signal's
 * reason). With `notBefore`, one-off events that certainly end before that instant are left out
 * without being parsed (see `ics/skip-before.ts`); series and overrides are always read.
 *
 * @returns the parsed calendar; rejects with a {@link CalendarError} like `parseCalendar`.
 */
export async function parseCalendarAsync(input: string, options: AsyncParseOptions = {}): Promise<Calendar> {
  const source = prepareSource(input, options);
  const notBefore = options.notBefore instanceof Date ? options.notBefore.getTime() : options.notBefore;
  const slicer = new Slicer(options);
  await slicer.start();
  // The line-by-line reading is loaded only for a feed with a component ical.js refuses.
  const reading = readCalendar(source, notBefore, undefined);
  let answer: Recovery | undefined;
  for (;;) {
    const step = reading.next(answer);
    answer = undefined;
    if (step.done) return step.value;
    if (step.value === 'windows-zones') registerWindowsZones((await import('./zones/windows-zones.js')).WINDOWS_ZONES);
    else if (step.value === 'recovery') answer = (await import('./ics/recover.js')).readByLines;
    else await slicer.maybeYield();
  }
}
