import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { isSafeUrl, stripBidiControls } from '../../calendar/safe-url.js';
import type { Calendar, Occurrence } from '../../calendar/types.js';
import { intlZone, localZoneName, showsLocalTime } from '../../calendar/zones/intl-zone.js';
import { OtelCalendarElement } from '../calendar-element.js';
import type { CalendarDataOptions } from '../data/controller.js';
import { calendarKinds } from '../data/sources/registry.js';
import type { Loaded, View } from '../data/types.js';
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
import { enCalendar } from '../i18n/messages/en.js';
import { translator } from '../i18n/messages/index.js';
import { calendarElementStyles } from '../styles/controls.styles.js';
import { statusStyles } from '../styles/status.styles.js';
import { asOfNote } from '../ui/as-of.js';
import { errorText, renderError } from '../ui/error-box.js';
import { heading, headingLevel } from '../ui/heading.js';
import { joinLink } from '../ui/join-link.js';
import { lazy, loadOnOpen } from '../ui/lazy.js';
import { liveRegion } from '../ui/live-region.js';
import { renderSavedNotice } from '../ui/saved-notice.js';
import { eventListStyles } from './event-list.styles.js';

const DAY = 86_400_000;

/** Loaded past the shown window: the list moves on with the clock without a reload, and finds "next". */
const LOOKAHEAD = 90 * DAY;

/** Messages in the reader's language; English from the event list's own table. */
const message = /* @__PURE__ */ translator(enCalendar);
type MessageKey = keyof typeof enCalendar;

/**
 * Long lists render in steps: the first rows in the first update (what is on screen), then more
 * per task, so a list of a thousand events neither delays its first row nor blocks the page. A
 * list rendered at build time has all its rows: that render is all some readers ever get. (A list
 * that takes over prerendered rows starts with those in view: `firstRows`.)
 */
const FIRST_ROWS = isServer ? Infinity : 30;
const MORE_ROWS = 25;

/** Feed problems listed by message (the count covers all of them). */
const MAX_WARNINGS_SHOWN = 20;

/** Loaded when an "Add to calendar" menu opens. */
const exportLinks = lazy(() => import('../ui/add-to-calendar.js'));
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
 * @csspart warnings - The note (a disclosure) saying what in the feed could not be read; the rest is shown.
 * @csspart footer - The subscribe / open-calendar links.
 * @csspart skeleton - A placeholder row while loading.
 */
export class OtelEventList extends OtelCalendarElement {
  static override styles = [calendarElementStyles, statusStyles, eventListStyles];

  static override properties = {
    days: { type: Number },
    limit: { type: Number },
    filter: {},
    timezone: {},
    groupBy: { attribute: 'group-by' },
    showCancelled: { type: Boolean, attribute: 'show-cancelled' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    calendarUrl: { attribute: 'calendar-url' },
    subscribeUrl: { attribute: 'subscribe-url' },
  };

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

  /** Descriptions as safe DOM, per occurrence of the data they were made for. */
  #descriptions = new Map<string, Node[]>();
  #descriptionsFor: Loaded | undefined;
  /** How many rows the current sources may render (grows step by step; see FIRST_ROWS). */
  #rowsShown = FIRST_ROWS;
  #rowsFor = '';
  #rowsTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.days = 30;
    this.limit = 10;
    this.filter = '';
    this.timezone = '';
    this.groupBy = 'day';
    this.showCancelled = false;
    this.headingLevel = 3;
    this.calendarUrl = '';
    this.subscribeUrl = '';
  }

