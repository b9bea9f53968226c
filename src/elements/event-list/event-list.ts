import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CalendarError } from '../../calendar/errors.js';
import { clearCalendarCache } from '../../calendar/fetch.js';
import { isSafeUrl, stripBidiControls } from '../../calendar/safe-url.js';
import { DAY } from '../../calendar/time.js';
import type { Calendar, Occurrence } from '../../calendar/types.js';
import { intlZone, localZoneName, showsLocalTime } from '../../calendar/zones/intl-zone.js';
import { calendarElementStyles } from '../styles/controls.styles.js';
import { lazy, loadOnOpen } from '../ui/lazy.js';
import { LiveController } from '../data/live-controller.js';
import { statusStyles } from '../styles/status.styles.js';
import {
  LOOKAHEAD,
  cachedLoaded,
  loadAll,
  sourcesFrom,
  sourcesKey,
  viewOf,
  type CalendarSource,
  type LastGood,
  type Loaded,
  type SourceData,
  type View,
} from '../data/calendar-data.js';
import {
  describeWhen,
  formatDateTime,
  groupHeading,
  groupKey,
  isHappening,
  relativeHint,
  zoneLabel,
  type GroupBy,
} from '../i18n/format.js';
import { resolveLocale } from '../i18n/locale.js';
import { enCalendar } from '../i18n/messages/en.js';
import { translator } from '../i18n/messages/index.js';
import {
  NoSourceError,
  downloadText,
  errorText,
  fireFailed,
  fireLoaded,
  heading,
  renderError,
} from '../ui/error-box.js';
import { renderSavedNotice } from '../ui/saved-notice.js';
import { eventListStyles } from './event-list.styles.js';

let idCounter = 0;

/** Messages in the reader's language; English from the event list's own table. */
const message = /* @__PURE__ */ translator(enCalendar);
type MessageKey = keyof typeof enCalendar;

/**
 * Long lists render in steps: the first rows in the first update (what is on screen), then more
 * per task, so a list of a thousand events neither delays its first row nor blocks the page.
 */
const FIRST_ROWS = 30;
const MORE_ROWS = 25;

/** Feed problems listed by message (the count covers all of them). */
const MAX_WARNINGS_SHOWN = 20;

/** Loaded when an "Add to calendar" menu opens. */
const exportLinks = lazy(() => import('../../calendar/export-links.js'));
/** Loaded when a description opens: the description tokenizer and the safe-DOM builder. */
const sanitizer = lazy(() => import('../ui/sanitize.js'));

/**
 * Upcoming events from one or more calendars — iCalendar feeds, a Google calendar, or the JSON
 * snapshot written by `otel-calendar snapshot` — in the viewer's time zone, with join links,
 * add-to-calendar and descriptions.
 *
 * @summary Upcoming events from ICS / Google Calendar / JSON snapshot, correct in every time zone.
 * @tag otel-event-list
 *
 * @slot - Fallback content: shown before the element upgrades, when JavaScript is off, and after a
 *   fatal error (e.g. a link to the calendar, or the snapshot HTML the CLI wrote).
 *
 * @csspart base - The wrapper of everything the element renders.
 * @csspart group - One day (or month) of events.
 * @csspart group-heading - The heading of a group.
 * @csspart list - The list of events (`<ul>`).
 * @csspart event - One occurrence (`<li>`); multi-day events too. Its first `<time>` is the start.
 * @csspart time - The line with the start and end times.
 * @csspart host-time - The time in the host's time zone, when it differs from the viewer's.
 * @csspart relative - The relative hint ("tomorrow", "in 3 days").
 * @csspart badge - A badge ("Happening now", "Cancelled"); also `now` and `cancelled-badge`.
 * @csspart title - The event title.
 * @csspart location - The location line.
 * @csspart actions - The row of buttons and links.
 * @csspart join - The "Join" link to the video meeting.
 * @csspart add-to-calendar - The add-to-calendar disclosure.
 * @csspart description - The description disclosure.
 * @csspart link - A link inside a description.
 * @csspart empty - The "no upcoming events" message.
 * @csspart error - The error message with its Retry button.
 * @csspart retry - The Retry button.
 * @csspart warnings - The note (a disclosure) saying what in the feed could not be read; the rest is shown.
 * @csspart stale - The notice shown when a saved copy is displayed.
 * @csspart footer - The subscribe / open-calendar links.
 * @csspart skeleton - A placeholder row while loading.
 *
 * @cssprop --otel-font-family - Font (default: inherited from the page).
 * @cssprop --otel-font-size - Base font size (default: 1rem).
 * @cssprop --otel-color-text - Text colour (default: inherited).
 * @cssprop --otel-color-muted - Secondary text (default: the text colour at 70%).
 * @cssprop --otel-color-accent - Links, buttons and highlights.
 * @cssprop --otel-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --otel-color-surface - Background of an event.
 * @cssprop --otel-color-border - Borders and separators.
 * @cssprop --otel-color-danger - Errors and the "Cancelled" badge.
 * @cssprop --otel-color-focus - The focus ring (default: the accent).
 * @cssprop --otel-radius - Corner radius.
 * @cssprop --otel-space - Spacing unit.
 *
 * @fires otel-load - {OtelLoadEvent} Data loaded (`count`, `stale`).
 * @fires otel-error - {OtelErrorEvent} Loading failed (`error.code`: network, timeout, http, not-calendar, too-large).
 */
