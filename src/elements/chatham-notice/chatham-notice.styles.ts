import { css } from 'lit';

export const chathamNoticeStyles = css`
  [hidden] {
    display: none !important;
  }
  :host(:state(dismissed)) {
    display: none;
  }
  p,
  ul {
    margin: 0;
  }
  [part='title'] {
    font-weight: 650;
  }
  [part='text'] {
    overflow-wrap: anywhere;
  }
  [part='lines'] {
    padding-inline-start: 1.2em;
    color: var(--_muted);
    font-size: 0.95em;
  }
  .source {
    font-size: 0.95em;
  }
  /*
   * Wording shown in English because the page's language has no translation is marked lang="en":
   * it reads left to right with its punctuation at its end, also on a right-to-left page.
   */
  [part='title'][lang],
  [part='text'][lang],
  [part='lines'] li[lang],
  [part='source'][lang] {
    unicode-bidi: plaintext;
  }

  /* The notice's two buttons (it does not load the calendar elements' control styles). */
  button {
    font: inherit;
    line-height: 1.3;
    cursor: pointer;
    border: 1px solid;
    border-radius: calc(var(--_radius) * 0.75);
    background: transparent;
  }

  /* badge (a summary in the page's HTML rendered at build time, a button once the element runs) */
  summary[part='badge'] {
    list-style: none;
    width: fit-content;
  }
  summary[part='badge']::-webkit-details-marker {
    display: none;
  }
  [part='badge'] {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font-size: 0.85em;
    font-weight: 600;
    border-radius: 999px;
    min-height: 24px;
    padding: 0.15em 0.75em;
    border-color: var(--_control-border);
    background: var(--_surface);
    color: var(--_text);
  }
  /* A chevron pointing to the inline end (› in LTR, ‹ in RTL) when closed, down when open. */
  [part='badge']::before {
    content: '';
    width: 0.45em;
    height: 0.45em;
    border: 0 solid currentColor;
    border-inline-end-width: 0.13em;
    border-block-end-width: 0.13em;
    transform: rotate(-45deg);
    transition: transform 0.15s ease;
  }
  [part='badge'][aria-expanded='true']::before,
  [part='badge']:dir(rtl)::before {
    transform: rotate(45deg);
  }
  [part='badge'][aria-expanded='true']:dir(rtl)::before {
    transform: rotate(-45deg);
  }
  [part='badge']:hover {
    border-color: var(--_accent);
  }
  [part='panel'],
  .inline,
  .banner {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part='panel'] {
    margin-block-start: calc(var(--_space) * 0.5);
    max-width: 42em;
    animation: reveal 0.15s ease-out;
  }
  @keyframes reveal {
    from {
      opacity: 0;
      transform: translateY(-0.25em);
    }
  }

  /* inline */
  .inline {
    border-inline-start: 3px solid var(--_accent);
  }

  /* banner: in the flow, full width */
  .banner {
    grid-template-columns: 1fr auto;
    align-items: start;
    width: 100%;
    border-inline-start: 4px solid var(--_accent);
  }
  .banner .body {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
  }
  [part='dismiss'] {
    min-width: max(2em, 24px);
    min-height: max(2em, 24px);
    padding: 0 0.4em;
    font-size: 1.1em;
    line-height: 1;
    border-color: var(--_control-border);
    color: var(--_text);
  }
  [part='dismiss']:hover {
    border-color: var(--_accent);
  }

  @media (prefers-reduced-motion: reduce) {
    [part='panel'] {
      animation: none;
    }
    [part='badge']::before {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    [part='panel'],
    .inline,
    .banner {
      border-color: CanvasText;
    }
    [part='badge'],
    [part='dismiss'] {
      border-color: ButtonText;
      color: ButtonText;
      background: ButtonFace;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
