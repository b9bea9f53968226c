/** The notice an element shows above a saved copy of its events: how old it is, and Retry when the refresh failed. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Loaded } from '../data/types.js';
import { enCalendar } from '../i18n/messages/en.js';
import { translator } from '../i18n/messages/index.js';

/** Messages in the reader's language; English from the calendar elements' table. */
const message = /* @__PURE__ */ translator(enCalendar);

const MINUTE = 60_000;

/**
 * How long ago `savedAt` was at `now`, in the locale's words ("3 hours ago", "vor 2 Tagen"):
 * minutes under an hour, hours under two days, then days; at least one minute (a copy saved
 * "in the future" by a skewed clock reads as a minute ago).
 */
export function savedAgo(savedAt: number, now: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const minutes = Math.max(1, Math.round((now - savedAt) / MINUTE));
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}

/**
 * The `part="stale"` notice for a saved copy (`loaded.staleSince` set), or `nothing`: "Showing
 * events saved 3 hours ago." while a refresh runs, and "…; the calendar could not be refreshed."
 * with a Retry button once it failed. The exact save time is in the notice's `title`.
 */
export function renderSavedNotice(
  loaded: Loaded,
  locale: string,
  now: number,
  retry: () => void,
): TemplateResult | typeof nothing {
  if (loaded.staleSince === undefined) return nothing;
  const ago = savedAgo(loaded.staleSince, now, locale);
  const failed = loaded.staleError !== undefined;
  const exact = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(loaded.staleSince);
  return html`<p part="stale" role="note" title=${exact}>
    ${message(locale, failed ? 'staleAgo' : 'savedAgo', { ago })}
    ${failed ? html`<button part="retry" type="button" @click=${retry}>${message(locale, 'retry')}</button>` : nothing}
  </p>`;
}