export class OtelEventList extends LitElement {
  static override styles = [calendarElementStyles, statusStyles, eventListStyles];

  static override properties = {
    src: { reflect: true },
    googleCalendarId: { attribute: 'google-calendar-id' },
    googleApiKey: { attribute: 'google-api-key' },
    proxy: {},
    days: { type: Number },
    limit: { type: Number },
    filter: {},
    timezone: {},
    groupBy: { attribute: 'group-by' },
    showCancelled: { type: Boolean, attribute: 'show-cancelled' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    calendarUrl: { attribute: 'calendar-url' },
    subscribeUrl: { attribute: 'subscribe-url' },
    timeout: { type: Number },
    cache: {},
    now: { attribute: false },
  };

  /** One or more calendar URLs (space-separated): iCalendar (`.ics`) or the CLI's JSON snapshot (`.json`). */
  declare src: string;

  /** A Google Calendar ID (with `google-api-key`): read through the Google Calendar API v3. */
  declare googleCalendarId: string;

  /** A Google API key allowed to call the Calendar API from this site. */
  declare googleApiKey: string;

  /** Proxy URL template for ICS hosts without CORS headers: `https://proxy.example/?url={url}`. */
  declare proxy: string;

  /** How many days ahead to show. */
  declare days: number;

  /** At most this many events. */
  declare limit: number;

  /** Show only events whose title or category contains this text (case-insensitive). */
  declare filter: string;

  /** The time zone to show times in (IANA name). Default: the viewer's. */
  declare timezone: string;

  /** Group events under `day` or `month` headings, or `none`. */
  declare groupBy: 'day' | 'month' | 'none';

  /** Show cancelled instances, marked "Cancelled", instead of hiding them. */
  declare showCancelled: boolean;

  /** Level of the group headings (2–6); event titles are one level below. */
  declare headingLevel: number;

  /** Link to the calendar for people (shown on errors and in the footer). Default: derived from the source. */
  declare calendarUrl: string;

  /** Link to subscribe to the calendar. Default: the feed URL (or Google's subscribe link). */
  declare subscribeUrl: string;

  /** Milliseconds before a request counts as failed. */
  declare timeout: number;

  /**
   * `local` (default): keep the last good events in localStorage, show them at once on the next
   * visit and when offline; `none`: store nothing (see docs/caching.md).
   */
  declare cache: 'local' | 'none';

  /** The current time (ms) used for the window and the hints; default `Date.now()` (tests, previews). */
  declare now: number | undefined;

  /** The live region's text: set through {@link #announce}, which re-renders. */
  #announcement = '';

  #announce(text: string): void {
    if (text === this.#announcement) return;
    this.#announcement = text;
    this.requestUpdate();
  }

  #lastGood: LastGood | undefined;
  #descriptions = new Map<string, Node[]>();
  #memo: { key: string; data: readonly SourceData[]; view: View } | undefined;
  readonly #id = `otel-event-list-${++idCounter}`;

  readonly #task = new Task(this, {
    task: async (_args, { signal }): Promise<Loaded> => this.#load(signal),
    args: () =>
      [sourcesKey(this.#sources()), this.days, this.proxy, this.timeout, this.#timeZone(), this.#cacheMode()] as const,
    onComplete: (loaded) => {
      const view = this.#view(loaded);
      this.#announce(message(this.#locale(), 'loaded', { count: view.occurrences.length }));
      fireLoaded(this, view.occurrences.length, loaded.staleSince !== undefined, loaded.staleError, view.warnings);
    },
    onError: (error) => {
      if (fireFailed(this, error)) this.#announce(message(this.#locale(), 'errorTitle'));
    },
  });

  constructor() {
    super();
    this.src = '';
    this.googleCalendarId = '';
    this.googleApiKey = '';
    this.proxy = '';
    this.days = 30;
    this.limit = 10;
    this.filter = '';
    this.timezone = '';
    this.groupBy = 'day';
    this.showCancelled = false;
    this.headingLevel = 3;
    this.calendarUrl = '';
    this.subscribeUrl = '';
    this.timeout = 15_000;
    this.cache = 'local';
    this.now = undefined;
    // Locale, minute clock, abort on removal, reload on re-attach.
    this.addController(new LiveController(this, this.#task));
  }

  /** How many rows the current sources may render (grows step by step; see FIRST_ROWS). */
  #rowsShown = FIRST_ROWS;
  #rowsFor = '';
  #rowsPending = false;
  #rowsTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#rowsTimer);
    this.#rowsTimer = undefined;
  }

  protected override updated(): void {
    if (this.#rowsPending && this.#rowsTimer === undefined && this.isConnected) {
      this.#rowsTimer = setTimeout(() => {
        this.#rowsTimer = undefined;
        this.#rowsShown += MORE_ROWS;
        this.requestUpdate();
      }, 0);
    }
  }

