/** The error box of the calendar elements: what failed, in the reader's words, with Retry. */
import { html, nothing, type TemplateResult } from 'lit';
import { CalendarError, asCalendarError } from '../../calendar/errors.js';
import { stripBidiControls } from '../../calendar/safe-url.js';
import { ConfigurationError } from '../data/configuration-error.js';
import { enCalendar } from '../i18n/messages/en.js';
import { translator } from '../i18n/messages/index.js';

/** Messages in the reader's language; English from the calendar elements' table. */
const message = /* @__PURE__ */ translator(enCalendar);

/** What failed, in the reader's language. */
export function errorText(error: unknown, locale: string): string {
  if (error instanceof ConfigurationError) {
    return error.noSource ? message(locale, 'errorNoSource') : stripBidiControls(error.message);
  }
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
    !(error instanceof ConfigurationError) &&
    !waitShown &&
    normalize(error.message) !== normalize(text)
      ? error.message
      : '';
  return html`<div part="error" role="alert">
    <p class="title">${message(locale, 'errorTitle')}</p>
    <p>${text}</p>
    ${detail ? html`<p class="detail"><small>${detail}</small></p>` : nothing}
    <p>
      ${error instanceof ConfigurationError ? nothing : html`<button part="retry" type="button" @click=${onRetry}>${message(locale, 'retry')}</button>`}
      ${calendarLink ? html` <a href=${calendarLink} target="_blank" rel="noopener noreferrer">${message(locale, 'openCalendar')}</a>` : nothing}
    </p>
  </div>`;
}
