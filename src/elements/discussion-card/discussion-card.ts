import { Task } from '@lit/task';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { CalendarError } from '../../calendar/errors.js';
import { expandCalendar } from '../../calendar/expand.js';
import { clearCalendarCache } from '../../calendar/fetch.js';
import { isSafeUrl, stripBidiControls } from '../../calendar/safe-url.js';
import { DAY } from '../../calendar/time.js';
import type { Calendar, CalendarEvent, Occurrence } from '../../calendar/types.js';
import { intlZone, localZoneName, showsLocalTime } from '../../calendar/zones/intl-zone.js';
import { calendarElementStyles } from '../styles/controls.styles.js';
import { lazy } from '../ui/lazy.js';
import { LiveController } from '../data/live-controller.js';
import { statusStyles } from '../styles/status.styles.js';
import { loadAll, sourcesFrom, viewOf, type LastGood, type Loaded } from '../data/calendar-data.js';
import { describeCadence } from '../i18n/cadence.js';
import { describeWhen, relativeHint, zoneLabel } from '../i18n/format.js';
import { resolveLocale } from '../i18n/locale.js';
import { enCalendar, enCard } from '../i18n/messages/en.js';
import { translator } from '../i18n/messages/index.js';
import { ScheduleError, scheduleCalendar, type InlineSchedule } from '../data/inline-schedule.js';
import { NoSourceError, downloadText, fireFailed, fireLoaded, heading, renderError } from '../ui/error-box.js';
import { discussionCardStyles } from './discussion-card.styles.js';

/** Messages in the reader's language; English from the calendar elements' and the card's tables. */
const message = /* @__PURE__ */ translator({ ...enCalendar, ...enCard });
type MessageKey = keyof typeof enCalendar | keyof typeof enCard;

/** How far ahead sessions are looked for. */
const HORIZON = 400 * DAY;
const REGIONS = { AMER: 'regionAMER', EMEA: 'regionEMEA', APAC: 'regionAPAC' } as const satisfies Record<
  string,
  MessageKey
>;

interface Sessions {
  readonly sessions: readonly Occurrence[];
  /** The series the cadence is read from (a master with an RRULE), if known. */
  readonly series: CalendarEvent | undefined;
  /** The calendar holding the series (for the whole-series download). */
  readonly calendar: Calendar | undefined;
}

let idCounter = 0;

/** The .ics and Google Calendar links: loaded when the series is downloaded, or for an inline schedule's Google link. */
const exportLinks = lazy(() => import('../../calendar/export-links.js'));

/**
 * One discussion group: its region, what it is about, the format, the cadence in words, the next
 * sessions in the reader's time zone (the host's beside them), how to join, and the rules of the
 * room. The schedule comes from a calendar (`src` + `match`) or is given inline (`rrule`,
 * `dtstart`, `timezone`, `duration`) with no fetch at all.
 *
 * @summary A discussion group: cadence in words, next sessions in your time zone, join link, rules of the room.
 * @tag otel-discussion-card
 *
 * @slot - What the group is about.
 * @slot links - More community links (e.g. `<a slot="links" href="…">Agenda</a>`).
 *
 * @csspart base - The card.
 * @csspart header - Title and region.
 * @csspart title - The group's name.
 * @csspart region - The region badge (AMER / EMEA / APAC and its full name).
 * @csspart description - The description slot's wrapper.
 * @csspart facts - The "When" and "Format" list.
 * @csspart cadence - The cadence in words ("every third Tuesday of the month at 11:00 CET").
 * @csspart format - The format and its explanation.
 * @csspart rules - The rules of the room (a `<chatham-notice>`).
 * @csspart sessions - The next sessions.
 * @csspart session-list - The list of sessions.
 * @csspart session - One session; the next one also has `next`, a cancelled one `cancelled`.
 * @csspart host-time - A session's time in the host's zone.
 * @csspart relative - The relative hint of the next session.
 * @csspart badge - A badge ("Next session", "Cancelled"); also `next-badge`, `cancelled-badge`.
 * @csspart actions - Join and add-to-calendar.
 * @csspart join - The "Join" link.
 * @csspart add-to-calendar - The "Add all sessions" button.
 * @csspart links - Community links (Slack, notes, the `links` slot).
 * @csspart error - The error message with its Retry button.
 * @csspart retry - The Retry button.
 *
 * @cssprop --otel-font-family - Font (default: inherited from the page).
 * @cssprop --otel-font-size - Base font size (default: 1rem).
 * @cssprop --otel-color-text - Text colour (default: inherited).
 * @cssprop --otel-color-muted - Secondary text.
 * @cssprop --otel-color-accent - Links, buttons, the region badge and the next session's mark.
 * @cssprop --otel-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --otel-color-surface - Background of the card.
 * @cssprop --otel-color-border - Borders.
 * @cssprop --otel-color-danger - Errors and "Cancelled".
 * @cssprop --otel-color-focus - The focus ring.
 * @cssprop --otel-radius - Corner radius.
 * @cssprop --otel-space - Spacing unit.
 *
 * @fires otel-load - {OtelLoadEvent} The schedule is ready (`count`: sessions shown).
 * @fires otel-error - {OtelErrorEvent} The calendar or the inline schedule could not be used.
 */