  protected override dataOptions(): CalendarDataOptions {
    return {
      kinds: calendarKinds,
      window: (now) => ({ from: now, to: now + this.days * DAY }),
      lookahead: LOOKAHEAD,
      timeZone: () => this.#timeZone(),
      shown: (loaded) => {
        const view = this.#view(loaded);
        return { occurrences: view.occurrences, count: view.occurrences.length, warnings: view.warnings };
      },
      announceFirstLoad: true,
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#rowsTimer);
    this.#rowsTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const state = this.data.state;
    const sources = this.data.sources.map((s) => s.key).join(' ');
    if (sources !== this.#rowsFor) {
      this.#rowsFor = sources;
      this.#rowsShown = this.firstRows || FIRST_ROWS;
    }
    if (state.status !== 'ready') return;
    if (state.loaded !== this.#descriptionsFor) {
      this.#descriptionsFor = state.loaded;
      this.#descriptions.clear();
    }
    // A changed view (filter, days…) is announced in this update.
    const viewChanged = (['filter', 'showCancelled', 'limit', 'days'] as const).some((name) => changed.has(name));
    if (viewChanged && this.hasUpdated) {
      this.data.announce(this.#t('shown', { count: this.#view(state.loaded).occurrences.length }));
    }
  }

  protected override updated(): void {
    const state = this.data.state;
    const total = state.status === 'ready' ? this.#view(state.loaded).occurrences.length : 0;
    if (total > this.#rowsShown && this.#rowsTimer === undefined && this.isConnected) {
      this.#rowsTimer = setTimeout(() => {
        this.#rowsTimer = undefined;
        this.#rowsShown += MORE_ROWS;
        this.requestUpdate();
      }, 0);
    }
  }

