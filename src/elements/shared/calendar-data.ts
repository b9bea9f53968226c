/**
 * The elements' data layer: loads calendar sources (ICS, the CLI's JSON snapshot, Google Calendar
 * API v3) once per URL for the whole page, and turns what they hold into the occurrences of a
 * window. ical.js is imported only when an ICS source needs it, so pages that use the JSON
 * snapshot or Google never download it.
 */
import { CalendarError } from '../../calendar/errors.js';
import { expandCalendar, findNextOccurrence } from '../../calendar/expand.js';
import { fetchCalendarText, type FetchCalendarOptions } from '../../calendar/fetch.js';
import { fetchGoogleCalendar } from '../../calendar/google.js';
import { readSnapshot, snapshotOccurrences, type CalendarSnapshot } from '../../calendar/json.js';
import { DAY } from '../../calendar/time.js';
import type { Calendar, CalendarWarning, Occurrence } from '../../calendar/types.js';
import { intlZone } from '../../calendar/zones/intl-zone.js';

export type CalendarSource =
  | { readonly kind: 'ics'; readonly url: string }
  | { readonly kind: 'json'; readonly url: string }
  | { readonly kind: 'google'; readonly calendarId: string; readonly apiKey: string };

/** What one source holds. ICS keeps the parsed calendar so views re-expand without refetching. */
export type SourceData =
  | { readonly kind: 'calendar'; readonly source: CalendarSource; readonly calendar: Calendar }
  | { readonly kind: 'snapshot'; readonly source: CalendarSource; readonly snapshot: CalendarSnapshot }
  | {
      readonly kind: 'occurrences';
      readonly source: CalendarSource;
      readonly name: string | undefined;
      readonly occurrences: readonly Occurrence[];
    };

export interface LoadOptions {
  readonly signal?: AbortSignal | undefined;
  readonly timeout?: number | undefined;
  readonly proxy?: string | undefined;
  /** Window for sources that are queried by window (Google): the view's window and some more. */
  readonly from: number;
  readonly to: number;
  readonly timeZone: string;
}

