import { css } from 'lit';

export const eventListStyles = css`
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  [part='group-heading'] {
    font-size: 1em;
    font-weight: 650;
    margin-block: 0.5em 0.25em;
    margin-inline: 0;
    padding-block-end: 0.25em;
    border-block-end: 1px solid var(--_border);
  }
  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.66);
  }
  [part~='event'],
  [part~='skeleton'] {
    /* A long list lays out and paints only the rows near the screen; the rest keep their last size. */
    content-visibility: auto;
    contain-intrinsic-size: auto 6em;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: 0.2em;
    min-height: 5.5em;
  }
  [part~='event'].cancelled [part='title'] {
    text-decoration: line-through;
  }
  [part='time'] {
    margin: 0;
    font-size: 0.9em;
    display: flex;
    flex-wrap: wrap;
    gap: 0.15em 0.5em;
    align-items: baseline;
  }
  [part='time'] .main {
    font-weight: 600;
  }
  [part='time'] .your-time,
  [part='host-time'],
  [part='relative'] {
    color: var(--_muted);
  }
  [part='title'] {
    font-size: 1.05em;
    font-weight: 650;
  }
  [part='location'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  [part~='now'] {
    color: var(--_accent);
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin-block-start: 0.35em;
  }
  details > summary {
    cursor: pointer;
    color: var(--_accent);
    width: fit-content;
    /* A target of at least 24 × 24 CSS px (WCAG 2.5.8). */
    min-block-size: 24px;
    min-inline-size: 24px;
  }
  [part='add-to-calendar'] {
    position: relative;
  }
  [part='add-to-calendar'] ul {
    list-style: none;
    margin: 0;
    margin-block-start: 0.35em;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  [part='description'] .body {
    margin-block-start: 0.4em;
    overflow-wrap: anywhere;
  }
  [part='description'] .body > :first-child {
    margin-block-start: 0;
  }
  [part='description'] .body > :last-child {
    margin-block-end: 0;
  }
  /*
   * Text from the calendar (title, location, description, the next event's name) may be in
   * another direction than the page: each reads in the direction of its own first strong
   * character (like dir="auto") and is isolated from the times and words beside it.
   */
  [part='title'],
  [part='location'],
  [part='description'] .body,
  [part='description'] .body :is(p, div, li, blockquote, pre, h1, h2, h3, h4, h5, h6),
  [part='empty'] strong {
    unicode-bidi: plaintext;
  }
  [part='error'],
  [part='empty'],
  [part='stale'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0;
  }
  [part='error'] {
    border-color: var(--_danger);
  }
  [part='error'] p {
    margin: 0 0 0.5em;
  }
  [part='error'] .title {
    font-weight: 650;
  }
  [part='stale'] {
    font-size: 0.9em;
    color: var(--_muted);
  }
  [part='warnings'] {
    font-size: 0.85em;
    color: var(--_muted);
    margin-block: calc(var(--_space) * 0.5);
  }
  [part='warnings'] summary {
    cursor: pointer;
  }
  [part='warnings'] ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.2em;
    overflow-wrap: anywhere;
  }
  [part='footer'] {
    font-size: 0.9em;
  }
  .skeleton.wide {
    height: 1.1em;
    width: 60%;
  }
  .skeleton.narrow {
    width: 35%;
  }
  @media (forced-colors: active) {
    [part~='event'],
    [part~='skeleton'],
    [part='error'],
    [part='empty'],
    [part='stale'] {
      border-color: CanvasText;
    }
  }
`;