  #timeZone(): string {
    return this.timezone && intlZone(this.timezone) ? this.timezone : localZoneName();
  }

  #t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string {
    return message(this.language.locale, key, values);
  }

  #view(loaded: Loaded): View {
    return this.data.view(loaded, { filter: this.filter, includeCancelled: this.showCancelled, limit: this.limit });
  }

  /** The calendar's page and subscribe link: the element's own, else its sources'. */
  #links(): { calendar: string | undefined; subscribe: string | undefined } {
    const sources = this.data.sources;
    return {
      calendar: this.calendarUrl ? isSafeUrl(this.calendarUrl) : sources[0]?.calendarLink,
      subscribe: this.subscribeUrl
        ? isSafeUrl(this.subscribeUrl)
        : sources.length === 1
          ? sources[0]?.subscribeLink
          : undefined,
    };
  }

  override render(): TemplateResult {
    const state = this.data.state;
    const locale = this.language.locale;
    return html`
      <div part="base">
        ${liveRegion(this.data.announcement)}
        ${
          state.status === 'ready'
            ? this.#renderLoaded(state.loaded, locale, this.data.now())
            : state.status === 'error'
              ? this.#renderError(state.error, locale)
              : this.#renderLoading()
        }
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

  #renderError(error: unknown, locale: string): TemplateResult {
    return html`${renderError(error, locale, () => void this.reload(), this.#links().calendar)}<slot></slot>`;
  }

  #renderLoaded(loaded: Loaded, locale: string, now: number): TemplateResult {
    const view = this.#view(loaded);
    const timeZone = this.#timeZone();
    const stale = renderSavedNotice(loaded, locale, now, () => void this.reload());
    const partial = loaded.errors.map(
      (e) => html`<p part="stale" role="note">${this.#t('partialError', { message: errorText(e, locale) })}</p>`,
    );
    return html`${stale}${partial}${
      view.occurrences.length === 0
        ? this.#renderEmpty(view, locale, timeZone)
        : this.#renderGroups(view, loaded, locale, timeZone, now)
    }${this.#renderWarnings(view)}${this.#renderFooter(locale, timeZone, now)}`;
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
    const shown =
      view.occurrences.length > this.#rowsShown ? view.occurrences.slice(0, this.#rowsShown) : view.occurrences;
    const pending = shown.length < view.occurrences.length;
    const groups = new Map<string, Occurrence[]>();
    for (const o of shown) {
      const key = groupKey(o, groupBy, now, timeZone);
      const list = groups.get(key);
      if (list) list.push(o);
      else groups.set(key, [o]);
    }
    const level = headingLevel(this.headingLevel);
    const titleLevel = groupBy === 'none' ? level : Math.min(6, level + 1);
    const calendars = loaded.data.flatMap((d) => (d.calendar ? [d.calendar] : []));
    const list = (items: readonly Occurrence[], label?: string): TemplateResult => html`
      <ul part="list" aria-label=${label ?? nothing} aria-busy=${pending ? 'true' : nothing}>
        ${repeat(
          items,
          (o) => `${o.uid}|${o.start}|${o.recurrenceId ?? ''}`,
          (o) => this.#renderEvent(o, locale, timeZone, now, titleLevel, calendars),
        )}
      </ul>
    `;
    if (groupBy === 'none') return list(shown, this.#t('eventsList'));
    // Groups are keyed by day too: a day added before others moves them, their rows stay as they are.
    return html`${repeat(
      groups,
      ([key]) => key,
      ([key, items]) => {
        // Ids are scoped to the shadow root: fixed ones cannot clash between elements.
        const headingId = `group-${key}`;
        return html`<section part="group" role="group" aria-labelledby=${headingId}>
          ${heading(level, 'group-heading', groupHeading(key, groupBy, locale, now, timeZone, !isServer), headingId)}
          ${list(items)}
        </section>`;
      },
    )}`;
  }

  /** The description as safe DOM (cached per occurrence), once the sanitizer is loaded. */
  #description(o: Occurrence): Node[] | TemplateResult[] | typeof nothing {
    const module = sanitizer.value;
    if (!module) return nothing;
    // At build time there are no DOM nodes to build: the description as text, in paragraphs.
    if (isServer)
      return module
        .descriptionToText(o.description ?? '')
        .split(/\n{2,}/)
        .map((p) => html`<p>${p}</p>`);
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
    // "your time" only when the times are in the viewer's own zone; otherwise name the zone (always
    // at build time: the reader's zone is not known). Relative hints would be stale there.
    const viewerLabel =
      !isServer && showsLocalTime(timeZone, o.start) ? this.#t('yourTime') : zoneLabel(timeZone, locale, o.start);
    const happening = !isServer && isHappening(o, now);
    const hint = isServer || happening || o.cancelled ? undefined : relativeHint(o, now, locale, timeZone);
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
        ${showHost || isServer ? html`<span class="your-time">${viewerLabel}</span>` : nothing}
        ${showHost ? html`<span part="host-time">· ${when.host}</span>` : nothing}
        ${hint ? html`<span part="relative">${hint}</span>` : nothing}
        ${happening && !o.cancelled ? html`<span part="badge now">${this.#t('happeningNow')}</span>` : nothing}
        ${o.cancelled ? html`<span part="badge cancelled-badge">${this.#t('cancelled')}</span>` : nothing}
      </p>
      ${heading(titleLevel, 'title', title)} ${location ? html`<p part="location">${location}</p>` : nothing}
      ${
        o.cancelled
          ? nothing
          : html`<div part="actions">
              ${join ? joinLink(join, this.#t('join'), this.#t('joinLabel', { title })) : nothing}
              <details part="add-to-calendar" @toggle=${this.#onMenuToggle}>
                <summary aria-label=${this.#t('addToCalendarLabel', { title })}>${this.#t('addToCalendar')}</summary>
                ${
                  links
                    ? html`<ul>
                        ${
                          isServer
                            ? nothing
                            : html`<li>
                                <button
                                  type="button"
                                  @click=${() => links.downloadText(links.occurrenceToIcs(o), links.icsFileName(o))}
                                >
                                  ${this.#t('downloadEvent')}
                                </button>
                              </li>`
                        }
                        ${
                          series && !isServer
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
    const [{ seriesToIcs }, { downloadText }] = await Promise.all([
      import('../../calendar/export.js'),
      exportLinks.load(),
    ]);
    const text = seriesToIcs(calendar, o.uid);
    if (text) downloadText(text, fileName.replace(/-\d{4}-\d{2}-\d{2}\.ics$/, '.ics'));
  }

  #renderFooter(locale: string, timeZone: string, now: number): TemplateResult | typeof nothing {
    const { subscribe, calendar: open } = this.#links();
    const asOf = isServer ? asOfNote(locale, timeZone, now) : nothing;
    if (!subscribe && !open) return asOf;
    return html`<p part="footer">
        ${subscribe ? html`<a href=${subscribe} target="_blank" rel="noopener noreferrer">${this.#t('subscribe')}</a>` : nothing}
        ${open && open !== subscribe ? html` · <a href=${open} target="_blank" rel="noopener noreferrer">${this.#t('openCalendar')}</a>` : nothing}
      </p>
      ${asOf}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'otel-event-list': OtelEventList;
  }
}
