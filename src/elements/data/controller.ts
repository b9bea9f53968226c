/**
 * The data behind a calendar element, as one Lit reactive controller: the element declares the
 * window it shows and the zone, and renders what {@link CalendarDataController.state} holds; the
 * controller does the rest.
 *
 * - **Sources** come from the element's settings through the source kinds it reads (`src`,
 *   `google-calendar-id`, an inline schedule…; see sources/registry.ts).
 * - **The load window** holds the element's window and `lookahead` more, and stays put while the
 *   window moves inside it; when the window would leave it (the clock moved on for days, the zone
 *   changed), a new one is anchored and loaded. A view is never computed outside loaded data.
 * - **Loading** is an `@lit/task` whose argument is the load plan (sources, window, zone, cache
 *   mode, proxy, timeout): it runs when one of those changes, is aborted when the element is
 *   removed, and runs again when it comes back.
 * - **The first render** already shows what needs no network (an inline schedule) or the copy a
 *   previous visit saved; **the last good data** stays on screen through every later load, and
 *   a failed one keeps it, marked stale (load.ts).
 * - **The page clock** (page-clock.ts) re-renders the element every minute, and **revalidation**
 *   loads again once per `refresh` minutes while the page is visible (all elements of a page in
 *   the same minute, sharing each request), sooner after a failure (backoff, and never before a
 *   server's Retry-After).
 * - **Reporting**: `otel-load` / `otel-error` after each load, and the live region's text, which
 *   announces the first load (when asked) and afterwards only a load that changed what is shown.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CalendarError } from '../../calendar/errors.js';
import type { CalendarWarning, Occurrence } from '../../calendar/types.js';
import { OtelErrorEvent, OtelLoadEvent } from '../events.js';
import { resolveLocale } from '../i18n/locale.js';
import { enCalendar } from '../i18n/messages/en.js';
import { translator } from '../i18n/messages/index.js';
import { ConfigurationError } from './configuration-error.js';
import { cachedLoaded, loadAll, type LastGood } from './load.js';
import { everyMinute } from './page-clock.js';
import { sourcesFrom, sourcesKey } from './sources/registry.js';
import type {
  CacheMode,
  CalendarSource,
  Loaded,
  LoadWindow,
  ReadSetting,
  SourceData,
  SourceKind,
  View,
  ViewOptions,
} from './types.js';
import { fingerprint, viewOf } from './view.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Where in each refresh period this page revalidates: picked at random, so readers do not all ask at once. */
const PAGE_PHASE = Math.floor(Math.random() * DAY);

const message = /* @__PURE__ */ translator(enCalendar);

/** The settings a calendar element has for its data. */
export interface CalendarDataHost extends ReactiveControllerHost, HTMLElement {
  /** The pinned current time (tests, previews), else undefined: the real clock. */
  readonly now: number | undefined;
  /** `none`: no persisted copy; anything else: `local`. */
  readonly cache: string;
  /** Minutes between revalidations while the page is visible; 0: never. */
  readonly refresh: number;
  readonly proxy: string;
  readonly timeout: number;
}

/** What an element shows of loaded data. */
export interface Shown {
  readonly occurrences: readonly Occurrence[];
  /** What `otel-load` reports as `count` (e.g. the sessions that are not cancelled). */
  readonly count: number;
  readonly warnings: readonly CalendarWarning[];
}

export interface CalendarDataOptions {
  /** The source kinds the element reads (sources/registry.ts). */
  readonly kinds: readonly SourceKind[];
  /** The window the element shows at `now`. */
  readonly window: (now: number) => { readonly from: number; readonly to: number };
  /** How much is loaded past the window's end: the window moves on without a reload, and "next" is found in it. */
  readonly lookahead: number;
  /** The zone the element shows times in (an IANA name the runtime knows). */
  readonly timeZone: () => string;
  /** What the element shows of some loaded data, now. */
  readonly shown: (loaded: Loaded) => Shown;
  /** Announce the first load too ("12 upcoming events loaded."), not only loads that change what is shown. */
  readonly announceFirstLoad?: boolean | undefined;
}

