import { html, type TemplateResult } from 'lit';
import { dateTimeFormat } from '../i18n/date-time-format.js';
import { message } from '../i18n/messages/index.js';

/**
 * The note an element rendered at build time ends with: when its times were true ("As of 7 December
 * 2026, 15:00 UTC."). The reader's browser replaces it with live content; without JavaScript it
 * says how old the page is.
 */
export function asOfNote(locale: string, timeZone: string, at: number): TemplateResult {
  const date = dateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
  return html`<p part="as-of"><small>${message(locale, 'asOf', { date })}</small></p>`;
}
