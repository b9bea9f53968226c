import { html, isServer, nothing, type TemplateResult } from 'lit';
import { isSafeUrl, stripBidiControls } from '../../calendar/safe-url.js';
import type { Calendar, CalendarEvent, Occurrence } from '../../calendar/types.js';
import { intlZone, localZoneName, showsLocalTime } from '../../calendar/zones/intl-zone.js';
import { OtelCalendarElement } from '../calendar-element.js';
import type { CalendarDataOptions } from '../data/controller.js';
import { inlineKind } from '../data/sources/inline.js';
import { calendarKinds } from '../data/sources/registry.js';
import type { EmbeddedSeries } from '../data/embedded.js';
import { scheduleCalendar } from '../data/sources/inline-schedule.js';
import type { Loaded } from '../data/types.js';
import { describeCadence } from '../i18n/cadence.js';
import { describeWhen, relativeHint, zoneLabel } from '../i18n/format.js';
import { enCalendar, enCard } from '../i18n/messages/en.js';
import { translator } from '../i18n/messages/index.js';
import { calendarElementStyles } from '../styles/controls.styles.js';
import { statusStyles } from '../styles/status.styles.js';
import { asOfNote } from '../ui/as-of.js';
import { errorText, renderError } from '../ui/error-box.js';
import { heading, headingLevel } from '../ui/heading.js';
import { joinLink } from '../ui/join-link.js';
import { lazy } from '../ui/lazy.js';
import { liveRegion } from '../ui/live-region.js';
import { renderSavedNotice } from '../ui/saved-notice.js';
import { discussionCardStyles } from './discussion-card.styles.js';

/** Messages in the reader's language; English from the calendar elements' and the card's tables. */
const message = /* @__PURE__ */ translator({ ...enCalendar, ...enCard });
type MessageKey = keyof typeof enCalendar | keyof typeof enCard;

const DAY = 86_400_000;
/** How far ahead sessions are looked for. */
const HORIZON = 400 * DAY;
/** Loaded past the horizon: the card moves on with the clock for weeks without a reload. */
const LOOKAHEAD = 30 * DAY;
const REGIONS = { AMER: 'regionAMER', EMEA: 'regionEMEA', APAC: 'regionAPAC' } as const satisfies Record<
  string,
  MessageKey
>;

/** The next sessions, and the series they belong to. */
interface Sessions {
  readonly sessions: readonly Occurrence[];
  /** The series the cadence is read from (a master with an RRULE), if known. */
  readonly series: CalendarEvent | undefined;
  /** The calendar holding the series (for the whole-series download). */
  readonly calendar: Calendar | undefined;
}

/** A calendar holding nothing yet. */
const EMPTY_CALENDAR: Calendar = {
  name: undefined,
  description: undefined,
  timezone: undefined,
  events: [],
  warnings: [],
  timezoneComponents: new Map(),
};

/** The .ics and Google Calendar links: loaded when the series is downloaded, or for an inline schedule's Google link. */
const exportLinks = lazy(() => import('../ui/add-to-calendar.js'));

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
 * @slot heading - The group's name with markup of its own (a link, an abbreviation); replaces `heading`.
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
 */
export class OtelDiscussionCard extends OtelCalendarElement {
  static override styles = [calendarElementStyles, statusStyles, discussionCardStyles];

  static override properties = {
    heading: {},
    region: {},
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
  };

  /**
   * The group's name, e.g. "End User Discussion Group — EMEA". Without it (and without the
   * `heading` slot) the card is named after its sessions' title, else its region.
   */
  declare heading: string;

  /** `AMER`, `EMEA` or `APAC` (shown with the region's full name). */
  declare region: string;

  /** Text the sessions' titles contain (case-insensitive), to pick them out of the calendar (`src`). */
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

  #series: { readonly loaded: Loaded; readonly match: string; readonly found: Omit<Sessions, 'sessions'> } | undefined;

  constructor() {
    super();
    this.heading = '';
    this.region = '';
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
  }

  protected override dataOptions(): CalendarDataOptions {
    return {
      kinds: [inlineKind, ...calendarKinds],
      window: (now) => ({ from: now, to: now + HORIZON }),
      lookahead: LOOKAHEAD,
      timeZone: () => this.#viewZone(),
      shown: (loaded) => {
        const { sessions } = this.#sessions(loaded);
        return { occurrences: sessions, count: sessions.filter((o) => !o.cancelled).length, warnings: [] };
      },
    };
  }