/** What an element renders. */
export type DataState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly loaded: Loaded }
  | { readonly status: 'error'; readonly error: unknown };

/** Everything a load depends on; `key` says whether two plans load the same thing. */
interface LoadPlan {
  readonly key: string;
  readonly sourcesKey: string;
  readonly sources: readonly CalendarSource[];
  readonly window: LoadWindow;
  readonly cache: CacheMode;
  readonly proxy: string | undefined;
  readonly timeout: number;
}

/** A load's result, with the sources it belongs to. */
interface Result {
  readonly sourcesKey: string;
  readonly loaded: Loaded;
}

const LOADING: DataState = { status: 'loading' };

function isAborted(error: unknown): boolean {
  return error instanceof CalendarError && error.code === 'aborted';
}

/**
 * The window loaded for a view: from a day before it (an event that began yesterday may still be
 * on) to `lookahead` past its end.
 */
export function loadWindowAround(
  view: { readonly from: number; readonly to: number },
  lookahead: number,
  timeZone: string,
): LoadWindow {
  return { from: view.from - DAY, to: view.to + lookahead, timeZone };
}

/**
 * Reads an element's settings by attribute name through its properties (set as attributes or as
 * properties alike): `google-calendar-id` is `googleCalendarId`, as every element names them.
 */
function settingsOf(host: HTMLElement): ReadSetting {
  return (attribute) => {
    const value: unknown = (host as unknown as Record<string, unknown>)[
      attribute.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())
    ];
    return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  };
}

export class CalendarDataController implements ReactiveController {
  readonly #host: CalendarDataHost;
  readonly #options: CalendarDataOptions;
  readonly #task: Task<[LoadPlan], Result>;
  readonly #settings: ReadSetting;

  #plan: LoadPlan | undefined;
  #window: LoadWindow | undefined;
  /** Bumped to load again with the same settings (revalidation, Retry). */
  #generation = 0;
  #current: Result | undefined;
  #lastGood: LastGood | undefined;
  #initial: { readonly key: string; readonly state: DataState | undefined } | undefined;
  #view: { readonly loaded: Loaded; readonly key: string; readonly view: View } | undefined;

  /** When the last load finished (real time), and how many in a row failed: the revalidation schedule. */
  #loadedAt: number | undefined;
  #failures = 0;
  #retryAfter = 0;

  #announcement = '';
  #stopClock: (() => void) | undefined;
  /** A load was cut short by removal: run it again when the element comes back. */
  #interrupted = false;

