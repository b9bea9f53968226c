import { css } from 'lit';

export const discussionCardStyles = css`
  [part='base'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: calc(var(--_space) * 1.25);
    display: grid;
    gap: var(--_space);
  }
  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  [part='title'] {
    font-size: 1.2em;
    font-weight: 700;
  }
  [part='region'] {
    margin: 0;
    font-size: 0.9em;
  }
  [part='region'] .code {
    font-weight: 650;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0.05em 0.65em;
    color: var(--_accent);
  }
  [part='region'] .full {
    color: var(--_muted);
  }
  [part='description'] ::slotted(*) {
    margin-block-start: 0;
  }
  /* The group's name and description may be in another direction than the page (like dir="auto"). */
  [part='title'],
  [part='description'] ::slotted(*) {
    unicode-bidi: plaintext;
  }
  [part='facts'] {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.35em 1em;
    margin: 0;
  }
  [part='facts'] dt {
    font-weight: 650;
  }
  [part='facts'] dd {
    margin: 0;
    /* A long word may break rather than widen the card past a narrow screen (reflow at 320 px). */
    overflow-wrap: anywhere;
  }
  [part='format'] .explanation {
    color: var(--_muted);
  }
  [part='sessions'] h2,
  [part='sessions'] h3,
  [part='sessions'] h4,
  [part='sessions'] h5,
  [part='sessions'] h6 {
    font-size: 1em;
    margin: 0 0 0.35em;
  }
  [part='session-list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.35em;
  }
  [part~='session'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.15em 0.6em;
    align-items: baseline;
  }
  [part~='session'] .when {
    font-weight: 600;
  }
  [part~='session'] .muted,
  [part~='session'] [part='host-time'],
  [part~='session'] [part='relative'] {
    color: var(--_muted);
    font-size: 0.9em;
  }
  [part~='session'].cancelled .when {
    text-decoration: line-through;
  }
  [part~='next'] {
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: 0.5em;
  }
  [part~='next-badge'] {
    color: var(--_accent);
  }
  [part='actions'],
  [part='links'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='error'] {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  [part='error'] p {
    margin: 0 0 0.5em;
  }
  .skeleton {
    width: 60%;
  }
  @media (forced-colors: active) {
    [part='base'],
    [part='error'] {
      border-color: CanvasText;
    }
    [part~='next'] {
      border-inline-start-color: Highlight;
    }
  }
`;