export class OtelDiscussionCard extends LitElement {
  static override styles = [calendarElementStyles, statusStyles, discussionCardStyles];

  static override properties = {
    heading: {},
    region: {},
    src: {},
    match: {},
    rrule: {},
    dtstart: {},
    timezone: {},
    duration: {},
    count: { type: Number },
    chatham: { type: Boolean, reflect: true },
    recorded: { type: Boolean, reflect: true },
    format: {},
    formatUrl: { attribute: 'format-url' },
    joinUrl: { attribute: 'join-url' },
    slackUrl: { attribute: 'slack-url' },
    notesUrl: { attribute: 'notes-url' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    displayTimezone: { attribute: 'display-timezone' },
    proxy: {},
    timeout: { type: Number },
    now: { attribute: false },
  };

  /** The group's name, e.g. "End User Discussion Group — EMEA". */
  declare heading: string;

  /** `AMER`, `EMEA` or `APAC` (shown with the region's full name). */
  declare region: string;

  /** Calendar URL(s) (ICS or the CLI's JSON snapshot) holding the sessions; see `match`. */
  declare src: string;

  /** Text the sessions' titles contain (case-insensitive), to pick them out of `src`. */
  declare match: string;

  /** Inline schedule: the RRULE, e.g. `FREQ=MONTHLY;BYDAY=3TU`. */
  declare rrule: string;

  /** Inline schedule: the first session's local start in `timezone`, e.g. `2024-01-16T11:00`. */
  declare dtstart: string;

  /** Inline schedule: the host's IANA time zone, e.g. `Europe/Berlin`. */
  declare timezone: string;

  /** Inline schedule: each session's length (ISO 8601), default `PT1H`. */
  declare duration: string;

  /** How many upcoming sessions to list. */
  declare count: number;

  /** The Chatham House Rule applies (shows a `<chatham-notice>` badge). */
  declare chatham: boolean;

  /** Sessions are recorded (shows the recorded-session notice). */
  declare recorded: boolean;

  /** The format: `lean-coffee` (default, explained with a link), `none`, or any text to show as is. */
  declare format: string;

  /** Where "Learn more" about the format points. */
  declare formatUrl: string;

  /** The meeting link; default: the one found in the calendar. */
  declare joinUrl: string;

  /** The group's Slack channel. */
  declare slackUrl: string;

  /** The group's meeting notes. */
  declare notesUrl: string;

  /** Level of the card's heading (2–6); "Next sessions" is one level below. */
  declare headingLevel: number;

  /** Show times in this zone instead of the reader's (IANA name). */
  declare displayTimezone: string;

  /** Proxy URL template for ICS hosts without CORS headers (see `<otel-event-list>`). */
  declare proxy: string;

  /** Milliseconds before a request counts as failed. */
  declare timeout: number;

  /** The current time (ms); default `Date.now()` (tests, previews). */
  declare now: number | undefined;

  /** The live region's text: set through {@link #announce}, which re-renders. */
  #announcement = '';

  #announce(text: string): void {
    if (text === this.#announcement) return;
    this.#announcement = text;
    this.requestUpdate();
  }

  #lastGood: LastGood | undefined;
  readonly #id = `otel-discussion-card-${++idCounter}`;

  readonly #task = new Task(this, {
    task: async ([src], { signal }): Promise<Loaded | undefined> => {
      const sources = sourcesFrom(src);
      if (sources.length === 0) return undefined;
      const now = this.#now();
      const { loaded, lastGood } = await loadAll(
        sources,
        {
          signal,
          timeout: this.timeout,
          proxy: this.proxy || undefined,
          from: now - DAY,
          to: now + HORIZON,
          timeZone: this.#viewZone(),
          now,
        },
        this.#lastGood,
      );
      this.#lastGood = lastGood;
      return loaded;
    },
    args: () => [this.src, this.proxy, this.timeout] as const,
    onComplete: (loaded) => {
      if (!loaded) return;
      const count = this.#sessions(loaded).sessions.filter((o) => !o.cancelled).length;
      this.#announce('');
      fireLoaded(this, count, loaded.staleSince !== undefined, loaded.staleError);
    },
    onError: (error) => {
      if (fireFailed(this, error)) this.#announce(message(this.#locale(), 'errorTitle'));
    },
  });

  constructor() {
    super();
    this.heading = '';
    this.region = '';
    this.src = '';
    this.match = '';
    this.rrule = '';
    this.dtstart = '';
    this.timezone = '';
    this.duration = 'PT1H';
    this.count = 3;
    this.chatham = false;
    this.recorded = false;
    this.format = 'lean-coffee';
    this.formatUrl = 'https://leancoffee.org/';
    this.joinUrl = '';
    this.slackUrl = '';
    this.notesUrl = '';
    this.headingLevel = 3;
    this.displayTimezone = '';
    this.proxy = '';
    this.timeout = 15_000;
    this.now = undefined;
    // Locale, minute clock, abort on removal, reload on re-attach.
    this.addController(new LiveController(this, this.#task));
  }

  protected override firstUpdated(): void {
    // An inline schedule needs no fetch: report it at once.
    if (!this.src) {
      try {
        fireLoaded(this, this.#inlineSessions().sessions.filter((o) => !o.cancelled).length, false, undefined);
      } catch (error) {
        fireFailed(this, error);
      }
    }
  }

  /** Loads the calendar again, bypassing the shared cache (what the Retry button does). */
  async refresh(): Promise<void> {
    for (const source of sourcesFrom(this.src))
      if (source.kind !== 'google') clearCalendarCache(source.url, this.proxy || undefined);
    await this.#task.run();
  }

  #locale(): string {
    return resolveLocale(this);
  }

  #now(): number {
    return this.now ?? Date.now();
  }

  #viewZone(): string {
    return this.displayTimezone && intlZone(this.displayTimezone) ? this.displayTimezone : localZoneName();
  }

  #t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string {
    return message(this.#locale(), key, values);
  }

  #window(): { from: number; to: number } {
    const now = this.#now();
    return { from: now, to: now + HORIZON };
  }

  /** The inline schedule as the attributes give it (one UID for the sessions and the export). */
  #inlineSchedule(): InlineSchedule {
    return {
      uid: `otel-discussion-card:${this.heading || this.#id}`,
      title: this.heading,
      rrule: this.rrule,
      dtstart: this.dtstart,
      timeZone: this.timezone,
      duration: this.duration,
      url: isSafeUrl(this.joinUrl),
    };
  }

  /** Sessions from an inline schedule. Throws {@link ScheduleError} when it cannot be used. */
  #inlineSessions(): Sessions {
    if (!this.rrule || !this.dtstart || !this.timezone) {
      throw new NoSourceError('Give either src (and match) or rrule, dtstart and timezone');
    }
    const calendar = scheduleCalendar(this.#inlineSchedule());
    const { occurrences } = expandCalendar(calendar, {
      ...this.#window(),
      timeZone: this.#viewZone(),
      limit: Math.max(1, this.count),
    });
    return { sessions: occurrences, series: calendar.events[0], calendar: undefined };
  }

  /** Sessions from the loaded calendar(s), matched by title. */
  #sessions(loaded: Loaded): Sessions {
    const { occurrences } = viewOf(loaded.data, {
      ...this.#window(),
      timeZone: this.#viewZone(),
      filter: this.match,
      includeCancelled: true,
    });
    const sessions: Occurrence[] = [];
    let kept = 0;
    for (const o of occurrences) {
      if (kept >= Math.max(1, this.count)) break;
      sessions.push(o);
      if (!o.cancelled) kept++;
    }
    // The cadence comes from the series: the matching master with an RRULE that started last.
    const needle = this.match.trim().toLocaleLowerCase();
    let series: CalendarEvent | undefined;
    let calendar: Calendar | undefined;
    for (const d of loaded.data) {
      if (d.kind !== 'calendar') continue;
      for (const e of d.calendar.events) {
        if (e.recurrenceId || e.rrules.length === 0 || !e.summary.toLocaleLowerCase().includes(needle)) continue;
        if (!series || e.start.wall > series.start.wall) {
          series = e;
          calendar = d.calendar;
        }
      }
    }
    return { sessions, series, calendar };
  }

  override render(): TemplateResult {
    const locale = this.#locale();
    const level = Math.min(6, Math.max(2, this.headingLevel || 3));
    const titleId = `${this.#id}-title`;
    let body: TemplateResult;
    if (this.src) {
      body = this.#task.render({
        initial: () => this.#renderLoading(),
        pending: () =>
          this.#task.value ? this.#renderSchedule(this.#sessions(this.#task.value), level) : this.#renderLoading(),
        complete: (loaded) => (loaded ? this.#renderSchedule(this.#sessions(loaded), level) : this.#renderLoading()),
        error: (error) =>
          error instanceof CalendarError && error.code === 'aborted'
            ? this.#renderLoading()
            : renderError(error, locale, () => void this.refresh(), this.#calendarLink()),
      });
    } else {
      try {
        body = this.#renderSchedule(this.#inlineSessions(), level);
      } catch (error) {
        if (!(error instanceof ScheduleError || error instanceof NoSourceError)) throw error;
        body = this.#renderScheduleError(error);
      }
    }
    const regionKey = REGIONS[this.region.toUpperCase() as keyof typeof REGIONS] as MessageKey | undefined;
    return html`<article part="base" aria-labelledby=${titleId}>
      <p class="visually-hidden" role="status">${this.#announcement}</p>
      <header part="header">
        ${heading(level, 'title', stripBidiControls(this.heading), titleId)}
        ${
          this.region
            ? html`<p part="region">
                <span class="code">${stripBidiControls(this.region.toUpperCase())}</span
                >${regionKey ? html` <span class="full">· ${this.#t(regionKey)}</span>` : nothing}
              </p>`
            : nothing
        }
      </header>
      <div part="description"><slot></slot></div>
      ${body} ${this.#renderLinks()}
    </article>`;
  }

  #calendarLink(): string | undefined {
    const first = sourcesFrom(this.src)[0];
    return first && first.kind !== 'google' ? isSafeUrl(new URL(first.url, document.baseURI).href) : undefined;
  }

  #renderLoading(): TemplateResult {
    return html`<div aria-busy="true">
      <span class="visually-hidden">${this.#t('loading')}</span>
      <span class="skeleton" aria-hidden="true"></span><br /><span class="skeleton" aria-hidden="true"></span>
    </div>`;
  }

  #renderScheduleError(error: Error): TemplateResult {
    return html`<div part="error" role="alert">
      <p class="title">${this.#t('errorTitle')}</p>
      <p>${stripBidiControls(error.message)}</p>
    </div>`;
  }

  #renderFormat(): TemplateResult | typeof nothing {
    const format = stripBidiControls(this.format.trim());
    if (!format || format === 'none') return nothing;
    if (format === 'lean-coffee') {
      const url = isSafeUrl(this.formatUrl);
      return html`<dt>${this.#t('format')}</dt>
        <dd part="format">
          <strong>${this.#t('formatLeanCoffee')}</strong> —
          <span class="explanation">${this.#t('leanCoffeeExplained')}</span>
          ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${this.#t('learnMore')}</a>` : nothing}
        </dd>`;
    }
    return html`<dt>${this.#t('format')}</dt>
      <dd part="format">${format}</dd>`;
  }

  #renderSchedule(schedule: Sessions, level: number): TemplateResult {
    const locale = this.#locale();
    const viewZone = this.#viewZone();
    const now = this.#now();
    const { sessions, series } = schedule;
    const hostZone = series && typeof series.start.zone === 'object' ? series.start.zone.iana : undefined;
    const rule = series?.rrules[0];
    const next = sessions.find((o) => !o.cancelled);
    const cadence =
      rule && series && hostZone
        ? describeCadence(rule, series.start.wall, hostZone, locale, next?.start ?? now)
        : undefined;
    const join = isSafeUrl(this.joinUrl) ?? (next?.joinUrl ? isSafeUrl(next.joinUrl) : undefined);
    const sessionsId = `${this.#id}-sessions`;
    return html`
      <dl part="facts">
        ${
          cadence
            ? html`<dt>${this.#t('schedule')}</dt>
                <dd part="cadence">${cadence}</dd>`
            : nothing
        }
        ${this.#renderFormat()}
      </dl>
      ${
        this.chatham || this.recorded
          ? html`<div part="rules">
              ${this.chatham ? html`<chatham-notice variant="badge" ?no-recording=${!this.recorded}></chatham-notice>` : nothing}
              ${this.recorded ? html`<chatham-notice variant="inline" recorded></chatham-notice>` : nothing}
            </div>`
          : nothing
      }
      <section part="sessions" aria-labelledby=${`${sessionsId} ${this.#id}-title`}>
        ${heading(level + 1, 'sessions-heading', this.#t('nextSessions'), sessionsId)}
        ${
          sessions.length === 0
            ? html`<p>${this.#t('noSessions')}</p>`
            : html`<ol part="session-list">
                ${sessions.map((o) => this.#renderSession(o, o === next, locale, viewZone, now))}
              </ol>`
        }
      </section>
      <div part="actions">
        ${
          join && next
            ? html`<a
                part="join"
                class="button primary"
                href=${join}
                target="_blank"
                rel="noopener noreferrer"
                aria-label=${this.#t('joinLabel', { title: this.heading })}
                >${this.#t('join')}</a
              >`
            : nothing
        }
        ${next ? html`<button part="add-to-calendar" type="button" @click=${() => void this.#downloadSeries(schedule)}>${this.#t('addSeries')}</button>` : nothing}
        ${next && !this.src && this.rrule ? this.#renderGoogleLink(next, this.rrule) : nothing}
      </div>
    `;
  }

  #renderSession(o: Occurrence, isNext: boolean, locale: string, viewZone: string, now: number): TemplateResult {
    const when = describeWhen(o, locale, viewZone, true);
    const hint = isNext ? relativeHint(o, now, locale, viewZone) : undefined;
    const viewerLabel = showsLocalTime(viewZone, o.start) ? this.#t('yourTime') : zoneLabel(viewZone, locale, o.start);
    const parts = ['session', isNext ? 'next' : '', o.cancelled ? 'cancelled' : ''].filter(Boolean).join(' ');
    return html`<li part=${parts} class=${o.cancelled ? 'cancelled' : ''}>
      <span class="when"
        ><time datetime=${when.startAttr}>${when.start}</time
        >${when.end ? html`–<time datetime=${when.endAttr ?? ''}>${when.end}</time>` : nothing}</span
      >
      ${when.host ? html`<span class="muted">${viewerLabel}</span><span part="host-time">· ${when.host}</span>` : nothing}
      ${hint ? html`<span part="relative">${hint}</span>` : nothing}
      ${isNext ? html`<span part="badge next-badge">${this.#t('nextSession')}</span>` : nothing}
      ${o.cancelled ? html`<span part="badge cancelled-badge">${this.#t('cancelled')}</span>` : nothing}
    </li>`;
  }

  /** "Add to Google Calendar" for an inline schedule: shown once the export links are loaded (right after the first paint). */
  #renderGoogleLink(next: Occurrence, rrule: string): TemplateResult | typeof nothing {
    const links = exportLinks.value;
    if (!links) {
      exportLinks.load().then(
        () => this.requestUpdate(),
        () => undefined,
      );
      return nothing;
    }
    return html`<a
      class="button"
      href=${links.googleCalendarUrl(next, { recurrence: [rrule] })}
      target="_blank"
      rel="noopener noreferrer"
      >${this.#t('googleCalendar')}</a
    >`;
  }

  async #downloadSeries(schedule: Sessions): Promise<void> {
    const first = schedule.sessions[0];
    if (!first) return;
    const { icsFileName, scheduleToIcs } = await exportLinks.load();
    const name = icsFileName(first).replace(/-\d{4}-\d{2}-\d{2}\.ics$/, '.ics');
    if (schedule.calendar && schedule.series) {
      const { seriesToIcs } = await import('../../calendar/export.js');
      const text = seriesToIcs(schedule.calendar, schedule.series.uid);
      if (text) downloadText(text, name);
      return;
    }
    if (this.rrule && this.dtstart && this.timezone) {
      downloadText(scheduleToIcs({ ...this.#inlineSchedule(), duration: this.duration || 'PT1H' }), name);
    }
  }

  #renderLinks(): TemplateResult | typeof nothing {
    const slack = isSafeUrl(this.slackUrl);
    const notes = isSafeUrl(this.notesUrl);
    const slotted = this.querySelector(':scope > [slot="links"]') !== null;
    if (!slack && !notes && !slotted) return nothing;
    return html`<ul part="links" aria-label=${this.#t('communityLinks')}>
      ${slack ? html`<li><a href=${slack} target="_blank" rel="noopener noreferrer">${this.#t('slack')}</a></li>` : nothing}
      ${notes ? html`<li><a href=${notes} target="_blank" rel="noopener noreferrer">${this.#t('notes')}</a></li>` : nothing}
      ${slotted ? html`<li><slot name="links"></slot></li>` : nothing}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'otel-discussion-card': OtelDiscussionCard;
  }
}
