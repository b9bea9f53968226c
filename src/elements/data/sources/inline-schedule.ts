/**
 * A schedule given inline (RRULE + local start + zone + duration) as a one-event calendar the
 * engine can expand: no fetch, no parser.
 */
import { recurPartsFromText, validateRule, InvalidRuleError } from '../../../calendar/rrule/parse-rrule.js';
import { durationToMs, parseDateTime, parseDuration } from '../../../calendar/time.js';
import type { Schedule } from '../../../calendar/export-links.js';
import type { Calendar, CalendarEvent, DateValue } from '../../../calendar/types.js';
import { intlZone } from '../../../calendar/zones/intl-zone.js';
import { ConfigurationError } from '../configuration-error.js';

/**
 * A schedule as an element's attributes give it: the engine's {@link Schedule} without a location,
 * with an `RRULE:` prefix accepted and the duration optional (one hour).
 */
export type InlineSchedule = Omit<Schedule, 'duration' | 'location'> & { readonly duration?: string | undefined };

/** An inline schedule that cannot be used, with a sentence saying why. */
export class ScheduleError extends ConfigurationError {
  override name = 'ScheduleError';
}

/** The schedule as a calendar holding one recurring event. Throws {@link ScheduleError}. */
export function scheduleCalendar(schedule: InlineSchedule): Calendar {
  const zone = intlZone(schedule.timeZone);
  if (!zone) throw new ScheduleError(`Unknown time zone "${schedule.timeZone}"`);
  const text = /T\d{2}:\d{2}$/.test(schedule.dtstart.trim())
    ? `${schedule.dtstart.trim()}:00`
    : schedule.dtstart.trim();
  const parsed = parseDateTime(text);
  if (!parsed || parsed.isDate || parsed.utc)
    throw new ScheduleError(`dtstart "${schedule.dtstart}" must be a local date-time like 2024-01-16T11:00`);
  const start: DateValue = { wall: parsed.wall, isDate: false, zone };
  const duration = parseDuration(schedule.duration ?? 'PT1H');
  if (!duration || durationToMs(duration) < 0)
    throw new ScheduleError(`duration "${schedule.duration ?? ''}" is not an ISO 8601 duration like PT1H`);
  let rule;
  try {
    rule = validateRule(recurPartsFromText(schedule.rrule), undefined, (until) => {
      const u = parseDateTime(until);
      return u ? { wall: u.wall, isDate: u.isDate, zone: u.utc ? 'utc' : zone } : undefined;
    });
  } catch (error) {
    if (error instanceof InvalidRuleError) throw new ScheduleError(`rrule: ${error.message}`);
    throw error;
  }
  const event: CalendarEvent = {
    uid: schedule.uid,
    summary: schedule.title,
    description: schedule.description,
    location: undefined,
    url: schedule.url,
    status: undefined,
    categories: [],
    start,
    end: undefined,
    duration: durationToMs(duration),
    rrules: [rule],
    rdates: [],
    exdates: [],
    recurrenceId: undefined,
    thisAndFuture: false,
    sequence: 0,
    conferenceUrls: schedule.url ? [schedule.url] : [],
    organizer: undefined,
    line: undefined,
    raw: undefined,
  };
  return {
    name: undefined,
    description: undefined,
    timezone: undefined,
    events: [event],
    warnings: [],
    timezoneComponents: new Map(),
  };
}
