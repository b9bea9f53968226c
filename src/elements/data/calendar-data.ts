/**
 * The elements' data layer: loads calendar sources (ICS, the CLI's JSON snapshot, Google Calendar
 * API v3) once per URL for the whole page, and turns what they hold into the occurrences of a
 * window. Only what a source kind needs is loaded: the ICS reader (load-ics.ts, with the parser
 * and the recurrence expander) is imported with the first ICS source, the Google client with the
 * first Google source, so a page on the JSON snapshot downloads neither (see docs/caching.md).
 *
 * The last good data of a list of sources is also kept in localStorage (persisted-cache.ts), as
 * the already-expanded occurrences of a generous window: {@link cachedLoaded} reads it
 * synchronously for an element's first render, {@link loadAll} falls back to it when every
 * source fails (offline page load) and replaces it only after a good load.
 */
import { CalendarError } from '../../calendar/errors.js';
import { yieldToEventLoop } from '../../calendar/event-loop.js';
import type * as ExpandModule from '../../calendar/expand.js';
import { clearCalendarCache, fetchCalendarText, type FetchCalendarOptions } from '../../calendar/fetch.js';
import { readSnapshot, snapshotOccurrences, type CalendarSnapshot } from '../../calendar/json.js';
import { DAY } from '../../calendar/time.js';
import type { Calendar, CalendarWarning, Occurrence } from '../../calendar/types.js';
import { intlZone } from '../../calendar/zones/intl-zone.js';
import { clearPersistedCache, readCached } from './persisted-cache.js';

export type CalendarSource =
  | { readonly kind: 'ics'; readonly url: string }
  | { readonly kind: 'json'; readonly url: string }
  | { readonly kind: 'google'; readonly calendarId: string; readonly apiKey: string };

/** The recurrence expander, loaded (a lazy chunk) with the first ICS source. */
export type Expander = Pick<typeof ExpandModule, 'expandCalendar' | 'expandCalendarAsync' | 'findNextOccurrence'>;

/** The occurrences (cancelled ones included) of a parsed calendar in the window it was loaded for. */
export interface ExpandedWindow {
  readonly from: number;
  readonly to: number;
  readonly timeZone: string;
  readonly occurrences: readonly Occurrence[];
  readonly warnings: readonly CalendarWarning[];
}

/**
 * What one source holds. ICS keeps the parsed calendar so views re-expand without refetching,
 * and the expander that was loaded with it, so {@link viewOf} stays synchronous. The load's
 * window is expanded while loading, in slices that yield to the page; views inside it only filter.
 */
export type SourceData =
  | {
      readonly kind: 'calendar';
      readonly source: CalendarSource;
      readonly calendar: Calendar;
      readonly expander: Expander;
      readonly expanded?: ExpandedWindow | undefined;
    }
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
  /**
   * `local` (default): keep the last good data in localStorage and fall back to it; `none`: no
   * persisted copy is read or written (the elements' `cache="none"` attribute).
   */
  readonly cache?: CacheMode | undefined;
  /** The current time (the elements' pinned `now`); default `Date.now()`. Stamps what is saved. */
  readonly now?: number | undefined;
}

/** Whether the last good data is persisted (`local`) or not (`none`). */
export type CacheMode = 'local' | 'none';