/** Sources from element attributes: `src` (space-separated URLs) and a Google calendar. */
export function sourcesFrom(src: string | undefined, googleCalendarId?: string, googleApiKey?: string): CalendarSource[] {
  const sources: CalendarSource[] = [];
  for (const url of (src ?? '').split(/\s+/).filter(Boolean)) {
    sources.push(/\.json(?:[?#]|$)/i.test(url) ? { kind: 'json', url } : { kind: 'ics', url });
  }
  if (googleCalendarId && googleApiKey) sources.push({ kind: 'google', calendarId: googleCalendarId, apiKey: googleApiKey });
  return sources;
}

/** A stable key for a list of sources (what a cached copy belongs to). */
export function sourcesKey(sources: readonly CalendarSource[]): string {
  return sources.map((s) => (s.kind === 'google' ? `google:${s.calendarId}` : `${s.kind}:${s.url}`)).join(' ');
}

const parsed = new Map<string, { readonly text: string; readonly calendar: Calendar }>();

async function parseOnce(url: string, text: string): Promise<Calendar> {
  const cached = parsed.get(url);
  if (cached && cached.text === text) return cached.calendar;
  const { parseCalendar } = await import('../../calendar/parse.js');
  const calendar = parseCalendar(text);
  parsed.set(url, { text, calendar });
  return calendar;
}

function readJson(text: string): CalendarSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw new CalendarError('not-calendar', 'The file is not valid JSON');
  }
  return readSnapshot(json);
}

/** Loads one source. Errors are {@link CalendarError}s. */
export async function loadSource(source: CalendarSource, options: LoadOptions): Promise<SourceData> {
  if (source.kind === 'google') {
    const result = await fetchGoogleCalendar(
      { calendarId: source.calendarId, apiKey: source.apiKey },
      { from: options.from, to: options.to, signal: options.signal, timeout: options.timeout, timeZone: options.timeZone },
    );
    return { kind: 'occurrences', source, name: result.name, occurrences: result.occurrences };
  }
  const fetchOptions: FetchCalendarOptions = { signal: options.signal, timeout: options.timeout, proxy: options.proxy };
  const text = await fetchCalendarText(source.url, fetchOptions);
  if (source.kind === 'json' || text.trimStart().startsWith('{')) {
    return { kind: 'snapshot', source, snapshot: readJson(text) };
  }
  return { kind: 'calendar', source, calendar: await parseOnce(source.url, text) };
}

export interface ViewOptions {
  readonly from: number;
  readonly to: number;
  readonly timeZone: string;
  readonly filter?: string | undefined;
  readonly includeCancelled?: boolean | undefined;
  readonly limit?: number | undefined;
}

export interface View {
  readonly occurrences: Occurrence[];
  readonly warnings: CalendarWarning[];
  /** The first occurrence after the window, when the window is empty. */
  readonly next: Occurrence | undefined;
}

/** All-day occurrences from lists (snapshot, Google) placed on the viewer's days. */
function placeAllDay(o: Occurrence, timeZone: string): Occurrence {
  if (!o.allDay || !o.startDate || !o.endDate) return o;
  const zone = intlZone(timeZone);
  if (!zone) return o;
  return { ...o, start: zone.toInstant(Date.parse(`${o.startDate}T00:00:00Z`)), end: zone.toInstant(Date.parse(`${o.endDate}T00:00:00Z`)) };
}

function listOccurrences(data: SourceData, timeZone: string): readonly Occurrence[] {
  if (data.kind === 'snapshot') return snapshotOccurrences(data.snapshot, timeZone);
  if (data.kind === 'occurrences') return data.occurrences.map((o) => placeAllDay(o, timeZone));
  return [];
}

function overlaps(o: Occurrence, from: number, to: number): boolean {
  return o.end > o.start ? o.start < to && o.end > from : o.start >= from && o.start < to;
}

function matches(o: Occurrence, needle: string | undefined, includeCancelled: boolean): boolean {
  if (o.cancelled && !includeCancelled) return false;
  if (!needle) return true;
  return o.title.toLocaleLowerCase().includes(needle) || o.categories.some((c) => c.toLocaleLowerCase().includes(needle));
}

function compare(a: Occurrence, b: Occurrence): number {
  return a.start - b.start || a.end - b.end || a.title.localeCompare(b.title) || a.uid.localeCompare(b.uid);
}

/** The occurrences of all sources in a window, merged, sorted and de-duplicated. */
export function viewOf(data: readonly SourceData[], options: ViewOptions): View {
  const { from, to, timeZone, limit } = options;
  const needle = options.filter?.trim().toLocaleLowerCase() || undefined;
  const includeCancelled = options.includeCancelled ?? false;
  const all: Occurrence[] = [];
  const warnings: CalendarWarning[] = [];
  for (const d of data) {
    if (d.kind === 'calendar') {
      const expansion = expandCalendar(d.calendar, { from, to, timeZone, filter: needle, includeCancelled });
      all.push(...expansion.occurrences);
      warnings.push(...d.calendar.warnings, ...expansion.warnings);
    } else {
      all.push(...listOccurrences(d, timeZone).filter((o) => overlaps(o, from, to) && matches(o, needle, includeCancelled)));
    }
  }
  all.sort(compare);
  // The same event from two feeds (a shared calendar merged twice) is shown once.
  const seen = new Set<string>();
  const unique = all.filter((o) => {
    const key = `${o.uid}|${o.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const occurrences = limit !== undefined && limit >= 0 ? unique.slice(0, limit) : unique;
  let next: Occurrence | undefined;
  if (occurrences.length === 0) {
    for (const d of data) {
      const candidate =
        d.kind === 'calendar'
          ? findNextOccurrence(d.calendar, to, { timeZone, filter: needle, years: 2 })
          : listOccurrences(d, timeZone).find((o) => o.start >= to && matches(o, needle, false));
      if (candidate && (!next || candidate.start < next.start)) next = candidate;
    }
  }
  return { occurrences, warnings, next };
}

/** How far past the view's window list-based sources (Google) are asked for, to find "next". */
export const LOOKAHEAD = 90 * DAY;

/** What loading a list of sources gave. */
export interface Loaded {
  readonly data: readonly SourceData[];
  /** Sources that failed while others loaded. */
  readonly errors: readonly CalendarError[];
  /** When the data shown was saved, if it is a saved copy after a failed refresh. */
  readonly staleSince: number | undefined;
  /** Why the refresh failed, when `staleSince` is set. */
  readonly staleError: CalendarError | undefined;
}

/** The last good data of an element, by sources key. */
export interface LastGood {
  key: string;
  data: readonly SourceData[];
  at: number;
}

function toCalendarError(error: unknown): CalendarError {
  if (error instanceof CalendarError) return error;
  return new CalendarError('network', error instanceof Error ? error.message : String(error), { cause: error });
}

/**
 * Loads every source. Some may fail while others load (their errors are returned). When all
 * fail and `lastGood` holds data of the same sources, that data is returned marked stale — a
 * failed refresh never replaces good data — otherwise the first error is thrown.
 */
export async function loadAll(
  sources: readonly CalendarSource[],
  options: LoadOptions,
  lastGood: LastGood | undefined,
): Promise<{ loaded: Loaded; lastGood: LastGood | undefined }> {
  const key = sourcesKey(sources);
  const results = await Promise.allSettled(sources.map((source) => loadSource(source, options)));
  if (options.signal?.aborted) throw new CalendarError('aborted', 'The request was cancelled');
  const data = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [toCalendarError(r.reason)] : []));
  if (data.length === 0) {
    const first = errors[0] ?? new CalendarError('network', 'No calendar could be loaded');
    if (lastGood?.key === key) {
      return { loaded: { data: lastGood.data, errors: [], staleSince: lastGood.at, staleError: first }, lastGood };
    }
    throw first;
  }
  return { loaded: { data, errors, staleSince: undefined, staleError: undefined }, lastGood: { key, data, at: Date.now() } };
}
