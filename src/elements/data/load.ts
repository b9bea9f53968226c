/**
 * Loading an element's sources: all at once, the good ones kept when others fail, and the last
 * good data never replaced by a failure. Requests are shared by every element of the page
 * (`fetchCalendarText` keeps one per URL), so ten elements on one feed fetch it once.
 *
 * The last good data of a list of sources is also kept in localStorage (persisted-cache.ts), as
 * the occurrences of the load's window: {@link cachedLoaded} reads it synchronously for an
 * element's first render, {@link loadAll} falls back to it when every source fails (an offline
 * page load) and replaces it only after a good load (persist-loaded.ts, in idle time).
 */
import { CalendarError, asCalendarError } from '../../calendar/errors.js';
import { clearCalendarCache } from '../../calendar/fetch.js';
import { mergeOccurrences } from '../../calendar/occurrences.js';
import { readSnapshot, type CalendarSnapshot } from '../../calendar/json.js';
import { ConfigurationError } from './configuration-error.js';
import { clearPersistedCache, readCached } from './persisted-cache.js';
import { forgetParsedFeeds } from './sources/ics.js';
import { snapshotData } from './sources/json.js';
import { persistLoaded } from './persist-loaded.js';
import { sourcesKey } from './sources/registry.js';
import type { CacheMode, CalendarSource, LoadRequest, Loaded, LoadWindow, SourceData } from './types.js';

/** How an element loads its sources. */
export interface LoadAllOptions extends LoadRequest {
  /** `local` (default): keep the last good data in localStorage and fall back to it; `none`: no persisted copy. */
  readonly cache?: CacheMode | undefined;
  /** The current time (the element's clock); stamps what is saved. */
  readonly now: number;
}

/** The last good data of an element, by sources key. */
export interface LastGood {
  readonly key: string;
  readonly data: readonly SourceData[];
  readonly at: number;
}

/** Persisted copies already read on this page, by sources key (until a write replaces them). */
const persistedReads = new Map<string, { readonly until: number; readonly loaded: Loaded }>();

/**
 * The persisted last good copy of `sources`, marked `cached` with `staleSince` = when it was
 * fetched; undefined when there is none, it is malformed or its window ended before `now`, the
 * sources are not fetched from anywhere, or `cache` is `none`. Synchronous and read once per page,
 * so an element can paint saved events in its first render.
 */
export function cachedLoaded(
  sources: readonly CalendarSource[],
  now: number,
  timeZone: string,
  cache: CacheMode = 'local',
): Loaded | undefined {
  const first = sources[0];
  if (cache === 'none' || !first || !sources.every((s) => s.remote)) return undefined;
  const key = sourcesKey(sources);
  const known = persistedReads.get(key);
  if (known) return known.until > now && known.loaded.data[0]?.window.timeZone === timeZone ? known.loaded : undefined;
  const entry = readCached(key, now);
  if (!entry) return undefined;
  let snapshot: CalendarSnapshot;
  try {
    snapshot = readSnapshot(entry.data);
  } catch {
    return undefined;
  }
  const window: LoadWindow = { from: Date.parse(snapshot.from), to: Date.parse(snapshot.to), timeZone };
  const loaded: Loaded = {
    data: [snapshotData(first, snapshot, window)],
    errors: [],
    staleSince: entry.savedAt,
    cached: true,
  };
  persistedReads.set(key, { until: entry.until, loaded });
  return loaded;
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
  forgetParsedFeeds();
  persistedReads.clear();
  if (options.persisted) clearPersistedCache();
}

/** Events the sources hold, when all are whole files (a window query may rightly be empty). */
function fileEventCount(data: readonly SourceData[]): number | undefined {
  let count = 0;
  for (const d of data) {
    if (d.eventCount === undefined) return undefined;
    count += d.eventCount;
  }
  return count;
}

/** Occurrences (of any kind) in loaded data: whether it had anything to show. */
function occurrenceCount(data: readonly SourceData[]): number {
  return data.reduce((n, d) => n + (d.eventCount ?? d.occurrences.length), 0);
}

/**
 * Saves good data in idle steps once the page has painted. (The saving code is not a chunk of its
 * own: nearly every page loads it after its first good load, and as a separate file it cost about
 * 0.4 KB min+gzip more than inside the element's file; see docs/performance.md.)
 */
function persist(
  sources: readonly CalendarSource[],
  data: readonly SourceData[],
  window: LoadWindow,
  at: number,
): void {
  const key = sourcesKey(sources);
  const occurrences = mergeOccurrences(data.map((d) => d.occurrences));
  pendingWrites = pendingWrites
    .then(() => persistLoaded(key, occurrences, window, at))
    .catch(() => undefined)
    .then(() => {
      persistedReads.delete(key);
    });
}

/**
 * Loads every source. Some may fail while others load (their errors are returned). When all
 * fail — or file sources come back without a single event where the last good data had events
 * — the last good data is returned marked stale, never replaced: `lastGood` of the same sources
 * (this element's), else the persisted copy (a previous page view's; `cache: 'none'` skips it);
 * with neither, the first error is thrown. A good load of every remote source is persisted when
 * the page is next idle. A setting that cannot be used ({@link ConfigurationError}) is thrown as is.
 */
export async function loadAll(
  sources: readonly CalendarSource[],
  options: LoadAllOptions,
  lastGood: LastGood | undefined,
): Promise<{ loaded: Loaded; lastGood: LastGood | undefined }> {
  const key = sourcesKey(sources);
  const cache = options.cache ?? 'local';
  const results = await Promise.allSettled(sources.map((source) => source.load(options)));
  if (options.signal?.aborted) throw new CalendarError('aborted', 'The request was cancelled');
  const data = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const misconfigured = reasons.find((reason) => reason instanceof ConfigurationError);
  if (misconfigured) throw misconfigured;
  const errors = reasons.map(asCalendarError);
  const memory = lastGood?.key === key ? lastGood : undefined;
  const { from, to, timeZone } = options;
  const saved = (): Loaded | undefined => cachedLoaded(sources, from, timeZone, cache);
  let failure: CalendarError | undefined;
  if (data.length === 0) {
    failure = errors[0] ?? new CalendarError('network', 'No calendar could be loaded');
  } else if (errors.length === 0 && fileEventCount(data) === 0) {
    const before = occurrenceCount(memory?.data ?? saved()?.data ?? []);
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
  const at = options.now;
  if (cache !== 'none' && errors.length === 0 && sources.every((s) => s.remote))
    persist(sources, data, { from, to, timeZone }, at);
  return { loaded: { data, errors }, lastGood: { key, data, at } };
}
