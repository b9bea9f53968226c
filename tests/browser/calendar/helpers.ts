import {
  CalendarError,
  expandCalendar,
  parseCalendar,
  toOccurrenceJson,
  type Calendar,
  type ExpandOptions,
  type Occurrence,
} from '../../../src/calendar/index.js';

/** Reads and parses a fixture from tests/fixtures (served by the test runner). */
export async function fixture(name: string): Promise<Calendar> {
  const response = await fetch(`/tests/fixtures/${name}`);
  if (!response.ok) throw new Error(`fixture ${name}: HTTP ${response.status}`);
  return parseCalendar(await response.text());
}

/** `start end title` rows (UTC instants or dates) of the occurrences in a window. */
export function rows(calendar: Calendar, from: string, to: string, options: Partial<ExpandOptions> = {}): string[] {
  const { occurrences } = expandCalendar(calendar, {
    from: Date.parse(from),
    to: Date.parse(to),
    timeZone: 'UTC',
    ...options,
  });
  return occurrences.map((o) => {
    const j = toOccurrenceJson(o);
    return `${j.start} ${j.end} ${j.title}${o.cancelled ? ' [cancelled]' : ''}`;
  });
}

/** Rows of one event (by UID prefix). */
export function rowsOf(
  calendar: Calendar,
  uid: string,
  from: string,
  to: string,
  options: Partial<ExpandOptions> = {},
): string[] {
  const { occurrences } = expandCalendar(calendar, {
    from: Date.parse(from),
    to: Date.parse(to),
    timeZone: 'UTC',
    ...options,
  });
  return occurrences
    .filter((o) => o.uid === uid)
    .map((o) => {
      const j = toOccurrenceJson(o);
      return `${j.start} ${j.end}${o.cancelled ? ' [cancelled]' : ''}`;
    });
}

export const VIEWER_ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata'] as const;

/** The CalendarError a promise rejects with (fails the test if it resolves or throws something else). */
export async function failure(promise: Promise<unknown>): Promise<CalendarError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** A synthetic occurrence (snapshot-like: no event). */
export function occurrence(overrides: Partial<Occurrence> = {}): Occurrence {
  return {
    uid: 'synthetic@test',
    title: 'SIG Collector',
    start: Date.parse('2026-11-24T17:00:00Z'),
    end: Date.parse('2026-11-24T18:00:00Z'),
    allDay: false,
    startDate: undefined,
    endDate: undefined,
    status: undefined,
    cancelled: false,
    recurrenceId: null,
    location: undefined,
    url: undefined,
    joinUrl: undefined,
    description: undefined,
    categories: [],
    timeZone: 'America/Los_Angeles',
    source: 'single',
    event: undefined,
    ...overrides,
  };
}