  constructor(host: CalendarDataHost, options: CalendarDataOptions) {
    this.#host = host;
    this.#options = options;
    this.#settings = settingsOf(host);
    host.addController(this);
    this.#task = new Task<[LoadPlan], Result>(host, {
      task: ([plan], { signal }) => this.#load(plan, signal),
      args: () => [this.#currentPlan()],
      argsEqual: ([a], [b]) => a.key === b.key,
      onComplete: (result) => this.#completed(result),
      onError: (error) => this.#failed(error),
    });
  }

  /** The element's current time: its pinned `now`, else the clock. */
  now(): number {
    return this.#host.now ?? Date.now();
  }

  /** The sources the element's settings name. */
  get sources(): readonly CalendarSource[] {
    return this.#currentPlan().sources;
  }

  /** The live region's text. */
  get announcement(): string {
    return this.#announcement;
  }

  /** What to render: the sources' data (fresh, stale or a saved copy), a failure, or loading. */
  get state(): DataState {
    const plan = this.#currentPlan();
    const task = this.#task;
    if (task.status === TaskStatus.ERROR && !isAborted(task.error)) return { status: 'error', error: task.error };
    if (this.#current?.sourcesKey === plan.sourcesKey) return { status: 'ready', loaded: this.#current.loaded };
    return this.#initialState(plan) ?? LOADING;
  }

  /**
   * The occurrences of `loaded` in the window the element shows now (its `window` option), with a
   * filter, cancelled ones or not, a limit. Remembered: a render that changes nothing recomputes nothing.
   */
  view(loaded: Loaded, selection: Omit<ViewOptions, 'from' | 'to'> = {}): View {
    const options: ViewOptions = { ...this.#options.window(this.now()), ...selection };
    const key = [options.from, options.to, options.filter, options.includeCancelled, options.limit].join('|');
    if (this.#view?.loaded !== loaded || this.#view.key !== key) {
      this.#view = { loaded, key, view: viewOf(loaded.data, options) };
    }
    return this.#view.view;
  }

  /**
   * Data the page already holds for the element's sources (rendered into it at build time): shown
   * at once, and kept as the last good data, fetched at `at`, until a load replaces it. `make`
   * builds it for the element's first source and its load window.
   */
  seed(make: (source: CalendarSource, window: LoadWindow) => readonly SourceData[], at: number): void {
    const plan = this.#currentPlan();
    const first = plan.sources[0];
    if (!first) return;
    const data = make(first, plan.window);
    this.#current = {
      sourcesKey: plan.sourcesKey,
      loaded: { data, errors: [] },
    };
    this.#lastGood = { key: plan.sourcesKey, data, at };
  }

  /** Loads again now, asking the servers (not the page's shared copies): what Retry does. */
  async reload(): Promise<void> {
    const plan = this.#currentPlan();
    for (const source of plan.sources) source.forget?.(plan.proxy);
    this.#revalidate();
    await this.#host.updateComplete;
    await this.#task.taskComplete.catch(() => undefined);
  }

  hostConnected(): void {
    this.#stopClock = everyMinute(this.#onTick);
    if (this.#interrupted || (this.#task.status === TaskStatus.ERROR && isAborted(this.#task.error))) {
      this.#interrupted = false;
      void this.#task.run();
    }
  }

  hostDisconnected(): void {
    this.#stopClock?.();
    this.#stopClock = undefined;
    if (this.#task.status !== TaskStatus.PENDING) return;
    // An element moved within the page (removed and added again in one task) keeps its load.
    queueMicrotask(() => {
      if (this.#host.isConnected || this.#task.status !== TaskStatus.PENDING) return;
      this.#interrupted = true;
      this.#task.abort(new CalendarError('aborted', 'The element was removed'));
    });
  }

  /** The plan for the element's settings now (the same object while nothing it depends on changed). */
  #currentPlan(): LoadPlan {
    this.#plan = this.#planFor(this.now());
    return this.#plan;
  }

  /** The plan for the element's settings at `now`: the same window as before while it holds the view. */
  #planFor(now: number): LoadPlan {
    const host = this.#host;
    const sources = sourcesFrom(
      this.#options.kinds,
      this.#settings,
      typeof document === 'undefined' ? undefined : document.baseURI,
    );
    const keyOfSources = sourcesKey(sources);
    const previous = this.#plan;
    const timeZone = this.#options.timeZone();
    const view = this.#options.window(now);
    let window = this.#window;
    if (!window || window.timeZone !== timeZone || view.from < window.from || view.to > window.to) {
      window = loadWindowAround(view, this.#options.lookahead, timeZone);
      this.#window = window;
    }
    const cache: CacheMode = host.cache === 'none' ? 'none' : 'local';
    const proxy = host.proxy || undefined;
    const key = [keyOfSources, window.from, window.to, timeZone, cache, proxy, host.timeout, this.#generation].join(
      '|',
    );
    if (previous?.key === key) return previous;
    return {
      key,
      sourcesKey: keyOfSources,
      sources: previous?.sourcesKey === keyOfSources ? previous.sources : sources,
      window,
      cache,
      proxy,
      timeout: host.timeout,
    };
  }

  /**
   * What the first render can show before any load: sources that need no I/O read at once, else
   * the copy a previous visit saved. Remembered per plan.
   */
  #initialState(plan: LoadPlan): DataState | undefined {
    const key = plan.key;
    if (this.#initial?.key === key) return this.#initial.state;
    let state: DataState | undefined;
    const { sources, window } = plan;
    if (sources.length > 0 && sources.every((s) => s.loadNow)) {
      try {
        const data = sources.map((s) => (s.loadNow as NonNullable<CalendarSource['loadNow']>)(window));
        state = { status: 'ready', loaded: { data, errors: [] } };
      } catch (error) {
        state = { status: 'error', error };
      }
    } else {
      const saved = cachedLoaded(sources, this.now(), window.timeZone, plan.cache);
      state = saved ? { status: 'ready', loaded: saved } : undefined;
    }
    this.#initial = { key, state };
    return state;
  }

  async #load(plan: LoadPlan, signal: AbortSignal): Promise<Result> {
    if (plan.sources.length === 0) throw new ConfigurationError('No calendar is configured', { noSource: true });
    const { loaded, lastGood } = await loadAll(
      plan.sources,
      { ...plan.window, signal, timeout: plan.timeout, proxy: plan.proxy, cache: plan.cache, now: this.now() },
      this.#lastGood,
    );
    this.#lastGood = lastGood;
    return { sourcesKey: plan.sourcesKey, loaded };
  }

  #completed(result: Result): void {
    const { loaded } = result;
    const previous = this.#current?.sourcesKey === result.sourcesKey ? this.#current.loaded : undefined;
    this.#current = result;
    this.#loadedAt = Date.now();
    this.#failures = loaded.staleError ? this.#failures + 1 : 0;
    this.#retryAfter = loaded.staleError?.retryAfter ?? 0;
    const shown = this.#options.shown(loaded);
    const changed = previous
      ? fingerprint(this.#options.shown(previous).occurrences) !== fingerprint(shown.occurrences)
      : this.#options.announceFirstLoad;
    if (changed) this.announce(message(resolveLocale(this.#host), 'loaded', { count: shown.count }));
    this.#host.dispatchEvent(new OtelLoadEvent(shown.count, loaded.staleSince !== undefined, shown.warnings));
    if (loaded.staleError) this.#host.dispatchEvent(new OtelErrorEvent(loaded.staleError));
  }

  #failed(error: unknown): void {
    if (isAborted(error)) return;
    if (!(error instanceof ConfigurationError)) {
      this.#loadedAt = Date.now();
      this.#failures++;
      this.#retryAfter = error instanceof CalendarError ? (error.retryAfter ?? 0) : 0;
    }
    this.#host.dispatchEvent(new OtelErrorEvent(error instanceof Error ? error : new Error(String(error))));
    this.announce(message(resolveLocale(this.#host), 'errorTitle'));
  }

  /** Says `text` in the live region (once: the same text again is not repeated). */
  announce(text: string): void {
    if (text === this.#announcement) return;
    this.#announcement = text;
    this.#host.requestUpdate();
  }

  #onTick = (): void => {
    if (this.#host.now === undefined) this.#host.requestUpdate();
    if (this.#due()) this.#revalidate();
  };

  /**
   * Whether the data is due for revalidation: a new refresh period has begun since the last load
   * (periods are aligned for the whole page), or, after failures, the backoff (1, 2, 4… minutes,
   * at most a period, and never before the server's Retry-After) has passed.
   */
  #due(): boolean {
    const minutes = Number(this.#host.refresh);
    const plan = this.#plan;
    if (!(minutes > 0) || this.#loadedAt === undefined || !plan?.sources.some((s) => s.remote)) return false;
    if (this.#task.status === TaskStatus.PENDING) return false;
    const now = Date.now();
    const period = minutes * MINUTE;
    if (this.#failures > 0) {
      const backoff = Math.min(period, MINUTE * 2 ** (this.#failures - 1));
      return now >= this.#loadedAt + Math.max(backoff, this.#retryAfter * 1000);
    }
    const phase = PAGE_PHASE % period;
    return Math.floor((now - phase) / period) > Math.floor((this.#loadedAt - phase) / period);
  }

  /** Loads again: a new window around the current view, the same settings. */
  #revalidate(): void {
    this.#window = undefined;
    this.#generation++;
    this.#host.requestUpdate();
  }
}
