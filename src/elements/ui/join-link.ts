import { html, type TemplateResult } from 'lit';

/** The "Join" button of a meeting: `href` already checked (http(s)), `label` names the meeting for screen readers. */
export function joinLink(href: string, text: string, label: string): TemplateResult {
  return html`<a
    part="join"
    class="button primary"
    href=${href}
    target="_blank"
    rel="noopener noreferrer"
    aria-label=${label}
    >${text}</a
  >`;
}