/** Sources from element attributes: `src` (space-separated URLs) and a Google calendar. */
export function sourcesFrom(
  src: string | undefined,
  googleCalendarId?: string,
  googleApiKey?: string,
): CalendarSource[] {
  const sources: CalendarSource[] = [];
  for (const url of (src ?? '').split(/\s+/).filter(Boolean)) {
    sources.push(/\.json(?:[?#]|$)/i.test(url) ? { kind: 'json', url } : { kind: 'ics', url });
  }
  if (googleCalendarId && googleApiKey)
    sources.push({ kind: 'google', calendarId: googleCalendarId, apiKey: googleApiKey });
  return sources;
}

/** A stable key for a list of sources (what a cached copy belongs to). */
export function sourcesKey(sources: readonly CalendarSource[]): string {
  return sources.map((s) => (s.kind === 'google' ? `google:${s.calendarId}` : `${s.kind}:${s.url}`)).join(' ');
}

type IcsReader = typeof import('./sources/ics-reader.js');

let icsReader: Promise<IcsReader> | undefined;

/** The ICS reader (with the parser and the expander), imported once; a failed import is retried next time. */
function loadIcsReader(): Promise<IcsReader> {
  icsReader ??= import('./sources/ics-reader.js');
  icsReader.catch(() => {
    icsReader = undefined;
  });
  return icsReader;
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
    const { fetchGoogleCalendar } = await import('../../calendar/google.js');
    const result = await fetchGoogleCalendar(
      { calendarId: source.calendarId, apiKey: source.apiKey },
      {
        from: options.from,
        to: options.to,
        signal: options.signal,
        timeout: options.timeout,
        timeZone: options.timeZone,
      },
    );
    return { kind: 'occurrences', source, name: result.name, occurrences: result.occurrences };
  }
  const fetchOptions: FetchCalendarOptions = { signal: options.signal, timeout: options.timeout, proxy: options.proxy };
  // An ICS source starts loading its reader while the feed downloads; failures surface below.
  if (source.kind === 'ics') loadIcsReader().catch(() => undefined);
  const text = await fetchCalendarText(source.url, fetchOptions);
  if (source.kind === 'json' || text.trimStart().startsWith('{')) {
    // A large snapshot is read in a task of its own, not in the one that received its last bytes
    // (and the view is computed in the next): no single long task.
    await yieldToEventLoop();
    const snapshot = readJson(text);
    await yieldToEventLoop();
    return { kind: 'snapshot', source, snapshot };
  }
  // The text was decoded in the task that received it; parse from the next one.
  await yieldToEventLoop();
  const { readIcsSource } = await loadIcsReader();
  return readIcsSource(source, text, options);
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
  return {
    ...o,
    start: zone.toInstant(Date.parse(`${o.startDate}T00:00:00Z`)),
    end: zone.toInstant(Date.parse(`${o.endDate}T00:00:00Z`)),
  };
}

/** The occurrences a list-based source (snapshot, Google) holds, all-day ones on the viewer's days. */
export function listOccurrences(data: SourceData, timeZone: string): readonly Occurrence[] {
  if (data.kind === 'snapshot') return snapshotOccurrences(data.snapshot, timeZone);
  if (data.kind === 'occurrences') return data.occurrences.map((o) => placeAllDay(o, timeZone));
  return [];
}

/** Whether an occurrence overlaps `[from, to)` (a zero-length one: starts in it). */
export function overlaps(o: Occurrence, from: number, to: number): boolean {
  return o.end > o.start ? o.start < to && o.end > from : o.start >= from && o.start < to;
}

function matches(o: Occurrence, needle: string | undefined, includeCancelled: boolean): boolean {
  if (o.cancelled && !includeCancelled) return false;
  if (!needle) return true;
  return (
    o.title.toLocaleLowerCase().includes(needle) || o.categories.some((c) => c.toLocaleLowerCase().includes(needle))
  );
}

function compare(a: Occurrence, b: Occurrence): number {
  return a.start - b.start || a.end - b.end || a.title.localeCompare(b.title) || a.uid.localeCompare(b.uid);
}

/** Sorted by start; the same event from two feeds (a shared calendar merged twice) once. */
function sortedUnique(all: Occurrence[]): Occurrence[] {
  all.sort(compare);
  const seen = new Set<string>();
  return all.filter((o) => {
    const key = `${o.uid}|${o.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
      const expanded = d.expanded;
      // Inside the window expanded while loading: filter. Outside (a later minute, more days): expand.
      const expansion =
        expanded && expanded.timeZone === timeZone && from >= expanded.from && to <= expanded.to
          ? {
              occurrences: expanded.occurrences.filter(
                (o) => overlaps(o, from, to) && matches(o, needle, includeCancelled),
              ),
              warnings: expanded.warnings,
            }
          : d.expander.expandCalendar(d.calendar, { from, to, timeZone, filter: needle, includeCancelled });
      all.push(...expansion.occurrences);
      warnings.push(...d.calendar.warnings, ...expansion.warnings);
    } else {
      all.push(
        ...listOccurrences(d, timeZone).filter((o) => overlaps(o, from, to) && matches(o, needle, includeCancelled)),
      );
    }
  }
  const unique = sortedUnique(all);
  const occurrences = limit !== undefined && limit >= 0 ? unique.slice(0, limit) : unique;
  let next: Occurrence | undefined;
  if (occurrences.length === 0) {
    for (const d of data) {
      const candidate =
        d.kind === 'calendar'
          ? d.expander.findNextOccurrence(d.calendar, to, { timeZone, filter: needle, years: 2 })
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
  /** When the data shown was saved, if it is a saved copy (after a failed refresh, or the persisted copy). */
  readonly staleSince: number | undefined;
  /** Why the refresh failed, when `staleSince` is set; undefined while the refresh is still running. */
  readonly staleError: CalendarError | undefined;
  /** True when `data` is the copy persisted in localStorage (a previous page view's last good data). */
  readonly cached?: boolean | undefined;
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
 * The key a persisted copy is stored under: {@link sourcesKey} with URLs made absolute, so the
 * same relative `src` on two pages of a site does not share a copy unless it is the same feed.
 */
export function persistedKey(sources: readonly CalendarSource[]): string {
  const base = typeof document === 'undefined' ? undefined : document.baseURI;
  return sourcesKey(
    sources.map((s) => {
      if (s.kind === 'google' || base === undefined) return s;
      try {
        return { ...s, url: new URL(s.url, base).href };
      } catch {
        return s;
      }
    }),
  );
}

/** Persisted copies already read on this page, by persisted key (until a write replaces them). */
const persistedReads = new Map<string, { readonly until: number; readonly loaded: Loaded }>();

/**
 * The persisted last good copy of `sources` (see persisted-cache.ts), ready for {@link viewOf},
 * marked `cached` with `staleSince` = when it was fetched; undefined when there is none, it is
 * malformed or its window ended before `now`, or `cache` is `none`. Synchronous and read once
 * per page, so an element can call it in its first render and paint saved events at once.
 */
export function cachedLoaded(
  sources: readonly CalendarSource[],
  now: number,
  cache: CacheMode = 'local',
): Loaded | undefined {
  const first = sources[0];
  if (cache === 'none' || !first) return undefined;
  const key = persistedKey(sources);
  const known = persistedReads.get(key);
  if (known) return known.until > now ? known.loaded : undefined;
  const entry = readCached(key, now);
  if (!entry) return undefined;
  let snapshot: CalendarSnapshot;
  try {
    snapshot = readSnapshot(entry.data);
  } catch {
    return undefined;
  }
  const loaded: Loaded = {
    data: [{ kind: 'snapshot', source: first, snapshot }],
    errors: [],
    staleSince: entry.savedAt,
    staleError: undefined,
    cached: true,
  };
  persistedReads.set(key, { until: entry.until, loaded });
  return loaded;
}

/** Events (ICS, snapshot) a file-based load holds; undefined when a Google source is among them (a window query may be empty). */
function fileEventCount(data: readonly SourceData[]): number | undefined {
  let count = 0;
  for (const d of data) {
    if (d.kind === 'occurrences') return undefined;
    count += d.kind === 'calendar' ? d.calendar.events.length : d.snapshot.events.length;
  }
  return count;
}

/** Events of any kind in loaded data. */
function eventCount(data: readonly SourceData[]): number {
  return data.reduce(
    (n, d) =>
      n +
      (d.kind === 'calendar'
        ? d.calendar.events.length
        : d.kind === 'snapshot'
          ? d.snapshot.events.length
          : d.occurrences.length),
    0,
  );
}

let pendingWrites: Promise<void> = Promise.resolve();

/**
 * Resolves when the writes of persisted copies scheduled so far are done (they run when the page
 * is idle, after the load has painted). For tests and tools.
 */
export function persistedWritesSettled(): Promise<void> {
  return pendingWrites;
}

/**
 * Forgets what this page has loaded — fetched texts, parsed calendars, persisted copies already
 * read — as a new page view would start; `persisted: true` also clears the persisted copies. For
 * tests and for a site's "clear data" control.
 */
export function forgetLoadedCalendars(options: { readonly persisted?: boolean } = {}): void {
  clearCalendarCache();
  // The reader is loaded only with an ICS source; if it is loading, forget once it is there.
  void icsReader?.then(
    (reader) => reader.forgetParsedCalendars(),
    () => undefined,
  );
  persistedReads.clear();
  if (options.persisted) clearPersistedCache();
}

/**
 * Loads every source. Some may fail while others load (their errors are returned). When all
 * fail — or file sources come back without a single event where the last good data had events
 * — the last good data is returned marked stale, never replaced: `lastGood` of the same sources
 * (this element's), else the persisted copy (a previous page view's; `cache: 'none'` skips it);
 * with neither, the first error is thrown. A good load of every source is persisted when the
 * page is next idle.
 */
export async function loadAll(
  sources: readonly CalendarSource[],
  options: LoadOptions,
  lastGood: LastGood | undefined,
): Promise<{ loaded: Loaded; lastGood: LastGood | undefined }> {
  const key = sourcesKey(sources);
  const cache = options.cache ?? 'local';
  const results = await Promise.allSettled(sources.map((source) => loadSource(source, options)));
  if (options.signal?.aborted) throw new CalendarError('aborted', 'The request was cancelled');
  const data = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [toCalendarError(r.reason)] : []));
  const memory = lastGood?.key === key ? lastGood : undefined;
  // The persisted copy lives as long as its window: `from` is the view's start less a day.
  const saved = (): Loaded | undefined => cachedLoaded(sources, options.from, cache);
  let failure: CalendarError | undefined;
  if (data.length === 0) {
    failure = errors[0] ?? new CalendarError('network', 'No calendar could be loaded');
  } else if (errors.length === 0 && fileEventCount(data) === 0) {
    const before = memory ? eventCount(memory.data) : eventCount(saved()?.data ?? []);
    if (before > 0)
      failure = new CalendarError(
        'not-calendar',
        'The calendar came back without any events; the last good copy is kept',
      );
  }
  if (failure) {
    if (memory)
      return { loaded: { data: memory.data, errors: [], staleSince: memory.at, staleError: failure }, lastGood };
    const copy = saved();
    if (copy) return { loaded: { ...copy, staleError: failure }, lastGood };
    if (data.length === 0) throw failure;
  }
  const at = options.now ?? Date.now();
  if (cache !== 'none' && errors.length === 0) {
    const storedAs = persistedKey(sources);
    // The saving code is a chunk of its own, loaded after the paint with the first good load.
    pendingWrites = pendingWrites
      .then(() => import('./persist-loaded.js'))
      .then(({ persistLoaded }) => persistLoaded(storedAs, data, options, at))
      .catch(() => undefined)
      .then(() => {
        persistedReads.delete(storedAs);
      });
  }
  return { loaded: { data, errors, staleSince: undefined, staleError: undefined }, lastGood: { key, data, at } };
}