  protected override updated(): void {
    // An inline schedule's Google Calendar link needs the export links: load them after the first paint.
    const state = this.data.state;
    if (state.status === 'ready' && this.#isInline(state.loaded) && !exportLinks.value) {
      exportLinks.load().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    }
  }

  protected override seriesCalendar = (series: readonly EmbeddedSeries[]): Calendar | undefined => {
    const events = series.flatMap((one) => {
      try {
        return scheduleCalendar(one).events;
      } catch {
        // A series the browser cannot read: its cadence waits for the calendar.
        return [];
      }
    });
    return events.length > 0 ? { ...EMPTY_CALENDAR, events } : undefined;
  };

  #viewZone(): string {
    return this.displayTimezone && intlZone(this.displayTimezone) ? this.displayTimezone : localZoneName();
  }

  #t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string {
    return message(this.language.locale, key, values);
  }

  #isInline(loaded: Loaded): boolean {
    return loaded.data.some((d) => d.source.kind === 'inline');
  }

  /** The next sessions in loaded data (cancelled ones listed, not counted), matched by title. */
  #sessions(loaded: Loaded): Sessions {
    const { occurrences } = this.data.view(loaded, { filter: this.match, includeCancelled: true });
    const sessions: Occurrence[] = [];
    let kept = 0;
    for (const o of occurrences) {
      if (kept >= Math.max(1, this.count)) break;
      sessions.push(o);
      if (!o.cancelled) kept++;
    }
    return { sessions, ...this.#seriesOf(loaded) };
  }

  /** The series the cadence comes from: the matching master with an RRULE that started last (remembered per data). */
  #seriesOf(loaded: Loaded): Omit<Sessions, 'sessions'> {
    if (this.#series?.loaded === loaded && this.#series.match === this.match) return this.#series.found;
    const needle = this.match.trim().toLocaleLowerCase();
    let series: CalendarEvent | undefined;
    let calendar: Calendar | undefined;
    for (const d of loaded.data) {
      for (const e of d.calendar?.events ?? []) {
        if (e.recurrenceId || e.rrules.length === 0 || !e.summary.toLocaleLowerCase().includes(needle)) continue;
        if (!series || e.start.wall > series.start.wall) {
          series = e;
          calendar = d.calendar;
        }
      }
    }
    const found = { series, calendar };
    this.#series = { loaded, match: this.match, found };
    return found;
  }

  /** The group's name as text: `heading`, else the sessions' title, else the region's name, else "Discussion group". */
  #title(schedule: Sessions | undefined): string {
    const regionKey = REGIONS[this.region.trim().toUpperCase() as keyof typeof REGIONS] as MessageKey | undefined;
    return (
      stripBidiControls(this.heading).trim() ||
      stripBidiControls(schedule?.series?.summary ?? schedule?.sessions[0]?.title ?? '').trim() ||
      (regionKey ? this.#t(regionKey) : '') ||
      this.#t('discussionGroup')
    );
  }

  override render(): TemplateResult {
    const state = this.data.state;
    const locale = this.language.locale;
    const level = headingLevel(this.headingLevel);
    // Ids are scoped to the shadow root: fixed ones cannot clash between elements.
    const titleId = 'title';
    const schedule = state.status === 'ready' ? this.#sessions(state.loaded) : undefined;
    const title = this.#title(schedule);
    const regionKey = REGIONS[this.region.toUpperCase() as keyof typeof REGIONS] as MessageKey | undefined;
    return html`<article part="base" aria-labelledby=${titleId}>
      ${liveRegion(this.data.announcement)}
      <header part="header">
        ${heading(level, 'title', html`<slot name="heading">${title}</slot>`, titleId)}
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
      ${
        state.status === 'ready' && schedule
          ? this.#renderLoaded(state.loaded, schedule, title, level, locale, this.data.now())
          : state.status === 'error'
            ? renderError(state.error, locale, () => void this.reload(), this.data.sources[0]?.calendarLink)
            : this.#renderLoading()
      }
      ${this.#renderLinks()} ${isServer ? asOfNote(locale, this.#viewZone(), this.data.now()) : nothing}
    </article>`;
  }

  #renderLoading(): TemplateResult {
    return html`<div aria-busy="true">
      <span class="visually-hidden">${this.#t('loading')}</span>
      <span class="skeleton" aria-hidden="true"></span><br /><span class="skeleton" aria-hidden="true"></span>
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

  #renderLoaded(
    loaded: Loaded,
    schedule: Sessions,
    title: string,
    level: number,
    locale: string,
    now: number,
  ): TemplateResult {
    const viewZone = this.#viewZone();
    const { sessions, series } = schedule;
    const hostZone = series && typeof series.start.zone === 'object' ? series.start.zone.iana : undefined;
    const rule = series?.rrules[0];
    const next = sessions.find((o) => !o.cancelled);
    const cadence =
      rule && series && hostZone
        ? describeCadence(rule, series.start.wall, hostZone, locale, next?.start ?? now)
        : undefined;
    const join = isSafeUrl(this.joinUrl) ?? (next?.joinUrl ? isSafeUrl(next.joinUrl) : undefined);
    const sessionsId = 'sessions';
    const links = exportLinks.value;
    return html`
      ${renderSavedNotice(loaded, locale, now, () => void this.reload())}
      ${loaded.errors.map(
        (e) => html`<p part="stale" role="note">${this.#t('partialError', { message: errorText(e, locale) })}</p>`,
      )}
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
      <section part="sessions" aria-labelledby="sessions title">
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
        ${join && next ? joinLink(join, this.#t('join'), this.#t('joinLabel', { title })) : nothing}
        ${next && !isServer ? html`<button part="add-to-calendar" type="button" @click=${() => void this.#downloadSeries(schedule)}>${this.#t('addSeries')}</button>` : nothing}
        ${
          next && links && this.#isInline(loaded)
            ? html`<a
                class="button"
                href=${links.googleCalendarUrl(next, { recurrence: [this.rrule] })}
                target="_blank"
                rel="noopener noreferrer"
                >${this.#t('googleCalendar')}</a
              >`
            : nothing
        }
      </div>
    `;
  }

  #renderSession(o: Occurrence, isNext: boolean, locale: string, viewZone: string, now: number): TemplateResult {
    const when = describeWhen(o, locale, viewZone, true);
    // At build time the reader's zone is not known (name the zone) and relative hints would be stale.
    const hint = isNext && !isServer ? relativeHint(o, now, locale, viewZone) : undefined;
    const viewerLabel =
      !isServer && showsLocalTime(viewZone, o.start) ? this.#t('yourTime') : zoneLabel(viewZone, locale, o.start);
    const parts = ['session', isNext ? 'next' : '', o.cancelled ? 'cancelled' : ''].filter(Boolean).join(' ');
    return html`<li part=${parts} class=${o.cancelled ? 'cancelled' : ''}>
      <span class="when"
        ><time datetime=${when.startAttr}>${when.start}</time
        >${when.end ? html`–<time datetime=${when.endAttr ?? ''}>${when.end}</time>` : nothing}</span
      >
      ${when.host || isServer ? html`<span class="muted">${viewerLabel}</span>` : nothing}
      ${when.host ? html`<span part="host-time">· ${when.host}</span>` : nothing}
      ${hint ? html`<span part="relative">${hint}</span>` : nothing}
      ${isNext ? html`<span part="badge next-badge">${this.#t('nextSession')}</span>` : nothing}
      ${o.cancelled ? html`<span part="badge cancelled-badge">${this.#t('cancelled')}</span>` : nothing}
    </li>`;
  }

  async #downloadSeries(schedule: Sessions): Promise<void> {
    const first = schedule.sessions[0];
    if (!first) return;
    const { downloadText, icsFileName, scheduleToIcs } = await exportLinks.load();
    const name = icsFileName(first).replace(/-\d{4}-\d{2}-\d{2}\.ics$/, '.ics');
    if (schedule.calendar && schedule.series?.raw) {
      const { seriesToIcs } = await import('../../calendar/export.js');
      const text = seriesToIcs(schedule.calendar, schedule.series.uid);
      if (text) downloadText(text, name);
      return;
    }
    if (schedule.series && this.rrule && this.dtstart && this.timezone) {
      downloadText(
        scheduleToIcs({
          uid: schedule.series.uid,
          title: schedule.series.summary,
          rrule: this.rrule,
          dtstart: this.dtstart,
          timeZone: this.timezone,
          duration: this.duration || 'PT1H',
          url: isSafeUrl(this.joinUrl),
        }),
        name,
      );
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