  /** A changed view (filter, days…) is announced in the same update, not in a second one. */
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const viewChanged = ['filter', 'showCancelled', 'limit', 'days'].some((name) => changed.has(name));
    const loaded = this.#task.value;
    if (viewChanged && this.#task.status === TaskStatus.COMPLETE && loaded) {
      this.#announcement = message(this.#locale(), 'shown', { count: this.#view(loaded).occurrences.length });
    }
  }

  /** Loads again, bypassing the shared cache (what the Retry button does). */
  async refresh(): Promise<void> {
    for (const source of this.#sources())
      if (source.kind !== 'google') clearCalendarCache(source.url, this.proxy || undefined);
    await this.#task.run();
  }

  #sources(): CalendarSource[] {
    return sourcesFrom(this.src, this.googleCalendarId, this.googleApiKey);
  }

  #timeZone(): string {
    return this.timezone && intlZone(this.timezone) ? this.timezone : localZoneName();
  }

  #cacheMode(): 'local' | 'none' {
    return this.cache === 'none' ? 'none' : 'local';
  }

  /** The saved copy of the last good events (a previous visit's), painted until the load completes. */
  #renderSavedOrLoading(): TemplateResult {
    const saved = cachedLoaded(this.#sources(), this.#now(), this.#cacheMode());
    return saved ? this.#renderLoaded(saved) : this.#renderLoading();
  }

  /** The locale of the render in progress: resolved once per render, not once per message. */
  #renderLocale: string | undefined;

  #locale(): string {
    return this.#renderLocale ?? resolveLocale(this);
  }

  #now(): number {
    return this.now ?? Date.now();
  }

  #t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string {
    return message(this.#locale(), key, values);
  }

  async #load(signal: AbortSignal): Promise<Loaded> {
    const sources = this.#sources();
    if (sources.length === 0) throw new NoSourceError('No calendar is configured');
    const now = this.#now();
    const { loaded, lastGood } = await loadAll(
      sources,
      {
        signal,
        timeout: this.timeout,
        proxy: this.proxy || undefined,
        from: now - DAY,
        to: now + this.days * DAY + LOOKAHEAD,
        timeZone: this.#timeZone(),
        cache: this.#cacheMode(),
        now,
      },
      this.#lastGood,
    );
    if (lastGood !== this.#lastGood) this.#descriptions.clear();
    this.#lastGood = lastGood;
    return loaded;
  }

  #view(loaded: Loaded): View {
    const now = this.#now();
    const timeZone = this.#timeZone();
    const key = [now, timeZone, this.days, this.filter, this.showCancelled, this.limit].join('|');
    if (this.#memo?.key === key && this.#memo.data === loaded.data) return this.#memo.view;
    const view = viewOf(loaded.data, {
      from: now,
      to: now + this.days * DAY,
      timeZone,
      filter: this.filter,
      includeCancelled: this.showCancelled,
      limit: this.limit,
    });
    this.#memo = { key, data: loaded.data, view };
    return view;
  }

  override render(): TemplateResult {
    this.#rowsPending = false;
    this.#renderLocale = resolveLocale(this);
    try {
      return this.#renderBase();
    } finally {
      this.#renderLocale = undefined;
    }
  }

  #renderBase(): TemplateResult {
    return html`
      <div part="base">
        <p class="visually-hidden" role="status">${this.#announcement}</p>
        ${this.#task.render({
          initial: () => this.#renderSavedOrLoading(),
          pending: () => (this.#task.value ? this.#renderLoaded(this.#task.value) : this.#renderSavedOrLoading()),
          complete: (loaded) => this.#renderLoaded(loaded),
          error: (error) => this.#renderError(error),
        })}
      </div>
    `;
  }

  #renderLoading(): TemplateResult {
    const rows = Math.max(1, Math.min(this.limit || 3, 3));
    return html`
      <ul part="list skeleton-list" aria-busy="true" aria-label=${this.#t('loading')}>
        ${Array.from(
          { length: rows },
          () =>
            html`<li part="skeleton" aria-hidden="true">
              <span class="skeleton narrow"></span><span class="skeleton wide"></span
              ><span class="skeleton narrow"></span>
            </li>`,
        )}
      </ul>
    `;
  }

  #calendarLink(): string | undefined {
    if (this.calendarUrl) return isSafeUrl(this.calendarUrl);
    const first = this.#sources()[0];
    if (!first) return undefined;
    if (first.kind === 'google')
      return `https://calendar.google.com/calendar/embed?src=${encodeURIComponent(first.calendarId)}`;
    return isSafeUrl(new URL(first.url, document.baseURI).href);
  }

  #subscribeLink(): string | undefined {
    if (this.subscribeUrl) return isSafeUrl(this.subscribeUrl);
    const sources = this.#sources();
    const first = sources[0];
    if (sources.length !== 1 || !first || first.kind === 'json') return undefined;
    if (first.kind === 'google')
      return `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(first.calendarId)}`;
    return isSafeUrl(new URL(first.url, document.baseURI).href);
  }

  #renderError(error: unknown): TemplateResult {
    if (error instanceof CalendarError && error.code === 'aborted') return this.#renderLoading();
    return html`${renderError(error, this.#locale(), () => void this.refresh(), this.#calendarLink())}<slot></slot>`;
  }

  #renderLoaded(loaded: Loaded): TemplateResult {
    const view = this.#view(loaded);
    const locale = this.#locale();
    const timeZone = this.#timeZone();
    const now = this.#now();
    const stale = renderSavedNotice(loaded, locale, now, () => void this.refresh());
    const partial = loaded.errors.map(
      (e) =>
        html`<p part="stale" role="note">${this.#t('partialError', { message: errorText(e, this.#locale()) })}</p>`,
    );
    return html`${stale}${partial}${view.occurrences.length === 0 ? this.#renderEmpty(view, locale, timeZone) : this.#renderGroups(view, loaded, locale, timeZone, now)}${this.#renderWarnings(view)}${this.#renderFooter()}`;
  }

  /**
   * What the feeds' readers skipped or repaired, in words (the rest is shown): a count, and the
   * details (the engine's messages, in English) behind a disclosure.
   */
  #renderWarnings(view: View): TemplateResult | typeof nothing {
    const warnings = view.warnings;
    if (warnings.length === 0) return nothing;
    return html`<details part="warnings">
      <summary>${this.#t('feedWarnings', { count: warnings.length })}</summary>
      <ul lang="en" dir="ltr">
        ${warnings.slice(0, MAX_WARNINGS_SHOWN).map((w) => html`<li>${stripBidiControls(w.message)}${w.line ? ` (line ${w.line})` : ''}</li>`)}
      </ul>
    </details>`;
  }

  #renderEmpty(view: View, locale: string, timeZone: string): TemplateResult {
    const text = this.filter
      ? this.#t('emptyFiltered', { filter: stripBidiControls(this.filter), days: this.days })
      : this.#t('empty', { days: this.days });
    const next = view.next;
    return html`<div part="empty">
      <p>${text}</p>
      ${
        next
          ? html`<p>
              ${this.#t('nextBeyond')} <strong>${stripBidiControls(next.title) || this.#t('untitled')}</strong> —
              <time datetime=${next.allDay && next.startDate ? next.startDate : new Date(next.start).toISOString()}
                >${formatDateTime(next, locale, timeZone)}</time
              >
            </p>`
          : nothing
      }
    </div>`;
  }

  #renderGroups(view: View, loaded: Loaded, locale: string, timeZone: string, now: number): TemplateResult {
    const groupBy: GroupBy = this.groupBy === 'month' || this.groupBy === 'none' ? this.groupBy : 'day';
    const forSources = sourcesKey(this.#sources());
    if (forSources !== this.#rowsFor) {
      this.#rowsFor = forSources;
      this.#rowsShown = FIRST_ROWS;
    }
    const shown =
      view.occurrences.length > this.#rowsShown ? view.occurrences.slice(0, this.#rowsShown) : view.occurrences;
    this.#rowsPending = shown.length < view.occurrences.length;
    const groups = new Map<string, Occurrence[]>();
    for (const o of shown) {
      const key = groupKey(o, groupBy, now, timeZone);
      const list = groups.get(key);
      if (list) list.push(o);
      else groups.set(key, [o]);
    }
    const level = Math.min(6, Math.max(2, this.headingLevel || 3));
    const titleLevel = groupBy === 'none' ? level : Math.min(6, level + 1);
    const calendars = loaded.data.flatMap((d) => (d.kind === 'calendar' ? [d.calendar] : []));
    const list = (items: Occurrence[], label?: string): TemplateResult => html`
      <ul part="list" aria-label=${label ?? nothing} aria-busy=${this.#rowsPending ? 'true' : nothing}>
        ${repeat(
          items,
          (o) => `${o.uid}|${o.start}|${o.recurrenceId ?? ''}`,
          (o) => this.#renderEvent(o, locale, timeZone, now, titleLevel, calendars),
        )}
      </ul>
    `;
    if (groupBy === 'none') return list(shown, this.#t('eventsList'));
    return html`${[...groups].map(([key, items]) => {
      const headingId = `${this.#id}-${key}`;
      return html`<section part="group" role="group" aria-labelledby=${headingId}>
        ${heading(level, 'group-heading', groupHeading(key, groupBy, locale, now, timeZone), headingId)} ${list(items)}
      </section>`;
    })}`;
  }

  /** The description as safe DOM (cached per occurrence), once the sanitizer is loaded. */
  #description(o: Occurrence): Node[] | typeof nothing {
    const module = sanitizer.value;
    if (!module) return nothing;
    const key = `${o.uid}|${o.start}`;
    let nodes = this.#descriptions.get(key);
    if (!nodes) {
      nodes = Array.from(module.sanitizeDescription(o.description ?? '').childNodes);
      this.#descriptions.set(key, nodes);
    }
    return nodes;
  }

  #update = (): void => this.requestUpdate();
  #onMenuToggle = loadOnOpen(exportLinks, this.#update);
  #onDescriptionToggle = loadOnOpen(sanitizer, this.#update);

  #renderEvent(
    o: Occurrence,
    locale: string,
    timeZone: string,
    now: number,
    titleLevel: number,
    calendars: readonly Calendar[],
  ): TemplateResult {
    const when = describeWhen(o, locale, timeZone, this.groupBy !== 'day');
    // "your time" only when the times are in the viewer's own zone; otherwise name the zone.
    const viewerLabel = showsLocalTime(timeZone, o.start) ? this.#t('yourTime') : zoneLabel(timeZone, locale, o.start);
    const happening = isHappening(o, now);
    const hint = happening || o.cancelled ? undefined : relativeHint(o, now, locale, timeZone);
    const title = stripBidiControls(o.title) || this.#t('untitled');
    const location = o.location && o.location !== o.joinUrl ? stripBidiControls(o.location) : undefined;
    const moreInfo = o.url && o.url !== o.joinUrl ? isSafeUrl(o.url) : undefined;
    // Every reader already checks join links; the element does not rely on that.
    const join = o.joinUrl ? isSafeUrl(o.joinUrl) : undefined;
    const event = o.event;
    const series = event && o.recurrenceId ? calendars.find((c) => c.events.includes(event)) : undefined;
    const showHost = when.host !== undefined;
    const links = exportLinks.value;
    return html`<li part="event" class=${o.cancelled ? 'cancelled' : ''} data-uid=${o.uid}>
      <p part="time">
        <span class="main"
          >${
            when.allDay && !when.end && !when.start
              ? html`<time datetime=${when.startAttr}>${this.#t('allDay')}</time>`
              : when.allDay && when.start && !when.end
                ? html`<time datetime=${when.startAttr}>${when.start}</time> · ${this.#t('allDay')}`
                : html`<time datetime=${when.startAttr}>${when.start}</time
                    >${when.end ? html`–<time datetime=${when.endAttr ?? ''}>${when.end}</time>` : nothing}`
          }</span
        >
        ${showHost ? html`<span class="your-time">${viewerLabel}</span><span part="host-time">· ${when.host}</span>` : nothing}
        ${hint ? html`<span part="relative">${hint}</span>` : nothing}
        ${happening && !o.cancelled ? html`<span part="badge now">${this.#t('happeningNow')}</span>` : nothing}
        ${o.cancelled ? html`<span part="badge cancelled-badge">${this.#t('cancelled')}</span>` : nothing}
      </p>
      ${heading(titleLevel, 'title', title)} ${location ? html`<p part="location">${location}</p>` : nothing}
      ${
        o.cancelled
          ? nothing
          : html`<div part="actions">
              ${
                join
                  ? html`<a
                      part="join"
                      class="button primary"
                      href=${join}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label=${this.#t('joinLabel', { title })}
                      >${this.#t('join')}</a
                    >`
                  : nothing
              }
              <details part="add-to-calendar" @toggle=${this.#onMenuToggle}>
                <summary aria-label=${this.#t('addToCalendarLabel', { title })}>${this.#t('addToCalendar')}</summary>
                ${
                  links
                    ? html`<ul>
                        <li>
                          <button
                            type="button"
                            @click=${() => downloadText(links.occurrenceToIcs(o), links.icsFileName(o))}
                          >
                            ${this.#t('downloadEvent')}
                          </button>
                        </li>
                        ${
                          series
                            ? html`<li>
                                <button
                                  type="button"
                                  @click=${() => void this.#downloadSeries(series, o, links.icsFileName(o))}
                                >
                                  ${this.#t('downloadSeries')}
                                </button>
                              </li>`
                            : nothing
                        }
                        <li>
                          <a class="button" href=${links.googleCalendarUrl(o)} target="_blank" rel="noopener noreferrer"
                            >${this.#t('googleCalendar')}</a
                          >
                        </li>
                        <li>
                          <a
                            class="button"
                            href=${links.outlookCalendarUrl(o)}
                            target="_blank"
                            rel="noopener noreferrer"
                            >${this.#t('outlookCalendar')}</a
                          >
                        </li>
                      </ul>`
                    : nothing
                }
              </details>
              ${moreInfo ? html`<a href=${moreInfo} target="_blank" rel="noopener noreferrer">${this.#t('moreInfo')}</a>` : nothing}
            </div>`
      }
      ${
        o.description
          ? html`<details part="description" @toggle=${this.#onDescriptionToggle}>
              <summary aria-label=${this.#t('detailsLabel', { title })}>${this.#t('details')}</summary>
              <div class="body">${this.#description(o)}</div>
            </details>`
          : nothing
      }
    </li>`;
  }

  async #downloadSeries(calendar: Calendar, o: Occurrence, fileName: string): Promise<void> {
    const { seriesToIcs } = await import('../../calendar/export.js');
    const text = seriesToIcs(calendar, o.uid);
    if (text) downloadText(text, fileName.replace(/-\d{4}-\d{2}-\d{2}\.ics$/, '.ics'));
  }

  #renderFooter(): TemplateResult | typeof nothing {
    const subscribe = this.#subscribeLink();
    const open = this.#calendarLink();
    if (!subscribe && !open) return nothing;
    return html`<p part="footer">
      ${subscribe ? html`<a href=${subscribe} target="_blank" rel="noopener noreferrer">${this.#t('subscribe')}</a>` : nothing}
      ${open && open !== subscribe ? html` · <a href=${open} target="_blank" rel="noopener noreferrer">${this.#t('openCalendar')}</a>` : nothing}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'otel-event-list': OtelEventList;
  }
}
