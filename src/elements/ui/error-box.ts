/** Small pieces of UI the elements share. */
import { html, nothing, type TemplateResult } from 'lit';
import { CalendarError } from '../../calendar/errors.js';
import type { CalendarWarning } from '../../calendar/types.js';
import { OtelErrorEvent, OtelLoadEvent } from '../events.js';
import { enCalendar } from '../i18n/messages/en.js';
import { translator } from '../i18n/messages/index.js';

/** Messages in the reader's language; English from the calendar elements' table. */
const message = /* @__PURE__ */ translator(enCalendar);

/** A real heading element of level 2–6 (Lit cannot bind a tag name). */
export function heading(level: number, part: string, content: string | TemplateResult, id?: string): TemplateResult {
  switch (Math.min(6, Math.max(2, level))) {
    case 2:
      return html`<h2 part=${part} id=${id ?? nothing}>${content}</h2>`;
    case 3:
      return html`<h3 part=${part} id=${id ?? nothing}>${content}</h3>`;
    case 4:
      return html`<h4 part=${part} id=${id ?? nothing}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part} id=${id ?? nothing}>${content}</h5>`;
    default:
      return html`<h6 part=${part} id=${id ?? nothing}>${content}</h6>`;
  }
}

/** Offers text as a file download (an `.ics`), through a short-lived blob: URL. */
export function downloadText(text: string, fileName: string, type = 'text/calendar;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** No calendar attributes were given. */
export class NoSourceError extends Error {
  override name = 'NoSourceError';
}

/** Any failure as a {@link CalendarError} (an unknown one counts as a network failure). */
export function asCalendarError(error: unknown): CalendarError {
  if (error instanceof CalendarError) return error;
  return new CalendarError('network', error instanceof Error ? error.message : String(error), { cause: error });
}

/** What failed, in the reader's language. */
export function errorText(error: unknown, locale: string): string {
  if (error instanceof NoSourceError) return message(locale, 'errorNoSource');
  const e = asCalendarError(error);
  switch (e.code) {
    case 'network':
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return message(locale, 'errorOffline');
      return message(locale, e.incomplete ? 'errorConnectionLost' : 'errorNetwork');
    case 'timeout':
      return message(locale, 'errorTimeout');
    case 'http':
      if (e.status === 404) return message(locale, 'errorNotFound');
      if (e.status === 401 || e.status === 403) return message(locale, 'errorForbidden', { status: e.status });
      if (e.status === 429 || (e.status === 503 && e.retryAfter !== undefined)) {
        // Whole minutes, rounded up: "try again in 2 minutes" for Retry-After: 120, 1 for 1–60 s.
        return e.retryAfter === undefined
          ? message(locale, 'errorRateLimitedLater', { status: e.status })
          : message(locale, 'errorRateLimited', {
              status: e.status,
              minutes: Math.max(1, Math.ceil(e.retryAfter / 60)),
            });
      }
      return message(locale, 'errorHttp', { status: e.status ?? '?' });
    case 'not-calendar':
      return message(locale, 'errorNotCalendar');
    case 'too-large':
      return message(locale, 'errorTooLarge');
    default:
      return message(locale, 'errorNetwork');
  }
}

/**
 * The error box: what failed in words, the engine's own words when they add something (e.g.
 * Google's reason), Retry, and a link to the calendar.
 */
export function renderError(
  error: unknown,
  locale: string,
  onRetry: () => void,
  calendarLink: string | undefined,
): TemplateResult {
  const text = errorText(error, locale);
  const normalize = (t: string): string => t.replace(/[.\s]+$/, '').toLowerCase();
  // A server's requested pause is already in the reader's words (with the wait): no English echo.
  const waitShown = error instanceof CalendarError && error.code === 'http' && error.retryAfter !== undefined;
  const detail =
    error instanceof Error &&
    !(error instanceof NoSourceError) &&
    !waitShown &&
    normalize(error.message) !== normalize(text)
      ? error.message
      : '';
  return html`<div part="error" role="alert">
    <p class="title">${message(locale, 'errorTitle')}</p>
    <p>${text}</p>
    ${detail ? html`<p class="detail"><small>${detail}</small></p>` : nothing}
    <p>
      ${error instanceof NoSourceError ? nothing : html`<button part="retry" type="button" @click=${onRetry}>${message(locale, 'retry')}</button>`}
      ${calendarLink ? html` <a href=${calendarLink} target="_blank" rel="noopener noreferrer">${message(locale, 'openCalendar')}</a>` : nothing}
    </p>
  </div>`;
}

/** Fires `otel-load`, and `otel-error` too when a refresh failed and saved data is shown. */
export function fireLoaded(
  host: EventTarget,
  count: number,
  stale: boolean,
  staleError: CalendarError | undefined,
  warnings: readonly CalendarWarning[] = [],
): void {
  const loadEvent = new OtelLoadEvent(count, stale, warnings);
  host.dispatchEvent(loadEvent);
  if (staleError) {
    const errorEvent = new OtelErrorEvent(staleError);
    host.dispatchEvent(errorEvent);
  }
}

/** Fires `otel-error` for a failure the reader sees; returns false (and fires nothing) for an aborted load. */
export function fireFailed(host: EventTarget, error: unknown): boolean {
  if (error instanceof CalendarError && error.code === 'aborted') return false;
  const errorEvent = new OtelErrorEvent(error instanceof Error ? error : asCalendarError(error));
  host.dispatchEvent(errorEvent);
  return true;
}
