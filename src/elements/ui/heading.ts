/** Headings of a level the element's settings choose. */
import { html, nothing, type TemplateResult } from 'lit';

/** A heading level from a setting: 2–6, and 3 when it is not a number. */
export function headingLevel(value: number): number {
  return Math.min(6, Math.max(2, Math.trunc(value) || 3));
}

/** A real heading element of level 2–6 (Lit cannot bind a tag name). */
export function heading(level: number, part: string, content: unknown, id?: string): TemplateResult {
  switch (headingLevel(level)) {
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
