import { css } from 'lit';
import { tokenStyles } from './tokens.styles.js';

/** Buttons, button-styled links and visually hidden text, as the calendar elements use them. */
export const controlStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button,
  .button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.3em 0.9em;
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
    text-decoration: none;
    display: inline-block;
    line-height: 1.3;
  }
  .button.primary,
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  @media (forced-colors: active) {
    /* Filled (primary) buttons too: system colours, not the accent fill and its on-accent text. */
    button,
    .button,
    button.primary,
    .button.primary {
      border-color: ButtonText;
      color: ButtonText;
      background: ButtonFace;
    }
    a.button,
    a.button.primary {
      color: LinkText;
      border-color: LinkText;
    }
  }
`;

/** What the calendar elements share: the tokens and the controls. */
export const calendarElementStyles = [tokenStyles, controlStyles];
