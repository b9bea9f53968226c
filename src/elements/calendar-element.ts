import { LitElement, type PropertyDeclarations } from 'lit';
import { CalendarDataController, type CalendarDataOptions } from './data/controller.js';
import { LocaleController } from './i18n/locale-controller.js';
import type { Calendar } from '../calendar/types.js';
import type { EmbeddedSeries } from './data/embedded.js';
import { firstUpdate } from './ui/first-update.js';

/**
 * What the calendar elements (`<otel-event-list>`, `<otel-discussion-card>`) have in common: the
 * settings that say which calendar to read and how, one data controller that reads it (see
 * data/controller.ts), the reader's language, and Retry. An element extends it, says which source
 * kinds it reads, which window it shows and what of the data it shows (`dataOptions`), and renders.
 *
 * @csspart error - The error message with its Retry button.
 * @csspart retry - The Retry button (errors, and the notice of a failed refresh).
 * @csspart stale - The notice shown when a saved copy is displayed, or a calendar failed while others loaded.
 * @csspart as-of - In the page's HTML rendered at build time (`otel-calendar prerender`): when its times were true.
 *
 * @cssprop --otel-font-family - Font (default: inherited from the page).
 * @cssprop --otel-font-size - Base font size (default: 1rem).
 * @cssprop --otel-color-text - Text colour (default: inherited).
 * @cssprop --otel-color-muted - Secondary text (default: the text colour at 70%).
 * @cssprop --otel-color-accent - Links, buttons and highlights.
 * @cssprop --otel-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --otel-color-surface - Background of an event or a card.
 * @cssprop --otel-color-border - Borders and separators.
 * @cssprop --otel-color-danger - Errors and the "Cancelled" badge.
 * @cssprop --otel-color-focus - The focus ring (default: the accent).
 * @cssprop --otel-radius - Corner radius.
 * @cssprop --otel-space - Spacing unit.
 *
 * @fires otel-load - {OtelLoadEvent} The calendar loaded, also after a revalidation or Retry (`count`
 *   shown, `stale` when a saved copy is shown, `warnings`).
 * @fires otel-error - {OtelErrorEvent} Loading failed (`error.code`: network, timeout, http,
 *   not-calendar, too-large), or a revalidation failed and the saved copy is shown.
 */
export abstract class OtelCalendarElement extends LitElement {
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    googleCalendarId: { attribute: 'google-calendar-id' },
    googleApiKey: { attribute: 'google-api-key' },
    proxy: {},
    timeout: { type: Number },
    cache: {},
    refresh: { type: Number },
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

  /** Milliseconds before a request counts as failed. */
  declare timeout: number;

  /**
   * `local` (default): keep the last good events in localStorage, show them at once on the next
   * visit and when offline; `none`: store nothing (see docs/caching.md).
   */
  declare cache: 'local' | 'none';

  /**
   * Minutes between revalidations while the page is visible (and on return to a tab hidden
   * longer): new events appear without a reload, and a failed revalidation keeps what is shown.
   * `0`: load once.
   */
  declare refresh: number;

  /** The current time (ms) used for the window and the hints; default `Date.now()` (tests, previews). */
  declare now: number | undefined;

  /** The reader's language. */
  protected readonly language = new LocaleController(this);

  /** The element's calendar data. */
  protected readonly data = new CalendarDataController(this, this.dataOptions());

  constructor() {
    super();
    this.src = '';
    this.googleCalendarId = '';
    this.googleApiKey = '';
    this.proxy = '';
    this.timeout = 15_000;
    this.cache = 'local';
    this.refresh = 60;
    this.now = undefined;
  }

  /** Loads again now, asking the servers rather than this page's shared copies (what Retry does). */
  reload(): Promise<void> {
    return this.data.reload();
  }

  /** The first update takes over content the build rendered into the page, with the data it embedded. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.hasUpdated
      ? super.scheduleUpdate()
      : firstUpdate(
          this,
          () => super.scheduleUpdate(),
          (make, asOf, rows) => {
            this.data.seed(make, asOf);
            this.firstRows = rows;
          },
          this.seriesCalendar,
        );
  }

  /**
   * How many rows the first render of the element's calendar shows, the rest following in steps
   * (unset: the element's default). Taking over prerendered rows sets it to those in view.
   */
  declare protected firstRows: number | undefined;

  /** Reads the series the build embedded into a calendar, for an element that describes them (the card). */
  protected seriesCalendar: ((series: readonly EmbeddedSeries[]) => Calendar | undefined) | undefined;

  /**
   * Which source kinds the element reads, the window it shows, and what of loaded data it shows.
   * Called once, while the element is constructed: read the element's state inside the functions.
   */
  protected abstract dataOptions(): CalendarDataOptions;
}
