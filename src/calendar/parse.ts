import ICAL from 'ical.js';
import { CalendarError } from './errors.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { type JCalComponent, type JCalProperty, param, properties, property, text, toComponent } from './jcal.js';
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
import { ZoneResolver } from './zones/resolve-zone.js';

export { DEFAULT_MAX_BYTES } from './limits.js';

export interface ParseOptions {
  /** Largest accepted input, in UTF-16 code units (≈ bytes for calendar text). */
  readonly maxBytes?: number;
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

function safeParse(input: string): unknown {
  return ICAL.parse(input) as unknown;
}

function wrap(body: string): string {
  return `BEGIN:VCALENDAR\r\n${body}\r\nEND:VCALENDAR\r\n`;
}

interface Block {
  readonly line: number;
  readonly lines: string[];
}

const CONTENT_LINE = /^[A-Za-z0-9-]+(?:;[^:]*)?:/;
/** ical.js's messages for recurrence rules it refuses to read. */
const RULE_ERROR = /\b(?:freq|frequency|by[a-z]+|until|count|interval|wkst|recur)/i;

/**
 * Fallback when the whole file does not parse: parse each VEVENT/VTIMEZONE on its own so one
 * broken component costs only itself.
 */
function parseByBlocks(input: string, warnings: CalendarWarning[]): JCalComponent[] {
  const lines = input.split(/\r\n|\n|\r/);
  const header: string[] = [];
  const blocks: Block[] = [];
  let current: Block | undefined;
  let kind = '';
  let depth = 0;
  const uidOf = (block: Block): string | undefined =>
    block.lines.find((l) => /^UID[:;]/i.test(l))?.replace(/^UID[^:]*:/i, '').trim();
  const unterminated = (block: Block): void => {
    warnings.push({
      code: 'malformed-component',
      message: `${kind} starting on line ${block.line} has no END:${kind}; skipped`,
      uid: uidOf(block),
      line: block.line,
    });
  };

  lines.forEach((line, i) => {
    const begin = /^BEGIN:(VEVENT|VTIMEZONE)\s*$/i.exec(line);
    if (begin) {
      if (current) unterminated(current);
      kind = (begin[1] ?? '').toUpperCase();
      current = { line: i + 1, lines: [line] };
      depth = 0;
      return;
    }
    if (!current) {
      if (!/^(BEGIN|END):VCALENDAR\s*$/i.test(line) && line.trim()) header.push(line);
      return;
    }
    current.lines.push(line);
    if (/^BEGIN:/i.test(line)) depth++;
    else if (/^END:/i.test(line)) {
      if (depth > 0) depth--;
      else if (new RegExp(`^END:${kind}\\s*$`, 'i').test(line)) {
        blocks.push(current);
        current = undefined;
      }
    }
  });
  if (current) unterminated(current);

  const components: JCalComponent[] = [];
  const headerCalendar = (() => {
    try {
      return toComponent(safeParse(wrap(header.filter((l) => CONTENT_LINE.test(l) || /^[ \t]/.test(l)).join('\r\n'))));
    } catch {
      return undefined;
    }
  })();
  for (const block of blocks) {
    let parsed: JCalComponent | undefined;
    try {
      parsed = toComponent(safeParse(wrap(block.lines.join('\r\n'))));
    } catch (error) {
      // Keep what can be read: drop lines that are not content lines.
      const kept = block.lines.filter((l) => CONTENT_LINE.test(l) || /^[ \t]/.test(l));
      try {
        parsed = toComponent(safeParse(wrap(kept.join('\r\n'))));
        warnings.push({
          code: 'invalid-property',
          message: `Ignored ${block.lines.length - kept.length} unreadable line(s) in the component on line ${block.line}`,
          uid: uidOf(block),
          line: block.line,
        });
      } catch {
        const reason = error instanceof Error ? error.message : String(error);
        const ruleProblem = block.lines.some((l) => /^RRULE[:;]/i.test(l)) && RULE_ERROR.test(reason);
        warnings.push({
          code: ruleProblem ? 'invalid-rrule' : 'malformed-component',
          message: `${ruleProblem ? 'Invalid RRULE in the' : 'Unreadable'} component on line ${block.line} (${reason}); skipped`,
          uid: uidOf(block),
          line: block.line,
        });
      }
    }
    const inner = parsed?.components[0];
    if (inner) components.push({ ...inner, line: block.line } as JCalComponent & { line: number });
  }
  return [{ name: 'vcalendar', properties: headerCalendar?.properties ?? [], components, raw: undefined }];
}

function calendarsOf(root: unknown): JCalComponent[] {
  const list = Array.isArray(root) && Array.isArray(root[0]) ? (root as unknown[]) : [root];
  return list.map(toComponent).filter((c): c is JCalComponent => c?.name === 'vcalendar');
}

interface EventContext {
  readonly zones: ZoneResolver;
  readonly warnings: CalendarWarning[];
  /** X-WR-TIMEZONE, else the file's only VTIMEZONE: the zone the calendar was written in. */
  readonly hostZone: Zone | undefined;
}

function readDateText(value: string, prop: JCalProperty, ctx: EventContext, defaultZone?: DateValue['zone']): DateValue | undefined {
  // `DTSTART:20231224` (a date without VALUE=DATE) reaches us from ical.js as `2023-12-24T::`.
  const parsed = parseDateTime(value.replace(/^(\d{4}-\d{2}-\d{2})T::$/, '$1'));
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
          duration: duration ? durationToMs(duration) : end ? Math.max(0, roughInstant(end) - roughInstant(start)) : undefined,
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

  let end = readDate(component, 'dtend', ctx);
  if (end && roughInstant(end) < roughInstant(start)) {
    ctx.warnings.push({
      code: 'end-before-start',
      message: `DTEND is before DTSTART; the event is treated as having no end`,
      uid,
    });
    end = undefined;
  }
  const durationText = text(component, 'duration');
  const parsedDuration = durationText === undefined ? undefined : parseDuration(durationText);
  const duration = !end && parsedDuration && durationToMs(parsedDuration) >= 0 ? durationToMs(parsedDuration) : undefined;

  const rrules: RecurrenceRule[] = [];
  for (const prop of properties(component, 'rrule')) {
    const value = prop.values[0];
    if (typeof value !== 'object' || value === null) throw new ComponentError('its RRULE cannot be read');
    try {
      rrules.push(
        validateRule(value as RecurParts, (part) => {
          ctx.warnings.push({ code: 'invalid-rrule', message: `Ignored unknown RRULE part ${part}`, uid });
        }, (untilText) => {
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
        }),
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
  const line = (component as JCalComponent & { line?: number }).line;

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
    line,
    raw: component.raw,
  };
}

/**
 * Parses iCalendar text (RFC 5545) into the engine's model. Never throws for a bad component:
 * it is skipped and listed in `warnings`. Throws a {@link CalendarError} only when the input is
 * not a calendar at all (`not-calendar`) or is larger than `maxBytes` (`too-large`).
 */
export function parseCalendar(input: string, options: ParseOptions = {}): Calendar {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.length > maxBytes) {
    throw new CalendarError(
      'too-large',
      `The calendar is ${(input.length / 1048576).toFixed(1)} MB, more than the ${(maxBytes / 1048576).toFixed(1)} MB limit`,
    );
  }
  let source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!/BEGIN:VCALENDAR/i.test(source)) {
    if (/^BEGIN:VEVENT/im.test(source)) source = wrap(source);
    else throw new CalendarError('not-calendar', describeNonCalendar(source));
  }

  const warnings: CalendarWarning[] = [];
  let calendars: JCalComponent[];
  try {
    calendars = calendarsOf(safeParse(source));
  } catch {
    calendars = parseByBlocks(source, warnings);
  }
  if (calendars.length === 0) throw new CalendarError('not-calendar', describeNonCalendar(source));

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

  const events: CalendarEvent[] = [];
  let index = 0;
  for (const cal of calendars) {
    for (const component of cal.components) {
      if (component.name !== 'vevent') continue;
      index++;
      try {
        events.push(readEvent(component, index, ctx));
      } catch (error) {
        if (!(error instanceof ComponentError)) throw error;
        const line = (component as JCalComponent & { line?: number }).line;
        const uid = text(component, 'uid');
        warnings.push({
          code: error.message.includes('RRULE') ? 'invalid-rrule' : 'malformed-component',
          message: `Skipped event ${uid ? `"${uid}"` : `#${index}`}: ${error.message}`,
          ...(uid ? { uid } : {}),
          ...(line ? { line } : {}),
        });
      }
    }
  }

  return {
    name: (head && (text(head, 'x-wr-calname') ?? text(head, 'name')))?.trim() || undefined,
    description: (head && (text(head, 'x-wr-caldesc') ?? text(head, 'description')))?.trim() || undefined,
    timezone,
    events,
    warnings,
    timezoneComponents: new Map(vtimezones.map(([id, c]) => [id, c.raw])),
  };
}
