/**
 * A schedule written on the element itself (`rrule`, `dtstart`, `timezone`, `duration`), used
 * when the element has no `src`: a one-event calendar expanded with no fetch and no parser, so it
 * is shown in the element's first render.
 */
import { expandCalendar, findNextOccurrence } from '../../../calendar/expand.js';
import { isSafeUrl } from '../../../calendar/safe-url.js';
import type { Calendar, Occurrence } from '../../../calendar/types.js';
import type { CalendarSource, LoadWindow, ReadSetting, SourceData, SourceKind } from '../types.js';
import { ScheduleError, scheduleCalendar, type InlineSchedule } from './inline-schedule.js';

function inlineSource(schedule: InlineSchedule): CalendarSource {
  let calendar: Calendar | undefined;
  const read = ({ from, to, timeZone }: LoadWindow): SourceData => {
    // Throws ScheduleError when the schedule cannot be used.
    calendar ??= scheduleCalendar(schedule);
    const series = calendar;
    const { occurrences } = expandCalendar(series, { from, to, timeZone, includeCancelled: true });
    const found = new Map<string, Occurrence | undefined>();
    return {
      source,
      window: { from, to, timeZone },
      occurrences,
      warnings: [],
      eventCount: 1,
      calendar: series,
      nextAfter(after, filter) {
        const key = `${after}|${filter ?? ''}`;
        if (!found.has(key)) found.set(key, findNextOccurrence(series, after, { timeZone, filter, years: 2 }));
        return found.get(key);
      },
    };
  };
  const source: CalendarSource = {
    kind: 'inline',
    key: `inline:${[schedule.uid, schedule.rrule, schedule.dtstart, schedule.timeZone, schedule.duration].join('|')}`,
    remote: false,
    loadNow: read,
    load: async (request) => read(request),
  };
  return source;
}

/**
 * The inline schedule of an element without `src`: `rrule`, `dtstart` and `timezone` (the host's
 * zone), optional `duration` (default one hour); `heading` names it and `join-url` is its link.
 * Some of the three without the others loads as a {@link ScheduleError}.
 */
export const inlineKind: SourceKind = {
  kind: 'inline',
  fromSettings(read: ReadSetting) {
    if (read('src').trim()) return [];
    const rrule = read('rrule').trim();
    const dtstart = read('dtstart').trim();
    const timeZone = read('timezone').trim();
    if (!rrule && !dtstart) return [];
    const title = read('heading').trim();
    const schedule: InlineSchedule = {
      uid: `otel-discussion-card:${title || `${rrule}@${dtstart}`}`,
      title,
      rrule,
      dtstart,
      timeZone,
      duration: read('duration').trim() || 'PT1H',
      url: isSafeUrl(read('join-url')),
    };
    if (!rrule || !dtstart || !timeZone) {
      const missing: CalendarSource = {
        kind: 'inline',
        key: 'inline:incomplete',
        remote: false,
        loadNow: () => {
          throw new ScheduleError('An inline schedule needs rrule, dtstart and timezone');
        },
        load: () => Promise.reject(new ScheduleError('An inline schedule needs rrule, dtstart and timezone')),
      };
      return [missing];
    }
    return [inlineSource(schedule)];
  },
};
