import { html, type TemplateResult } from 'lit';

/** The polite live region an element announces its loads in (visually hidden). */
export function liveRegion(text: string): TemplateResult {
  return html`<p class="visually-hidden" role="status">${text}</p>`;
}
