/**
 * Reading an iCalendar feed: parsing its text (once per text, with ical.js) and expanding the
 * load's window, both in slices that yield to the page. A chunk of its own with the parser and the
 * expander, imported by ics.ts with the first ICS source; the CDN build starts the ical.js chunk it
 * imports in the same moment (rollup.config.js). A page on the JSON snapshot or a Google calendar
 * never downloads either.
 */
import { CalendarError } from '../../../calendar/errors.js';
import { expandCalendarAsync, findNextOccurrence } from '../../../calendar/expand.js';
import { parseCalendarAsync } from '../../../calendar/parse.js';
import type { Calendar, Occurrence } from '../../../calendar/types.js';
import type { CalendarSource, LoadRequest, SourceData } from '../types.js';

/**
 * Work between two turns of the event loop, for the parse and the expansion alike: a feed of a
 * few hundred events is read in one task, and one slice of each back to back stays well under the
 * 50 ms of a long task.
 */
const SLICE_MS = 20;

const parsed = new Map<string, { readonly text: string; readonly calendar: Calendar; readonly notBefore: number }>();

/** Forgets the parsed calendars (a new page view; see `forgetLoadedCalendars`). */
export function forgetParsedCalendars(): void {
  parsed.clear();
}

/** `error`, or an `aborted` CalendarError when `signal` was the reason. */
function abortedOr(error: unknown, signal: AbortSignal | undefined): unknown {
  return signal?.aborted ? new CalendarError('aborted', 'The request was cancelled') : error;
}

/**
 * Parses a feed once per text, in slices that yield to the page (parseCalendarAsync), skipping the
 * one-off events that ended before `notBefore` (a copy parsed for an earlier start serves later ones).
 */
async function parseOnce(
  url: string,
  text: string,
  options: { readonly signal?: AbortSignal | undefined; readonly notBefore: number },
): Promise<Calendar> {
  const cached = parsed.get(url);
  if (cached && cached.text === text && cached.notBefore <= options.notBefore) return cached.calendar;
  let calendar: Calendar;
  try {
    calendar = await parseCalendarAsync(text, {
      signal: options.signal,
      notBefore: options.notBefore,
      sliceMs: SLICE_MS,
    });
  } catch (error) {
    throw abortedOr(error, options.signal);
  }
  parsed.set(url, { text, calendar, notBefore: options.notBefore });
  return calendar;
}

/**
 * The data of an ICS feed from its text: the parsed calendar and its occurrences in the request's
 * window; the next occurrence past the window is looked for (up to two years) only when a view
 * asks, once per filter.
 */
export async function readIcsSource(
  source: CalendarSource,
  url: string,
  text: string,
  request: LoadRequest,
): Promise<SourceData> {
  const { from, to, timeZone, signal } = request;
  const calendar = await parseOnce(url, text, { signal, notBefore: from });
  let expansion;
  try {
    expansion = await expandCalendarAsync(calendar, {
      from,
      to,
      timeZone,
      includeCancelled: true,
      signal,
      sliceMs: SLICE_MS,
    });
  } catch (error) {
    throw abortedOr(error, signal);
  }
  const found = new Map<string, Occurrence | undefined>();
  return {
    source,
    name: calendar.name,
    window: { from, to, timeZone },
    occurrences: expansion.occurrences,
    warnings: [...calendar.warnings, ...expansion.warnings],
    eventCount: calendar.events.length,
    calendar,
    nextAfter(after, filter) {
      const key = `${after}|${filter ?? ''}`;
      if (!found.has(key)) found.set(key, findNextOccurrence(calendar, after, { timeZone, filter, years: 2 }));
      return found.get(key);
    },
  };
}
