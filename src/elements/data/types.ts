/**
 * The data layer's vocabulary: a calendar source (what an element reads, recognised from its
 * attributes by a source kind), what loading a source gives (its occurrences in a window), what
 * loading all of an element's sources gives, and what a view of that holds.
 *
 * Every source kind turns its data into the same shape when it loads: the occurrences overlapping
 * the load window, already expanded and placed in the window's zone. Views of it (a list, a
 * card's next sessions) then only select, merge and count; nothing expands while rendering.
 */
import type { CalendarError } from '../../calendar/errors.js';
import type { Calendar, CalendarWarning, Occurrence } from '../../calendar/types.js';

/** A span of time loaded in one zone: occurrences overlapping `[from, to)`, all-day dates placed in `timeZone`. */
export interface LoadWindow {
  readonly from: number;
  readonly to: number;
  readonly timeZone: string;
}

/** How one source is loaded. */
export interface LoadRequest extends LoadWindow {
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds before a request counts as failed. */
  readonly timeout?: number | undefined;
  /** Proxy URL template for hosts without CORS headers (`https://proxy.example/?url={url}`). */
  readonly proxy?: string | undefined;
}

/**
 * One calendar an element reads, as its source kind recognised it. It says how it loads and where
 * people can see it; `key` identifies it (same key, same data) for caches and persisted copies.
 */
export interface CalendarSource {
  /** The source kind's name (`ics`, `json`, `google`, `inline`…). */
  readonly kind: string;
  /** Identity, with absolute URLs: `ics:https://example.org/community.ics`. */
  readonly key: string;
  /** False for sources that need no network (an inline schedule): nothing to persist or revalidate. */
  readonly remote: boolean;
  /** A page where people can see the calendar, if there is one (shown on errors and in footers). */
  readonly calendarLink?: string | undefined;
  /** A link that subscribes a calendar app to it, if there is one. */
  readonly subscribeLink?: string | undefined;
  /** Loads it: fetches, parses and expands the window. Errors are {@link CalendarError}s. */
  load(request: LoadRequest): Promise<SourceData>;
  /** Loads it synchronously, for sources that need no I/O, so a first render can show them. */
  loadNow?(window: LoadWindow): SourceData;
  /** Forgets responses cached for it on this page, so the next load asks the server (Retry). */
  forget?(proxy: string | undefined): void;
}

/** Reads one of the element's settings by attribute name (`google-calendar-id`); '' when unset. */
export type ReadSetting = (attribute: string) => string;

/**
 * A kind of calendar source: how it is recognised from an element's attributes. A kind claims
 * URLs of `src` (the first kind that claims a URL reads it), or is named by attributes of its own.
 */
export interface SourceKind {
  readonly kind: string;
  /** The source for a URL of `src` (absolute: resolved against the page), or undefined when not this kind's. */
  fromUrl?(url: string): CalendarSource | undefined;
  /** Sources named by the element's other attributes. */
  fromSettings?(read: ReadSetting): readonly CalendarSource[];
}

/** What one source holds for a window. */
export interface SourceData {
  readonly source: CalendarSource;
  /** The calendar's own name (X-WR-CALNAME, Google's summary), if it has one. */
  readonly name?: string | undefined;
  readonly window: LoadWindow;
  /** The occurrences overlapping the window, cancelled ones included, sorted. */
  readonly occurrences: readonly Occurrence[];
  /** What could not be read (the rest is here). */
  readonly warnings: readonly CalendarWarning[];
  /** How many events a whole-file source holds (0: it came back empty); undefined for window queries. */
  readonly eventCount: number | undefined;
  /** The parsed calendar, for sources that have one (its series are exported and described). */
  readonly calendar?: Calendar | undefined;
  /** The first occurrence at or after `after` matching `filter`, for sources that can look past the window. */
  nextAfter?(after: number, filter: string | undefined): Occurrence | undefined;
}

/** Whether the last good data is persisted (`local`) or not (`none`). */
export type CacheMode = 'local' | 'none';

/** What loading an element's sources gave. */
export interface Loaded {
  readonly data: readonly SourceData[];
  /** Sources that failed while others loaded. */
  readonly errors: readonly CalendarError[];
  /** When the data shown was fetched, if it is a saved copy (after a failed refresh, or the persisted copy). */
  readonly staleSince?: number | undefined;
  /** Why the refresh failed, when `staleSince` is set; undefined while the refresh is still running. */
  readonly staleError?: CalendarError | undefined;
  /** True when `data` is the copy persisted in localStorage (a previous page view's last good data). */
  readonly cached?: boolean | undefined;
}

/** What a view keeps of loaded data. */
export interface ViewOptions {
  readonly from: number;
  readonly to: number;
  /** Case-insensitive text matched against titles and categories. */
  readonly filter?: string | undefined;
  readonly includeCancelled?: boolean | undefined;
  /** At most this many occurrences. */
  readonly limit?: number | undefined;
}

/** The occurrences an element shows. */
export interface View {
  readonly occurrences: readonly Occurrence[];
  readonly warnings: readonly CalendarWarning[];
  /** The first occurrence after the window, when the window is empty. */
  readonly next: Occurrence | undefined;
}
